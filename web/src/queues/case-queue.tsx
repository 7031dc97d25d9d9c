import { useState } from 'react';
import { Badge, Checkbox, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@kept/contract/api-types.ts';
import { useMediaQuery } from '@mantine/hooks';
import type { CaseView } from '../api/kept-api.ts';
import { deskFindApi } from '../api/desk-find-api.ts';
import { BulkBar, type CaseSelection } from './bulk-bar.tsx';
import { CaseCards } from './case-cards.tsx';
import { isFiltered, useCaseFinderFilters } from './case-finder.tsx';
import { StatusBadge } from '../common/badges.tsx';
import { useApi } from '../common/use-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { minutesSince, useFormat } from '../i18n/use-format.ts';
import { CaseLink, EmptyQueue, QueueRow, QueueState, QueueTable } from './queue-parts.tsx';
import { UserLine, UserWords } from '../common/user-text.tsx';

export function CaseRows({ cases, selection }: { cases: CaseSummary[]; selection?: CaseSelection }) {
  const { t } = useTranslation();
  const format = useFormat();
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) return <CaseCards cases={cases} selection={selection} />;
  const ids = cases.map((c) => c.id);
  const all = selection && ids.length > 0 && ids.every((id) => selection.selected.has(id));
  return (
    <QueueTable
      head={[
        ...(selection
          ? [
              <Checkbox
                key="all"
                aria-label={t('deskviews.bulk.selectAll')}
                checked={all}
                indeterminate={!all && ids.some((id) => selection.selected.has(id))}
                onChange={() => selection.setAll(all ? [] : ids)}
                data-testid="queue-select-all"
              />,
            ]
          : []),
        t('queues.columns.reference'),
        t('queues.columns.subject'),
        t('queues.columns.customer'),
        t('queues.columns.status'),
        t('queues.columns.owner'),
        t('queues.columns.channel'),
        t('queues.columns.age'),
      ]}
    >
      {cases.map((c) => (
        <QueueRow key={c.id} caseId={c.id}>
          {selection && (
            <Table.Td w={36}>
              <Checkbox
                aria-label={t('deskviews.bulk.select', { reference: c.reference })}
                checked={selection.selected.has(c.id)}
                onChange={() => selection.toggle(c.id)}
                data-testid="queue-row-select"
              />
            </Table.Td>
          )}
          <Table.Td>
            <CaseLink caseId={c.id} reference={c.reference} />
          </Table.Td>
          <Table.Td maw={320}>
            <Group gap={4} wrap="nowrap">
              <UserLine>{c.subject}</UserLine>
              {c.openEscalation && (
                <Badge size="xs" color="red" variant="light">
                  {t('queues.escalatedBadge')}
                </Badge>
              )}
              {c.hellFlagged && (
                <Badge size="xs" color="red" variant="filled">
                  {t('queues.hellBadge')}
                </Badge>
              )}
            </Group>
          </Table.Td>
          <Table.Td>
            <UserWords>{c.customer.name}</UserWords>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={c.status} />
          </Table.Td>
          <Table.Td>{c.owner ? <UserWords>{c.owner.name}</UserWords> : t('common.unassigned')}</Table.Td>
          <Table.Td>{t(`channel.${c.channel}`)}</Table.Td>
          <Table.Td>
            {c.unansweredSince ? (
              <Text size="sm" fw={700} c="orange.8" data-testid="queue-age">
                {format.duration(minutesSince(c.unansweredSince))}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {format.relative(c.createdAt)}
              </Text>
            )}
          </Table.Td>
        </QueueRow>
      ))}
    </QueueTable>
  );
}

/** A queue's cases, searched and filtered as the address asks (case-finder.tsx). */
export function CaseQueue({ view }: { view: Exclude<CaseView, 'all'> }) {
  const { t } = useTranslation();
  const filters = useCaseFinderFilters();
  const key = JSON.stringify(filters);
  const { data, error, loading, reload } = useApi(() => deskFindApi.cases(view, filters), [view, key]);
  useLiveReload(reload);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Only cases on screen stay selected: a case that left the list (changed, filtered out) is dropped.
  const shown = new Set(data?.cases.map((c) => c.id) ?? []);
  const kept = new Set([...selected].filter((id) => shown.has(id)));
  const selection: CaseSelection = {
    selected: kept,
    toggle: (id) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setAll: (ids) => setSelected(new Set(ids)),
  };
  if (!data) return <QueueState loading={loading} error={error} reload={reload} />;
  if (data.cases.length === 0) {
    return <EmptyQueue text={isFiltered(filters) ? t('deskfind.noMatch') : t(`queues.empty.${view}`)} />;
  }
  return (
    <>
      {isFiltered(filters) && (
        <Text size="sm" c="dimmed" mb="xs" data-testid="case-found-count">
          {data.more ? t('deskfind.more', { n: data.cases.length }) : t('deskfind.found', { n: data.cases.length })}
        </Text>
      )}
      <BulkBar selection={selection} onDone={reload} />
      <CaseRows cases={data.cases} selection={selection} />
    </>
  );
}
