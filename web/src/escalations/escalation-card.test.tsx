import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import type { EscalationView } from '@kept/contract/api-types.ts';
import '../i18n/i18n.ts';
import { EscalationCard } from './escalation-card.tsx';

const escalation = (status: EscalationView['status']): EscalationView => ({
  id: 'e1',
  caseId: 'c1',
  reference: 'K-1',
  customer: { id: 'k1', name: 'Ahmad' },
  via: 'portal',
  reason: 'I want a supervisor',
  level: 1,
  status,
  deadlineAt: new Date(Date.now() - 60_000).toISOString(),
  overdue: true,
  answeredAt: status === 'open' ? null : new Date().toISOString(),
  answeredBy: status === 'open' ? null : { id: 'u', name: 'Igor' },
  createdAt: new Date().toISOString(),
  overdueAtTopSince: null,
  breaches: [],
});

function renderCard(status: EscalationView['status'], canAct = true, over: Partial<EscalationView> = {}) {
  return render(
    <MantineProvider>
      <MemoryRouter>
        <EscalationCard
          escalation={{ ...escalation(status), ...over }}
          canAct={canAct}
          onChanged={() => undefined}
          showCase
        />
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('escalation card', () => {
  it('cannot be closed before a supervisor answered, and says why', () => {
    renderCard('open');
    expect((screen.getByTestId('escalation-close') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('escalation-close-hint').textContent).toMatch(/only after a supervisor has answered/);
    expect(screen.getByTestId('escalation-answer')).toBeTruthy();
    expect(screen.getByTestId('escalation-overdue')).toBeTruthy();
  });

  it('can be closed once answered', () => {
    renderCard('answered');
    expect((screen.getByTestId('escalation-close') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('escalation-answer')).toBeNull();
  });

  it('shows each promise broken while it was open, with its owner, and user text in its own direction', () => {
    const dueAt = '2026-08-03T10:00:00.000Z';
    const [tom, layla] = [
      { id: 'u1', name: 'Tom' },
      { id: 'u2', name: 'Layla' },
    ];
    renderCard('open', true, {
      breaches: [
        {
          promiseId: 'p1',
          kind: 'callback',
          description: 'Call Denise RIGHT BACK',
          owner: tom,
          dueAt,
          brokenAt: dueAt,
        },
        { promiseId: 'p2', kind: 'callback', description: 'اتصل بها فورًا', owner: layla, dueAt, brokenAt: dueAt },
      ],
    });
    const items = screen.getAllByTestId('escalation-breach');
    expect(items.map((i) => i.dataset.promiseId)).toEqual(['p1', 'p2']);
    expect(items[0]!.textContent).toMatch(/Call back: Call Denise RIGHT BACK · .*Tom.* promised it for/);
    expect(items[1]!.querySelector('[dir="auto"]')?.textContent).toBe('اتصل بها فورًا');
    expect(screen.getByTestId('escalation-breaches').textContent).toContain('Promises broken while open: 2');
  });

  it('says when it is overdue at the top, and not before', () => {
    renderCard('open');
    expect(screen.queryByTestId('escalation-overdue-at-top')).toBeNull();
    renderCard('open', true, { level: 2, overdueAtTopSince: new Date().toISOString() });
    expect(screen.getByTestId('escalation-overdue-at-top').textContent).toBe('Overdue at the top');
  });

  it('offers no actions to agents', () => {
    renderCard('open', false);
    expect(screen.queryByTestId('escalation-close')).toBeNull();
    expect(screen.queryByTestId('escalation-answer')).toBeNull();
  });
});
