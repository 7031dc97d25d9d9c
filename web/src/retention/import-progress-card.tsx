import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportView } from '@kept/contract/retention-types.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card } from './panel-kit.tsx';

/** A background import while it is queued or running: phase, rows and share of the file read, Cancel. */
export function ImportProgressCard(props: { view: ImportView; cancelling: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { view } = props;
  const percent = view.bytesTotal ? Math.min(100, Math.round((view.bytesRead / view.bytesTotal) * 100)) : null;
  return (
    <Card title={t('imports.running', { source: view.source })} testId="import-progress">
      <Stack gap="xs">
        <Text size="sm">
          {view.status === 'queued' ? t('imports.queued') : t(`imports.phase.${view.phase ?? 'reading'}`)}
        </Text>
        <Progress value={percent ?? 0} animated striped aria-label={t('imports.running', { source: view.source })} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('imports.rows', { rows: format.number(view.rowsRead) })}
            {percent !== null ? ` · ${t('imports.bytes', { percent: format.number(percent) })}` : ''}
          </Text>
          <Button
            color="red"
            variant="light"
            onClick={props.onCancel}
            loading={props.cancelling}
            data-testid="import-cancel"
          >
            {t('imports.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
