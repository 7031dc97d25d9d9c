import { useState } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_KINDS, type ComplaintKind } from '@kept/contract/domain-words.ts';
import { complaintApi } from '../api/complaint-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';

/**
 * K12 on the case: whether it is a complaint, of which kind, found how and why; an agent marks it,
 * changes its kind or unmarks it, always with a reason (kept, and on the timeline).
 */
export function ComplaintPanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, reload, setData } = useApi(() => complaintApi.ofCase(caseId), [caseId]);
  const [kind, setKind] = useState<ComplaintKind | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  if (!data) return <ErrorAlert error={error} onRetry={reload} />;
  const chosen = kind || (data.isComplaint ? (data.kind ?? 'unspecified') : '');
  const act = async (work: () => ReturnType<typeof complaintApi.unmark>, message: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await work();
      setData(result.complaint);
      setKind('');
      setReason('');
      if (result.outcome !== 'unchanged') notifications.show({ color: 'teal', message });
      onChanged();
    } catch (cause) {
      setFailure(cause);
    } finally {
      setBusy(false);
    }
  };
  const canMark = chosen !== '' && reason.trim() !== '' && !(data.isComplaint && chosen === data.kind);
  return (
    <Paper withBorder p="md" data-testid="complaint-panel">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={4}>{t('complaints.title')}</Title>
          {data.isComplaint ? (
            <Badge color="grape" variant="light" data-testid="complaint-state">
              {t(`complaints.kind.${data.kind ?? 'unspecified'}`)}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" data-testid="complaint-state">
              {t('complaints.notComplaint')}
            </Badge>
          )}
        </Group>
        {data.isComplaint && data.source && (
          <Text size="sm" data-testid="complaint-source">
            {t(`complaints.source.${data.source}`)}
            {data.markedAt ? ` · ${format.dateTime(data.markedAt)}` : ''}
          </Text>
        )}
        {data.isComplaint && data.reason && (
          <Text size="sm" c="dimmed" dir="auto" style={{ overflowWrap: 'anywhere' }} data-testid="complaint-reason">
            {data.reason}
          </Text>
        )}
        <NativeSelect
          label={data.isComplaint ? t('complaints.changeKind') : t('complaints.kindLabel')}
          value={chosen}
          onChange={(e) => setKind(e.currentTarget.value as ComplaintKind)}
          data={[
            ...(chosen === '' ? [{ value: '', label: '—' }] : []),
            ...COMPLAINT_KINDS.map((k) => ({ value: k, label: t(`complaints.kind.${k}`) })),
          ]}
          data-testid="complaint-kind"
        />
        <Textarea
          label={t('complaints.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={1}
          dir="auto"
          data-testid="complaint-reason-input"
        />
        <ErrorAlert error={failure} />
        <Group gap="xs">
          <Button
            variant="light"
            color="grape"
            disabled={!canMark}
            loading={busy}
            onClick={() =>
              void act(
                () => complaintApi.mark(caseId, chosen as ComplaintKind, reason),
                data.isComplaint ? t('complaints.changed') : t('complaints.marked'),
              )
            }
            data-testid="complaint-mark"
          >
            {data.isComplaint ? t('complaints.change') : t('complaints.mark')}
          </Button>
          {data.isComplaint && (
            <Button
              variant="subtle"
              color="gray"
              disabled={reason.trim() === ''}
              loading={busy}
              onClick={() => void act(() => complaintApi.unmark(caseId, reason), t('complaints.unmarked'))}
              data-testid="complaint-unmark"
            >
              {t('complaints.unmark')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
