import { useEffect, useState } from 'react';
import { Button, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PromiseKind } from '@kept/contract/api-types.ts';
import { CHANNELS, type Channel } from '@kept/contract/domain-words.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { isoFromLocalInput, localInputValue } from './datetime.ts';
import { useFormat } from '../i18n/use-format.ts';
import type { QuoteView } from '@kept/contract/promise-api-types.ts';
import { promiseApi } from '../api/promise-api.ts';
import { OverPromiseConfirm, QuoteHint } from '../promises/quote-hint.tsx';

/** "2026-03-03T15:00" in the browser's zone, for the datetime-local input. */
function localInputFromIso(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const KINDS: PromiseKind[] = ['callback', 'resolution', 'refund', 'delivery', 'first_response', 'other'];

export function PromiseForm({
  caseId,
  defaultChannel,
  onDone,
}: {
  caseId: string;
  defaultChannel: Channel;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<PromiseKind>('callback');
  const [channel, setChannel] = useState<Channel>(defaultChannel);
  const [due, setDue] = useState(localInputValue(24 * 60));
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Issue 4: the capability quote for this kind, and the confirmation of a faster time.
  const [quote, setQuote] = useState<QuoteView | null | undefined>(undefined);
  const [quoteLoading, setQuoteLoading] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [serverWarning, setServerWarning] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setQuoteLoading(true);
    promiseApi
      .quote(caseId, kind, channel)
      .then(
        (r) => live && setQuote(r.quote),
        () => live && setQuote(null),
      )
      .finally(() => live && setQuoteLoading(false));
    return () => {
      live = false;
    };
  }, [caseId, kind, channel]);
  const dueIso = isoFromLocalInput(due);
  const faster = !!quote && !!dueIso && new Date(dueIso).getTime() < new Date(quote.exactDueAt).getTime();
  const warning = serverWarning ?? (faster && quote ? t('promises.overPromise.needConfirm') : null);

  const submit = async () => {
    const dueAt = isoFromLocalInput(due);
    if (!dueAt || !description.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await promiseApi.make(caseId, {
        kind,
        channel,
        dueAt,
        description: description.trim(),
        ...(confirmed ? { confirmOverPromise: true } : {}),
      });
      setDescription('');
      setConfirmed(false);
      setServerWarning(null);
      onDone();
      notifications.show({ color: 'teal', message: t('actions.promiseMade') });
    } catch (cause) {
      const body = cause as { code?: string; message?: string };
      if (body.code === 'promise.over_promise') {
        // The server's words carry the numbers: "similar callbacks: 90% done within 5 h; you promised 1 h".
        setServerWarning(/\((similar[^)]*)\)/.exec(body.message ?? '')?.[1] ?? body.message ?? null);
      } else setError(cause);
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
      <QuoteHint quote={quote} loading={quoteLoading} onUse={(iso) => setDue(localInputFromIso(iso))} />
      <TextInput
        type="datetime-local"
        label={t('actions.promiseDue')}
        // The browser draws this field in its own locale (mm/dd/yyyy, AM/PM); the moment is read back
        // in the interface's language and calendar right under it.
        description={dueIso ? format.dateTime(dueIso) : undefined}
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
      {(faster || serverWarning) && warning && (
        <OverPromiseConfirm warning={warning} confirmed={confirmed} onConfirm={setConfirmed} />
      )}
      <ErrorAlert error={error} />
      <Button
        onClick={() => void submit()}
        loading={busy}
        disabled={!description.trim() || !due || ((faster || !!serverWarning) && !confirmed)}
        data-testid="promise-submit"
      >
        {t('actions.promiseSubmit')}
      </Button>
    </Stack>
  );
}
