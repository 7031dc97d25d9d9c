import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SupervisorSuspicionView } from '@kept/contract/supervisor-suspicion-types.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';

interface Props {
  caseId: string;
  suspicion: SupervisorSuspicionView;
  onChanged: () => void;
}

/**
 * Issue 18: a message that may ask for a supervisor, below the confidence that escalates by
 * itself. One click escalates (as the agent's escalation, with this as its reason), one dismisses.
 */
export function SupervisorSuspicionAlert({ caseId, suspicion, onChanged }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'escalate' | 'dismiss' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: 'escalate' | 'dismiss') => {
    setBusy(action);
    setError(null);
    try {
      if (action === 'escalate') await api.escalate(caseId, t('supervisorsuspicion.reason'));
      else await api.dismissSupervisorSuspicion(caseId);
      notifications.show({
        color: 'teal',
        message: t(action === 'escalate' ? 'supervisorsuspicion.escalated' : 'supervisorsuspicion.dismissed'),
      });
      onChanged();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Alert color="orange" title={t('supervisorsuspicion.title')} data-testid="supervisor-suspicion">
      <Text size="sm">
        {t('supervisorsuspicion.body')}{' '}
        <Text span fw={600} dir="auto">
          «{suspicion.phrase}»
        </Text>
      </Text>
      <ErrorAlert error={error} />
      <Group mt="sm" gap="sm">
        <Button
          size="xs"
          color="orange"
          loading={busy === 'escalate'}
          onClick={() => void run('escalate')}
          data-testid="supervisor-suspicion-escalate"
        >
          {t('supervisorsuspicion.escalate')}
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={busy === 'dismiss'}
          onClick={() => void run('dismiss')}
          data-testid="supervisor-suspicion-dismiss"
        >
          {t('supervisorsuspicion.dismiss')}
        </Button>
      </Group>
    </Alert>
  );
}
