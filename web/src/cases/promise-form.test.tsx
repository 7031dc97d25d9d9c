import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import i18n from '../i18n/i18n.ts';
import { PromiseForm } from './promise-form.tsx';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

// Similar callbacks took up to 5 hours: the quote says so, and a faster time must be confirmed.
const now = Date.now();
const quote = {
  kind: 'callback',
  percentile: 90,
  minutes: 300,
  businessHours: false,
  sampleSize: 42,
  group: 'kind',
  exactDueAt: new Date(now + 300 * 60_000).toISOString(),
  dueAt: new Date(now + 330 * 60_000).toISOString(),
  rounding: 'half_hour',
};

function mockApi() {
  const made: Array<Record<string, unknown>> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (String(url).includes('/promises/quote')) return json({ quote });
      if (String(url).endsWith('/promises') && init?.method === 'POST') {
        made.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        return json({ promise: { id: 'p1' } }, 201);
      }
      return json({ error: { code: 'not_found', message: 'no' } }, 404);
    }),
  );
  return made;
}

/** A local datetime-input value `minutes` from now. */
function localInput(minutes: number): string {
  const d = new Date(now + minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

afterEach(() => vi.unstubAllGlobals());

describe('making a promise faster than the team delivers', () => {
  it('shows the quote, asks for a confirmation, and records it with the promise', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    const made = mockApi();
    const done = vi.fn();
    await act(async () => {
      render(
        <MantineProvider>
          <PromiseForm caseId="c1" defaultChannel="phone" onDone={done} />
        </MantineProvider>,
      );
    });
    fireEvent.change(screen.getByTestId('promise-kind'), { target: { value: 'callback' } });
    expect(await screen.findByTestId('quote-hint')).toBeTruthy();
    expect(screen.getByTestId('quote-hint').textContent).toContain('42');

    fireEvent.change(screen.getByTestId('promise-due'), { target: { value: localInput(60) } });
    fireEvent.change(screen.getByTestId('promise-description'), { target: { value: 'Call back about the router' } });
    expect(await screen.findByTestId('over-promise')).toBeTruthy();
    const submit = screen.getByTestId('promise-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true); // not without the confirmation

    fireEvent.click(screen.getByTestId('over-promise-confirm'));
    await waitFor(() => expect((screen.getByTestId('promise-submit') as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(screen.getByTestId('promise-submit'));
    });
    await waitFor(() => expect(made).toHaveLength(1));
    expect(made[0]).toMatchObject({
      kind: 'callback',
      confirmOverPromise: true,
      description: 'Call back about the router',
    });
    expect(done).toHaveBeenCalled();
  });

  it('asks for nothing when the time is within what the team delivers', async () => {
    const made = mockApi();
    await act(async () => {
      render(
        <MantineProvider>
          <PromiseForm caseId="c1" defaultChannel="phone" onDone={() => undefined} />
        </MantineProvider>,
      );
    });
    fireEvent.change(screen.getByTestId('promise-kind'), { target: { value: 'callback' } });
    await screen.findByTestId('quote-hint');
    fireEvent.change(screen.getByTestId('promise-due'), { target: { value: localInput(600) } });
    fireEvent.change(screen.getByTestId('promise-description'), { target: { value: 'Call back tomorrow' } });
    expect(screen.queryByTestId('over-promise')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('promise-submit'));
    });
    await waitFor(() => expect(made).toHaveLength(1));
    expect(made[0]!.confirmOverPromise).toBeUndefined();
  });
});

describe('the due time read back in the interface language', () => {
  it('says the chosen moment under the field in Arabic, whatever the browser draws in the field', async () => {
    await act(async () => {
      await i18n.changeLanguage('ar');
    });
    mockApi();
    await act(async () => {
      render(
        <MantineProvider>
          <PromiseForm caseId="c1" defaultChannel="phone" onDone={vi.fn()} />
        </MantineProvider>,
      );
    });
    const value = '2026-12-03T15:30';
    fireEvent.change(screen.getByTestId('promise-due'), { target: { value } });
    const expected = new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
    await waitFor(() => expect(document.body.textContent).toContain(expected));
    await act(async () => {
      await i18n.changeLanguage('en');
    });
  });
});
