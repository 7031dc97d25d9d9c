import type { TFunction } from 'i18next';
import type { TimelineItem } from '@kept/contract/api-types.ts';
import type { Formatters } from '../i18n/use-format.ts';

type Data = Record<string, unknown>;

/** Wraps text typed by people (names, subjects, reasons) in a Unicode bidi isolate so that
 *  English inside an Arabic sentence (or the reverse) does not scramble the punctuation. */
export function isolate(text: string): string {
  return text ? `\u2068${text}\u2069` : text;
}

function str(data: Data, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** "by <actor>" adds nothing when the sentence already names the actor (who handed the case off). */
export function actorIsNamed(item: TimelineItem): boolean {
  return item.eventType === 'case.handed_off' && !!item.actor && item.actor.id === item.data?.fromUserId;
}

/** Translated sentence for a timeline event (everything that is not a message). */
export function describeEvent(
  t: TFunction,
  format: Formatters,
  item: TimelineItem,
  userName: (id: string) => string,
): string {
  const data: Data = item.data ?? {};
  const type = item.eventType ?? '';
  const channel = (key = 'channel') => {
    const c = str(data, key);
    return c ? t(`channel.${c}`, { defaultValue: c }) : '';
  };
  switch (type) {
    case 'case.opened':
      return t('timeline.events.case.opened', { channel: channel(), subject: isolate(str(data, 'subject')) });
    case 'case.assigned':
      return t('timeline.events.case.assigned', {
        to: isolate(userName(str(data, 'toUserId'))),
        reason: t(`timeline.assignReason.${str(data, 'reason') || 'manual'}`, { defaultValue: str(data, 'reason') }),
      });
    case 'case.handed_off': {
      const from = str(data, 'fromUserId');
      const to = str(data, 'toUserId');
      const reason = isolate(str(data, 'reason'));
      // A case without an owner (or a record naming one person twice) was handed *to* someone.
      if (!from || from === to) return t('deskpolish.timeline.handedTo', { to: isolate(userName(to)), reason });
      return t('timeline.events.case.handed_off', { from: isolate(userName(from)), to: isolate(userName(to)), reason });
    }
    case 'case.status_changed':
      return t('timeline.events.case.status_changed', {
        from: t(`status.${str(data, 'from')}`, { defaultValue: str(data, 'from') }),
        to: t(`status.${str(data, 'to')}`, { defaultValue: str(data, 'to') }),
      });
    case 'message.received':
      return t('timeline.events.message.received', { channel: channel() });
    case 'message.sent':
      return t('timeline.events.message.sent', { channel: channel() });
    case 'note.added':
      return t('timeline.events.note.added');
    case 'acknowledgement.sent':
      return t(
        data.delivered === false
          ? 'timeline.events.acknowledgement.sentNotDelivered'
          : 'timeline.events.acknowledgement.sent',
        {
          reference: str(data, 'reference'),
          promisedBy: format.dateTime(str(data, 'promisedBy')),
        },
      );
    case 'acknowledgement.suppressed':
      return t('timeline.events.acknowledgement.suppressed');
    case 'promise.made':
      return t('timeline.events.promise.made', {
        kind: t(`promiseKind.${str(data, 'kind')}`, { defaultValue: str(data, 'kind') }),
        channel: channel(),
        dueAt: format.dateTime(str(data, 'dueAt')),
      });
    case 'promise.reminded':
      return t('timeline.events.promise.reminded');
    case 'promise.kept':
      return t(data.early === true ? 'timeline.events.promise.keptEarly' : 'timeline.events.promise.kept');
    case 'promise.broken':
      return t('timeline.events.promise.broken');
    case 'promise.renegotiated':
      return t('timeline.events.promise.renegotiated', {
        from: format.dateTime(str(data, 'fromDueAt')),
        to: format.dateTime(str(data, 'toDueAt')),
      });
    case 'escalation.opened':
      return t('timeline.events.escalation.opened', {
        via: t(`escalationVia.${str(data, 'via')}`, { defaultValue: str(data, 'via') }),
        deadline: format.dateTime(str(data, 'deadlineAt')),
      });
    case 'escalation.answered':
      return t('timeline.events.escalation.answered');
    case 'escalation.closed':
      return t('timeline.events.escalation.closed');
    case 'escalation.deadline_missed':
      // The event carries the level it was raised to.
      return t('timeline.events.escalation.deadline_missed', { level: format.number(Number(data.level ?? 0)) });
    case 'escalation.overdue_at_top':
    case 'escalation.reminded':
      return t(`timeline.events.${type}`, {
        level: format.number(Number(data.level ?? 0)),
        assignee: isolate(userName(str(data, 'assigneeId'))),
        remindAt: format.dateTime(str(data, 'remindAt')),
      });
    case 'escalation.promise_broken': {
      const kind = t(`promiseKind.${str(data, 'kind')}`, { defaultValue: str(data, 'kind') });
      const description = str(data, 'description');
      return t('timeline.events.escalation.promise_broken', {
        promise: description ? `${kind}: ${isolate(description)}` : kind,
        owner: isolate(userName(str(data, 'ownerId'))),
        dueAt: format.dateTime(str(data, 'dueAt')),
        deadline: format.dateTime(str(data, 'deadlineAt')),
      });
    }
    case 'supervisor.suspected':
      return t('supervisorsuspicion.timeline.suspected', { phrase: isolate(str(data, 'phrase')) });
    case 'supervisor.suspicion_dismissed':
      return t('supervisorsuspicion.timeline.dismissed');
    case 'complaint.marked':
      return t('complaints.timeline.marked', {
        kind: t(`complaints.kind.${str(data, 'kind') || 'unspecified'}`),
        source: t(`complaints.source.${str(data, 'source') || 'agent'}`),
        reason: isolate(str(data, 'reason')),
      });
    case 'complaint.changed':
      return t('complaints.timeline.changed', {
        from: t(`complaints.kind.${str(data, 'fromKind') || 'unspecified'}`),
        to: t(`complaints.kind.${str(data, 'toKind') || 'unspecified'}`),
        reason: isolate(str(data, 'reason')),
      });
    case 'complaint.unmarked':
      return t('complaints.timeline.unmarked', { reason: isolate(str(data, 'reason')) });
    case 'hell.flagged': {
      const reasons = Array.isArray(data.reasons) ? (data.reasons as Array<{ metric?: string }>) : [];
      return t('timeline.events.hell.flagged', {
        reasons: reasons.map((r) => t(`hellMetric.${r.metric ?? ''}`, { defaultValue: r.metric ?? '' })).join(', '),
      });
    }
    case 'task.created':
      return t('timeline.events.task.created', {
        kind:
          str(data, 'kind') === 'survey_follow_up'
            ? t('surveys.taskKind')
            : t(`taskKind.${str(data, 'kind')}`, { defaultValue: t('taskKind.other') }),
        dueAt: format.dateTime(str(data, 'dueAt')),
      });
    case 'task.done':
      return t('timeline.events.task.done');
    case 'email.bounced':
      return t('mailout.timeline.bounced', {
        address: isolate(str(data, 'address')),
        reason: isolate([str(data, 'status'), str(data, 'diagnostic')].filter(Boolean).join(' ')),
      });
    case 'email.related_case':
      return t('email.timeline.relatedCase', {
        from: isolate(str(data, 'from')),
        reference: isolate(str(data, 'relatedReference')),
      });
    case 'email.auto_reply_recorded':
      return t('email.timeline.autoReply', {
        from: isolate(str(data, 'from')),
        reason: t(`email.timeline.autoReason.${str(data, 'reason')}`, { defaultValue: str(data, 'reason') }),
      });
    case 'email.rate_limited':
      return t('email.timeline.rateLimited', { from: isolate(str(data, 'from')), recent: str(data, 'recent') });
    case 'email.message_id_reused':
      return t('email.timeline.messageIdReused', { messageId: isolate(str(data, 'messageIdHeader')) });
    case 'email.failed':
      return t('mailout.timeline.failed', {
        address: isolate(str(data, 'toAddress')),
        attempts: str(data, 'attempts'),
        error: isolate(str(data, 'error')),
      });
    case 'survey.sent':
      return t(str(data, 'kind') === 'nps' ? 'surveys.timeline.sentNps' : 'surveys.timeline.sent', {
        channel: channel(),
      });
    case 'survey.skipped':
      return t('surveys.timeline.skipped', {
        reason: t(`surveys.skipReason.${str(data, 'reason')}`, { defaultValue: str(data, 'reason') }),
      });
    case 'survey.answered': {
      const comment = str(data, 'comment');
      const scale = { score: str(data, 'score'), max: str(data, 'kind') === 'nps' ? '10' : '5' };
      return comment
        ? t('surveys.timeline.answeredComment', { ...scale, comment: isolate(comment) })
        : t('surveys.timeline.answered', scale);
    }
    case 'case.labelled':
      return describeLabels(t, data);
    case 'customer.created':
      return t('customeredit.timeline.created');
    case 'customer.updated':
      return describeCustomerChanges(t, format, data);
    default:
      return t('timeline.events.unknown', { type });
  }
}

/** Events whose message is already on the timeline as a message item are not repeated. */
export function isDuplicateOfMessage(item: TimelineItem, messageIds: ReadonlySet<string>): boolean {
  if (item.kind !== 'event') return false;
  if (item.eventType !== 'message.received' && item.eventType !== 'message.sent' && item.eventType !== 'note.added')
    return false;
  const id = item.data?.messageId;
  return typeof id === 'string' && messageIds.has(id);
}

export type EventTone = 'handoff' | 'promise' | 'escalation' | 'ack' | 'status' | 'hell' | 'task' | 'other';

export function eventTone(type: string | undefined): EventTone {
  if (!type) return 'other';
  if (type === 'case.handed_off' || type === 'case.assigned') return 'handoff';
  if (type.startsWith('promise.')) return 'promise';
  if (type.startsWith('escalation.') || type.startsWith('complaint.')) return 'escalation';
  if (type.startsWith('acknowledgement.')) return 'ack';
  if (type === 'case.status_changed' || type === 'case.opened') return 'status';
  if (type.startsWith('hell.')) return 'hell';
  if (type.startsWith('task.')) return 'task';
  return 'other';
}

/** "Priority: Normal → Urgent; tags added: refund; removed: vip" (issue 16). */
function describeLabels(t: TFunction, data: Record<string, unknown> | null | undefined): string {
  const parts: string[] = [];
  const priority = data?.priority as { from?: string; to?: string } | undefined;
  if (priority?.to) {
    parts.push(
      t('deskfind.timeline.priority', {
        from: t(`deskfind.priority.${priority.from ?? 'normal'}`),
        to: t(`deskfind.priority.${priority.to}`),
      }),
    );
  }
  const tags = data?.tags as { added?: string[]; removed?: string[] } | undefined;
  if (tags?.added?.length) parts.push(t('deskfind.timeline.tagsAdded', { tags: tags.added.map(isolate).join(', ') }));
  if (tags?.removed?.length) {
    parts.push(t('deskfind.timeline.tagsRemoved', { tags: tags.removed.map(isolate).join(', ') }));
  }
  return parts.join('; ');
}

/** "Name: Lars Eriksen → Lars Eriksson; Phone: — → +46 8 555 0123" (issue 16: a customer corrected by hand). */
function describeCustomerChanges(t: TFunction, format: Formatters, data: Data): string {
  const changes = (data.changes ?? {}) as Record<string, { from?: string | null; to?: string | null } | undefined>;
  const shown = (field: string, value: string | null | undefined) => {
    if (!value) return '—';
    if (field === 'language') return format.languageName(value);
    // Addresses and numbers read left to right in every language: "+1 505" must not become "1+ 505" in Arabic.
    return field === 'name' ? isolate(value) : `\u2066${value}\u2069`;
  };
  const parts = ['name', 'email', 'phone', 'language'].flatMap((field) => {
    const change = changes[field];
    if (!change) return [];
    return [
      t('customeredit.timeline.change', {
        field: t(`deskviews.customer.${field}`),
        from: shown(field, change.from),
        to: shown(field, change.to),
      }),
    ];
  });
  return t('customeredit.timeline.updated', { changes: parts.join('; ') });
}
