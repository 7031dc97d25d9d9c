import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailboxInput, MailboxTestResult } from '@kept/contract/email-outbound-types.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';
import { mailApi } from '../api/mail-api.ts';

const EMPTY: MailboxInput = { host: '', port: 993, secure: true, username: '', password: '', mailbox: 'INBOX' };

/** The IMAP mailboxes Kept polls, each with its health, and a form to add one (tested first). */
export function MailboxesPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useApi(() => mailApi.mailboxes(), []);
  const [form, setForm] = useState<MailboxInput>(EMPTY);
  const [test, setTest] = useState<MailboxTestResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof MailboxInput>(key: K, value: MailboxInput[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const act = async (what: string, action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="mailboxes-panel">
      <Stack gap="sm">
        <Title order={4}>{t('mailout.mailboxes.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('mailout.mailboxes.help')}
        </Text>
        {list.data && list.data.length === 0 && <Text c="dimmed">{t('mailout.mailboxes.none')}</Text>}
        {list.data && list.data.length > 0 && (
          <Table>
            <Table.Tbody>
              {list.data.map((m) => (
                <Table.Tr key={m.id} data-testid="mailbox-row" data-ok={m.ok}>
                  <Table.Td dir="ltr">
                    {m.username}@{m.host}:{m.port}/{m.mailbox}
                  </Table.Td>
                  <Table.Td>
                    {m.ok ? (
                      <Badge color="green" variant="light">
                        {t('mailout.mailboxes.ok')}
                      </Badge>
                    ) : (
                      <Stack gap={2}>
                        <Badge color="red" variant="filled">
                          {t('mailout.mailboxes.failing', { since: format.dateTime(m.failingSince) })}
                        </Badge>
                        <Text size="xs" c="red" dir="auto">
                          {m.lastError}
                        </Text>
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {m.lastPolledAt
                        ? t('mailout.mailboxes.lastPolled', { when: format.dateTime(m.lastPolledAt) })
                        : t('mailout.mailboxes.never')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        loading={busy === `poll-${m.id}`}
                        onClick={() =>
                          void act(`poll-${m.id}`, async () => (await mailApi.pollMailbox(m.id), list.reload()))
                        }
                      >
                        {t('mailout.mailboxes.pollNow')}
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => {
                          if (window.confirm(t('mailout.mailboxes.removeConfirm')))
                            void act(`remove-${m.id}`, async () => (await mailApi.removeMailbox(m.id), list.reload()));
                        }}
                      >
                        {t('mailout.mailboxes.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('mailout.settings.host')}
            dir="ltr"
            value={form.host}
            onChange={(e) => set('host', e.currentTarget.value)}
            data-testid="mailbox-host"
          />
          <NumberInput
            label={t('mailout.settings.port')}
            min={1}
            max={65535}
            value={form.port}
            onChange={(v) => set('port', Number(v) || 993)}
          />
          <TextInput
            label={t('mailout.mailboxes.folder')}
            dir="ltr"
            value={form.mailbox}
            onChange={(e) => set('mailbox', e.currentTarget.value)}
          />
          <TextInput
            label={t('mailout.settings.user')}
            dir="ltr"
            value={form.username}
            onChange={(e) => set('username', e.currentTarget.value)}
          />
          <PasswordInput
            label={t('mailout.settings.password')}
            dir="ltr"
            value={form.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            autoComplete="new-password"
          />
        </SimpleGrid>
        <Checkbox
          label={t('mailout.settings.secure')}
          checked={form.secure}
          onChange={(e) => set('secure', e.currentTarget.checked)}
        />
        {test && (
          <Text size="sm" c={test.ok ? 'green' : 'red'} data-testid="mailbox-test-result">
            {test.ok
              ? t('mailout.mailboxes.testOk', { count: test.messages ?? 0 })
              : t('mailout.mailboxes.testFailed', { error: test.error ?? '' })}
          </Text>
        )}
        <ErrorAlert error={error ?? list.error} />
        <Group>
          <Button
            variant="default"
            loading={busy === 'test'}
            disabled={!form.host || !form.username}
            onClick={() => void act('test', async () => setTest(await mailApi.testMailbox(form)))}
          >
            {t('mailout.mailboxes.test')}
          </Button>
          <Button
            loading={busy === 'add'}
            disabled={!form.host || !form.username || !form.password}
            onClick={() =>
              void act('add', async () => {
                await mailApi.addMailbox(form);
                setForm(EMPTY);
                setTest(null);
                list.reload();
              })
            }
            data-testid="mailbox-add"
          >
            {t('mailout.mailboxes.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
