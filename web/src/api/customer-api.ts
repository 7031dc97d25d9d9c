// Customers written by people (issue 16): entered by hand, corrected.
import type { CustomerView } from '@kept/contract/api-types.ts';
import { request } from './api-client.ts';

export interface CustomerInput {
  name: string;
  email?: string;
  phone?: string;
  language?: string;
}

/** A correction: a field left out stays as it is, null clears it. */
export interface CustomerChange {
  name?: string;
  email?: string | null;
  phone?: string | null;
  language?: string | null;
}

export const customerApi = {
  create: (body: CustomerInput) => request<CustomerView>('/customers', { method: 'POST', body }),
  update: (id: string, body: CustomerChange) =>
    request<CustomerView>(`/customers/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};
