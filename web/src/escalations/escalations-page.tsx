import { useEffect } from 'react';
import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { useSession } from '../auth/session-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { EscalationCard } from './escalation-card.tsx';

/** Overdue first, then by deadline. */
function byUrgency(a: EscalationView, b: EscalationView): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.deadlineAt.localeCompare(b.deadlineAt);
}

export function EscalationsPage() {
  const { t } = useTranslation();
  const { isSupervisor } = useSession();
  // Open and answered: an answered escalation stays on the page until a supervisor closes it, also
  // when a pushed change refetches the list.
  const { data, error, loading, reload, setData } = useApi(
    () =>
      Promise.all([api.escalations('open'), api.escalations('answered')]).then(([open, answered]) => ({
        escalations: [...open.escalations, ...answered.escalations],
      })),
    [],
  );
  useLiveReload(reload, (n) => n.kind === 'desk' && (n.what?.startsWith('escalation.') ?? false));

  useEffect(() => {
    document.title = `${t('escalations.title')} · ${t('app.name')}`;
  }, [t]);

  const replace = (next: EscalationView) => {
    if (!data) return;
    const escalations = data.escalations.map((e) => (e.id === next.id ? next : e)).filter((e) => e.status !== 'closed');
    setData({ escalations });
  };

  return (
    <Stack gap="md" data-testid="escalations-page">
      <Title order={2}>{t('escalations.title')}</Title>
      <ErrorAlert error={error} onRetry={reload} />
      {!data && loading && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {data && data.escalations.length === 0 && (
        <Paper withBorder p="xl" ta="center" data-testid="escalations-empty">
          <Text size="lg" c="teal.8" fw={600}>
            {t('escalations.empty')}
          </Text>
        </Paper>
      )}
      {data &&
        [...data.escalations]
          .sort(byUrgency)
          .map((e) => <EscalationCard key={e.id} escalation={e} canAct={isSupervisor} onChanged={replace} showCase />)}
    </Stack>
  );
}
