import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '@kept/contract/api-types.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';

export function TaskList({ tasks, onChanged }: { tasks: TaskView[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [error, setError] = useState<unknown>(null);
  const done = async (task: TaskView) => {
    setError(null);
    try {
      await api.completeTask(task.id);
      notifications.show({ color: 'teal', message: t('tasks.completed') });
      onChanged();
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="tasks">
      <Stack gap="xs">
        <Title order={4}>{t('tasks.title')}</Title>
        {tasks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('tasks.empty')}
          </Text>
        )}
        {tasks.map((task) => {
          const overdue = !task.doneAt && new Date(task.dueAt).getTime() < Date.now();
          return (
            <Group
              key={task.id}
              justify="space-between"
              gap="xs"
              wrap="nowrap"
              data-testid="task-item"
              data-done={task.doneAt ? 'true' : 'false'}
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} td={task.doneAt ? 'line-through' : undefined} dir="auto">
                  {task.title || t(`taskKind.${task.kind}`, { defaultValue: t('taskKind.other') })}
                </Text>
                <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
                  {t(`taskKind.${task.kind}`, { defaultValue: t('taskKind.other') })} ·{' '}
                  {task.escalationLevel
                    ? `${t('tasks.escalationLevel', { n: format.number(task.escalationLevel) })} · `
                    : ''}
                  {t('tasks.assignee', { name: task.assignee.name })} ·{' '}
                  {task.doneAt
                    ? t('tasks.doneAt', { at: format.dateTime(task.doneAt) })
                    : t('tasks.due', { at: format.dateTime(task.dueAt) })}
                </Text>
              </Stack>
              {!task.doneAt && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => void done(task)}
                  data-testid="task-done"
                  style={{ flexShrink: 0 }}
                >
                  {t('tasks.markDone')}
                </Button>
              )}
            </Group>
          );
        })}
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}
