import { useEffect, useMemo, useState } from 'react';
import { Box, Center, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { byChannelOption, byTeamOption, dailyOption, histogramOption, promisesOption } from './chart-options.ts';
import { EChart, type ChartOption } from './echart.tsx';
import { TeamFiguresCard } from './team-figures-card.tsx';
import { TimeByGroupCard } from './time-by-group-card.tsx';

const PERIODS = ['7', '30', '90'] as const;

function Counter({ label, value, testId, alert }: { label: string; value: string; testId: string; alert?: boolean }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={800} size="xl" c={alert ? 'red.7' : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

function ChartCard({ title, option, testId }: { title: string; option: ChartOption; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {title}
      </Title>
      <EChart option={option} ariaLabel={title} testId={testId} />
    </Paper>
  );
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>('30');
  const range = useMemo(() => {
    const to = new Date();
    const from = new Date(to.getTime() - Number(period) * 86_400_000);
    return { from: from.toISOString(), to: to.toISOString() };
  }, [period]);
  const { data, error, reload } = useApi(() => api.serviceMetrics(range.from, range.to), [range]);
  useLiveReload(reload);
  const rtl = directionOf(i18n.language) === 'rtl';

  useEffect(() => {
    document.title = `${t('dashboard.title')} · ${t('app.name')}`;
  }, [t]);

  const options = useMemo(() => {
    if (!data) return null;
    const ctx = { t, format, rtl };
    return {
      histogram: histogramOption(ctx, data.firstResponseMinutes, true, t('dashboard.axis.minutes')),
      byChannel: byChannelOption(ctx, data),
      byTeam: byTeamOption(ctx, data),
      daily: dailyOption(ctx, data),
      handoffs: histogramOption(ctx, data.handoffsPerCase, false, t('dashboard.axis.handoffs')),
      promises: promisesOption(ctx, data),
    };
  }, [data, t, format, rtl]);

  return (
    <Stack gap="md" data-testid="dashboard-page">
      <Group justify="space-between">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('dashboard.period')}
          </Text>
          <SegmentedControl
            value={period}
            onChange={(v) => setPeriod(v as (typeof PERIODS)[number])}
            data={PERIODS.map((p) => ({ value: p, label: t(`dashboard.periods.${p}`) }))}
            data-testid="dashboard-period"
          />
        </Group>
      </Group>
      <ErrorAlert error={error} onRetry={reload} />
      {!data && !error && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {data && options && (
        <>
          <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="sm">
            <Counter
              label={t('dashboard.counters.unanswered')}
              value={format.number(data.unanswered)}
              testId="counter-unanswered"
              alert={data.unanswered > 0}
            />
            <Counter
              label={t('dashboard.counters.openEscalations')}
              value={format.number(data.openEscalations)}
              testId="counter-open-escalations"
            />
            <Counter
              label={t('dashboard.counters.overdueEscalations')}
              value={format.number(data.overdueEscalations)}
              testId="counter-overdue-escalations"
              alert={data.overdueEscalations > 0}
            />
            <Counter
              label={t('dashboard.counters.hellFlagged')}
              value={format.number(data.hellFlaggedCases)}
              testId="counter-hell"
              alert={data.hellFlaggedCases > 0}
            />
            <Counter
              label={t('dashboard.counters.firstResponseP50')}
              value={format.duration(data.firstResponseMinutes.p50)}
              testId="counter-p50"
            />
            <Counter
              label={t('dashboard.counters.firstResponseP90')}
              value={format.duration(data.firstResponseMinutes.p90)}
              testId="counter-p90"
            />
          </SimpleGrid>
          {data.firstResponseMinutes.count === 0 && data.daily.length === 0 && (
            <Text c="dimmed">{t('dashboard.noData')}</Text>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ChartCard
              title={t('dashboard.charts.firstResponseHistogram')}
              option={options.histogram}
              testId="chart-first-response"
            />
            <ChartCard
              title={t('dashboard.charts.firstResponseByChannel')}
              option={options.byChannel}
              testId="chart-by-channel"
            />
            <TeamFiguresCard metrics={data} option={options.byTeam} />
            {/* Seven columns in Russian do not fit half the page: the table takes the whole row. */}
            <Box style={{ gridColumn: '1 / -1' }}>
              <TimeByGroupCard metrics={data} />
            </Box>
            <ChartCard title={t('dashboard.charts.daily')} option={options.daily} testId="chart-daily" />
            <ChartCard title={t('dashboard.charts.handoffs')} option={options.handoffs} testId="chart-handoffs" />
            <ChartCard title={t('dashboard.charts.promises')} option={options.promises} testId="chart-promises" />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
