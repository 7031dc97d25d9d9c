import { useState } from 'react';
import { Alert, Button, Center, Loader, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ExpectationChoice } from '@kept/contract/promise-api-types.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';
import { PortalLayout } from '../portal/portal-layout.tsx';
import { promiseApi } from '../api/promise-api.ts';

const CHOICES: ExpectationChoice[] = ['hour', 'today', 'tomorrow', 'week'];

/** /portal/expect/:token — one question, linked from the first acknowledgement (K16). */
export function ExpectationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { token = '' } = useParams();
  const page = useApi(() => promiseApi.expectationPage(token), [token]);
  const [choice, setChoice] = useState<ExpectationChoice | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      page.setData(await promiseApi.answerExpectation(token, choice));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const data = page.data;
  return (
    <PortalLayout workspaceName={data?.workspaceName ?? null} reach={null}>
      <Paper withBorder p="lg" maw={560} mx="auto" data-testid="expectation-page">
        {!data && !page.error && (
          <Center>
            <Loader />
          </Center>
        )}
        {page.error ? <Alert color="red">{t('promises.expect.invalid')}</Alert> : null}
        {data && (
          <Stack gap="sm">
            <Title order={3}>{t('promises.expect.pageTitle', { reference: data.reference })}</Title>
            {data.promisedBy && (
              <Text size="sm">{t('promises.expect.promised', { at: format.dateTime(data.promisedBy) })}</Text>
            )}
            {data.answered ? (
              <Alert color="teal" data-testid="expectation-thanks">
                {t('promises.expect.thanks', { at: format.dateTime(data.answered.expectedBy) })}
              </Alert>
            ) : (
              <>
                <Radio.Group
                  label={t('promises.expect.question')}
                  description={t('promises.expect.optional')}
                  value={choice}
                  onChange={(v) => setChoice(v as ExpectationChoice)}
                >
                  <Stack gap={6} mt="xs">
                    {CHOICES.map((c) => (
                      <Radio
                        key={c}
                        value={c}
                        label={t(`promises.expect.choice.${c}`)}
                        data-testid={`expectation-${c}`}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
                <ErrorAlert error={error} />
                <Button
                  onClick={() => void submit()}
                  loading={busy}
                  disabled={!choice}
                  data-testid="expectation-submit"
                >
                  {t('promises.expect.submit')}
                </Button>
              </>
            )}
          </Stack>
        )}
      </Paper>
    </PortalLayout>
  );
}
