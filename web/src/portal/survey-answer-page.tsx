import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { SurveyPageResponse } from '@kept/contract/survey-types.ts';
import { surveyApi } from '../api/survey-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { isUiLanguage } from '../i18n/i18n.ts';
import { PortalLayout } from './portal-layout.tsx';

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** A row of numbered buttons: the scale's ends named under it, the chosen one filled. */
function ScaleButtons(props: {
  values: number[];
  value: number | null;
  onChange: (value: number) => void;
  low: string;
  high: string;
  testId: string;
  titleOf?: (value: number) => string;
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

/**
 * /portal/survey/:token — the answer page of a survey e-mail (K16). A link carrying `?score=N`
 * records that score at once (one click from the e-mail, no login); the page then offers the
 * effort question and a comment. `?optout=1` stops further surveys.
 */
export function SurveyAnswerPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const page = useApi(() => surveyApi.page(token), [token]);
  const [score, setScore] = useState<number | null>(null);
  const [effort, setEffort] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clicked = useRef(false);
  const data = page.data;

  const apply = (result: SurveyPageResponse) => {
    page.setData(result);
    if (result.answered) {
      setScore(result.answered.score);
      setEffort(result.answered.effort);
      setComment(result.answered.comment ?? '');
    }
  };

  const send = async (body: { score: number; effort?: number; comment?: string }) => {
    setBusy(true);
    setError(null);
    try {
      apply(await surveyApi.answer(token, body));
      return true;
    } catch (cause) {
      setError(cause);
      return false;
    } finally {
      setBusy(false);
    }
  };

  // The customer reads the page in the language the survey was written in (they can switch).
  useEffect(() => {
    if (isUiLanguage(data?.language) && i18n.language !== data.language) void i18n.changeLanguage(data.language);
  }, [data?.language, i18n]);

  useEffect(() => {
    if (!data || clicked.current) return;
    clicked.current = true;
    if (data.answered) apply(data);
    if (params.get('optout') === '1' && !data.optedOut) {
      void surveyApi.optOut(token).then(apply, setError);
      return;
    }
    const fromLink = Number(params.get('score'));
    if (!data.answered && params.has('score') && Number.isInteger(fromLink)) {
      setScore(fromLink);
      void send({ score: fromLink });
    }
    // Once per page load: a reload of the link only shows what was recorded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  const nps = data?.kind === 'nps';
  const low = data?.answered ? (nps ? data.answered.score <= 6 : data.answered.score <= 2) : false;
  const submit = async () => {
    if (score === null) return;
    const ok = await send({
      score,
      ...(effort !== null && data?.askEffort ? { effort } : {}),
      comment: comment.trim(),
    });
    setSaved(ok);
  };

  return (
    <PortalLayout workspaceName={data?.workspaceName ?? null} reach={null}>
      <Paper withBorder p="lg" maw={560} mx="auto" data-testid="survey-page">
        {!data && !page.error && (
          <Center>
            <Loader />
          </Center>
        )}
        {page.error ? <Alert color="red">{t('surveys.portal.invalid')}</Alert> : null}
        {data && (
          <Stack gap="md">
            <Title order={3}>{t('surveys.portal.title')}</Title>
            {data.optedOut && (
              <Alert color="gray" data-testid="survey-opted-out">
                {t('surveys.portal.optedOut')}
              </Alert>
            )}
            <Text fw={600}>
              {nps
                ? t('surveys.portal.questionNps', { company: data.workspaceName })
                : t('surveys.portal.question', { reference: data.reference ?? '' })}
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
            {data.answered && !saved && (
              <Alert color="teal" data-testid="survey-recorded">
                {t('surveys.portal.recorded', { score: data.answered.score })}
              </Alert>
            )}
            {low && <Alert color="orange">{t('surveys.portal.followUp')}</Alert>}
            {data.askEffort && (
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
              <Button
                onClick={() => void submit()}
                loading={busy}
                disabled={score === null}
                data-testid="survey-submit"
              >
                {t('surveys.portal.submit')}
              </Button>
              {!data.optedOut && (
                <Button
                  variant="subtle"
                  color="gray"
                  size="xs"
                  onClick={() => void surveyApi.optOut(token).then(apply, setError)}
                  data-testid="survey-opt-out"
                >
                  {t('surveys.portal.optOut')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Paper>
    </PortalLayout>
  );
}
