import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/kept-api.ts';
import { HellReasons, StatusBadge } from '../common/badges.tsx';
import { useApi } from '../common/use-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { CaseLink, EmptyQueue, QueueRow, QueueState, QueueTable } from './queue-parts.tsx';
import { UserLine, UserWords } from '../common/user-text.tsx';

/** Cases the service-hell detector flagged, each with the measures that crossed a threshold. */
export function FlaggedQueue() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi(() => api.flags(), []);
  useLiveReload(reload);
  if (!data) return <QueueState loading={loading} error={error} reload={reload} />;
  if (data.cases.length === 0) return <EmptyQueue text={t('queues.empty.flagged')} />;
  return (
    <QueueTable
      head={[
        t('queues.columns.reference'),
        t('queues.columns.subject'),
        t('queues.columns.customer'),
        t('queues.columns.status'),
        t('queues.columns.owner'),
        t('queues.columns.reasons'),
      ]}
    >
      {data.cases.map((c) => (
        <QueueRow key={c.id} caseId={c.id}>
          <Table.Td>
            <CaseLink caseId={c.id} reference={c.reference} />
          </Table.Td>
          <Table.Td maw={260}>
            <UserLine>{c.subject}</UserLine>
          </Table.Td>
          <Table.Td>
            <UserWords>{c.customer.name}</UserWords>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={c.status} />
          </Table.Td>
          <Table.Td>{c.owner ? <UserWords>{c.owner.name}</UserWords> : t('common.unassigned')}</Table.Td>
          <Table.Td maw={380}>
            <HellReasons reasons={c.reasons} />
          </Table.Td>
        </QueueRow>
      ))}
    </QueueTable>
  );
}
