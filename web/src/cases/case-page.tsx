import { useEffect, useMemo } from 'react';
import { Center, Grid, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/kept-api.ts';
import { useSession } from '../auth/session-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { EscalationCard } from '../escalations/escalation-card.tsx';
import { CaseActions } from './case-actions.tsx';
import { CaseComposer } from './case-composer.tsx';
import { CaseHeader } from './case-header.tsx';
import { CaseLabels } from './case-labels.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { PromiseList } from './promise-list.tsx';
import { TaskList } from './task-list.tsx';

export function useUserNames() {
  const { t } = useTranslation();
  const users = useApi(() => api.users(), []);
  const list = useMemo(() => users.data ?? [], [users.data]);
  const names = useMemo(() => new Map(list.map((u) => [u.id, u.name])), [list]);
  return { users: list, userName: (id: string) => names.get(id) ?? (id ? t('common.system') : t('common.none')) };
}

export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { isSupervisor } = useSession();
  const { data, error, loading, reload, setData } = useApi(() => api.caseDetail(id), [id]);
  const { users, userName } = useUserNames();

  useEffect(() => {
    if (data) document.title = `${data.case.reference} · ${t('app.name')}`;
  }, [data, t]);

  if (!data) {
    if (error) return <ErrorAlert error={error} onRetry={reload} />;
    return (
      <Center p="xl">
        <Loader aria-label={t('case.loading')} />
      </Center>
    );
  }

  return (
    <Stack gap="md" data-testid="case-page" data-case-id={data.case.id}>
      <CaseHeader detail={data} />
      <CaseLabels detail={data} onDone={setData} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && <Loader size="xs" />}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <CaseTimeline items={data.timeline} userName={userName} />
            </Paper>
            <CaseComposer detail={data} onDone={setData} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <CaseActions detail={data} users={users} onDetail={setData} onReload={reload} />
            <Paper withBorder p="md" data-testid="case-escalations">
              <Stack gap="xs">
                <Title order={4}>{t('escalations.panelTitle')}</Title>
                {data.escalations.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('escalations.caseEmpty')}
                  </Text>
                )}
                {data.escalations.map((e) => (
                  <EscalationCard key={e.id} escalation={e} canAct={isSupervisor} onChanged={reload} />
                ))}
              </Stack>
            </Paper>
            <PromiseList promises={data.promises} onChanged={reload} />
            <TaskList tasks={data.tasks} onChanged={reload} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
