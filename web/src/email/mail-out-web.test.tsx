import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import type { MailboxView, SinkMessageView } from '@kept/contract/email-outbound-types.ts';
import i18n from '../i18n/i18n.ts';
import { BounceBadge } from './bounce-badge.tsx';
import { FailingMailboxBanner } from './failing-mailbox-banner.tsx';
import { MailSinkPage } from './mail-sink-page.tsx';
import { describeEvent } from '../cases/describe-event.ts';
import { makeFormatters } from '../i18n/use-format.ts';

const wrap = (ui: React.ReactNode) =>
  render(
    <MantineProvider>
      <MemoryRouter>{ui}</MemoryRouter>
    </MantineProvider>,
  );

const mailbox = (ok: boolean): MailboxView => ({
  id: ok ? 'm-ok' : 'm-bad',
  host: 'imap.acme.test',
  port: 993,
  secure: true,
  username: ok ? 'sales' : 'support',
  mailbox: 'INBOX',
  lastUid: 10,
  lastPolledAt: new Date().toISOString(),
  ok,
  lastError: ok ? null : 'Login refused by the server',
  failingSince: ok ? null : new Date().toISOString(),
});

const sinkMail: SinkMessageView = {
  id: 's1',
  outboxId: 'o1',
  messageId: 'abc@acme.test',
  from: 'support@acme.test',
  to: 'layla@customer.test',
  subject: 'استلمنا طلبك [K-7]',
  headers: { 'Message-ID': '<abc@acme.test>', 'In-Reply-To': '<c1@customer.test>', 'Auto-Submitted': 'auto-replied' },
  text: 'مرحبًا ليلى،',
  html: '<!DOCTYPE html><html lang="ar" dir="rtl"><body><p>مرحبًا</p><script>parent.hacked = true</script></body></html>',
  createdAt: new Date().toISOString(),
};

describe('mail out in the web app', () => {
  it('shows a red banner for a failing mailbox, and nothing when all work', async () => {
    await act(async () => {
      wrap(<FailingMailboxBanner canOpenSettings load={async () => [mailbox(true), mailbox(false)]} />);
    });
    const banner = await screen.findByTestId('failing-mailbox-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('support@imap.acme.test/INBOX');
    expect(banner.textContent).toContain('Login refused by the server');
  });

  it('no banner while every mailbox works', async () => {
    await act(async () => {
      wrap(<FailingMailboxBanner canOpenSettings={false} load={async () => [mailbox(true)]} />);
    });
    expect(screen.queryByTestId('failing-mailbox-banner')).toBeNull();
  });

  it('the sink lists mail and opens one with headers, text, and the HTML in a sandboxed iframe', async () => {
    await act(async () => {
      wrap(<MailSinkPage load={async () => [sinkMail]} />);
    });
    expect(screen.getAllByTestId('sink-row')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('sink-open'));
    const frame = (await screen.findByTestId('sink-html')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('dir="rtl"');
  });

  it('a bounced address gets a badge in every language', async () => {
    for (const [lang, word] of [
      ['en', 'bounced'],
      ['ar', 'ارتدّ'],
      ['he', 'חזר'],
      ['ru', 'не доставлено'],
    ] as const) {
      await act(async () => {
        await i18n.changeLanguage(lang);
      });
      const { unmount } = wrap(
        <BounceBadge
          customer={{ emailBouncedAt: new Date().toISOString(), emailBounceReason: '5.1.1 User unknown' }}
        />,
      );
      expect(screen.getByTestId('bounce-badge').textContent).toContain(word);
      unmount();
    }
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    const { container } = wrap(<BounceBadge customer={{ emailBouncedAt: null, emailBounceReason: null }} />);
    expect(container.querySelector('[data-testid="bounce-badge"]')).toBeNull();
  });

  it('bounces and given-up deliveries read as sentences on the case timeline', () => {
    const t = i18n.getFixedT('ru');
    const item = {
      kind: 'event',
      eventType: 'email.bounced',
      data: { address: 'olga@customer.test', status: '5.1.1', diagnostic: 'User unknown' },
    } as never;
    expect(describeEvent(t, makeFormatters('ru'), item, () => '')).toContain('вернулось');
    const failed = {
      kind: 'event',
      eventType: 'email.failed',
      data: { toAddress: 'a@b.test', attempts: 8, error: '421 busy' },
    } as never;
    expect(describeEvent(i18n.getFixedT('en'), makeFormatters('en'), failed, () => '')).toContain('after 8 attempts');
  });
});
