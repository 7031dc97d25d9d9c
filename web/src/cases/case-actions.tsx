import { useState } from 'react';
import { Accordion, Button, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CaseDetailResponse, CaseStatus, UserView } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { HandoffButton } from './handoff-dialog.tsx';
import { PromiseForm } from './promise-form.tsx';

interface Props {
  detail: CaseDetailResponse;
  users: UserView[];
  onDetail: (next: CaseDetailResponse) => void;
  onReload: () => void;
}

function StatusChange({ detail, onDetail }: Pick<Props, 'detail' | 'onDetail'>) {
  const { t } = useTranslation();
  const allowed = detail.allowedTransitions;
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (allowed.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('actions.noTransitions')}
      </Text>
    );
  const submit = async () => {
    if (!to) return;
    setBusy(true);
    setError(null);
    try {
      onDetail(await api.transition(detail.case.id, to));
      setTo('');
      notifications.show({ color: 'teal', message: t('actions.statusChanged') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('actions.statusTo')}
        value={to}
        onChange={(e) => setTo(e.currentTarget.value as CaseStatus)}
        data={[{ value: '', label: '—' }, ...allowed.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        data-testid="status-select"
      />
      <ErrorAlert error={error} />
      <Button variant="light" onClick={() => void submit()} disabled={!to} loading={busy} data-testid="status-submit">
        {t('actions.changeStatus')}
      </Button>
    </Stack>
  );
}

function EscalateForm({ detail, onReload }: Pick<Props, 'detail' | 'onReload'>) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.escalate(detail.case.id, reason.trim());
      setReason('');
      onReload();
      notifications.show({ color: 'teal', message: t('actions.escalated') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={t('actions.escalateReason')}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        data-testid="escalate-reason"
        dir="auto"
      />
      <ErrorAlert error={error} />
      <Button
        color="red"
        variant="light"
        onClick={() => void submit()}
        disabled={!reason.trim()}
        loading={busy}
        data-testid="escalate-submit"
      >
        {t('actions.escalateSubmit')}
      </Button>
    </Stack>
  );
}

export function CaseActions({ detail, users, onDetail, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="case-actions">
      <Stack gap="sm">
        <Title order={4}>{t('actions.title')}</Title>
        <HandoffButton detail={detail} users={users} onDone={onDetail} />
        <Accordion variant="separated" multiple defaultValue={['status']}>
          <Accordion.Item value="status">
            <Accordion.Control data-testid="status-section">{t('actions.changeStatus')}</Accordion.Control>
            <Accordion.Panel>
              <StatusChange detail={detail} onDetail={onDetail} />
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="promise">
            <Accordion.Control data-testid="promise-section">{t('actions.makePromise')}</Accordion.Control>
            <Accordion.Panel>
              <PromiseForm caseId={detail.case.id} defaultChannel={detail.case.channel} onDone={onReload} />
            </Accordion.Panel>
          </Accordion.Item>
          <Accordion.Item value="escalate">
            <Accordion.Control data-testid="escalate-section">{t('actions.escalate')}</Accordion.Control>
            <Accordion.Panel>
              <EscalateForm detail={detail} onReload={onReload} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Paper>
  );
}
