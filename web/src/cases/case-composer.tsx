import { useState } from 'react';
import { Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CaseDetailResponse } from '@kept/contract/api-types.ts';
import { DELIVERABLE_CHANNELS, type Channel } from '@kept/contract/domain-words.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { CommitmentSuggestions } from '../promises/commitment-suggestions.tsx';

type Mode = 'reply' | 'note' | 'log';
const LOG_CHANNELS: Channel[] = ['phone', 'voicemail', 'letter', 'fax'];

export function CaseComposer({
  detail,
  onDone,
}: {
  detail: CaseDetailResponse;
  onDone: (next: CaseDetailResponse) => void;
}) {
  const { t } = useTranslation();
  const caseChannel = detail.case.channel;
  const defaultReply: Channel = DELIVERABLE_CHANNELS.includes(caseChannel)
    ? caseChannel
    : detail.customer.email
      ? 'email'
      : 'portal';
  const [mode, setMode] = useState<Mode>('reply');
  const [body, setBody] = useState('');
  const [replyChannel, setReplyChannel] = useState<Channel>(defaultReply);
  const [logChannel, setLogChannel] = useState<Channel>('phone');
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('inbound');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = async () => {
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const payload =
        mode === 'reply'
          ? { direction: 'outbound' as const, channel: replyChannel, body }
          : mode === 'note'
            ? { direction: 'outbound' as const, channel: caseChannel, body, internal: true }
            : { direction, channel: logChannel, body };
      const next = await api.addMessage(detail.case.id, payload);
      setBody('');
      onDone(next);
      notifications.show({ color: 'teal', message: t('composer.done') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="composer" bg={mode === 'note' ? 'yellow.0' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('composer.title')}</Title>
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value as Mode)}
            data={(['reply', 'note', 'log'] as const).map((m) => ({
              value: m,
              label: <span data-testid={`composer-mode-${m}`}>{t(`composer.modes.${m}`)}</span>,
            }))}
          />
        </Group>
        {mode === 'reply' && (
          <NativeSelect
            label={t('composer.channel')}
            value={replyChannel}
            onChange={(e) => setReplyChannel(e.currentTarget.value as Channel)}
            data={DELIVERABLE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            data-testid="composer-reply-channel"
            w={220}
          />
        )}
        {mode === 'log' && (
          <Group grow>
            <NativeSelect
              label={t('composer.channel')}
              value={logChannel}
              onChange={(e) => setLogChannel(e.currentTarget.value as Channel)}
              data={LOG_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              data-testid="composer-log-channel"
            />
            <NativeSelect
              label={t('composer.direction')}
              value={direction}
              onChange={(e) => setDirection(e.currentTarget.value as 'inbound' | 'outbound')}
              data={(['inbound', 'outbound'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
              data-testid="composer-direction"
            />
          </Group>
        )}
        <Textarea
          aria-label={t('composer.body')}
          placeholder={t(`composer.placeholders.${mode}`)}
          autosize
          minRows={3}
          maxRows={12}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          dir="auto"
          data-testid="composer-body"
        />
        {mode === 'reply' && (
          <CommitmentSuggestions
            caseId={detail.case.id}
            text={body}
            channel={replyChannel}
            onRecorded={() => void api.caseDetail(detail.case.id).then(onDone)}
          />
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button
            onClick={() => void send()}
            loading={busy}
            disabled={!body.trim()}
            color={mode === 'note' ? 'yellow' : 'teal'}
            data-testid="composer-send"
          >
            {t(`composer.send.${mode}`)}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
