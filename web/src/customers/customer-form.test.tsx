import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { CustomerView } from '@kept/contract/api-types.ts';
import i18n from '../i18n/i18n.ts';
import { CustomerFormModal } from './customer-form.tsx';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const customer: CustomerView = {
  id: 'c1',
  name: 'Lars Eriksen',
  email: 'lars@example.com',
  phone: '+46 8 555 0123',
  language: 'en',
  createdAt: '2026-12-01T10:00:00Z',
};

function mockApi(answer: () => Response) {
  const sent: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      sent.push({ method: init?.method ?? 'GET', url: String(url), body: JSON.parse(String(init?.body ?? 'null')) });
      return answer();
    }),
  );
  return sent;
}

async function open(props: { customer?: CustomerView; onSaved: (c: CustomerView) => void }) {
  await act(async () => {
    await i18n.changeLanguage('en');
  });
  await act(async () => {
    render(
      <MantineProvider>
        <CustomerFormModal opened onClose={() => undefined} {...props} />
      </MantineProvider>,
    );
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('the customer form (issue 16)', () => {
  it('sends the corrected record with a blank field as null', async () => {
    const sent = mockApi(() => json({ ...customer, phone: null }));
    const saved = vi.fn();
    await open({ customer, onSaved: saved });
    fireEvent.change(screen.getByTestId('customer-form-phone'), { target: { value: '  ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('customer-form-submit'));
    });
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/customers/c1',
      body: { name: 'Lars Eriksen', email: 'lars@example.com', phone: null, language: 'en' },
    });
  });

  it('names an address another customer has on its field, and needs an address or a phone', async () => {
    mockApi(() => json({ error: { code: 'customer.email_taken', message: 'taken', field: 'email' } }, 409));
    const saved = vi.fn();
    await open({ onSaved: saved });
    const submit = screen.getByTestId('customer-form-submit') as HTMLButtonElement;
    fireEvent.change(screen.getByTestId('customer-form-name'), { target: { value: 'Ines Duarte' } });
    expect(submit.disabled).toBe(true);
    expect(screen.getByTestId('customer-form-contact-needed')).toBeTruthy();
    fireEvent.change(screen.getByTestId('customer-form-email'), { target: { value: 'ines@example.com' } });
    await waitFor(() => expect(submit.disabled).toBe(false));
    await act(async () => {
      fireEvent.click(submit);
    });
    expect(await screen.findByText('Another customer already has this e-mail address.')).toBeTruthy();
    expect(screen.queryByTestId('error-alert')).toBeNull();
    expect(saved).not.toHaveBeenCalled();
  });
});
