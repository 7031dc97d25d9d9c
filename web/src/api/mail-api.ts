import type {
  EmailSettingsUpdate,
  EmailSettingsView,
  MailboxInput,
  MailboxTestResult,
  MailboxView,
  SinkMessageView,
} from '@kept/contract/email-outbound-types.ts';
import type { SupportAddressView as SupportAddress } from '@kept/contract/route-response-types.ts';
import { request } from './api-client.ts';

/** As GET /api/v1/email/addresses returns them (the inbound side's API). */
export type { SupportAddress };

/** Outbound e-mail, IMAP mailboxes and support addresses (`/api/v1/email/...`). */
export const mailApi = {
  settings: () => request<EmailSettingsView>('/email/settings'),
  saveSettings: (body: EmailSettingsUpdate) => request<EmailSettingsView>('/email/settings', { method: 'PUT', body }),
  sink: () => request<{ messages: SinkMessageView[] }>('/email/sink').then((r) => r.messages),
  mailboxes: () => request<{ mailboxes: MailboxView[] }>('/email/mailboxes').then((r) => r.mailboxes),
  testMailbox: (body: MailboxInput) => request<MailboxTestResult>('/email/mailboxes/test', { method: 'POST', body }),
  addMailbox: (body: MailboxInput) => request<MailboxView>('/email/mailboxes', { method: 'POST', body }),
  pollMailbox: (id: string) =>
    request<{ mailbox: MailboxView }>(`/email/mailboxes/${encodeURIComponent(id)}/poll`, { method: 'POST' }).then(
      (r) => r.mailbox,
    ),
  addresses: () => request<{ addresses: SupportAddress[] }>('/email/addresses').then((r) => r.addresses),
  addAddress: (address: string) => request<SupportAddress>('/email/addresses', { method: 'POST', body: { address } }),
  removeAddress: (id: string) => request<void>(`/email/addresses/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  removeMailbox: (id: string) => request<void>(`/email/mailboxes/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
