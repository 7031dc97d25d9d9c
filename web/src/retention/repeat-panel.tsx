import { useMemo } from 'react';
import { SimpleGrid, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../common/use-api.ts';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Figure, Loading, percent } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';
import { baseOption, RetentionChart } from './retention-chart.tsx';

export function RepeatPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const rtl = directionOf(i18n.language) === 'rtl';
  const { data, error, reload } = useApi(() => Promise.all([retentionApi.repeat(), retentionApi.loyal()]), []);
  const options = useMemo(() => {
    if (!data) return null;
    const [r] = data;
    const labels = r.daysToSecond.buckets.map((b) =>
      b.upTo === null ? t('retention.repeat.over', { days: 365 }) : t('retention.repeat.upTo', { days: b.upTo }),
    );
    return {
      conversion: {
        ...baseOption(rtl),
        xAxis: { type: 'category', data: r.byCohort.map((c) => c.cohort), inverse: rtl },
        yAxis: {
          type: 'value',
          max: 1,
          position: rtl ? 'right' : 'left',
          axisLabel: { formatter: (v: number) => percent(i18n.language, v, 0) },
        },
        series: [
          {
            type: 'bar',
            name: t('retention.repeat.rate'),
            data: r.byCohort.map((c) => c.rate),
            itemStyle: { color: '#0ca678' },
          },
        ],
      },
      days: {
        ...baseOption(rtl),
        xAxis: { type: 'category', data: labels, inverse: rtl },
        yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
        series: [
          {
            type: 'bar',
            name: t('retention.repeat.customers'),
            data: r.daysToSecond.buckets.map((b) => b.customers),
            itemStyle: { color: '#1c7ed6' },
          },
        ],
      },
    };
  }, [data, rtl, t, i18n.language]);
  if (!data || !options) return <Loading error={error} onRetry={reload} />;
  const [r, loyal] = data;
  return (
    <Stack gap="md" data-testid="retention-repeat">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('retention.repeat.customers')} value={format.number(r.customers)} />
        <Figure
          label={t('retention.repeat.repeatRate')}
          value={percent(i18n.language, r.repeatRate)}
          testId="repeat-rate"
        />
        <Figure label={t('retention.repeat.medianDays')} value={format.number(r.daysToSecond.median)} />
        <Figure label={t('retention.repeat.loyalShare')} value={percent(i18n.language, r.loyal.revenueShare)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card title={t('retention.repeat.byCohort')}>
          <RetentionChart
            option={options.conversion}
            ariaLabel={t('retention.repeat.byCohort')}
            testId="chart-repeat-cohort"
          />
        </Card>
        <Card title={t('retention.repeat.daysToSecond')}>
          <RetentionChart
            option={options.days}
            ariaLabel={t('retention.repeat.daysToSecond')}
            testId="chart-days-to-second"
          />
        </Card>
      </SimpleGrid>
      <Card title={t('retention.repeat.loyal', { count: loyal.total })}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('retention.common.customer')}</Table.Th>
              <Table.Th>{t('retention.repeat.purchaseDays')}</Table.Th>
              <Table.Th>{t('retention.common.revenue')}</Table.Th>
              <Table.Th>{t('retention.common.clv')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loyal.customers.map((c) => (
              <Table.Tr key={c.customerId}>
                <Table.Td dir="auto">{c.name}</Table.Td>
                <Table.Td>{format.number(c.purchaseDays)}</Table.Td>
                <Table.Td>{format.number(c.revenue, 2)}</Table.Td>
                <Table.Td>{format.number(c.clv, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
