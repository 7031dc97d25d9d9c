import { useState } from 'react';
import { Button, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PromiseKind } from '../../../src/contract/api-types.ts';
import { CHANNELS, type Channel } from '../../../src/events/event-types.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { isoFromLocalInput, localInputValue } from './datetime.ts';

const KINDS: PromiseKind[] = ['callback', 'resolution', 'refund', 'delivery', 'first_response', 'other'];

export function PromiseForm({ caseId, defaultChannel, onDone }: { caseId: string; defaultChannel: Channel; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PromiseKind>('callback');
  const [channel, setChannel] = useState<Channel>(defaultChannel);
  const [due, setDue] = useState(localInputValue(24 * 60));
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    const dueAt = isoFromLocalInput(due);
    if (!dueAt || !description.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.makePromise(caseId, { kind, channel, dueAt, description: description.trim() });
      setDescription('');
      onDone();
      notifications.show({ color: 'teal', message: t('actions.promiseMade') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="promise-form">
      <Text size="xs" c="dimmed">
        {t('actions.promiseHint')}
      </Text>
      <NativeSelect
        label={t('actions.promiseKind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as PromiseKind)}
        data={KINDS.map((k) => ({ value: k, label: t(`promiseKind.${k}`) }))}
        data-testid="promise-kind"
      />
      <TextInput
        type="datetime-local"
        label={t('actions.promiseDue')}
        value={due}
        onChange={(e) => setDue(e.currentTarget.value)}
        required
        data-testid="promise-due"
      />
      <NativeSelect
        label={t('actions.promiseChannel')}
        value={channel}
        onChange={(e) => setChannel(e.currentTarget.value as Channel)}
        data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        data-testid="promise-channel"
      />
      <Textarea
        label={t('actions.promiseDescription')}
        required
        autosize
        minRows={2}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        data-testid="promise-description"
        dir="auto"
      />
      <ErrorAlert error={error} />
      <Button onClick={() => void submit()} loading={busy} disabled={!description.trim() || !due} data-testid="promise-submit">
        {t('actions.promiseSubmit')}
      </Button>
    </Stack>
  );
}
