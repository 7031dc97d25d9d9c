import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EscalationView } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { EscalationStatusBadge } from '../common/badges.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { minutesSince, useFormat } from '../i18n/use-format.ts';
import { EscalationBreaches } from './escalation-breaches.tsx';

interface Props {
  escalation: EscalationView;
  canAct: boolean;
  onChanged: (next: EscalationView) => void;
  showCase?: boolean;
}

export function DeadlineText({ escalation }: { escalation: EscalationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const overdue =
    escalation.overdue || (escalation.status === 'open' && new Date(escalation.deadlineAt).getTime() < Date.now());
  const minutes = minutesSince(escalation.deadlineAt);
  const untilMinutes = Math.max(0, (new Date(escalation.deadlineAt).getTime() - Date.now()) / 60000);
  return (
    <Group gap={6}>
      <Text
        size="sm"
        c={overdue ? 'red.7' : undefined}
        fw={overdue ? 700 : undefined}
        data-testid="escalation-deadline"
      >
        {format.dateTime(escalation.deadlineAt)}
      </Text>
      {escalation.status !== 'closed' &&
        (overdue ? (
          <Badge color="red" variant="filled" size="sm" data-testid="escalation-overdue">
            {t('escalations.overdueBy', { time: format.duration(minutes) })}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('escalations.dueIn', { time: format.duration(untilMinutes) })}
          </Text>
        ))}
    </Group>
  );
}

/** One escalation; supervisors answer it and, only once answered, close it. */
export function EscalationCard({ escalation, canAct, onChanged, showCase }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState<'answer' | 'close' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const e = escalation;

  const run = async (kind: 'answer' | 'close') => {
    setBusy(kind);
    setError(null);
    try {
      const next =
        kind === 'answer' ? await api.answerEscalation(e.id, answer.trim()) : await api.closeEscalation(e.id);
      if (kind === 'answer') setAnswer('');
      notifications.show({
        color: 'teal',
        message: t(kind === 'answer' ? 'escalations.answered' : 'escalations.closed'),
      });
      onChanged(next);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="sm" data-testid="escalation-item" data-status={e.status} data-escalation-id={e.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            {showCase && (
              <Anchor
                component={Link}
                to={`/app/cases/${e.caseId}`}
                fw={700}
                dir="ltr"
                data-testid="escalation-case-link"
              >
                {e.reference}
              </Anchor>
            )}
            {showCase && (
              <Text size="sm" dir="auto">
                {e.customer.name}
              </Text>
            )}
            <EscalationStatusBadge status={e.status} />
            <Badge variant="outline" size="sm">
              {t('escalations.levelValue', { n: format.number(e.level) })}
            </Badge>
            {e.overdueAtTopSince && (
              <Badge
                color="red"
                variant="light"
                size="sm"
                title={t('escalations.overdueAtTopHint')}
                data-testid="escalation-overdue-at-top"
              >
                {t('escalations.overdueAtTop')}
              </Badge>
            )}
          </Group>
          <DeadlineText escalation={e} />
        </Group>
        <Text size="sm">
          <Text span c="dimmed">
            {t(`escalationVia.${e.via}`, { defaultValue: e.via })}
            {e.reason ? ': ' : ''}
          </Text>
          {e.reason && (
            <Text span dir="auto">
              {e.reason}
            </Text>
          )}
        </Text>
        <EscalationBreaches breaches={e.breaches} />
        {e.answeredBy && e.answeredAt && (
          <Text size="xs" c="teal.8">
            {t('escalations.answeredBy', { name: e.answeredBy.name, at: format.dateTime(e.answeredAt) })}
          </Text>
        )}
        {canAct && e.status === 'open' && (
          <Stack gap={6}>
            <Textarea
              aria-label={t('escalations.answer')}
              placeholder={t('escalations.answerPlaceholder')}
              autosize
              minRows={2}
              value={answer}
              onChange={(ev) => setAnswer(ev.currentTarget.value)}
              dir="auto"
              data-testid="escalation-answer"
            />
          </Stack>
        )}
        {canAct && e.status !== 'closed' && (
          <Group gap="xs" justify="flex-end">
            {e.status === 'open' && (
              <Button
                size="xs"
                onClick={() => void run('answer')}
                disabled={!answer.trim()}
                loading={busy === 'answer'}
                data-testid="escalation-answer-send"
              >
                {t('escalations.answerSubmit')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              onClick={() => void run('close')}
              disabled={e.status !== 'answered'}
              loading={busy === 'close'}
              data-testid="escalation-close"
              aria-describedby={e.status !== 'answered' ? `close-hint-${e.id}` : undefined}
            >
              {t('escalations.close')}
            </Button>
          </Group>
        )}
        {canAct && e.status === 'open' && (
          <Text size="xs" c="dimmed" ta="end" id={`close-hint-${e.id}`} data-testid="escalation-close-hint">
            {t('escalations.closeDisabledHint')}
          </Text>
        )}
        {!canAct && e.status !== 'closed' && (
          <Text size="xs" c="dimmed">
            {t('escalations.supervisorOnly')}
          </Text>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}
