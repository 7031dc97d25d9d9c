import { Badge, Button, FileButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fileLimitBroken } from '../api/portal-files.ts';

/** The composer's "Attach" for replies: a small button, the chosen files as removable badges. */
export function ReplyFiles({ value, onChange }: { value: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const broken = fileLimitBroken(value);
  return (
    <Group gap={4} wrap="wrap">
      <FileButton multiple onChange={(files) => onChange([...value, ...files])}>
        {(props) => (
          <Button {...props} size="xs" variant="default" data-testid="composer-attach">
            {t('answering.files.label')}
          </Button>
        )}
      </FileButton>
      {value.map((f, i) => (
        <Badge
          key={`${f.name}-${i}`}
          variant="light"
          color={broken ? 'red' : 'gray'}
          style={{ cursor: 'pointer', textTransform: 'none' }}
          onClick={() => onChange(value.filter((_, j) => j !== i))}
          title={t('answering.files.remove')}
          data-testid="composer-file"
        >
          <bdi>{f.name}</bdi> ×
        </Badge>
      ))}
      {broken && (
        <Badge color="red" variant="outline">
          {t(`answering.files.${broken}`)}
        </Badge>
      )}
    </Group>
  );
}
