import { useMemo, useState } from 'react';
import { Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context.tsx';
import { useApi } from '../common/use-api.ts';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { formatMoney, moneyEdge } from '../i18n/format-money.ts';
import { Card, Figure, Loading } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';
import { baseOption, RetentionChart } from './retention-chart.tsx';

export function ClvPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { isSupervisor } = useSession();
  const rtl = directionOf(i18n.language) === 'rtl';
  const { data, error, reload } = useApi(() => retentionApi.clv(), []);
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => {
    if (!data) return null;
    const step = data.histogram.top / 20;
    const buckets = Array.from(
      { length: 22 },
      (_, b) => data.histogram.buckets.find((x) => x.bucket === b)?.customers ?? 0,
    );
    // Bin b holds (step·(b−1), step·b]; bin 0 is below zero, bin 21 above the top (round edges from the server).
    const edge = (v: number) => moneyEdge(i18n.language, v, data.currency);
    const labels = buckets.map((_, b) =>
      b === 21 ? `> ${edge(data.histogram.top)}` : b === 0 ? `< ${edge(0)}` : `≤ ${edge(step * b)}`,
    );
    const groups = (['good', 'bad', 'noContact'] as const).map((k) => ({ k, g: data.service[k] }));
    return {
      histogram: {
        ...baseOption(rtl),
        xAxis: {
          type: 'category',
          data: labels,
          inverse: rtl,
          name: t('retention.clv.value'),
          nameLocation: 'middle',
          nameGap: 28,
        },
        yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
        series: [
          { type: 'bar', name: t('retention.repeat.customers'), data: buckets, itemStyle: { color: '#7048e8' } },
        ],
      },
      service: {
        ...baseOption(rtl),
        xAxis: { type: 'category', data: groups.map(({ k }) => t(`retention.clv.service.${k}`)), inverse: rtl },
        yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: edge } },
        series: [
          {
            type: 'bar',
            name: t('retention.clv.meanClv'),
            data: groups.map(({ g }) => g.meanClv ?? 0),
            itemStyle: { color: '#0ca678' },
          },
          {
            type: 'bar',
            name: t('retention.clv.medianClv'),
            data: groups.map(({ g }) => g.medianClv ?? 0),
            itemStyle: { color: '#74c0fc' },
          },
        ],
      },
      cost: {
        ...baseOption(rtl),
        xAxis: {
          type: 'category',
          data: data.byChannel.map((c) => c.channel || t('retention.common.none')),
          inverse: rtl,
        },
        yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: edge } },
        series: [
          {
            type: 'bar',
            name: t('retention.clv.meanClv'),
            data: data.byChannel.map((c) => c.meanClv),
            itemStyle: { color: '#0ca678' },
          },
          {
            type: 'bar',
            name: t('retention.clv.cost'),
            data: data.byChannel.map((c) => c.costPerCustomer ?? 0),
            itemStyle: { color: '#fa5252' },
          },
        ],
      },
    };
  }, [data, rtl, t, format]);
  if (!data || !options) return <Loading error={error} onRetry={reload} />;
  const money = (v: number, digits = 2) => formatMoney(i18n.language, v, data.currency, digits);
  const refresh = async () => {
    setBusy(true);
    try {
      await retentionApi.refreshScores();
      reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="md" data-testid="retention-clv">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {data.fit
            ? t('retention.clv.fitted', {
                model: data.fit.model === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD',
                date: data.fit.asOf,
                days: data.fit.horizonDays,
                rate: format.number(data.fit.annualDiscountRate * 100, 1),
              })
            : t('retention.clv.none')}
        </Text>
        {isSupervisor && (
          <Button size="xs" variant="default" loading={busy} onClick={() => void refresh()} data-testid="clv-refresh">
            {t('retention.clv.refresh')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('retention.clv.total')} value={money(data.total, 0)} testId="clv-total" />
        <Figure label={t('retention.clv.meanClv')} value={money(data.mean)} testId="clv-mean" />
        <Figure label={t('retention.clv.medianClv')} value={money(data.median)} />
        <Figure label={t('retention.clv.customers')} value={format.number(data.fit?.customers ?? 0)} />
      </SimpleGrid>
      <Card title={t('retention.clv.distribution')}>
        <RetentionChart
          option={options.histogram}
          ariaLabel={t('retention.clv.distribution')}
          testId="chart-clv-distribution"
        />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card title={t('retention.clv.goodVsBad')}>
          <Text size="xs" c="dimmed" mb="xs">
            {t('retention.clv.goodVsBadHelp')}
          </Text>
          <RetentionChart
            option={options.service}
            ariaLabel={t('retention.clv.goodVsBad')}
            testId="chart-clv-service"
          />
        </Card>
        <Card title={t('retention.clv.vsCost')}>
          <RetentionChart option={options.cost} ariaLabel={t('retention.clv.vsCost')} testId="chart-clv-cost" />
          <Table mt="xs">
            <Table.Tbody>
              {data.byChannel.map((c) => (
                <Table.Tr key={c.channel}>
                  <Table.Td dir="auto">{c.channel || t('retention.common.none')}</Table.Td>
                  <Table.Td>
                    {c.ratio === null
                      ? t('retention.clv.noCost')
                      : t('retention.clv.ratio', { ratio: format.number(c.ratio, 1) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
