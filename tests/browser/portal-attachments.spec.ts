import { expect } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

// Issue 16: "photo attached" — the customer attaches a photo in the portal; a program is refused
// with words the customer understands; the agent downloads the photo from the timeline.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const shot = (name: string) => `/tmp/kept-answering-${name}.png`;

test('a customer attaches a photo in the portal and the agent downloads it', async ({ page }) => {
  await page.goto(`/portal/${staff().slug}`);
  await page.getByTestId('portal-name').fill('Mara Lind');
  await page.getByTestId('portal-email').fill('mara.photo@example.com');
  await page.getByTestId('portal-subject').fill('Broken lid');
  await page.getByTestId('portal-message').fill('The lid arrived broken, photo attached.');
  const picker = page.locator('input[type="file"]');
  await picker.setInputFiles({ name: 'setup.png', mimeType: 'image/png', buffer: Buffer.from('MZ\x90\x00 program') });
  await page.getByTestId('portal-submit').click();
  await expect(page.getByTestId('portal-file-error')).toBeVisible();
  await chooseLanguage(page, 'ar');
  await expect(page.getByTestId('portal-file-error')).toContainText('لا يمكن قبول');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot('portal-files-phone-ar'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await chooseLanguage(page, 'en');

  await picker.setInputFiles({ name: 'lid.png', mimeType: 'image/png', buffer: PNG });
  await page.screenshot({ path: shot('portal-files-en'), fullPage: true });
  await page.getByTestId('portal-submit').click();
  await expect(page.getByTestId('portal-ack')).toBeVisible();
  const reference = ((await page.getByTestId('portal-reference').textContent()) ?? '').match(/K-\d+/)?.[0] ?? '';

  await logIn(page, staff().agentEn.email);
  const list = await page.request.get(`/api/v1/cases?view=all&q=${reference}`);
  const [found] = ((await list.json()) as { cases: Array<{ id: string }> }).cases;
  await page.goto(`/app/cases/${found!.id}`);
  const attachment = page.getByTestId('email-attachment');
  await expect(attachment.getByTestId('email-attachment-name')).toContainText('lid.png');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    attachment.getByTestId('email-attachment-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe('lid.png');
});
