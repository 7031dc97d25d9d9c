import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { expect, type Page } from '@playwright/test';
import type { CaseListResponse } from '@kept/contract/api-types.ts';
import { logIn, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
// start-test-server.sh gives the server under test this SMTP port.
const SMTP_PORT = Number(process.env.KEPT_SMTP_PORT ?? 2599);
const SUPPORT = 'inbox@acme.test';
// A 1x1 transparent PNG: the machine has no network, so the "remote" image is served here.
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

// Everything a hostile sender might try, in one message: script, handlers, a javascript:
// link, and a tracking pixel.
const hostileHtml = (token: string) => `<!doctype html><html><head><script>alert(0)</script></head>
<body onload="alert(4)">
  <p>Hello, the blender I ordered arrived with a cracked jug. Order ${token}.</p>
  <script>alert(1)</script>
  <img src=x onerror=alert(2)>
  <p><a href="javascript:alert(3)">Click for the photos</a></p>
  <p><img src="http://images.example.test/pixel.png" alt="tracking pixel" width="40" height="40"></p>
  <p style="color:#c92a2a">Please send a replacement.</p>
</body></html>`;

const plainText = (token: string) => `Hello, the blender I ordered arrived with a cracked jug. Order ${token}.
Please send a replacement.

On Mon, 5 Jan 2026 at 09:12, Acme Support <${SUPPORT}> wrote:
> Thank you for your order. It ships today.
`;

test('an HTML e-mail with scripts, handlers and remote images is shown inert in the case view', async ({ page }) => {
  const token = `INERT-${Date.now()}`;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const imageRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('images.example.test')) imageRequests.push(request.url());
  });
  await page.route('**/images.example.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL_PNG }),
  );

  await logIn(page, staff().admin.email);
  // page.request shares the page's cookies, so these calls are the admin's.
  const added = await page.request.post('/api/v1/email/addresses', { data: { address: SUPPORT } });
  expect([201, 409, 400]).toContain(added.status());
  const addresses = (await (await page.request.get('/api/v1/email/addresses')).json()) as {
    addresses: { address: string }[];
  };
  expect(addresses.addresses.map((a) => a.address)).toContain(SUPPORT);

  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: SMTP_PORT, secure: false, ignoreTLS: true });
  await transport.sendMail({
    from: 'Mallory Customer <mallory@customer.test>',
    to: SUPPORT,
    subject: `Broken blender ${token}`,
    text: plainText(token),
    html: hostileHtml(token),
  });
  transport.close();

  let caseId = '';
  await expect
    .poll(
      async () => {
        const list = (await (
          await page.request.get(`/api/v1/cases?view=all&q=${encodeURIComponent(token)}`)
        ).json()) as CaseListResponse;
        caseId = list.cases[0]?.id ?? '';
        return caseId;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');

  await page.goto(`/app/cases/${caseId}`);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-body').first()).toContainText('arrived with a cracked jug');
  // The new part first; the history is folded away until asked for.
  await expect(timeline.getByTestId('email-quoted')).toHaveCount(0);
  await timeline.getByTestId('email-toggle-quoted').click();
  await expect(timeline.getByTestId('email-quoted')).toContainText('It ships today');
  expect(dialogs).toEqual([]);
  expect(imageRequests).toEqual([]);

  await timeline.getByTestId('email-toggle-html').click();
  const frameElement = timeline.getByTestId('email-html-frame');
  await expect(frameElement).toHaveAttribute('sandbox', '');
  const frame = page.frameLocator('[data-testid="email-html-frame"]');
  await expect(frame.getByText('Please send a replacement.')).toBeVisible();
  // The sanitizer dropped the script and handlers; the link no longer points at javascript:.
  const srcdoc = (await frameElement.getAttribute('srcdoc')) ?? '';
  expect(srcdoc).not.toMatch(/<script|onerror|onload|javascript:/i);
  // Give a would-be tracker a moment to fire before deciding it did not.
  await page.waitForTimeout(1000);
  expect(imageRequests).toEqual([]);
  expect(dialogs).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'email-inert-en.png'), fullPage: true });

  await timeline.getByTestId('email-load-remote-images').click();
  await expect.poll(() => imageRequests.length).toBe(1);
  expect(imageRequests[0]).toBe('http://images.example.test/pixel.png');
  await expect(frame.locator('img[alt="tracking pixel"]')).toHaveJSProperty('naturalWidth', 1);
  await page.waitForTimeout(500);
  expect(imageRequests).toHaveLength(1);
  expect(dialogs).toEqual([]);

  // The same case for an Arabic-speaking agent: the UI turns right to left, the English e-mail does not.
  await page.getByTestId('language-switcher').first().selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(timeline.getByTestId('email-toggle-quoted')).toHaveText('إخفاء الرسائل السابقة المقتبسة');
  await expect(frameElement).toHaveAttribute('srcdoc', /<html[^>]*dir="ltr"/);
  await page.screenshot({ path: path.join(SHOTS, 'email-inert-ar.png'), fullPage: true });
  await page.getByTestId('language-switcher').first().selectOption('en');
  expect(dialogs).toEqual([]);
});

