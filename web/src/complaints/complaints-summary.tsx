import { useMemo } from 'react';
import { SimpleGrid, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { complaintApi } from '../api/complaint-api.ts';
import { useApi } from '../common/use-api.ts';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Figure, Loading } from '../retention/panel-kit.tsx';
import { baseOption, RetentionChart } from '../retention/retention-chart.tsx';

/** K12: the last 12 months' complaints by kind (chart) and by how they were found, beside the rate. */
export function ComplaintsSummary() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rtl = directionOf(i18n.language) === 'rtl';
  const { data, error, reload } = useApi(() => complaintApi.report(), []);
  const option = useMemo(() => {
    if (!data) return null;
    const kinds = data.byKind.filter((k) => k.complaints > 0);
    return {
      ...baseOption(rtl),
      // One series: its name is the card's, so no legend over the bars.
      legend: { show: false },
      grid: { containLabel: true, left: 8, right: 8, top: 8, bottom: 8 },
      xAxis: { type: 'value', inverse: rtl, minInterval: 1 },
      yAxis: {
        type: 'category',
        data: kinds.map((k) => t(`complaints.kind.${k.key}`)),
        position: rtl ? 'right' : 'left',
        inverse: true,
      },
      series: [
        {
          type: 'bar',
          name: t('complaints.report.count'),
          data: kinds.map((k) => k.complaints),
          itemStyle: { color: '#ae3ec9' },
        },
      ],
    };
  }, [data, rtl, t]);
  if (!data || !option) return <Loading error={error} onRetry={reload} />;
  return (
    <Card title={t('complaints.report.title')} testId="complaints-summary">
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="sm">
        <Figure
          label={t('complaints.report.count')}
          value={format.number(data.complaints)}
          testId="complaints-summary-count"
        />
        <Figure label={t('complaints.report.complainers')} value={format.number(data.complainers)} />
        <Figure label={t('complaints.report.open')} value={format.number(data.open)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <RetentionChart
          option={option}
          ariaLabel={t('complaints.report.byKind')}
          height={Math.max(160, 60 + 36 * data.byKind.filter((k) => k.complaints > 0).length)}
          testId="chart-complaint-kinds"
        />
        <Table striped data-testid="complaints-by-source">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('complaints.report.bySource')}</Table.Th>
              <Table.Th>{t('complaints.report.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.bySource.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{t(`complaints.source.${row.key}`)}</Table.Td>
                <Table.Td>{format.number(row.complaints)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Card>
  );
}
