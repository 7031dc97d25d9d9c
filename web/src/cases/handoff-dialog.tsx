import { useState } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CaseDetailResponse, UserView } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';

interface Props {
  detail: CaseDetailResponse;
  users: UserView[];
  onDone: (next: CaseDetailResponse) => void;
}

/** Hand the case to another person: a receiver and a reason are both required. */
export function HandoffButton({ detail, users, onDone }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const candidates = users.filter((u) => u.active && u.id !== detail.case.owner?.id);
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.handOff(detail.case.id, { toUserId, reason: reason.trim() });
      onDone(next);
      setOpen(false);
      setReason('');
      setToUserId('');
      notifications.show({ color: 'teal', message: t('actions.handedOff') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const label = (u: UserView) =>
    `${u.name} · ${t(`role.${u.role}`)} · ${u.languages.map((l) => format.languageName(l)).join(', ')}`;

  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)} data-testid="handoff-button" fullWidth>
        {t('actions.handoff')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('actions.handoffTitle')} centered>
        <Stack gap="sm">
          <NativeSelect
            label={t('actions.handoffTo')}
            required
            value={toUserId}
            onChange={(e) => setToUserId(e.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...candidates.map((u) => ({ value: u.id, label: label(u) }))]}
            data-testid="handoff-to"
          />
          <Textarea
            label={t('actions.handoffReason')}
            description={t('actions.handoffReasonHint')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="handoff-reason"
            dir="auto"
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => void submit()}
              loading={busy}
              disabled={!toUserId || !reason.trim()}
              data-testid="handoff-submit"
            >
              {t('actions.handoffSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
