import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskReason } from '@kept/contract/retention-types.ts';
import { useFormat } from '../i18n/use-format.ts';

/** The reasons behind a churn risk, in the reader's language. */
export function RiskReasons({ reasons }: { reasons: RiskReason[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (reasons.length === 0) return <>{t('retention.risk.noReasons')}</>;
  return (
    <List size="sm" spacing={2} data-testid="risk-reasons">
      {reasons.map((r) => (
        <List.Item key={r.code}>
          {r.code === 'overdue'
            ? t('retention.risk.reasons.overdue', {
                days: format.number(r.days),
                gap: format.number(r.gapDays),
                ratio: format.number(r.days / Math.max(1, r.gapDays), 1),
              })
            : r.code === 'low_p_alive'
              ? t('retention.risk.reasons.low_p_alive', { percent: format.number(r.pAlive * 100) })
              : r.code === 'open_complaint'
                ? t('retention.risk.reasons.open_complaint', { count: r.count, reference: r.reference })
                : r.code === 'broken_promises'
                  ? t('retention.risk.reasons.broken_promises', { count: r.count })
                  : t('retention.risk.reasons.service_hell', { reference: r.reference })}
        </List.Item>
      ))}
    </List>
  );
}
