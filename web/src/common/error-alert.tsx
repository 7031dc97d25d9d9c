import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text.ts';

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" title={t('errors.title')} data-testid="error-alert" role="alert">
      {errorText(t, error)}
      {onRetry && (
        <Button variant="subtle" size="xs" ms="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
