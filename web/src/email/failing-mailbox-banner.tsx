import { useEffect, useState } from 'react';
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MailboxView } from '@kept/contract/email-outbound-types.ts';
import { mailApi } from '../api/mail-api.ts';

const REFRESH_MS = 60_000;

/** A red banner across the staff app while any mailbox cannot be read: never a silent failure. */
export function FailingMailboxBanner({
  canOpenSettings,
  load = mailApi.mailboxes,
}: {
  canOpenSettings: boolean;
  load?: () => Promise<MailboxView[]>;
}) {
  const { t } = useTranslation();
  const [failing, setFailing] = useState<MailboxView[]>([]);
  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      load()
        .then((all) => !cancelled && setFailing(all.filter((m) => !m.ok)))
        .catch(() => undefined);
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [load]);
  if (failing.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      title={t('mailout.banner.title')}
      mb="md"
      role="alert"
      data-testid="failing-mailbox-banner"
    >
      <Stack gap={4}>
        {failing.map((m) => (
          <Text key={m.id} size="sm">
            {t('mailout.banner.body', { mailbox: `${m.username}@${m.host}/${m.mailbox}`, error: m.lastError ?? '—' })}
          </Text>
        ))}
        {canOpenSettings && (
          <Anchor component={Link} to="/app/settings/email" c="white" fw={700} size="sm">
            {t('mailout.banner.open')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
