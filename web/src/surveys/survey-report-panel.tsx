import { useMemo, useState } from 'react';
import { Badge, Group, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyGroupRow, SurveyReportResponse } from '@kept/contract/survey-types.ts';
import { surveyApi } from '../api/survey-api.ts';
import { useApi } from '../common/use-api.ts';
import { UserLine } from '../common/user-text.tsx';
import { EChart, type ChartOption } from '../dashboard/echart.tsx';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Figure, Loading, percent } from '../retention/panel-kit.tsx';
import { baseOption } from '../retention/retention-chart.tsx';

const GROUPS = ['team', 'owner', 'channel', 'language', 'caseKind'] as const;
type Group = (typeof GROUPS)[number];
const ROWS: Record<Group, keyof SurveyReportResponse> = {
  team: 'byTeam',
  owner: 'byOwner',
  channel: 'byChannel',
  language: 'byLanguage',
  caseKind: 'byCaseKind',
};

/** Response rate, scores and comments, per group and month; NPS and the intake expectation beside them (K16). */
export function SurveyReportPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rtl = directionOf(i18n.language) === 'rtl';
  const { data, error, reload } = useApi(() => surveyApi.report(), []);
  const [group, setGroup] = useState<Group>('team');
  const option = useMemo((): ChartOption | null => {
    if (!data) return null;
    return {
      ...baseOption(rtl),
      xAxis: { type: 'category', data: data.byMonth.map((m) => m.key), inverse: rtl },
      yAxis: [
        { type: 'value', min: 1, max: 5, position: rtl ? 'right' : 'left' },
        {
          type: 'value',
          min: 0,
          max: 1,
          position: rtl ? 'left' : 'right',
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
        },
      ],
      series: [
        {
          type: 'line',
          name: t('surveys.report.mean'),
          data: data.byMonth.map((m) => (m.meanScore === null ? null : Number(m.meanScore.toFixed(2)))),
          itemStyle: { color: '#0ca678' },
        },
        {
          type: 'bar',
          yAxisIndex: 1,
          name: t('surveys.report.responseRate'),
          data: data.byMonth.map((m) => m.responseRate),
          itemStyle: { color: '#a5d8ff' },
        },
      ],
    } as ChartOption;
  }, [data, rtl, t]);
  if (!data || !option) return <Loading error={error} onRetry={reload} />;
  const o = data.overall;
  const label = (row: SurveyGroupRow) =>
    row.key === ''
      ? t('surveys.report.none')
      : group === 'channel'
        ? t(`channel.${row.key}`, { defaultValue: row.label })
        : row.label;
  return (
    <Stack gap="md" data-testid="survey-report">
      {o.sent === 0 && <Text c="dimmed">{t('surveys.report.empty')}</Text>}
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
        <Figure
          label={t('surveys.report.responseRate')}
          value={percent(i18n.language, o.responseRate)}
          testId="survey-response-rate"
        />
        <Figure label={t('surveys.report.mean')} value={format.number(o.meanScore, 2)} testId="survey-mean" />
        <Figure label={t('surveys.report.lowShare')} value={percent(i18n.language, o.lowShare)} />
        <Figure label={t('surveys.report.effort')} value={format.number(o.meanEffort, 1)} />
        <Figure label={t('surveys.report.nps')} value={format.number(data.nps.score)} testId="survey-nps" />
        <Figure label={t('surveys.report.expectation')} value={percent(i18n.language, data.expectation.metShare)} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('surveys.report.npsDetail', data.nps)} · {t('surveys.report.expectationDetail', data.expectation)}
      </Text>
      <Card title={t('surveys.report.byMonth')}>
        <EChart option={option} ariaLabel={t('surveys.report.byMonth')} testId="chart-survey-months" />
      </Card>
      <Card title={t('surveys.report.groups')} testId="survey-groups">
        <SegmentedControl
          value={group}
          onChange={(v) => setGroup(v as Group)}
          data={GROUPS.map((g) => ({ value: g, label: t(`surveys.report.group.${g}`) }))}
          mb="sm"
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['group', 'sent', 'answered', 'rate', 'mean', 'low'] as const).map((c) => (
                  <Table.Th key={c}>{t(`surveys.report.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data[ROWS[group]] as SurveyGroupRow[]).map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    <UserLine>{label(row)}</UserLine>
                  </Table.Td>
                  <Table.Td>{format.number(row.sent)}</Table.Td>
                  <Table.Td>{format.number(row.answered)}</Table.Td>
                  <Table.Td>{percent(i18n.language, row.responseRate)}</Table.Td>
                  <Table.Td>{format.number(row.meanScore, 2)}</Table.Td>
                  <Table.Td>{percent(i18n.language, row.lowShare)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card title={t('surveys.report.comments')} testId="survey-comments">
          {data.comments.length === 0 && <Text c="dimmed">{t('surveys.report.noComments')}</Text>}
          <Stack gap="xs">
            {data.comments.slice(0, 12).map((c) => (
              <Group key={c.surveyId} gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={c.score <= 2 ? 'red' : c.score >= 4 ? 'teal' : 'gray'} variant="light">
                  {c.score}
                </Badge>
                <Text size="sm" dir="auto" style={{ flex: 1 }}>
                  {c.comment}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card title={t('surveys.report.skipped')}>
          {data.skipped.length === 0 && <Text c="dimmed">—</Text>}
          <Table>
            <Table.Tbody>
              {data.skipped.map((s) => (
                <Table.Tr key={s.reason}>
                  <Table.Td>{t(`surveys.skipReason.${s.reason}`, { defaultValue: s.reason })}</Table.Td>
                  <Table.Td>{format.number(s.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
