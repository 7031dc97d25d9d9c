import { expect, type Page } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

// Issue 18 in the browser: a message that may ask for a supervisor shows "the customer may be
// asking for a supervisor" on the case, with one click to escalate and one to dismiss — in
// English and in Arabic (RTL), and at phone width.
const shot = (name: string) => `/tmp/kept-suspicion-${name}.png`;

async function ask(page: Page, name: string, email: string, message: string): Promise<string> {
  await page.goto(`/portal/${staff().slug}`);
  await page.getByTestId('portal-name').fill(name);
  await page.getByTestId('portal-email').fill(email);
  await page.getByTestId('portal-subject').fill('Order 5521');
  await page.getByTestId('portal-message').fill(message);
  await page.getByTestId('portal-submit').click();
  await expect(page.getByTestId('portal-ack')).toBeVisible();
  return ((await page.getByTestId('portal-reference').textContent()) ?? '').match(/K-\d+/)?.[0] ?? '';
}

async function openCase(page: Page, reference: string): Promise<void> {
  await page.goto('/app/queues/unanswered');
  await page.getByTestId('queue-row').filter({ hasText: reference }).getByTestId('queue-case-link').click();
  await expect(page.getByTestId('case-reference')).toContainText(reference);
}

test.describe.serial('supervisor suspicion on the case screen', () => {
  test('English: the suspicion is shown and dismissed in one click', async ({ page }) => {
    const reference = await ask(page, 'Sam Carter', 'sam.suspicion@example.com', 'Is your manager around?');
    await logIn(page, staff().admin.email);
    await openCase(page, reference);
    const alert = page.getByTestId('supervisor-suspicion');
    await expect(alert).toContainText('may be asking for a supervisor');
    await expect(alert).toContainText('manager');
    await page.screenshot({ path: shot('en'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot('en-phone'), fullPage: true });
    await alert.getByTestId('supervisor-suspicion-dismiss').click();
    await expect(alert).toHaveCount(0);
    await expect(page.getByText('Not a request for a supervisor (dismissed)')).toBeVisible();
  });

  test('Arabic: the suspicion is shown right to left and escalates in one click', async ({ page }) => {
    const reference = await ask(page, 'ليلى حداد', 'layla.suspicion@example.com', 'هل يوجد مشرف؟');
    await logIn(page, staff().admin.email);
    await chooseLanguage(page, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await openCase(page, reference);
    const alert = page.getByTestId('supervisor-suspicion');
    await expect(alert).toContainText('ربما يطلب العميل التحدث إلى مشرف');
    await page.screenshot({ path: shot('ar'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot('ar-phone'), fullPage: true });
    await alert.getByTestId('supervisor-suspicion-escalate').click();
    await expect(alert).toHaveCount(0);
    await expect(page.getByTestId('case-escalated')).toBeVisible();
  });
});
