import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, EscalationStatus, HellAssessment, PromiseStatus } from '@kept/contract/api-types.ts';

const STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'blue',
  open: 'teal',
  waiting_on_customer: 'yellow',
  resolved: 'green',
  closed: 'gray',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

const PROMISE_COLORS: Record<PromiseStatus, string> = {
  open: 'blue',
  kept: 'green',
  broken: 'red',
  renegotiated: 'orange',
};

export function PromiseStatusBadge({ status }: { status: PromiseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PROMISE_COLORS[status] ?? 'gray'} variant="light" data-testid="promise-status">
      {t(`promiseStatus.${status}`)}
    </Badge>
  );
}

const ESCALATION_COLORS: Record<EscalationStatus, string> = { open: 'red', answered: 'orange', closed: 'gray' };

export function EscalationStatusBadge({ status }: { status: EscalationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={ESCALATION_COLORS[status] ?? 'gray'}
      variant="light"
      data-testid="escalation-status"
      data-status={status}
    >
      {t(`escalationStatus.${status}`)}
    </Badge>
  );
}

export function HellReasons({ reasons }: { reasons: HellAssessment['reasons'] }) {
  const { t, i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <>
      {reasons.map((reason) => (
        <Badge key={reason.metric} color="red" variant="outline" me={4} mb={4} data-testid="hell-reason">
          {t('case.hellReason', {
            metric: t(`hellMetric.${reason.metric}`),
            value: nf.format(reason.value),
            threshold: nf.format(reason.threshold),
          })}
        </Badge>
      ))}
    </>
  );
}

export function HellBadge({ flagged }: { flagged: boolean }) {
  const { t } = useTranslation();
  if (!flagged) return null;
  return (
    <Tooltip label={t('case.hellMetrics')}>
      <Badge color="red" variant="filled" data-testid="hell-flag">
        {t('case.hellFlag')}
      </Badge>
    </Tooltip>
  );
}
