import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import type { UnansweredItem, UnansweredResponse } from '@kept/contract/api-types.ts';
import '../i18n/i18n.ts';
import { UnansweredQueue } from './unanswered-queue.tsx';

/** The page's push stream, as the browser's EventSource would deliver it. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  push(notice: object) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(notice) }));
  }
  close() {
    this.closed = true;
  }
}

const item = (id: string): UnansweredItem => ({
  messageId: id,
  caseId: `c-${id}`,
  reference: `K-${id}`,
  subject: 'Refund',
  customer: { id: 'k', name: 'Olga' },
  owner: null,
  channel: 'web',
  excerpt: `Message ${id}`,
  receivedAt: new Date(Date.UTC(2026, 11, 7, 9, 0)).toISOString(),
});

afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.opened = [];
});

describe('unanswered queue, live', () => {
  it('refetches when the stream says the desk changed, once for a burst, and closes the stream when gone', async () => {
    const bodies: UnansweredResponse[] = [
      { items: [], total: 0 },
      { items: [item('1')], total: 1 },
    ];
    const fetch = vi.fn(async () => {
      const body = bodies.length > 1 ? bodies.shift()! : bodies[0]!;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('EventSource', FakeEventSource);
    const view = render(
      <MantineProvider>
        <MemoryRouter>
          <UnansweredQueue />
        </MemoryRouter>
      </MantineProvider>,
    );
    await screen.findByTestId('unanswered-zero');
    const stream = FakeEventSource.opened[0]!;
    expect(stream.url).toBe('/api/v1/live');
    act(() => {
      // One intake writes several events: one refetch.
      for (const what of ['case.opened', 'case.assigned', 'message.received'])
        stream.push({ kind: 'desk', caseId: 'c-1', what });
    });
    expect(await screen.findByText('Message 1')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
    view.unmount();
    expect(stream.closed).toBe(true);
  });
});
