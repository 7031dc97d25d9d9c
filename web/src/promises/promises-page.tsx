import { useState } from 'react';
import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PromiseRatesResponse, RateRow } from '@kept/contract/promise-api-types.ts';
import { useSession } from '../auth/session-context.tsx';
import { describeEvent } from '../cases/describe-event.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { EChart } from '../dashboard/echart.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { DueSoonBoard } from './due-soon-board.tsx';
import { promiseApi } from '../api/promise-api.ts';

type GroupBy = 'byOwner' | 'byTeam' | 'byChannel' | 'byKind' | 'byWeek';
const GROUPS: Array<[GroupBy, string]> = [
  ['byOwner', 'owner'],
  ['byTeam', 'team'],
  ['byChannel', 'channel'],
  ['byKind', 'kind'],
  ['byWeek', 'week'],
];

function RatesTable({ rates }: { rates: PromiseRatesResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [by, setBy] = useState<GroupBy>('byOwner');
  const pct = (v: number | null) => (v === null ? t('promises.noData') : `${format.number(v * 100)}%`);
  const label = (row: RateRow) =>
    by === 'byKind'
      ? t(`promiseKind.${row.key}`, { defaultValue: row.key })
      : by === 'byChannel'
        ? t(`channel.${row.key}`, { defaultValue: row.key })
        : by === 'byWeek'
          ? format.date(row.key)
          : row.label || t('promises.teamNone');
  const rows = [...rates[by], { ...rates.overall, label: t('promises.all') }];
  return (
    <Paper withBorder p="md" data-testid="promise-rates">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('promises.rates')}</Title>
          <SegmentedControl
            size="xs"
            value={by}
            onChange={(v) => setBy(v as GroupBy)}
            data={GROUPS.map(([value, key]) => ({ value, label: t(`promises.by.${key}`) }))}
          />
        </Group>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['group', 'made', 'kept', 'broken', 'renegotiated', 'early', 'onTime', 'late'] as const).map((c) => (
                  <Table.Th key={c}>{t(`promises.col.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={`${row.key}-${i}`} fw={i === rows.length - 1 ? 700 : undefined}>
                  <Table.Td>
                    <bdi>{i === rows.length - 1 ? t('promises.all') : label(row)}</bdi>
                  </Table.Td>
                  <Table.Td>{format.number(row.made)}</Table.Td>
                  <Table.Td>{pct(row.keptRate)}</Table.Td>
                  <Table.Td>{pct(row.brokenRate)}</Table.Td>
                  <Table.Td>{pct(row.renegotiatedRate)}</Table.Td>
                  <Table.Td>{pct(row.earlyShare)}</Table.Td>
                  <Table.Td>{pct(row.onTimeShare)}</Table.Td>
                  <Table.Td>{pct(row.lateShare)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function Trend({ rates }: { rates: PromiseRatesResponse }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const weeks = rates.byWeek;
  const rtl = i18n.dir() === 'rtl';
  const series = (name: string, pick: (r: RateRow) => number | null, color: string) => ({
    name,
    type: 'line' as const,
    // Straight segments: a smoothed rate invents weeks' values between the measured ones.
    smooth: false,
    color,
    data: weeks.map((w) => (pick(w) === null ? null : Math.round(pick(w)! * 1000) / 10)),
  });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('promises.trend')}
      </Title>
      <EChart
        ariaLabel={t('promises.trend')}
        testId="promise-trend"
        option={
          {
            tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
            legend: { bottom: 0 },
            grid: { left: 40, right: 20, top: 10, bottom: 40 },
            xAxis: { type: 'category', inverse: rtl, data: weeks.map((w) => format.date(w.key)) },
            yAxis: { type: 'value', max: 100, position: rtl ? 'right' : 'left', axisLabel: { formatter: '{value}%' } },
            series: [
              series(t('promises.trendKept'), (r) => r.keptRate, '#12b886'),
              series(t('promises.trendBroken'), (r) => r.brokenRate, '#fa5252'),
              series(t('promises.trendRenegotiated'), (r) => r.renegotiatedRate, '#fab005'),
            ],
          } as never
        }
      />
    </Paper>
  );
}

function BrokenDrillDown() {
  const { t } = useTranslation();
  const format = useFormat();
  const broken = useApi(() => promiseApi.broken(), []);
  useLiveReload(broken.reload, (n) => n.kind === 'desk' && (n.what?.startsWith('promise.') ?? false));
  return (
    <Paper withBorder p="md" data-testid="broken-promises">
      <Stack gap="xs">
        <Title order={4}>{t('promises.broken')}</Title>
        <ErrorAlert error={broken.error} onRetry={broken.reload} />
        {broken.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('promises.brokenEmpty')}
          </Text>
        )}
        {broken.data?.items.map((item) => (
          <Paper key={item.promise.id} p="xs" bg="gray.0" data-testid="broken-item">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                <Anchor component={Link} to={`/app/cases/${item.promise.caseId}`}>
                  {item.promise.reference}
                </Anchor>{' '}
                · {t(`promiseKind.${item.promise.kind}`)} · <bdi>{item.customerName}</bdi>
              </Text>
              <Text size="xs" c="red.7">
                {t('promises.brokenAt', { at: format.dateTime(item.brokenAt) })}
              </Text>
            </Group>
            <Text size="xs" dir="auto">
              {item.promise.description}
            </Text>
            <Stack gap={0} mt={4} ps="sm" style={{ borderInlineStart: '2px solid var(--mantine-color-gray-4)' }}>
              {item.next.map((e, i) => (
                <Text key={i} size="xs" c="dimmed">
                  {format.dateTime(e.at)} ·{' '}
                  {describeEvent(
                    t,
                    format,
                    { kind: 'event', at: e.at, caseId: item.promise.caseId, eventType: e.type, data: e.data },
                    () => e.actorName ?? '',
                  )}
                </Text>
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

function Simulation() {
  const { t } = useTranslation();
  const format = useFormat();
  const sim = useApi(() => promiseApi.simulation(8), []);
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? t('promises.noData') : `${format.number(v * 100)}%`;
  return (
    <Paper withBorder p="md" data-testid="simulation">
      <Stack gap="xs">
        <Title order={4}>{t('promises.simulation')}</Title>
        <ErrorAlert error={sim.error} onRetry={sim.reload} />
        {sim.data && (
          <>
            <Text size="xs" c="dimmed">
              {t('promises.simulationHint', { weeks: sim.data.weeks, p: sim.data.percentile })}
            </Text>
            <SimpleGrid cols={2}>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('promises.actualKept')}
                </Text>
                <Text size="xl" fw={700} data-testid="simulation-actual">
                  {pct(sim.data.actualKeptShare)}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('promises.simulatedKept')}
                </Text>
                <Text size="xl" fw={700} c="teal.8" data-testid="simulation-simulated">
                  {pct(sim.data.simulatedKeptShare)}
                </Text>
              </Stack>
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('promises.simulationPromises', { count: sim.data.promises })}
            </Text>
            {sim.data.byKind.map((k) => (
              <Text key={k.kind} size="xs">
                {t(`promiseKind.${k.kind}`, { defaultValue: k.kind })}: {pct(k.actualKeptShare)} →{' '}
                {pct(k.simulatedKeptShare)}
                {k.quotedMinutes !== null
                  ? ` · ${t('promises.quotedTypical', { time: format.duration(k.quotedMinutes) })}`
                  : ''}
              </Text>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Expectations() {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useApi(() => promiseApi.expectations(), []);
  const pct = (v: number | null) => (v === null ? t('promises.noData') : `${format.number(v * 100)}%`);
  const rows = report.data
    ? [
        ...report.data.byChannel.map((r) => ({ ...r, label: t(`channel.${r.key}`, { defaultValue: r.key }) })),
        ...report.data.byLanguage.map((r) => ({ ...r, label: format.languageName(r.key) || r.key })),
      ]
    : [];
  return (
    <Paper withBorder p="md" data-testid="expectations">
      <Stack gap="xs">
        <Title order={4}>{t('promises.expectations')}</Title>
        <ErrorAlert error={report.error} onRetry={report.reload} />
        {report.data && report.data.overall.customers === 0 && (
          <Text size="sm" c="dimmed">
            {t('promises.expectationsEmpty')}
          </Text>
        )}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('promises.col.group')}</Table.Th>
                  <Table.Th>{t('promises.metShare')}</Table.Th>
                  <Table.Th>{t('promises.gap')}</Table.Th>
                  <Table.Th>{t('promises.expected')}</Table.Th>
                  <Table.Th>{t('promises.quoted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={`${r.key}-${i}`} bg={r.beyondCapability ? 'orange.0' : undefined}>
                    <Table.Td>
                      <bdi>{r.label}</bdi>{' '}
                      {r.beyondCapability && (
                        <Text span size="xs" c="orange.8">
                          · {t('promises.beyond')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {pct(r.metShare)} ({format.number(r.customers)})
                    </Table.Td>
                    <Table.Td>
                      {r.medianGapMinutes === null
                        ? t('promises.noData')
                        : `${r.medianGapMinutes > 0 ? '+' : '−'}${format.duration(Math.abs(r.medianGapMinutes))}`}
                    </Table.Td>
                    <Table.Td>{format.duration(r.medianExpectedMinutes)}</Table.Td>
                    <Table.Td>{format.duration(r.quotedMinutes)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

export default function PromisesPage() {
  const { t } = useTranslation();
  const { isSupervisor } = useSession();
  const rates = useApi(() => promiseApi.rates(), []);
  return (
    <Stack gap="md" data-testid="promises-page">
      <Title order={2}>{t('promises.pageTitle')}</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DueSoonBoard defaultMine={!isSupervisor} />
        <Simulation />
      </SimpleGrid>
      <ErrorAlert error={rates.error} onRetry={rates.reload} />
      {rates.data && <RatesTable rates={rates.data} />}
      {rates.data && <Trend rates={rates.data} />}
      <BrokenDrillDown />
      <Expectations />
    </Stack>
  );
}
