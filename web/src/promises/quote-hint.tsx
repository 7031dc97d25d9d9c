import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteView } from '@kept/contract/promise-api-types.ts';
import { useFormat } from '../i18n/use-format.ts';

/** The numbers before saving: how long similar work took, and the time to promise. */
export function QuoteHint({
  quote,
  loading,
  onUse,
}: {
  quote: QuoteView | null | undefined;
  loading: boolean;
  onUse: (dueAt: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (loading && quote === undefined)
    return (
      <Text size="xs" c="dimmed">
        {t('promises.quote.loading')}
      </Text>
    );
  if (!quote)
    return (
      <Text size="xs" c="dimmed" data-testid="quote-none">
        {t('promises.quote.none')}
      </Text>
    );
  return (
    <Alert color="teal" variant="light" p="xs" title={t('promises.quote.title')} data-testid="quote-hint">
      <Stack gap={4}>
        <Text size="sm">
          {t('promises.quote.value', {
            kind: t(`promiseKind.${quote.kind}`, { defaultValue: quote.kind }),
            p: quote.percentile,
            time: format.duration(quote.minutes),
            business: quote.businessHours ? t('promises.quote.business') : '',
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('promises.quote.from', { count: quote.sampleSize, group: quote.group })}
        </Text>
        <Group gap="xs">
          <Text size="sm" fw={600} data-testid="quote-due">
            {t('promises.quote.suggest', { at: format.dateTime(quote.dueAt) })}
          </Text>
          <Button size="compact-xs" variant="light" onClick={() => onUse(quote.dueAt)} data-testid="quote-use">
            {t('promises.quote.use')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Faster than the quote: the warning with the numbers, and the confirmation that is recorded. */
export function OverPromiseConfirm({
  warning,
  confirmed,
  onConfirm,
}: {
  warning: string;
  confirmed: boolean;
  onConfirm: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" p="xs" title={t('promises.overPromise.title')} data-testid="over-promise">
      <Stack gap={6}>
        <Text size="sm" dir="ltr">
          {warning}
        </Text>
        <Checkbox
          checked={confirmed}
          onChange={(e) => onConfirm(e.currentTarget.checked)}
          label={t('promises.overPromise.confirm')}
          data-testid="over-promise-confirm"
        />
      </Stack>
    </Alert>
  );
}
