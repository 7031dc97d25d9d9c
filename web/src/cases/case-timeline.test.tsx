import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { TimelineItem } from '@kept/contract/api-types.ts';
import '../i18n/i18n.ts';
import { CaseTimeline } from './case-timeline.tsx';

const at = '2026-01-05T10:00:00.000Z';
const message = (id: string, body: string, over: Partial<NonNullable<TimelineItem['message']>> = {}): TimelineItem => ({
  kind: 'message',
  at,
  caseId: 'c1',
  message: {
    id,
    caseId: 'c1',
    direction: 'inbound',
    channel: 'email',
    internal: false,
    body,
    language: null,
    author: { kind: 'customer', id: null, name: '<script>alert("name")</script>' },
    answeredAt: null,
    createdAt: at,
    ...over,
  },
});

function renderTimeline(items: TimelineItem[]) {
  return render(
    <MantineProvider>
      <CaseTimeline items={items} userName={(id) => (id === 'u1' ? 'Sara' : 'Igor')} />
    </MantineProvider>,
  );
}

describe('case timeline', () => {
  it('renders script tags in names and messages as inert text', () => {
    const { container } = renderTimeline([
      message('m1', '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true">'),
    ]);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('timeline-body').textContent).toContain('<script>window.__pwned = true</script>');
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('marks internal notes distinctly and describes handoffs with their reason', () => {
    renderTimeline([
      message('m2', 'careful with this one', {
        internal: true,
        direction: 'outbound',
        author: { kind: 'user', id: 'u1', name: 'Sara' },
      }),
      {
        kind: 'event',
        at,
        caseId: 'c1',
        eventType: 'case.handed_off',
        data: { fromUserId: 'u1', toUserId: 'u2', reason: 'Speaks Russian' },
        actor: { id: 'u1', name: 'Sara' },
      },
      { kind: 'event', at, caseId: 'c1', eventType: 'note.added', data: { messageId: 'm2' }, actor: null },
    ]);
    const items = screen.getAllByTestId('timeline-item');
    expect(items).toHaveLength(2); // the note.added event duplicates the note itself
    expect(items[0]!.getAttribute('data-kind')).toBe('message-note');
    expect(screen.getByTestId('internal-note-badge')).toBeTruthy();
    expect(items[1]!.textContent).toContain('Speaks Russian');
    expect(items[1]!.textContent).toContain('Igor');
  });

  it('names a broken promise on an open escalation, its owner and due time, and the level reached', () => {
    const escalationEvent = (eventType: string, data: Record<string, unknown>): TimelineItem => ({
      kind: 'event',
      at,
      caseId: 'c1',
      eventType,
      data,
      actor: null,
    });
    renderTimeline([
      escalationEvent('escalation.deadline_missed', { escalationId: 'e1', level: 2, fromLevel: 1 }),
      escalationEvent('escalation.promise_broken', {
        escalationId: 'e1',
        promiseId: 'p1',
        kind: 'callback',
        description: 'Call Denise RIGHT BACK',
        ownerId: 'u1',
        dueAt: at,
        brokenAt: at,
        deadlineAt: at,
      }),
      escalationEvent('escalation.overdue_at_top', { escalationId: 'e1', level: 2, assigneeId: 'u2', remindAt: at }),
    ]);
    const items = screen.getAllByTestId('timeline-item');
    expect(items[0]!.textContent).toContain('raised to level 2');
    // User text and names are bidi-isolated inside the sentence.
    expect(items[1]!.textContent).toMatch(/Call back: \u2068Call Denise RIGHT BACK\u2069, promised by \u2068Sara/);
    expect(items[2]!.textContent).toContain('overdue at the top (level 2)');
    expect(items[2]!.textContent).toContain('Igor');
  });

  it('says when an e-mail reused the Message-ID of an earlier, different message', () => {
    renderTimeline([
      {
        kind: 'event',
        at,
        caseId: 'c1',
        eventType: 'email.message_id_reused',
        data: { inboundEmailId: 'i2', messageIdHeader: 'same@shop.test', earlierInboundEmailId: 'i1' },
        actor: null,
      },
    ]);
    const item = screen.getByTestId('timeline-item');
    expect(item.textContent).toContain('reused the Message-ID of an earlier, different message');
    expect(item.textContent).toContain('same@shop.test');
  });

  it("names an e-mail's related case, a machine's mail and a sender's storm instead of an unknown event", () => {
    const email = (eventType: string, data: Record<string, unknown>): TimelineItem => ({
      kind: 'event',
      at,
      caseId: 'c1',
      eventType,
      data,
      actor: null,
    });
    renderTimeline([
      email('email.related_case', {
        inboundEmailId: 'i1',
        relatedCaseId: 'c2',
        relatedReference: 'K-12',
        by: 'subject',
        from: 'a@shop.test',
      }),
      email('email.auto_reply_recorded', {
        inboundEmailId: 'i2',
        reason: 'x_autoreply',
        from: 'b@shop.test',
        subject: null,
      }),
      email('email.rate_limited', { inboundEmailId: 'i3', from: 'c@shop.test', recent: 40 }),
    ]);
    const items = screen.getAllByTestId('timeline-item').map((i) => i.textContent ?? '');
    expect(items[0]).toMatch(/points at another case, \u2068K-12\u2069/);
    expect(items[1]).toContain('An automatic e-mail from \u2068b@shop.test\u2069 was recorded here (an auto-reply)');
    expect(items[2]).toContain('40 e-mails from \u2068c@shop.test\u2069');
  });
});

describe('case timeline: handoffs read right', () => {
  const handoff = (data: Record<string, unknown>, actor: { id: string; name: string } | null): TimelineItem => ({
    kind: 'event',
    at,
    caseId: 'c1',
    eventType: 'case.handed_off',
    data,
    actor,
  });

  it('names the giver once, not again as "by", and never hands a case from someone to themselves', () => {
    renderTimeline([
      handoff({ fromUserId: 'u1', toUserId: 'u2', reason: 'Speaks Russian' }, { id: 'u1', name: 'Sara' }),
      handoff({ fromUserId: 'u2', toUserId: 'u2', reason: 'Back from leave' }, { id: 'u1', name: 'Sara' }),
      handoff({ fromUserId: '', toUserId: 'u2', reason: 'Nobody had it' }, null),
    ]);
    const [first, same, ownerless] = screen.getAllByTestId('timeline-item').map((i) => i.textContent ?? '');
    expect(first).toMatch(/Handed off from \u2068Sara\u2069 to \u2068Igor\u2069/);
    expect(first).not.toContain('by Sara');
    expect(same).toMatch(/^Handed to \u2068Igor\u2069\. Reason: \u2068Back from leave\u2069/);
    expect(same).toContain('by Sara'); // someone else did it: say who
    expect(ownerless).toMatch(/^Handed to \u2068Igor\u2069\. Reason: \u2068Nobody had it\u2069/);
  });
});
