import { Group, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelinePreferences } from './timeline-preferences.ts';

export function TimelineToolbar({
  value,
  onChange,
}: {
  value: TimelinePreferences;
  onChange: (next: TimelinePreferences) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      <Switch
        size="xs"
        label={t('answering.newestFirst')}
        checked={value.newestFirst}
        onChange={(e) => onChange({ ...value, newestFirst: e.currentTarget.checked })}
        data-testid="timeline-newest-first"
      />
      <Switch
        size="xs"
        label={t('answering.hideSystem')}
        checked={value.hideSystem}
        onChange={(e) => onChange({ ...value, hideSystem: e.currentTarget.checked })}
        data-testid="timeline-hide-system"
      />
    </Group>
  );
}
