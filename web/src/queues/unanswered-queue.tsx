import { useEffect, useState } from 'react';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/kept-api.ts';
import { useApi } from '../common/use-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { minutesSince, useFormat } from '../i18n/use-format.ts';
import { CaseLink, EmptyQueue, QueueRow, QueueState, QueueTable } from './queue-parts.tsx';
import { UserLine, UserWords } from '../common/user-text.tsx';

/** Every customer message not yet answered, oldest first, with how long it has waited. */
export function UnansweredQueue() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, loading, reload } = useApi(() => api.unanswered(), []);
  useLiveReload(reload);
  // Changes arrive pushed (useLiveReload); the clock only moves the ages on.
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  if (!data) return <QueueState loading={loading} error={error} reload={reload} />;
  if (data.items.length === 0) return <EmptyQueue text={t('queues.empty.unanswered')} testId="unanswered-zero" />;
  const items = [...data.items].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return (
    <Stack gap="xs">
      {/* A div, not a p: the badge inside renders a div, which a paragraph may not hold. */}
      <Text c="dimmed" size="sm" component="div">
        {t('queues.unansweredHint')}{' '}
        <Badge color="orange" variant="light" data-testid="unanswered-total">
          {t('queues.waitingTotal', { n: format.number(data.total) })}
        </Badge>
      </Text>
      <QueueTable
        head={[
          t('queues.columns.age'),
          t('queues.columns.reference'),
          t('queues.columns.customer'),
          t('queues.columns.message'),
          t('queues.columns.channel'),
          t('queues.columns.owner'),
        ]}
      >
        {items.map((item) => (
          <QueueRow key={item.messageId} caseId={item.caseId} data={{ 'data-message-id': item.messageId }}>
            <Table.Td>
              <Text fw={700} c="orange.8" data-testid="queue-age" title={format.dateTime(item.receivedAt)}>
                {format.duration(minutesSince(item.receivedAt, now))}
              </Text>
            </Table.Td>
            <Table.Td>
              <CaseLink caseId={item.caseId} reference={item.reference} />
            </Table.Td>
            <Table.Td>
              <UserWords>{item.customer.name}</UserWords>
            </Table.Td>
            <Table.Td maw={360}>
              <UserLine fw={600}>{item.subject}</UserLine>
              <UserLine c="dimmed" lines={2}>
                {item.excerpt}
              </UserLine>
            </Table.Td>
            <Table.Td>{t(`channel.${item.channel}`)}</Table.Td>
            <Table.Td>{item.owner ? <UserWords>{item.owner.name}</UserWords> : t('common.unassigned')}</Table.Td>
          </QueueRow>
        ))}
      </QueueTable>
    </Stack>
  );
}
