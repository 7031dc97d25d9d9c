import { useRef, useState } from 'react';
import { getHotkeyHandler, useHotkeys } from '@mantine/hooks';
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CaseDetailResponse } from '@kept/contract/api-types.ts';
import {
  DELIVERABLE_CHANNELS,
  LOGGED_CHANNELS,
  OPEN_CASE_STATUSES,
  type Channel,
} from '@kept/contract/domain-words.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { CommitmentSuggestions } from '../promises/commitment-suggestions.tsx';
import { PHYSICAL } from '../shortcuts/case-order.ts';
import { CannedReplyPicker } from './canned-reply-picker.tsx';
import { ReplyFiles } from './reply-files.tsx';
import { filesForUpload } from '../api/portal-files.ts';

type Mode = 'reply' | 'note' | 'log';

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
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // A case waiting for a supervisor's answer cannot be resolved (the server says so too).
  const canResolve =
    OPEN_CASE_STATUSES.some((s) => s === detail.case.status) && !detail.escalations.some((e) => e.status === 'open');
  const writeAs = (next: Mode) => {
    setMode(next);
    textarea.current?.focus();
  };
  // A canned reply goes where the cursor is (or at the end), and the cursor lands after it.
  const insertText = (text: string) => {
    const area = textarea.current;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + text + body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + text.length, start + text.length);
    });
  };
  useHotkeys([
    ['r', () => writeAs('reply'), PHYSICAL],
    ['n', () => writeAs('note'), PHYSICAL],
  ]);

  const send = async (resolve = false) => {
    if (!body.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const attachments = mode === 'reply' && files.length > 0 ? await filesForUpload(files) : [];
      const payload =
        mode === 'reply'
          ? {
              direction: 'outbound' as const,
              channel: replyChannel,
              body,
              ...(resolve ? { resolve } : {}),
              ...(attachments.length > 0 ? { attachments } : {}),
            }
          : mode === 'note'
            ? { direction: 'outbound' as const, channel: caseChannel, body, internal: true }
            : { direction, channel: logChannel, body };
      const next = await api.addMessage(detail.case.id, payload);
      setBody('');
      setFiles([]);
      onDone(next);
      notifications.show({ color: 'teal', message: t(resolve ? 'answering.resolved' : 'composer.done') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      p="sm"
      shadow="md"
      data-testid="composer"
      data-mode={mode}
      bg={mode === 'note' ? 'yellow.0' : 'var(--mantine-color-body)'}
      style={mode === 'note' ? { borderStyle: 'dashed', borderColor: 'var(--mantine-color-yellow-6)' } : undefined}
    >
      {/* Compact: docked at the bottom of the screen, it must leave the timeline most of the height. */}
      <Stack gap="xs">
        <VisuallyHidden>
          <Title order={2}>{t('composer.title')}</Title>
        </VisuallyHidden>
        <Group gap="xs" wrap="wrap" align="flex-end">
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(value) => setMode(value as Mode)}
            data={(['reply', 'note', 'log'] as const).map((m) => ({
              value: m,
              label: <span data-testid={`composer-mode-${m}`}>{t(`composer.modes.${m}`)}</span>,
            }))}
          />
          {mode === 'reply' && (
            <NativeSelect
              size="xs"
              aria-label={t('composer.channel')}
              value={replyChannel}
              onChange={(e) => setReplyChannel(e.currentTarget.value as Channel)}
              data={DELIVERABLE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              data-testid="composer-reply-channel"
            />
          )}
          {mode === 'log' && (
            <>
              <NativeSelect
                size="xs"
                aria-label={t('composer.channel')}
                value={logChannel}
                onChange={(e) => setLogChannel(e.currentTarget.value as Channel)}
                data={LOGGED_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                data-testid="composer-log-channel"
              />
              <NativeSelect
                size="xs"
                aria-label={t('composer.direction')}
                value={direction}
                onChange={(e) => setDirection(e.currentTarget.value as 'inbound' | 'outbound')}
                data={(['inbound', 'outbound'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
                data-testid="composer-direction"
              />
            </>
          )}
          {mode !== 'log' && <CannedReplyPicker caseId={detail.case.id} onInsert={insertText} />}
          {mode === 'reply' && <ReplyFiles value={files} onChange={setFiles} />}
        </Group>
        {mode === 'note' && (
          <Text size="sm" fw={600} c="yellow.9" data-testid="composer-note-apart">
            {t('answering.noteApart')}
          </Text>
        )}
        <Textarea
          aria-label={t('composer.body')}
          placeholder={t(`composer.placeholders.${mode}`)}
          autosize
          minRows={2}
          maxRows={8}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => void send()]])}
          ref={textarea}
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
          {mode === 'reply' && canResolve && (
            <Button
              variant="light"
              color="teal"
              onClick={() => void send(true)}
              loading={busy}
              disabled={!body.trim()}
              data-testid="composer-send-resolve"
            >
              {t('answering.sendAndResolve')}
            </Button>
          )}
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
