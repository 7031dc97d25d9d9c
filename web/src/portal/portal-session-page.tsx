import { fileLimitBroken, filesForUpload } from '../api/portal-files.ts';
import { isFileError, PortalFileError, PortalFilesInput } from './portal-files-input.tsx';
import { useEffect, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PortalCaseView } from '@kept/contract/api-types.ts';
import { OPEN_CASE_STATUSES } from '@kept/contract/domain-words.ts';
import { api } from '../api/kept-api.ts';
import { EscalationStatusBadge, StatusBadge } from '../common/badges.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';
import { PortalLayout } from './portal-layout.tsx';
import { PortalSurveys } from './portal-surveys.tsx';

const OPEN_STATUSES = new Set<string>(OPEN_CASE_STATUSES);

function PortalCase({
  token,
  item,
  onChange,
}: {
  token: string;
  item: PortalCaseView;
  onChange: (next: PortalCaseView) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reply, setReply] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState<'reply' | 'supervisor' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const isOpen = OPEN_STATUSES.has(item.status);

  const run = async (kind: 'reply' | 'supervisor') => {
    setBusy(kind);
    setError(null);
    try {
      const next =
        kind === 'reply'
          ? await api.portalReply(token, item.id, reply, await filesForUpload(files))
          : await api.portalSupervisor(token, item.id);
      if (kind === 'reply') {
        setReply('');
        setFiles([]);
        notifications.show({ color: 'teal', message: t('portal.messageSent') });
      }
      onChange(next);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="portal-case" data-case-id={item.id} data-status={item.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs">
              <Text fw={700} c="dimmed" dir="ltr">
                {item.reference}
              </Text>
              <StatusBadge status={item.status} />
            </Group>
            <Title order={4} dir="auto" style={{ overflowWrap: 'anywhere' }}>
              {item.subject}
            </Title>
            <Text size="xs" c="dimmed">
              {t('portal.openedAt', { at: format.dateTime(item.createdAt) })}
            </Text>
            {item.promisedBy && isOpen && (
              <Text size="sm" fw={600} c="teal.8" data-testid="portal-case-promised">
                {t('portal.promised', { time: format.dateTime(item.promisedBy) })}
              </Text>
            )}
          </Stack>
          {isOpen && !item.supervisorRequested && (
            <Button
              color="red"
              size="md"
              onClick={() => void run('supervisor')}
              loading={busy === 'supervisor'}
              data-testid="supervisor-button"
            >
              {t('portal.supervisor')}
            </Button>
          )}
        </Group>
        {item.supervisorRequested && (
          <Alert color="orange" data-testid="supervisor-requested">
            <Group gap="xs">
              <Text size="sm">{t('portal.supervisorRequested')}</Text>
              {item.escalationStatus && <EscalationStatusBadge status={item.escalationStatus} />}
            </Group>
          </Alert>
        )}
        <Stack gap="xs">
          {item.messages.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('portal.noMessages')}
            </Text>
          )}
          {item.messages.map((m) => (
            <Paper
              key={m.id}
              p="sm"
              bg={m.direction === 'inbound' ? 'gray.1' : 'teal.0'}
              ms={m.direction === 'inbound' ? 0 : 'xl'}
              me={m.direction === 'inbound' ? 'xl' : 0}
              data-testid="portal-thread-message"
              data-direction={m.direction}
            >
              <Group justify="space-between" gap="xs" mb={2}>
                <Text size="xs" fw={700}>
                  {m.direction === 'inbound' ? t('portal.you') : m.authorName}
                </Text>
                <Text size="xs" c="dimmed">
                  {format.dateTime(m.createdAt)}
                </Text>
              </Group>
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {m.body}
              </Text>
            </Paper>
          ))}
        </Stack>
        <Textarea
          label={t('portal.reply')}
          placeholder={t('portal.replyPlaceholder')}
          autosize
          minRows={2}
          value={reply}
          onChange={(e) => setReply(e.currentTarget.value)}
          dir="auto"
          data-testid="portal-reply"
        />
        <PortalFilesInput value={files} onChange={setFiles} />
        <PortalFileError error={error} />
        {!isFileError(error) && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button
            onClick={() => void run('reply')}
            disabled={!reply.trim() || !!fileLimitBroken(files)}
            loading={busy === 'reply'}
            data-testid="portal-reply-send"
          >
            {t('portal.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function PortalSessionPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useApi(() => api.portalSession(token), [token]);
  const data = session.data;

  useEffect(() => {
    document.title = data ? t('portal.title', { workspace: data.workspaceName }) : t('app.name');
  }, [data, t]);

  const replaceCase = (next: PortalCaseView) => {
    if (!data) return;
    session.setData({ ...data, cases: data.cases.map((c) => (c.id === next.id ? next : c)) });
  };

  return (
    <PortalLayout workspaceName={data?.workspaceName ?? null} reach={data?.reachAHuman ?? null}>
      {session.loading && !data && (
        <Center>
          <Loader />
        </Center>
      )}
      <ErrorAlert error={session.error} onRetry={session.reload} />
      {data && (
        <Stack gap="md" data-testid="portal-session">
          <Title order={2}>{t('portal.greeting', { name: data.customer.name })}</Title>
          <PortalSurveys surveys={data.surveys} workspaceName={data.workspaceName} />
          <Title order={3} size="h4">
            {t('portal.sessionTitle')}
          </Title>
          {data.cases.length === 0 && <Text c="dimmed">{t('portal.noRequests')}</Text>}
          {data.cases.map((c) => (
            <PortalCase key={c.id} token={token} item={c} onChange={replaceCase} />
          ))}
        </Stack>
      )}
    </PortalLayout>
  );
}
