import { fileLimitBroken, filesForUpload } from '../api/portal-files.ts';
import { isFileError, PortalFileError, PortalFilesInput } from './portal-files-input.tsx';
import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PortalRequestCreated } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';
import { PortalLayout } from './portal-layout.tsx';

function Acknowledgement({ created, onAnother }: { created: PortalRequestCreated; onAnother: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color="teal" title={t('portal.ackTitle')} data-testid="portal-ack">
      <Stack gap="xs">
        <Text fw={700} data-testid="portal-reference">
          {t('portal.reference', { reference: created.reference })}
        </Text>
        <Text data-testid="portal-promised">
          {t('portal.promisedBy', { time: format.dateTime(created.promisedBy) })}
        </Text>
        <Text
          size="sm"
          dir="auto"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="portal-ack-text"
        >
          {created.acknowledgement}
        </Text>
        <Text size="sm">{t('portal.keepLink')}</Text>
        <Anchor
          component={Link}
          to={`/portal/s/${encodeURIComponent(created.portalToken)}`}
          fw={700}
          data-testid="portal-session-link"
        >
          {t('portal.seeRequests')}
        </Anchor>
        <Button variant="subtle" size="xs" onClick={onAnother} w="fit-content">
          {t('portal.writeAnother')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function PortalRequestPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const info = useApi(() => api.portalInfo(slug), [slug]);
  const [form, setForm] = useState({ name: '', email: '', subject: '', body: '' });
  const [created, setCreated] = useState<PortalRequestCreated | null>(null);
  // Issue 4 (K16): by when the customer expects an answer (optional).
  const [expectation, setExpectation] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    document.title = info.data ? t('portal.title', { workspace: info.data.workspaceName }) : t('app.name');
  }, [info.data, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const subject = form.subject.trim();
      setCreated(
        await api.portalRequest(slug, {
          name: form.name.trim(),
          email: form.email.trim(),
          body: form.body,
          language: i18n.language,
          ...(subject ? { subject } : {}),
          ...(expectation ? { expectation } : {}),
          ...(files.length > 0 ? { attachments: await filesForUpload(files) } : {}),
        }),
      );
      setForm({ name: form.name, email: form.email, subject: '', body: '' });
      setFiles([]);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalLayout workspaceName={info.data?.workspaceName ?? null} reach={info.data?.reachAHuman ?? null}>
      {info.loading && !info.data && (
        <Center>
          <Loader />
        </Center>
      )}
      <ErrorAlert error={info.error} onRetry={info.reload} />
      {info.data && created && <Acknowledgement created={created} onAnother={() => setCreated(null)} />}
      {info.data && !created && (
        <Paper withBorder p="lg">
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Title order={2}>{t('portal.newRequest')}</Title>
              <Text c="dimmed">{t('portal.intro')}</Text>
              <TextInput
                required
                label={t('portal.name')}
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                dir="auto"
                data-testid="portal-name"
              />
              <TextInput
                required
                type="email"
                label={t('portal.yourEmail')}
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
                dir="ltr"
                data-testid="portal-email"
              />
              <TextInput
                label={t('portal.subject')}
                value={form.subject}
                onChange={(e) => setForm({ ...form, subject: e.currentTarget.value })}
                dir="auto"
                data-testid="portal-subject"
              />
              <Textarea
                required
                label={t('portal.message')}
                autosize
                minRows={5}
                value={form.body}
                onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
                dir="auto"
                data-testid="portal-message"
              />
              <PortalFilesInput value={files} onChange={setFiles} />
              <PortalFileError error={error} />
              <NativeSelect
                label={t('promises.expect.question')}
                description={t('promises.expect.optional')}
                value={expectation}
                onChange={(e) => setExpectation(e.currentTarget.value)}
                data={(['', 'hour', 'today', 'tomorrow', 'week'] as const).map((c) => ({
                  value: c,
                  label: t(`promises.expect.choice.${c}`),
                }))}
                data-testid="portal-expectation"
              />
              {!isFileError(error) && <ErrorAlert error={error} />}
              <Button
                type="submit"
                loading={busy}
                disabled={!form.body.trim() || !form.name.trim() || !form.email.trim() || !!fileLimitBroken(files)}
                data-testid="portal-submit"
              >
                {t('portal.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </PortalLayout>
  );
}
