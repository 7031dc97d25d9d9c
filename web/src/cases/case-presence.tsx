import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresenceActivity } from '@kept/contract/domain-words.ts';
import { liveApi, type CasePresenceResponse } from '../api/live-api.ts';
import { useSession } from '../auth/session-context.tsx';
import { useLiveReload } from '../common/use-live-reload.ts';

/** The server forgets a heartbeat after 30 s: beat three times in that window. */
const HEARTBEAT_MS = 10_000;

/**
 * Says this person is on the case (viewing, or replying while the composer holds text) and shows who
 * else is, so two people do not answer the same customer at once. `replying` comes from the page.
 */
export function CasePresence({ caseId, replying }: { caseId: string; replying: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [presence, setPresence] = useState<CasePresenceResponse | null>(null);
  const activity: PresenceActivity = replying ? 'replying' : 'viewing';
  const activityRef = useRef(activity);
  activityRef.current = activity;

  const beat = useCallback(() => {
    liveApi.beat(caseId, activityRef.current).then(setPresence, () => undefined);
  }, [caseId]);
  useEffect(() => {
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    // Closing the tab or going to another site unmounts nothing: say goodbye on the way out too.
    const leave = () => void liveApi.beat(caseId, 'left').catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [caseId, beat]);
  // A change of activity is said at once, not at the next beat.
  useEffect(() => beat(), [activity, beat]);
  const refresh = useCallback(() => {
    liveApi.presence(caseId).then(setPresence, () => undefined);
  }, [caseId]);
  useLiveReload(refresh, (n) => n.kind === 'presence' && n.caseId === caseId);

  const others = (presence?.people ?? []).filter((p) => p.userId !== me.user.id);
  if (others.length === 0) return null;
  const someoneReplying = others.some((p) => p.activity === 'replying');
  return (
    <Alert
      color={someoneReplying ? 'orange' : 'blue'}
      variant="light"
      py="xs"
      data-testid="case-presence"
      data-replying={someoneReplying ? 'true' : 'false'}
      title={someoneReplying ? t('live.presence.replyingTitle') : t('live.presence.viewingTitle')}
    >
      <Group gap="md" wrap="wrap">
        {others.map((p) => (
          <Text key={p.userId} size="sm" data-testid="presence-person" data-activity={p.activity}>
            {t(`live.presence.${p.activity}`, { name: p.name })}
          </Text>
        ))}
      </Group>
    </Alert>
  );
}
