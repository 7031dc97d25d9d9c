import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Center, Loader, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { surveyApi } from '../api/survey-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { isUiLanguage } from '../i18n/i18n.ts';
import { PortalLayout } from './portal-layout.tsx';
import { SurveyAnswerForm } from './survey-answer-form.tsx';

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
  const [error, setError] = useState<unknown>(null);
  const clicked = useRef(false);
  const data = page.data;

  // The customer reads the page in the language the survey was written in (they can switch).
  useEffect(() => {
    if (isUiLanguage(data?.language) && i18n.language !== data.language) void i18n.changeLanguage(data.language);
  }, [data?.language, i18n]);

  useEffect(() => {
    if (!data || clicked.current) return;
    clicked.current = true;
    if (params.get('optout') === '1' && !data.optedOut) {
      void surveyApi.optOut(token).then(page.setData, setError);
      return;
    }
    const fromLink = Number(params.get('score'));
    if (!data.answered && params.has('score') && Number.isInteger(fromLink))
      void surveyApi.answer(token, { score: fromLink }).then(page.setData, setError);
    // Once per page load: a reload of the link only shows what was recorded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

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
            <ErrorAlert error={error} />
            <SurveyAnswerForm
              token={token}
              question={data}
              onResult={page.setData}
              notice={
                data.answered && (
                  <Alert color="teal" data-testid="survey-recorded">
                    {t('surveys.portal.recorded', { score: data.answered.score })}
                  </Alert>
                )
              }
              aside={
                !data.optedOut && (
                  <Button
                    variant="subtle"
                    color="gray"
                    size="xs"
                    onClick={() => void surveyApi.optOut(token).then(page.setData, setError)}
                    data-testid="survey-opt-out"
                  >
                    {t('surveys.portal.optOut')}
                  </Button>
                )
              }
            />
          </Stack>
        )}
      </Paper>
    </PortalLayout>
  );
}
