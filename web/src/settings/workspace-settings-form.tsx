import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { HellThresholds, WorkspaceSettings } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { DurationInput } from './duration-input.tsx';

type NumberKey =
  'acknowledgementWindowMinutes' | 'firstResponseMinutes' | 'escalationDeadlineMinutes' | 'promiseReminderMinutes';
const NUMBER_FIELDS: Array<[NumberKey, string]> = [
  ['acknowledgementWindowMinutes', 'settings.workspace.ackWindow'],
  ['firstResponseMinutes', 'settings.workspace.firstResponse'],
  ['escalationDeadlineMinutes', 'settings.workspace.escalationDeadline'],
  ['promiseReminderMinutes', 'settings.workspace.promiseReminder'],
];
const THRESHOLD_KEYS: Array<keyof HellThresholds> = [
  'contacts',
  'channels',
  'people',
  'handoffs',
  'reopenings',
  'totalWaitMinutes',
  'brokenPromises',
  'unansweredMessages',
];

const toNumber = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

export function WorkspaceSettingsForm() {
  const { t } = useTranslation();
  const loaded = useApi(() => api.settings(), []);
  const [form, setForm] = useState<WorkspaceSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (loaded.data) setForm(loaded.data);
  }, [loaded.data]);

  if (!form) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      setForm(await api.saveSettings(form));
      notifications.show({ color: 'teal', message: t('settings.workspace.saved') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="workspace-settings">
      <Stack gap="sm">
        <Title order={4}>{t('settings.workspace.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {NUMBER_FIELDS.map(([key, label]) => (
            <DurationInput
              key={key}
              label={t(label)}
              minutes={form[key]}
              onChange={(minutes) => setForm({ ...form, [key]: minutes })}
              testId={`setting-${key}`}
            />
          ))}
        </SimpleGrid>
        <Title order={5}>{t('settings.workspace.thresholds')}</Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {THRESHOLD_KEYS.map((key) =>
            key === 'totalWaitMinutes' ? (
              <DurationInput
                key={key}
                label={t(`hellMetric.${key}`)}
                minutes={form.hellThresholds[key]}
                onChange={(minutes) => setForm({ ...form, hellThresholds: { ...form.hellThresholds, [key]: minutes } })}
                testId={`threshold-${key}`}
              />
            ) : (
              <NumberInput
                key={key}
                label={t(`hellMetric.${key}`)}
                min={0}
                value={form.hellThresholds[key]}
                onChange={(v) => setForm({ ...form, hellThresholds: { ...form.hellThresholds, [key]: toNumber(v) } })}
                data-testid={`threshold-${key}`}
              />
            ),
          )}
        </SimpleGrid>
        <Title order={5}>{t('settings.workspace.reach')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('settings.workspace.phone')}
            value={form.supportPhone}
            onChange={(e) => setForm({ ...form, supportPhone: e.currentTarget.value })}
            dir="ltr"
            data-testid="setting-phone"
          />
          <TextInput
            label={t('settings.workspace.email')}
            value={form.supportEmail}
            onChange={(e) => setForm({ ...form, supportEmail: e.currentTarget.value })}
            dir="ltr"
            data-testid="setting-email"
          />
          <TextInput
            label={t('settings.workspace.hours')}
            value={form.supportHours}
            onChange={(e) => setForm({ ...form, supportHours: e.currentTarget.value })}
            dir="auto"
            data-testid="setting-hours"
          />
        </SimpleGrid>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
