import { useState } from 'react';
import { Button, Collapse, Group, Modal, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PromiseView } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { PromiseStatusBadge } from '../common/badges.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { isoFromLocalInput, localInputValue } from './datetime.ts';

function RenegotiateDialog({
  promise,
  onClose,
  onDone,
}: {
  promise: PromiseView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [due, setDue] = useState(localInputValue(24 * 60));
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const dueAt = isoFromLocalInput(due);
    if (!dueAt || !message.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await api.renegotiatePromise(promise.id, { dueAt, messageToCustomer: message.trim() });
      notifications.show({ color: 'teal', message: t('promises.renegotiated') });
      onDone();
      onClose();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('promises.renegotiateTitle')} centered>
      <Stack gap="sm">
        <Text size="sm" dir="auto">
          {promise.description}
        </Text>
        <TextInput
          type="datetime-local"
          label={t('promises.newDue')}
          description={isoFromLocalInput(due) ? format.dateTime(isoFromLocalInput(due)) : undefined}
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          required
          data-testid="renegotiate-due"
        />
        <Textarea
          label={t('promises.messageToCustomer')}
          description={t('promises.messageHint')}
          required
          autosize
          minRows={3}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          data-testid="renegotiate-message"
          dir="auto"
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={busy}
            disabled={!message.trim() || !due}
            data-testid="renegotiate-submit"
          >
            {t('promises.renegotiateSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Issue 4: the history of a renegotiated promise, old time → new time, oldest first. */
function PromiseHistory({ promise, all }: { promise: PromiseView; all: PromiseView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const chain: PromiseView[] = [];
  let current = promise;
  for (;;) {
    const previous = all.find(
      (x) =>
        x.status === 'renegotiated' &&
        x.caseId === current.caseId &&
        x.resolvedAt === current.createdAt &&
        x.description === current.description,
    );
    if (!previous || chain.includes(previous)) break;
    chain.unshift(previous);
    current = previous;
  }
  if (chain.length === 0) return null;
  const times = [...chain, promise];
  return (
    <Stack gap={0} data-testid="promise-history">
      {times.slice(1).map((next, i) => (
        <Text key={next.id} size="xs" c="dimmed">
          {t('promises.history.was', { from: format.dateTime(times[i]!.dueAt), to: format.dateTime(next.dueAt) })}
        </Text>
      ))}
    </Stack>
  );
}

export function PromiseList({
  promises,
  onChanged,
  foldKept = true,
  onFoldKept,
}: {
  promises: PromiseView[];
  onChanged: () => void;
  /** Kept promises folded under one line: the person's preference, kept on the server (issue 16). */
  foldKept?: boolean;
  onFoldKept?: (fold: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [renegotiating, setRenegotiating] = useState<PromiseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unfolded, { toggle }] = useDisclosure(!foldKept);
  const showKept = onFoldKept ? !foldKept : unfolded;
  const toggleKept = () => (onFoldKept ? onFoldKept(showKept) : toggle());
  const keep = async (p: PromiseView) => {
    setError(null);
    try {
      await api.keepPromise(p.id);
      notifications.show({ color: 'teal', message: t('promises.kept') });
      onChanged();
    } catch (cause) {
      setError(cause);
    }
  };
  // Kept promises are done with: folded away under one line, so the open ones stay in sight.
  const kept = promises.filter((p) => p.status === 'kept');
  const open = promises.filter((p) => p.status !== 'kept');
  const item = (p: PromiseView) => {
    const overdue = p.status === 'open' && new Date(p.dueAt).getTime() < Date.now();
    return (
      <Paper key={p.id} p="xs" bg="gray.0" data-testid="promise-item" data-status={p.status}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t(`promiseKind.${p.kind}`)} · {t(`channel.${p.channel}`)}
          </Text>
          <PromiseStatusBadge status={p.status} />
        </Group>
        <Text size="sm" dir="auto">
          {p.description}
        </Text>
        <PromiseHistory promise={p} all={promises} />
        <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
          {t('promises.due', { at: format.dateTime(p.dueAt) })}
          {overdue ? ` · ${t('common.overdue')}` : ''} · {t('promises.owner', { name: p.owner.name })}
        </Text>
        {p.status === 'open' && (
          <Group gap="xs" mt={6}>
            <Button size="xs" color="green" variant="light" onClick={() => void keep(p)} data-testid="promise-keep">
              {t('promises.keep')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setRenegotiating(p)} data-testid="promise-renegotiate">
              {t('promises.renegotiate')}
            </Button>
          </Group>
        )}
      </Paper>
    );
  };
  return (
    <Paper withBorder p="md" data-testid="promises">
      <Stack gap="xs">
        <Title order={4}>{t('promises.title')}</Title>
        {promises.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('promises.empty')}
          </Text>
        )}
        {open.map(item)}
        {kept.length > 0 && (
          <Button
            variant="subtle"
            size="xs"
            justify="start"
            onClick={toggleKept}
            aria-expanded={showKept}
            data-testid="promises-kept-toggle"
          >
            {showKept ? t('answering.hideKept') : t('answering.keptPromises', { count: kept.length })}
          </Button>
        )}
        <Collapse in={showKept}>
          <Stack gap="xs">{kept.map(item)}</Stack>
        </Collapse>
        <ErrorAlert error={error} />
      </Stack>
      {renegotiating && (
        <RenegotiateDialog promise={renegotiating} onClose={() => setRenegotiating(null)} onDone={onChanged} />
      )}
    </Paper>
  );
}
