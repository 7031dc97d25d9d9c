import { useState } from 'react';
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalSurveyView, SurveyPageResponse } from '@kept/contract/survey-types.ts';
import { surveyApi } from '../api/survey-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { SurveyAnswerForm } from './survey-answer-form.tsx';

function WaitingSurvey({
  survey,
  workspaceName,
  onOptOut,
}: {
  survey: PortalSurveyView;
  workspaceName: string;
  onOptOut: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [result, setResult] = useState<SurveyPageResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const optOut = () => void surveyApi.optOut(survey.token).then(() => onOptOut(), setError);
  return (
    <Paper withBorder p="md" bg="indigo.0" data-testid="portal-survey" data-kind={survey.kind}>
      <Stack gap="xs">
        <Title order={4}>{t('surveys.portal.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('surveys.portal.askedAt', { at: format.dateTime(survey.sentAt) })}
        </Text>
        <SurveyAnswerForm
          token={survey.token}
          question={{
            kind: survey.kind,
            reference: survey.reference,
            workspaceName,
            askEffort: survey.askEffort,
            answered: result?.answered ?? null,
          }}
          onResult={setResult}
          aside={
            <Button variant="subtle" color="gray" size="xs" onClick={optOut} data-testid="survey-opt-out">
              {t('surveys.portal.optOut')}
            </Button>
          }
        />
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}

/**
 * The surveys waiting for a customer signed into the portal (K16): a portal case's survey is
 * offered here, an e-mailed one can be answered here too. After an answer the card stays (thanks,
 * a comment can still be added); after "no more surveys" they all go.
 */
export function PortalSurveys({ surveys, workspaceName }: { surveys: PortalSurveyView[]; workspaceName: string }) {
  const { t } = useTranslation();
  const [optedOut, setOptedOut] = useState(false);
  if (optedOut)
    return (
      <Alert color="gray" data-testid="survey-opted-out">
        {t('surveys.portal.optedOut')}
      </Alert>
    );
  if (surveys.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="portal-surveys">
      {surveys.map((s) => (
        <WaitingSurvey key={s.token} survey={s} workspaceName={workspaceName} onOptOut={() => setOptedOut(true)} />
      ))}
    </Stack>
  );
}
