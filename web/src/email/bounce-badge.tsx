import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '@kept/contract/api-types.ts';
import { useFormat } from '../i18n/use-format.ts';

/** Shown on the customer and the case when mail to the customer's address bounced for good. */
export function BounceBadge({ customer }: { customer: Pick<CustomerView, 'emailBouncedAt' | 'emailBounceReason'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!customer.emailBouncedAt) return null;
  return (
    <Tooltip
      label={t('mailout.bounce.tooltip', {
        when: format.dateTime(customer.emailBouncedAt),
        reason: customer.emailBounceReason ?? '—',
      })}
      multiline
      maw={360}
    >
      <Badge color="red" variant="filled" data-testid="bounce-badge">
        {t('mailout.bounce.badge')}
      </Badge>
    </Tooltip>
  );
}
