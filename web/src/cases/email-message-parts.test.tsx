import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { MessageView, TimelineItem } from '@kept/contract/api-types.ts';
import i18n from '../i18n/i18n.ts';
import { CaseTimeline } from './case-timeline.tsx';
import { EmailMessageParts } from './email-message-parts.tsx';
import { BLOCKED_CSP, buildEmailSrcDoc, REMOTE_IMAGES_CSP } from './email-srcdoc.ts';

const at = '2026-01-05T10:00:00.000Z';
const PIXEL = 'http://images.example.test/pixel.png';
// A real src attribute (not the data-src the sanitizer left).
const LIVE_PIXEL = / src="http:\/\/images\.example\.test\/pixel\.png"/;

const email = (over: Partial<MessageView> = {}): MessageView => ({
  id: 'm1',
  caseId: 'c1',
  direction: 'inbound',
  channel: 'email',
  internal: false,
  body: 'The parcel arrived broken.',
  language: 'en',
  author: { kind: 'customer', id: 'cu1', name: 'Mallory' },
  answeredAt: null,
  createdAt: at,
  quotedText: 'On Monday Acme wrote:\n> Your order has shipped.',
  // As the server's sanitizer leaves it: the remote image's address moved to data-src.
  htmlBody: `<p>The parcel arrived <b>broken</b>.</p><img data-src="${PIXEL}" alt="logo" />`,
  attachments: [
    {
      id: 'a1',
      filename: 'photo.jpg',
      originalFilename: 'photo.jpg',
      declaredType: 'image/jpeg',
      detectedType: 'image/jpeg',
      size: 48_213,
      inline: false,
      dangerous: false,
      dangerReasons: [],
      downloadable: true,
    },
    {
      id: 'a2',
      filename: 'invoice.pdf.exe',
      originalFilename: 'invoice.pdf.exe',
      declaredType: 'application/pdf',
      detectedType: 'application/x-msdownload',
      size: 1_500_000,
      inline: false,
      dangerous: true,
      dangerReasons: ['executable', 'double_extension'],
      downloadable: true,
    },
  ],
  ...over,
});

const wrap = (message: MessageView) =>
  render(
    <MantineProvider>
      <EmailMessageParts message={message} />
    </MantineProvider>,
  );

