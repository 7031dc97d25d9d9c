import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import type { EscalationView } from '../../../src/contract/api-types.ts';
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
});

function renderCard(status: EscalationView['status'], canAct = true) {
  return render(
    <MantineProvider>
      <MemoryRouter>
        <EscalationCard escalation={escalation(status)} canAct={canAct} onChanged={() => undefined} showCase />
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

  it('offers no actions to agents', () => {
    renderCard('open', false);
    expect(screen.queryByTestId('escalation-close')).toBeNull();
    expect(screen.queryByTestId('escalation-answer')).toBeNull();
  });
});
