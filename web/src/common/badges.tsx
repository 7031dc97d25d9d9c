import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, EscalationStatus, HellAssessment, PromiseStatus } from '@kept/contract/api-types.ts';
import { useFormat } from '../i18n/use-format.ts';

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
    <Badge
      color={STATUS_COLORS[status] ?? 'gray'}
      variant="light"
      // A table cell shrinks a badge to "Op…" (Arabic "مفتو…"): a status is never cut.
      miw="max-content"
      data-testid="status-badge"
      data-status={status}
    >
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
    <Badge color={PROMISE_COLORS[status] ?? 'gray'} variant="light" miw="max-content" data-testid="promise-status">
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
      miw="max-content"
      data-testid="escalation-status"
      data-status={status}
    >
      {t(`escalationStatus.${status}`)}
    </Badge>
  );
}

export function HellReasons({ reasons }: { reasons: HellAssessment['reasons'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Waiting time reads in days and hours ("3 d 15 h (limit 3 d)"), not 5,267 minutes.
  const show = (metric: string, value: number) =>
    metric === 'totalWaitMinutes' ? format.duration(value) : format.number(value);
  return (
    <>
      {reasons.map((reason) => (
        <Badge key={reason.metric} color="red" variant="outline" me={4} mb={4} data-testid="hell-reason">
          {t('case.hellReason', {
            metric: t(`hellMetric.${reason.metric}`),
            value: show(reason.metric, reason.value),
            threshold: show(reason.metric, reason.threshold),
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
