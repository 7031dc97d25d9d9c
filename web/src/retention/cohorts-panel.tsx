import { useMemo, useState } from 'react';
import { SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../common/use-api.ts';
import { directionOf } from '../i18n/i18n.ts';
import { Card, Figure, Loading, percent } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';
import { retentionCurveSeries } from './retention-curves.ts';
import { baseOption, CHART_FONT, RetentionChart } from './retention-chart.tsx';

export function CohortsPanel() {
  const { t, i18n } = useTranslation();
  const rtl = directionOf(i18n.language) === 'rtl';
  const [definition, setDefinition] = useState<'gap' | 'model'>('gap');
  const { data, error, reload } = useApi(() => retentionApi.cohorts(definition), [definition]);
  const options = useMemo(() => {
    if (!data) return null;
    const maxOffset = Math.min(data.maxOffset, 24);
    const offsets = Array.from({ length: maxOffset + 1 }, (_, k) => String(k));
    const cohorts = data.cohorts.slice(-36);
    const cells: Array<[number, number, number]> = [];
    cohorts.forEach((c, y) =>
      c.retention
        .slice(0, maxOffset + 1)
        .forEach((v, x) => v !== null && cells.push([x, y, Math.round(v * 1000) / 10])),
    );
    return {
      heatmap: {
        textStyle: { fontFamily: CHART_FONT },
        tooltip: { position: 'top' },
        grid: { left: 24, right: 24, top: 16, bottom: 96, containLabel: true },
        xAxis: {
          type: 'category',
          data: offsets,
          inverse: rtl,
          name: t('retention.cohorts.monthsSince'),
          nameLocation: 'middle',
          nameGap: 28,
          splitArea: { show: true },
        },
        yAxis: {
          type: 'category',
          data: cohorts.map((c) => c.cohort),
          inverse: true,
          position: rtl ? 'right' : 'left',
          splitArea: { show: true },
        },
        visualMap: {
          min: 0,
          max: 100,
          calculable: true,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          inRange: { color: ['#f8f9fa', '#63e6be', '#087f5b'] },
        },
        series: [
          {
            type: 'heatmap',
            name: t('retention.cohorts.retained'),
            data: cells,
            label: {
              show: cohorts.length <= 18 && maxOffset <= 12,
              formatter: (p: { value: number[] }) => `${p.value[2]}`,
            },
          },
        ],
      },
      curves: {
        ...baseOption(rtl),
        xAxis: { type: 'category', data: offsets, inverse: rtl },
        yAxis: {
          type: 'value',
          max: 1,
          position: rtl ? 'right' : 'left',
          axisLabel: { formatter: (v: number) => percent(i18n.language, v, 0) },
        },
        series: retentionCurveSeries(cohorts, maxOffset),
      },
    };
  }, [data, rtl, t, i18n.language]);
  if (!data || !options) return <Loading error={error} onRetry={reload} />;
  const e = data.earlyChurn;
  return (
    <Stack gap="md" data-testid="retention-cohorts">
      <SegmentedControl
        value={definition}
        onChange={(v) => setDefinition(v as 'gap' | 'model')}
        data={[
          { value: 'gap', label: t('retention.cohorts.definitionGap', { k: data.gapMultiple }) },
          {
            value: 'model',
            label: t('retention.cohorts.definitionModel', {
              threshold: percent(i18n.language, data.aliveThreshold, 0),
            }),
          },
        ]}
        data-testid="churn-definition"
      />
      <Text size="sm" c="dimmed">
        {t(definition === 'gap' ? 'retention.cohorts.explainGap' : 'retention.cohorts.explainModel', {
          k: data.gapMultiple,
          threshold: percent(i18n.language, data.aliveThreshold, 0),
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('retention.cohorts.lost90')} value={percent(i18n.language, e.all.lost90)} testId="lost-90" />
        <Figure
          label={t('retention.cohorts.lost365')}
          value={percent(i18n.language, e.all.lost365)}
          testId="lost-365"
        />
        {data.yearly.slice(-2).map((y) => (
          <Figure
            key={y.year}
            label={t('retention.cohorts.yearlyChurn', { year: y.year })}
            value={percent(i18n.language, y.churn)}
          />
        ))}
      </SimpleGrid>
      <Card title={t('retention.cohorts.heatmap')}>
        <RetentionChart
          option={options.heatmap}
          ariaLabel={t('retention.cohorts.heatmap')}
          height={Math.max(320, 28 * Math.min(data.cohorts.length, 36) + 120)}
          testId="chart-cohort-heatmap"
        />
      </Card>
      <Card title={t('retention.cohorts.curves')}>
        <RetentionChart
          option={options.curves}
          ariaLabel={t('retention.cohorts.curves')}
          testId="chart-retention-curves"
        />
      </Card>
      <Card title={t('retention.cohorts.byChannel')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('retention.common.channel')}</Table.Th>
              <Table.Th>{t('retention.repeat.customers')}</Table.Th>
              <Table.Th>{t('retention.cohorts.lost90')}</Table.Th>
              <Table.Th>{t('retention.cohorts.lost365')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.byChannel.map((c) => (
              <Table.Tr key={c.key ?? ''}>
                <Table.Td dir="auto">{c.key || t('retention.common.none')}</Table.Td>
                <Table.Td>{c.customers}</Table.Td>
                <Table.Td>{percent(i18n.language, c.lost90)}</Table.Td>
                <Table.Td>{percent(i18n.language, c.lost365)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
