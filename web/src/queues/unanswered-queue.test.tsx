import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import type { UnansweredResponse } from '@kept/contract/api-types.ts';
import '../i18n/i18n.ts';
import { UnansweredQueue } from './unanswered-queue.tsx';

function serve(body: UnansweredResponse) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
    ),
  );
}

function renderQueue() {
  return render(
    <MantineProvider>
      <MemoryRouter>
        <UnansweredQueue />
      </MemoryRouter>
    </MantineProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('unanswered queue', () => {
  it('shows a clear zero state', async () => {
    serve({ items: [], total: 0 });
    renderQueue();
    expect((await screen.findByTestId('unanswered-zero')).textContent).toContain('queue is at zero');
  });

  it('lists the oldest message first with its age', async () => {
    const item = (id: string, minutesAgo: number) => ({
      messageId: id,
      caseId: `c-${id}`,
      reference: `K-${id}`,
      subject: 'Refund',
      customer: { id: 'k', name: 'Olga' },
      owner: null,
      channel: 'email' as const,
      excerpt: 'Где мои деньги?',
      receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    });
    serve({ items: [item('2', 5), item('1', 600)], total: 2 });
    renderQueue();
    const rows = await screen.findAllByTestId('queue-row');
    expect(rows.map((r) => r.getAttribute('data-case-id'))).toEqual(['c-1', 'c-2']);
    expect(rows[0]!.textContent).toContain('10');
  });
});
