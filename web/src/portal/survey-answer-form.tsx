import { type ReactNode, useEffect, useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswerView, SurveyPageResponse } from '@kept/contract/survey-types.ts';
import type { SurveyKind } from '@kept/contract/domain-words.ts';
import { surveyApi } from '../api/survey-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** A row of numbered buttons: the scale's ends named under it, the chosen one filled. */
function ScaleButtons(props: {
  values: number[];
  value: number | null;
  onChange: (value: number) => void;
  low: string;
  high: string;
  testId: string;
  titleOf?: ((value: number) => string) | undefined;
}) {
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        {props.values.map((v) => (
          <Button
            key={v}
            variant={props.value === v ? 'filled' : 'default'}
            onClick={() => props.onChange(v)}
            miw={44}
            px="xs"
            title={props.titleOf?.(v)}
            aria-pressed={props.value === v}
            data-testid={`${props.testId}-${v}`}
          >
            {v}
          </Button>
        ))}
      </Group>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {props.low}
        </Text>
        <Text size="xs" c="dimmed">
          {props.high}
        </Text>
      </Group>
    </Stack>
  );
}

export interface SurveyQuestion {
  kind: SurveyKind;
  reference: string | null;
  workspaceName: string;
  askEffort: boolean;
  answered: SurveyAnswerView | null;
}

/**
 * The survey's questions (K16): the score, effort where the workspace asks it, a comment. Shared
 * by the e-mail link's answer page and the portal's waiting surveys: both answer through the same
 * endpoint, so the throttling, the events and the follow-up are one.
 */
export function SurveyAnswerForm(props: {
  token: string;
  question: SurveyQuestion;
  onResult: (result: SurveyPageResponse) => void;
  /** Shown under the score (the answer page's "your one click is recorded"). */
  notice?: ReactNode;
  /** Beside the send button (the opt-out). */
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const { question } = props;
  const [score, setScore] = useState<number | null>(question.answered?.score ?? null);
  const [effort, setEffort] = useState<number | null>(question.answered?.effort ?? null);
  const [comment, setComment] = useState(question.answered?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // An answer recorded elsewhere (the one click of the link) fills the form in.
  useEffect(() => {
    if (!question.answered) return;
    setScore(question.answered.score);
    setEffort(question.answered.effort);
    setComment(question.answered.comment ?? '');
  }, [question.answered]);

  const nps = question.kind === 'nps';
  const low = question.answered ? (nps ? question.answered.score <= 6 : question.answered.score <= 2) : false;
  const submit = async () => {
    if (score === null) return;
    setBusy(true);
    setError(null);
    try {
      props.onResult(
        await surveyApi.answer(props.token, {
          score,
          ...(effort !== null && question.askEffort ? { effort } : {}),
          comment: comment.trim(),
        }),
      );
      setSaved(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text fw={600}>
        {nps
          ? t('surveys.portal.questionNps', { company: question.workspaceName })
          : t('surveys.portal.question', { reference: question.reference ?? '' })}
      </Text>
      <ScaleButtons
        values={nps ? range(0, 10) : range(1, 5)}
        value={score}
        onChange={setScore}
        low={nps ? t('surveys.portal.npsLow') : t('surveys.portal.scores.1')}
        high={nps ? t('surveys.portal.npsHigh') : t('surveys.portal.scores.5')}
        titleOf={nps ? undefined : (v) => t(`surveys.portal.scores.${v}`)}
        testId="survey-score"
      />
      {!saved && props.notice}
      {low && <Alert color="orange">{t('surveys.portal.followUp')}</Alert>}
      {question.askEffort && (
        <Stack gap={4}>
          <Text fw={600}>{t('surveys.portal.effort')}</Text>
          <ScaleButtons
            values={range(1, 7)}
            value={effort}
            onChange={setEffort}
            low={t('surveys.portal.effortLow')}
            high={t('surveys.portal.effortHigh')}
            testId="survey-effort"
          />
        </Stack>
      )}
      <Textarea
        label={t('surveys.portal.comment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={3}
        dir="auto"
        data-testid="survey-comment"
      />
      <ErrorAlert error={error} />
      {saved && (
        <Alert color="teal" data-testid="survey-saved">
          {t('surveys.portal.saved')}
        </Alert>
      )}
      <Group justify="space-between">
        <Button onClick={() => void submit()} loading={busy} disabled={score === null} data-testid="survey-submit">
          {t('surveys.portal.submit')}
        </Button>
        {props.aside}
      </Group>
    </Stack>
  );
}
