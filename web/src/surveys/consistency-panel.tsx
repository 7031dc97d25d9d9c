import { useMemo, useState } from 'react';
import { Alert, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SpreadGroupView } from '@kept/contract/survey-types.ts';
import { surveyApi, type SurveyGrouping } from '../api/survey-api.ts';
import { useApi } from '../common/use-api.ts';
import { UserLine } from '../common/user-text.tsx';
import { EChart, type ChartOption } from '../dashboard/echart.tsx';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Loading, percent } from '../retention/panel-kit.tsx';
import { baseOption } from '../retention/retention-chart.tsx';

const GROUPINGS: SurveyGrouping[] = ['owner', 'team', 'channel', 'caseKind', 'language'];

/** K18: the spread of satisfaction per group as a box plot, with n, intervals and the least consistent named. */
export function ConsistencyPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rtl = directionOf(i18n.language) === 'rtl';
  const [by, setBy] = useState<SurveyGrouping>('owner');
  const { data, error, reload } = useApi(() => surveyApi.consistency(by), [by]);
  const label = (g: SpreadGroupView) =>
    g.key === ''
      ? t('surveys.report.none')
      : by === 'channel'
        ? t(`channel.${g.key}`, { defaultValue: g.label })
        : g.label;
  const groups = useMemo(() => (data ? data.groups.filter((g) => g.n > 0).slice(0, 20) : []), [data]);
  const option = useMemo((): ChartOption | null => {
    if (!data) return null;
    return {
      ...baseOption(rtl),
      tooltip: { trigger: 'item' },
      // Groups down the side, scores across: names stay readable on a phone, however many groups.
      grid: { left: 8, right: 16, top: 32, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 1, max: 5, inverse: rtl },
      yAxis: {
        type: 'category',
        data: groups.map((g) => `${label(g)} (n=${g.n})`),
        inverse: true,
        position: rtl ? 'right' : 'left',
        axisLabel: { width: 140, overflow: 'break' },
      },
      series: [
        {
          type: 'boxplot',
          name: t('surveys.report.distribution'),
          data: groups.map((g) => [g.min, g.q1, g.median, g.q3, g.max]),
          itemStyle: { color: '#e6fcf5', borderColor: '#0ca678' },
        },
      ],
    } as ChartOption;
    // label depends on t and by only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, groups, rtl, t]);
  if (!data || !option) return <Loading error={error} onRetry={reload} />;
  const least = data.groups.filter((g) => data.leastConsistent.includes(g.key));
  const interval = (lo: number | null, hi: number | null, show: (v: number | null) => string) =>
    // Isolated left to right: in Arabic and Hebrew a bare (low–high) would read reversed.
    lo === null || hi === null ? '' : ` \u2066(${show(lo)}–${show(hi)})\u2069`;
  return (
    <Stack gap="md" data-testid="survey-consistency">
      <Text size="sm" c="dimmed">
        {t('surveys.consistency.hint')}
      </Text>
      <SegmentedControl
        value={by}
        onChange={(v) => setBy(v as SurveyGrouping)}
        data={GROUPINGS.map((g) => ({ value: g, label: t(`surveys.report.group.${g}`) }))}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      <Alert
        color={least.length ? 'orange' : 'gray'}
        title={t('surveys.consistency.least')}
        data-testid="least-consistent"
      >
        {least.length
          ? least.map((g) => `${label(g)} (SD ${format.number(g.sd, 2)}, n=${g.n})`).join(' · ')
          : t('surveys.consistency.leastNone', { min: data.minAnswers })}
      </Alert>
      <Card title={t('surveys.consistency.chart')}>
        <EChart
          option={option}
          ariaLabel={t('surveys.consistency.chart')}
          height={80 + 40 * Math.max(3, groups.length)}
          testId="chart-survey-spread"
        />
      </Card>
      <Card title={t('surveys.report.groups')}>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['group', 'n', 'mean', 'sd', 'iqr', 'low'] as const).map((c) => (
                  <Table.Th key={c}>{t(`surveys.consistency.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.groups.map((g) => (
                <Table.Tr key={g.key} c={g.fewAnswers ? 'dimmed' : undefined}>
                  <Table.Td>
                    <UserLine>{label(g)}</UserLine>
                    {g.fewAnswers && (
                      <Badge size="xs" color="gray" variant="light">
                        {t('surveys.consistency.few', { min: data.minAnswers })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{format.number(g.n)}</Table.Td>
                  <Table.Td>
                    {format.number(g.mean, 2)}
                    {interval(g.meanLow, g.meanHigh, (v) => format.number(v, 2))}
                  </Table.Td>
                  <Table.Td>{format.number(g.sd, 2)}</Table.Td>
                  <Table.Td>{format.number(g.iqr, 1)}</Table.Td>
                  <Table.Td>
                    {percent(i18n.language, g.lowShare)}
                    {interval(g.lowShareLow, g.lowShareHigh, (v) => percent(i18n.language, v, 0))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