describe('e-mail message parts', () => {
  it('shows the new part first and the quoted history only when asked', async () => {
    await act(() => i18n.changeLanguage('en'));
    wrap(email());
    expect(screen.getByTestId('timeline-body').textContent).toBe('The parcel arrived broken.');
    expect(screen.queryByTestId('email-quoted')).toBeNull();
    expect(document.body.textContent).not.toContain('Your order has shipped');
    fireEvent.click(screen.getByTestId('email-toggle-quoted'));
    expect(screen.getByTestId('email-quoted').textContent).toContain('> Your order has shipped.');
    expect(screen.getByTestId('email-toggle-quoted').textContent).toBe('Hide quoted history');
  });

  it('renders HTML only in an iframe with an empty sandbox, and fetches remote images only on request', async () => {
    await act(() => i18n.changeLanguage('en'));
    wrap(email());
    expect(screen.queryByTestId('email-html-frame')).toBeNull();
    fireEvent.click(screen.getByTestId('email-toggle-html'));
    const frame = screen.getByTestId('email-html-frame');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    const before = frame.getAttribute('srcdoc') ?? '';
    expect(before).toContain(BLOCKED_CSP);
    expect(before).not.toMatch(LIVE_PIXEL);
    expect(before).toContain(`data-src="${PIXEL}"`);

    fireEvent.click(screen.getByTestId('email-load-remote-images'));
    const after = screen.getByTestId('email-html-frame').getAttribute('srcdoc') ?? '';
    expect(after).toMatch(LIVE_PIXEL);
    expect(after).not.toMatch(/<img[^>]*data-src/);
    expect(after).toContain(REMOTE_IMAGES_CSP);
    expect(screen.getByTestId('email-html-frame').getAttribute('sandbox')).toBe('');
  });

  it('lists attachments with size and type, and flags dangerous ones with the reason', async () => {
    await act(() => i18n.changeLanguage('en'));
    wrap(email());
    const rows = screen.getAllByTestId('email-attachment');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('photo.jpg');
    expect(rows[0]!.textContent).toContain('47.1 kB');
    expect(rows[0]!.querySelector('[data-testid="email-attachment-dangerous"]')).toBeNull();
    const badge = rows[1]!.querySelector('[data-testid="email-attachment-dangerous"]')!;
    expect(badge.textContent).toBe('Dangerous');
    expect(badge.getAttribute('aria-label')).toContain('program or script that runs when opened');
    expect(rows[1]!.querySelector('a')!.getAttribute('href')).toBe('/api/v1/email/attachments/a2');
    expect(screen.queryByTestId('email-attachment-saved-as')).toBeNull();
  });

  it("shows the sender's file name (isolated, dir=auto), the safe name it is saved as, and an HTML page as dangerous", async () => {
    await act(() => i18n.changeLanguage('en'));
    const page = {
      id: 'a3',
      filename: 'passwd.html',
      originalFilename: '../../etc/passwd.html',
      declaredType: 'text/html',
      detectedType: 'text/html',
      size: 120,
      inline: false,
      dangerous: true,
      dangerReasons: ['active_content'],
      downloadable: true,
    };
    wrap(email({ attachments: [page] }));
    const row = screen.getByTestId('email-attachment');
    const name = screen.getByTestId('email-attachment-name');
    expect(name.textContent).toBe('../../etc/passwd.html');
    expect(name.tagName).toBe('BDI');
    expect(name.getAttribute('dir')).toBe('auto');
    expect(screen.getByTestId('email-attachment-saved-as').textContent).toBe('Saved as passwd.html');
    expect(row.querySelector('a')!.getAttribute('download')).toBe('passwd.html');
    expect(row.querySelector('[data-testid="email-attachment-dangerous"]')!.getAttribute('aria-label')).toContain(
      'web page or an image with code',
    );
    await act(() => i18n.changeLanguage('ru'));
    expect(screen.getByTestId('email-attachment-saved-as').textContent).toBe('Сохраняется как passwd.html');
    await act(() => i18n.changeLanguage('en'));
  });

  it('speaks Arabic and lays an Arabic e-mail out right to left', async () => {
    await act(() => i18n.changeLanguage('ar'));
    wrap(email({ language: 'ar' }));
    expect(screen.getByTestId('email-toggle-quoted').textContent).toBe('إظهار الرسائل السابقة المقتبسة');
    fireEvent.click(screen.getByTestId('email-toggle-html'));
    expect(screen.getByTestId('email-html-frame').getAttribute('srcdoc')).toMatch(/<html[^>]*dir="rtl"/);
    await act(() => i18n.changeLanguage('en'));
  });

  it('is used by the timeline for e-mail with parts, and plain messages stay plain', () => {
    const item = (m: MessageView): TimelineItem => ({ kind: 'message', at, caseId: 'c1', message: m });
    render(
      <MantineProvider>
        <CaseTimeline
          items={[item(email()), item(email({ id: 'm2', quotedText: null, htmlBody: null, attachments: [] }))]}
          userName={() => ''}
        />
      </MantineProvider>,
    );
    expect(screen.getAllByTestId('email-parts')).toHaveLength(1);
    expect(screen.getAllByTestId('timeline-body')).toHaveLength(2);
  });
});

describe('the e-mail document', () => {
  it('never turns anything but a web address back into a source', () => {
    const doc = buildEmailSrcDoc('<img data-src="javascript:alert(1)"><img data-src="https://a.test/x.png">', {
      dir: 'auto',
      lang: null,
      loadRemoteImages: true,
    });
    expect(doc).toContain('data-src="javascript:alert(1)"');
    expect(doc).not.toMatch(/\ssrc="javascript/);
    expect(doc).toContain('src="https://a.test/x.png"');
    expect(doc).toMatch(/<meta http-equiv="Content-Security-Policy"[^>]*>.*<meta charset/);
  });

  it("gives its stylesheet the page's style nonce: the frame inherits the page's policy", () => {
    const options = { dir: 'ltr', lang: 'en', loadRemoteImages: false } as const;
    expect(buildEmailSrcDoc('<p>Hi</p>', { ...options, styleNonce: 'abc123' })).toMatch(
      /<style nonce="abc123">html,body/,
    );
    expect(buildEmailSrcDoc('<p>Hi</p>', options)).toMatch(/<style>html,body/);
  });
});
