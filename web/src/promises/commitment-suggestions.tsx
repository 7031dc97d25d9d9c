import { useEffect, useState } from 'react';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CommitmentSuggestion } from '@kept/contract/promise-api-types.ts';
import type { Channel } from '@kept/contract/domain-words.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { promiseApi } from '../api/promise-api.ts';

/**
 * After the agent types a reply: "Record this promise: callback, tomorrow 15:00". One click
 * records it with the parsed time; faster than the team delivers, the click also confirms it
 * (the warning is shown beside the button, so the confirmation is informed).
 */
export function CommitmentSuggestions({
  caseId,
  text,
  channel,
  onRecorded,
}: {
  caseId: string;
  text: string;
  channel: Channel;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [suggestions, setSuggestions] = useState<CommitmentSuggestion[]>([]);
  const [recorded, setRecorded] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (text.trim().length < 8) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => {
      promiseApi.recognize(caseId, text).then(
        (r) => setSuggestions(r.suggestions),
        () => setSuggestions([]),
      );
    }, 500);
    return () => clearTimeout(timer);
  }, [caseId, text]);

  if (suggestions.length === 0) return null;
  const record = async (s: CommitmentSuggestion) => {
    setError(null);
    try {
      await promiseApi.make(caseId, {
        kind: s.kind,
        channel,
        dueAt: s.dueAt,
        description: s.phrase.slice(0, 500),
        confirmOverPromise: s.overPromise,
        phrase: s.phrase.slice(0, 500),
      });
      setRecorded(new Set([...recorded, `${s.phrase}|${s.dueAt}`]));
      notifications.show({ color: 'teal', message: t('promises.suggestion.recorded') });
      onRecorded();
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <Alert
      color="blue"
      variant="light"
      p="xs"
      title={t('promises.suggestion.title')}
      data-testid="commitment-suggestions"
    >
      <Stack gap={6}>
        {suggestions.map((s) => {
          const key = `${s.phrase}|${s.dueAt}`;
          return (
            <Stack key={key} gap={2}>
              <Button
                size="compact-sm"
                variant="light"
                disabled={recorded.has(key)}
                onClick={() => void record(s)}
                data-testid="commitment-record"
                styles={{ label: { whiteSpace: 'normal' } }}
              >
                {t('promises.suggestion.record', { kind: t(`promiseKind.${s.kind}`), at: format.dateTime(s.dueAt) })}
              </Button>
              {!s.timeStated && (
                <Text size="xs" c="dimmed">
                  {t('promises.suggestion.assumed')}
                </Text>
              )}
              {s.warning && (
                <Text size="xs" c="orange.8" data-testid="commitment-warning">
                  {t('promises.suggestion.over', { warning: s.warning })}
                </Text>
              )}
            </Stack>
          );
        })}
        <ErrorAlert error={error} />
      </Stack>
    </Alert>
  );
}
