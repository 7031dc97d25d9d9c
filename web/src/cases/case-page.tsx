import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Center, Grid, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/kept-api.ts';
import { useSession } from '../auth/session-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { changeOfCase, useLiveReload } from '../common/use-live-reload.ts';
import { ComplaintPanel } from '../complaints/complaint-panel.tsx';
import { EscalationCard } from '../escalations/escalation-card.tsx';
import { CaseActions } from './case-actions.tsx';
import { CaseComposer } from './case-composer.tsx';
import { CaseHeader } from './case-header.tsx';
import { CasePresence } from './case-presence.tsx';
import { CaseLabels } from './case-labels.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { PromiseList } from './promise-list.tsx';
import { SupervisorSuspicionAlert } from './supervisor-suspicion-alert.tsx';
import { TaskList } from './task-list.tsx';
import { TimelineToolbar } from './timeline-toolbar.tsx';
import { useTimelinePreferences } from './timeline-preferences.ts';
import { useCaseNavigationKeys } from '../shortcuts/case-order.ts';

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
  const { isSupervisor, me } = useSession();
  const [prefs, setPrefs] = useTimelinePreferences(me.user.id);
  useCaseNavigationKeys(id);
  const { data, error, loading, reload, setData } = useApi(() => api.caseDetail(id), [id]);
  useLiveReload(reload, changeOfCase(id));
  const { users, userName } = useUserNames();
  // Replying while the composer holds text (read from its fields, so the composer need not know).
  const composerRef = useRef<HTMLDivElement>(null);
  const [replying, setReplying] = useState(false);
  const readComposer = () =>
    setReplying(
      [...(composerRef.current?.querySelectorAll('textarea') ?? [])].some((field) => field.value.trim() !== ''),
    );

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
      <CasePresence caseId={data.case.id} replying={replying} />
      <ErrorAlert error={error} onRetry={reload} />
      {data.supervisorSuspicion && (
        <SupervisorSuspicionAlert caseId={data.case.id} suspicion={data.supervisorSuspicion} onChanged={reload} />
      )}
      {loading && <Loader size="xs" />}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <CaseTimeline
                items={data.timeline}
                userName={userName}
                preferences={prefs}
                toolbar={<TimelineToolbar value={prefs} onChange={setPrefs} />}
              />
            </Paper>
            {/* Docked: on a long case the reply box stays in view while the timeline scrolls under it. */}
            <Box pos="sticky" bottom={0} style={{ zIndex: 2 }} data-testid="composer-dock">
              <Box ref={composerRef} onInput={() => readComposer()}>
                <CaseComposer
                  detail={data}
                  onDone={(detail) => {
                    setData(detail);
                    // The composer empties itself after sending: read it once it has.
                    setTimeout(readComposer, 0);
                  }}
                />
              </Box>
            </Box>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {/* Priority and tags beside the actions, not above the timeline: on a phone the docked composer needs the room. */}
            <CaseLabels detail={data} onDone={setData} />
            <CaseActions detail={data} users={users} onDetail={setData} onReload={reload} />
            {/* Read again whenever the timeline grows: a message may have made the case a complaint. */}
            <ComplaintPanel key={`${data.case.id}-${data.timeline.length}`} caseId={data.case.id} onChanged={reload} />
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
            <PromiseList
              promises={data.promises}
              onChanged={reload}
              foldKept={prefs.foldKeptPromises}
              onFoldKept={(foldKeptPromises) => setPrefs({ ...prefs, foldKeptPromises })}
            />
            <TaskList tasks={data.tasks} onChanged={reload} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
