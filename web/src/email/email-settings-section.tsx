import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EmailSettingsUpdate, EmailSettingsView } from '@kept/contract/email-outbound-types.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { mailApi } from '../api/mail-api.ts';
import { MailboxesPanel } from './mailboxes-panel.tsx';
import { SupportAddressesPanel } from './support-addresses-panel.tsx';

/** Settings → E-mail: the outgoing server and the mailboxes Kept reads. */
export function EmailSettingsSection() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="email-settings-section">
      <Title order={3}>{t('mailout.settings.title')}</Title>
      <RelayForm />
      <SupportAddressesPanel />
      <MailboxesPanel />
    </Stack>
  );
}

function RelayForm() {
  const { t } = useTranslation();
  const loaded = useApi(() => mailApi.settings(), []);
  const [view, setView] = useState<EmailSettingsView | null>(null);
  const [form, setForm] = useState<EmailSettingsUpdate>({});
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!loaded.data) return;
    setView(loaded.data);
    const { passwordSet: _p, usesDevelopmentSink: _s, ...editable } = loaded.data;
    setForm(editable);
  }, [loaded.data]);
  if (!view) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;

  const set = <K extends keyof EmailSettingsUpdate>(key: K, value: EmailSettingsUpdate[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      // An empty password field keeps the saved one: the server never sends it back.
      const saved = await mailApi.saveSettings({ ...form, ...(password ? { smtpPassword: password } : {}) });
      setView(saved);
      setPassword('');
      notifications.show({ color: 'teal', message: t('mailout.settings.saved') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="relay-settings">
      <Stack gap="sm">
        <Title order={4}>{t('mailout.settings.relayTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('mailout.settings.relayHelp')}
        </Text>
        {view.usesDevelopmentSink && (
          <Alert color="yellow" data-testid="relay-uses-sink">
            {t('mailout.settings.usesSink')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('mailout.settings.host')}
            dir="ltr"
            value={form.smtpHost ?? ''}
            onChange={(e) => set('smtpHost', e.currentTarget.value)}
            data-testid="relay-host"
          />
          <NumberInput
            label={t('mailout.settings.port')}
            min={1}
            max={65535}
            value={form.smtpPort ?? 587}
            onChange={(v) => set('smtpPort', Number(v) || 587)}
          />
          <TextInput
            label={t('mailout.settings.user')}
            dir="ltr"
            value={form.smtpUser ?? ''}
            onChange={(e) => set('smtpUser', e.currentTarget.value)}
          />
          <PasswordInput
            label={t('mailout.settings.password')}
            description={view.passwordSet ? t('mailout.settings.passwordKept') : undefined}
            dir="ltr"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="new-password"
          />
          <TextInput
            label={t('mailout.settings.fromAddress')}
            dir="ltr"
            value={form.fromAddress ?? ''}
            onChange={(e) => set('fromAddress', e.currentTarget.value)}
          />
          <TextInput
            label={t('mailout.settings.fromName')}
            dir="auto"
            value={form.fromName ?? ''}
            onChange={(e) => set('fromName', e.currentTarget.value)}
          />
        </SimpleGrid>
        <Checkbox
          label={t('mailout.settings.secure')}
          checked={form.smtpSecure ?? false}
          onChange={(e) => set('smtpSecure', e.currentTarget.checked)}
        />
        <ErrorAlert error={error} />
        <Group>
          <Button onClick={() => void save()} loading={busy} data-testid="relay-save">
            {t('mailout.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
