import { useEffect, useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DueSoonResponse } from '@kept/contract/promise-api-types.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { promiseApi } from '../api/promise-api.ts';

const POLL_MS = 15_000;

/** The "due soon" board: polls every 15 s, so it stays live without a socket. */
export function DueSoonBoard({ defaultMine }: { defaultMine: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mine, setMine] = useState(defaultMine);
  const [data, setData] = useState<DueSoonResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      promiseApi.dueSoon(mine).then(
        (r) => live && (setData(r), setError(null)),
        (e) => live && setError(e),
      );
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [mine]);
  return (
    <Paper withBorder p="md" data-testid="due-soon">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('promises.dueSoon')}</Title>
          <Switch
            checked={mine}
            onChange={(e) => setMine(e.currentTarget.checked)}
            label={t('promises.mineOnly')}
            data-testid="due-soon-mine"
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('promises.dueSoonHint', { hours: data?.hours ?? 24 })}
        </Text>
        <ErrorAlert error={error} />
        {data && data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('promises.dueSoonEmpty')}
          </Text>
        )}
        {data?.items.map((item) => (
          <Paper key={item.promise.id} p="xs" bg={item.overdue ? 'red.0' : 'gray.0'} data-testid="due-soon-item">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  <Anchor component={Link} to={`/app/cases/${item.promise.caseId}`}>
                    {item.promise.reference}
                  </Anchor>{' '}
                  · {t(`promiseKind.${item.promise.kind}`)} · <bdi>{item.customerName}</bdi>
                </Text>
                <Text size="xs" c="dimmed" dir="auto">
                  {item.promise.description}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('promises.owner', { name: item.promise.owner.name })}
                </Text>
              </Stack>
              <Stack gap={0} align="flex-end">
                <Badge color={item.overdue ? 'red' : item.minutesLeft < 60 ? 'orange' : 'teal'} variant="light">
                  {item.overdue
                    ? t('promises.overdueBy', { time: format.duration(-item.minutesLeft) })
                    : t('promises.minutesLeft', { time: format.duration(item.minutesLeft) })}
                </Badge>
                <Text size="xs">{format.dateTime(item.promise.dueAt)}</Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
