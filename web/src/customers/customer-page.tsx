import { useEffect, useMemo } from 'react';
import { Center, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { HellAssessment, HellMetrics } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { HellBadge, HellReasons } from '../common/badges.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { CaseTimeline } from '../cases/case-timeline.tsx';
import { useUserNames } from '../cases/case-page.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { CaseRows } from '../queues/case-queue.tsx';
import { CustomerRisk } from '../retention/customer-risk.tsx';
import { BounceBadge } from '../email/bounce-badge.tsx';
import { EditCustomerButton } from './customer-form.tsx';

export function HellMetricsGrid({ hell }: { hell: HellAssessment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const flaggedMetrics = new Set(hell.reasons.map((r) => r.metric));
  const keys = Object.keys(hell.metrics) as Array<keyof HellMetrics>;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" data-testid="hell-metrics">
      {keys.map((key) => (
        <Stack key={key} gap={0}>
          <Text size="xs" c="dimmed">
            {t(`hellMetric.${key}`)}
          </Text>
          <Text fw={700} c={flaggedMetrics.has(key) ? 'red.7' : undefined}>
            {key === 'totalWaitMinutes' ? format.duration(hell.metrics[key]) : format.number(hell.metrics[key], 1)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function CustomerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, error, reload } = useApi(() => api.customer(id), [id]);
  useLiveReload(reload);
  const { userName } = useUserNames();
  const references = useMemo(() => new Map((data?.cases ?? []).map((c) => [c.id, c.reference])), [data]);

  useEffect(() => {
    if (data) document.title = `${data.customer.name} · ${t('app.name')}`;
  }, [data, t]);

  if (!data) {
    if (error) return <ErrorAlert error={error} onRetry={reload} />;
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  const c = data.customer;
  return (
    <Stack gap="md" data-testid="customer-page">
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} data-testid="customer-name" dir="auto">
                {c.name}
              </Title>
              <HellBadge flagged={data.hell.flagged} />
              <BounceBadge customer={c} />
            </Group>
            <Group gap="lg">
              <Text size="sm">
                <Text span c="dimmed">
                  {t('customers.email')}:{' '}
                </Text>
                <span dir="ltr">{c.email ?? '—'}</span>
              </Text>
              <Text size="sm">
                <Text span c="dimmed">
                  {t('customers.phone')}:{' '}
                </Text>
                <span dir="ltr">{c.phone ?? '—'}</span>
              </Text>
              <Text size="sm">
                <Text span c="dimmed">
                  {t('customers.language')}:{' '}
                </Text>
                {format.languageName(c.language)}
              </Text>
              <Text size="sm">
                <Text span c="dimmed">
                  {t('customers.since')}:{' '}
                </Text>
                {format.date(c.createdAt)}
              </Text>
            </Group>
          </Stack>
          <EditCustomerButton customer={c} onSaved={reload} />
        </Group>
        {data.hell.flagged && (
          <Group gap={4} mt="sm">
            <HellReasons reasons={data.hell.reasons} />
          </Group>
        )}
      </Paper>
      <CustomerRisk customerId={c.id} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t('customers.cases')}
              </Title>
              {data.cases.length === 0 ? (
                <Text c="dimmed">{t('customers.noCases')}</Text>
              ) : (
                <CaseRows cases={data.cases} />
              )}
            </Paper>
            <Paper withBorder p="md">
              <CaseTimeline
                items={data.timeline}
                userName={userName}
                title={t('customers.timeline')}
                caseReference={(caseId) => (caseId ? (references.get(caseId) ?? null) : null)}
              />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('customers.hell')}
            </Title>
            <HellMetricsGrid hell={data.hell} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
