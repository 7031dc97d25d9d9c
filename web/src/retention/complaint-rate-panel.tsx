import { useMemo } from 'react';
import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../common/use-api.ts';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Figure, Loading } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';
import { baseOption, RetentionChart } from './retention-chart.tsx';
import { ComplaintsSummary } from '../complaints/complaints-summary.tsx';

export function ComplaintRatePanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rtl = directionOf(i18n.language) === 'rtl';
  const { data, error, reload } = useApi(() => retentionApi.complaintRate(), []);
  const option = useMemo(() => {
    if (!data) return null;
    return {
      ...baseOption(rtl),
      xAxis: { type: 'category', data: data.months.map((m) => m.month), inverse: rtl },
      yAxis: {
        type: 'value',
        name: t('retention.complaints.axis'),
        position: rtl ? 'right' : 'left',
        nameTextStyle: { align: rtl ? 'right' : 'left' },
      },
      series: [
        {
          type: 'line',
          name: t('retention.complaints.per1000'),
          data: data.months.map((m) => m.per1000),
          connectNulls: false,
          areaStyle: { opacity: 0.1 },
          itemStyle: { color: '#e8590c' },
        },
      ],
    };
  }, [data, rtl, t]);
  if (!data || !option) return <Loading error={error} onRetry={reload} />;
  return (
    <Stack gap="md" data-testid="retention-complaints">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Figure
          label={t('retention.complaints.overall')}
          value={format.number(data.overall.per1000, 1)}
          testId="complaints-per-1000"
        />
        <Figure label={t('retention.complaints.complaints')} value={format.number(data.overall.complaints)} />
        <Figure label={t('retention.complaints.active')} value={format.number(data.overall.active)} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('retention.complaints.definition')}
      </Text>
      <ComplaintsSummary />
      <Card title={t('retention.complaints.monthly')}>
        <RetentionChart option={option} ariaLabel={t('retention.complaints.monthly')} testId="chart-complaint-rate" />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        {(['acquisitionChannel', 'product', 'caseChannel'] as const).map((dim) => (
          <Card key={dim} title={t(`retention.complaints.by.${dim}`)}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('retention.complaints.per1000')}</Table.Th>
                  <Table.Th>{t('retention.complaints.ofActive')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.breakdowns[dim].slice(0, 10).map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Td dir="auto">{row.key || t('retention.common.none')}</Table.Td>
                    <Table.Td>{format.number(row.per1000, 1)}</Table.Td>
                    <Table.Td>
                      {format.number(row.complaints)} / {format.number(row.active)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
