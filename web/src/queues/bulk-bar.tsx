// The bulk-change bar above a queue (issue 16): the selected cases move to a status or to one person
// through the bulk API, each under the same rules as by hand; what the rules refused is said, not hidden.
import { useState } from 'react';
import { Button, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BulkChangeResponse } from '@kept/contract/desk-find-types.ts';
import type { UserView } from '@kept/contract/api-types.ts';
import { CASE_STATUSES, type CaseStatus } from '@kept/contract/domain-words.ts';
import { deskFindApi } from '../api/desk-find-api.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';

export interface CaseSelection {
  selected: ReadonlySet<string>;
  toggle: (caseId: string) => void;
  setAll: (caseIds: string[]) => void;
}

export function BulkBar({ selection, onDone }: { selection: CaseSelection; onDone: () => void }) {
  const { t } = useTranslation();
  const staff = useApi<UserView[]>(() => api.users(), []);
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<BulkChangeResponse | null>(null);
  const ids = [...selection.selected];

  const apply = async (change: () => Promise<BulkChangeResponse>) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await change();
      setResult(answer);
      selection.setAll(answer.refused.map((r) => r.caseId));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (ids.length === 0 && !result) return null;
  return (
    <Paper withBorder p="xs" mb="sm" data-testid="bulk-bar">
      {result && (
        <Text size="sm" mb={ids.length ? 'xs' : 0} data-testid="bulk-result">
          {t('deskviews.bulk.changed', { count: result.changed.length })}
          {result.refused.length > 0 && ` · ${t('deskviews.bulk.refused', { count: result.refused.length })}`}
        </Text>
      )}
      {ids.length > 0 && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Text size="sm" fw={600} data-testid="bulk-count">
            {t('deskviews.bulk.selected', { count: ids.length })}
          </Text>
          <Select
            label={t('deskviews.bulk.status')}
            data={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={status}
            onChange={(value) => setStatus(value as CaseStatus | null)}
            w={150}
            size="xs"
            data-testid="bulk-status"
          />
          <Button
            size="xs"
            disabled={!status}
            loading={busy}
            onClick={() => status && apply(() => deskFindApi.bulkStatus(ids, status))}
            data-testid="bulk-status-apply"
          >
            {t('deskviews.bulk.apply')}
          </Button>
          <Select
            label={t('deskviews.bulk.owner')}
            data={(staff.data ?? []).map((person) => ({ value: person.id, label: person.name }))}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            w={170}
            size="xs"
            data-testid="bulk-owner"
          />
          <TextInput
            label={t('deskviews.bulk.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
            dir="auto"
            w={200}
            size="xs"
            data-testid="bulk-reason"
          />
          <Button
            size="xs"
            disabled={!ownerId || !reason.trim()}
            loading={busy}
            onClick={() => ownerId && apply(() => deskFindApi.bulkOwner(ids, ownerId, reason.trim()))}
            data-testid="bulk-owner-apply"
          >
            {t('deskviews.bulk.handOver')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => selection.setAll([])}>
            {t('deskviews.bulk.clear')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
    </Paper>
  );
}
