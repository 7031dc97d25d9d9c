import { useMemo } from 'react';
import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LorenzView } from '@kept/contract/retention-types.ts';
import { useApi } from '../common/use-api.ts';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Figure, Loading, percent } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';
import { baseOption, RetentionChart } from './retention-chart.tsx';

function lorenzOption(curve: LorenzView, rtl: boolean, language: string, labels: { curve: string; equality: string }) {
  const pct = (v: number) => percent(language, v, 0);
  return {
    ...baseOption(rtl),
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: 0, max: 1, inverse: rtl, axisLabel: { formatter: pct } },
    yAxis: { type: 'value', min: 0, max: 1, position: rtl ? 'right' : 'left', axisLabel: { formatter: pct } },
    series: [
      {
        type: 'line',
        name: labels.curve,
        data: curve.points.map((p) => [p.p, p.share]),
        showSymbol: false,
        areaStyle: { opacity: 0.15 },
        lineStyle: { width: 3 },
      },
      {
        type: 'line',
        name: labels.equality,
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#868e96' },
      },
    ],
  };
}

export function ParetoPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rtl = directionOf(i18n.language) === 'rtl';
  const { data, error, reload } = useApi(() => retentionApi.pareto(), []);
  const options = useMemo(() => {
    if (!data) return null;
    const equality = t('retention.pareto.equality');
    return {
      revenue: lorenzOption(data.revenue, rtl, i18n.language, { curve: t('retention.pareto.revenueCurve'), equality }),
      complaints: lorenzOption(data.complaints, rtl, i18n.language, {
        curve: t('retention.pareto.complaintsCurve'),
        equality,
      }),
    };
  }, [data, rtl, t, i18n.language]);
  if (!data || !options) return <Loading error={error} onRetry={reload} />;
  return (
    <Stack gap="md" data-testid="retention-pareto">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure
          label={t('retention.pareto.top20Revenue')}
          value={percent(i18n.language, data.revenue.top20Share)}
          testId="top20-revenue"
        />
        <Figure label={t('retention.pareto.giniRevenue')} value={format.number(data.revenue.gini, 3)} />
        <Figure
          label={t('retention.pareto.top20Complaints')}
          value={percent(i18n.language, data.complaints.top20Share)}
        />
        <Figure label={t('retention.pareto.giniComplaints')} value={format.number(data.complaints.gini, 3)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card title={t('retention.pareto.revenueTitle', { count: data.revenue.population })}>
          <RetentionChart
            option={options.revenue}
            ariaLabel={t('retention.pareto.revenueCurve')}
            testId="chart-lorenz-revenue"
          />
        </Card>
        <Card title={t('retention.pareto.complaintsTitle', { count: data.complaints.population })}>
          <RetentionChart
            option={options.complaints}
            ariaLabel={t('retention.pareto.complaintsCurve')}
            testId="chart-lorenz-complaints"
          />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
