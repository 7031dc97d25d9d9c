import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { liveApi, type LiveNotice, type MyNoticesResponse } from '../api/live-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { UserLine } from '../common/user-text.tsx';
import { useFormat } from '../i18n/use-format.ts';

// The event types a notification can come from (src/views/list-my-notices.ts).
const NOTIFYING =
  /^(message\.received|promise\.(reminded|broken)|escalation\.(opened|deadline_missed|promise_broken))$/;
const concernsMe = (n: LiveNotice) => n.kind === 'desk' && NOTIFYING.test(n.what ?? '');
const COUNT_IN_TITLE = /^\(\d+\) /;

/**
 * Notifications for what is mine (a new message on my case, my promise due or broken, an escalation to
 * me), refetched when the push stream says something of the kind happened; the unread count also
 * leads the tab's title, "(3) K-1042 · Kept", whatever title the page sets.
 */
export function NoticesMenu() {
  const { t } = useTranslation();
  const format = useFormat();
  const [data, setData] = useState<MyNoticesResponse | null>(null);
  const load = useCallback(() => {
    liveApi.notifications().then(setData, () => undefined);
  }, []);
  useEffect(load, [load]);
  useLiveReload(load, concernsMe);
  useUnreadInTitle(data?.unread ?? 0);

  const markSeen = () => {
    const newest = data?.notices[0];
    if (!newest || data.unread === 0) return;
    setData({ notices: data.notices.map((n) => ({ ...n, unread: false })), unread: 0 });
    liveApi.markSeen(newest.eventId).catch(() => undefined);
  };
  const unread = data?.unread ?? 0;
  return (
    <Menu position="bottom-end" width={340} onOpen={markSeen} withinPortal>
      <Menu.Target>
        <Button
          variant={unread > 0 ? 'light' : 'default'}
          color={unread > 0 ? 'orange' : 'gray'}
          size="xs"
          px={8}
          data-testid="notices-button"
          aria-label={t('live.notices.open', { n: unread })}
          rightSection={
            unread > 0 ? (
              <Badge size="xs" color="orange" variant="filled" data-testid="notices-unread">
                {format.number(unread)}
              </Badge>
            ) : undefined
          }
        >
          <BellIcon />
          <Text span size="xs" fw={600} ms={6} visibleFrom="sm">
            {t('live.notices.title')}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="notices-list">
        {(data?.notices.length ?? 0) === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('live.notices.empty')}
          </Text>
        )}
        {data?.notices.slice(0, 12).map((n) => (
          <Menu.Item
            key={n.eventId}
            component={Link}
            to={`/app/cases/${n.caseId}`}
            data-testid="notice-item"
            data-kind={n.kind}
            fw={n.unread ? 700 : 400}
          >
            <Stack gap={0}>
              <Text size="sm" fw="inherit">
                {t(`live.notices.kind.${n.kind}`, { reference: n.caseReference })}
              </Text>
              <UserLine>{n.subject}</UserLine>
              <Text size="xs" c="dimmed">
                {format.relative(n.at)}
              </Text>
            </Stack>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function BellIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** Keeps "(n) " in front of the document's title while n > 0, as pages change the rest of it. */
function useUnreadInTitle(unread: number): void {
  useEffect(() => {
    const apply = () => {
      const bare = document.title.replace(COUNT_IN_TITLE, '');
      const wanted = unread > 0 ? `(${unread}) ${bare}` : bare;
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const title = document.querySelector('title');
    if (!title) return;
    const observer = new MutationObserver(apply);
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(COUNT_IN_TITLE, '');
    };
  }, [unread]);
}
