import { useState } from 'react';
import { Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceMetricsResponse, TimeFigures } from '@kept/contract/api-types.ts';
import { useFormat } from '../i18n/use-format.ts';

type Grouping = 'team' | 'channel';

/**
 * Respect for time (K7) per team or per channel: first response, each wait, a case's total
 * wait and its handoffs, side by side, so a lead sees which queue keeps customers waiting.
 */
export function TimeByGroupCard({ metrics }: { metrics: ServiceMetricsResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [grouping, setGrouping] = useState<Grouping>('team');
  const rows: TimeFigures[] = grouping === 'team' ? metrics.timeByTeam : metrics.timeByChannel;
  const name = (key: string) =>
    grouping === 'team' ? key || t('teams.none') : t(`channel.${key}`, { defaultValue: key });
  const title = t('dashboard.timeByGroup.title');
  return (
    <Paper withBorder p="md" data-testid="time-by-group">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={5}>{title}</Title>
        <SegmentedControl
          size="xs"
          value={grouping}
          onChange={(v) => setGrouping(v as Grouping)}
          data={[
            { value: 'team', label: t('dashboard.timeByGroup.byTeam') },
            { value: 'channel', label: t('dashboard.timeByGroup.byChannel') },
          ]}
          data-testid="time-by-group-grouping"
        />
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('dashboard.noData')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{grouping === 'team' ? t('teams.team') : t('dashboard.timeByGroup.channel')}</Table.Th>
                <Table.Th>{t('dashboard.timeByGroup.cases')}</Table.Th>
                <Table.Th>{t('dashboard.timeByGroup.firstResponse')}</Table.Th>
                <Table.Th>{t('dashboard.timeByGroup.waitMedian')}</Table.Th>
                <Table.Th>{t('dashboard.timeByGroup.waitP90')}</Table.Th>
                <Table.Th>{t('dashboard.timeByGroup.totalWait')}</Table.Th>
                <Table.Th>{t('dashboard.timeByGroup.handoffs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key} data-testid="time-by-group-row">
                  <Table.Td>
                    <bdi>{name(r.key)}</bdi>
                  </Table.Td>
                  <Table.Td>{format.number(r.cases)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.duration(r.firstResponse.p50)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.duration(r.wait.p50)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.duration(r.wait.p90)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.duration(r.totalWait.p50)}</Table.Td>
                  <Table.Td>{format.number(r.handoffs.mean, 1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