test('an Arabic e-mail is laid out right to left, and a dangerous attachment is flagged', async ({ page }) => {
  const token = `RTL-${Date.now()}`;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await logIn(page, staff().admin.email);
  await page.request.post('/api/v1/email/addresses', { data: { address: SUPPORT } });
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: SMTP_PORT, secure: false, ignoreTLS: true });
  const arabic = 'مرحبًا، وصلتني الخلاطة مكسورة وأرفقت الفاتورة. أرجو إرسال بديل في أقرب وقت.';
  await transport.sendMail({
    from: 'سارة خليل <sara@customer.test>',
    to: SUPPORT,
    subject: `خلاطة مكسورة ${token}`,
    text: `${arabic}\n${token}`,
    html: `<p>${arabic}</p><p><b>${token}</b></p><img src="http://images.example.test/logo.png" alt="شعار">`,
    // "MZ" is how a Windows program starts: detected as one whatever the name claims.
    // An HTML page under a path: flagged by its bytes, saved under its last part, shown as the sender wrote it.
    attachments: [
      {
        filename: 'invoice.pdf.exe',
        content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]),
        contentType: 'application/pdf',
      },
      {
        filename: '../../report.txt',
        content: Buffer.from('<!doctype html><script>alert(1)</script>'),
        contentType: 'text/plain',
      },
    ],
  });
  transport.close();

  let caseId = '';
  await expect
    .poll(
      async () => {
        const list = (await (
          await page.request.get(`/api/v1/cases?view=all&q=${encodeURIComponent(token)}`)
        ).json()) as CaseListResponse;
        caseId = list.cases[0]?.id ?? '';
        return caseId;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');

  await page.goto(`/app/cases/${caseId}`);
  await page.getByTestId('language-switcher').first().selectOption('ar');
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-body').first()).toContainText('وصلتني الخلاطة مكسورة');
  const attachment = timeline.getByTestId('email-attachment').first();
  await expect(attachment).toContainText('invoice.pdf.exe');
  const page2 = timeline.getByTestId('email-attachment').nth(1);
  await expect(page2.getByTestId('email-attachment-name')).toHaveText('../../report.txt');
  await expect(page2.getByTestId('email-attachment-saved-as')).toContainText('report.txt');
  await expect(page2.getByTestId('email-attachment-dangerous')).toHaveText('خطِر');
  await expect(attachment.getByTestId('email-attachment-dangerous')).toHaveText('خطِر');
  await attachment.getByTestId('email-attachment-dangerous').hover();
  await expect(page.getByRole('tooltip')).toContainText('لا تفتح هذا الملف');
  await timeline.getByTestId('email-toggle-html').click();
  await expect(timeline.getByTestId('email-html-frame')).toHaveAttribute('srcdoc', /<html[^>]*dir="rtl"/);
  await expect(page.frameLocator('[data-testid="email-html-frame"]').getByText('أرجو إرسال بديل')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'email-rtl-attachment-ar.png'), fullPage: true });
  expect(dialogs).toEqual([]);
  await page.getByTestId('language-switcher').first().selectOption('en');
});
