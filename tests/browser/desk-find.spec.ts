import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

async function openCase(page: Page, payload: object): Promise<string> {
  const response = await page.request.post('/api/v1/cases', { data: payload });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { case: { reference: string } }).case.reference;
}

test('an agent finds a case by order number, by an Arabic word typed without hamza, and narrows the queue with filters kept in the address', async ({
  page,
}) => {
  await logIn(page, staff().admin.email);
  const stamp = Date.now().toString().slice(-6);
  const order = `7${stamp}`;
  const english = await openCase(page, {
    customer: { name: 'Denise Romero', email: `denise-${stamp}@example.com`, language: 'en' },
    channel: 'email',
    subject: 'Laptop repair',
    body: `My order ${order} arrived with both laptops broken.`,
  });
  const arabic = await openCase(page, {
    customer: { name: 'أحمد منصور', phone: `+971 4 ${stamp}`, language: 'ar' },
    channel: 'phone',
    subject: 'طلب الكتاب',
    body: 'أرسلت الكتاب إلى المدرسة ولم يصل حتى الآن.',
  });

  await page.goto('/app/queues/open');
  const search = page.getByTestId('case-search-input');
  await search.fill(order);
  await expect(page).toHaveURL(new RegExp(`q=${order}`));
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(english);

  await search.fill('ارسلت الكتاب');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(arabic);

  // A channel filter on top of the search: the Arabic case came by phone, not e-mail.
  await page.goto(`/app/queues/open?q=${encodeURIComponent('ارسلت')}&channel=email`);
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await page.goto(`/app/queues/open?q=${encodeURIComponent('ارسلت')}&channel=phone`);
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('case-search-input')).toHaveValue('ارسلت');

  // Screenshots: English, Arabic (right to left), and a phone, where the rows are cards.
  await page.goto(`/app/queues/open?q=${order}`);
  await expect(rows).toHaveCount(1);
  await page.screenshot({ path: path.join(SHOTS, 'desk-find-en.png'), fullPage: true });
  await chooseLanguage(page, 'ar');
  await page.goto(`/app/queues/open?q=${encodeURIComponent('الكتاب')}`);
  await expect(rows).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: path.join(SHOTS, 'desk-find-ar.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/app/queues/open');
  await expect(page.getByTestId('case-cards')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'desk-find-phone-ar.png'), fullPage: true });
  await chooseLanguage(page, 'en');
});

test('the customer list shows everyone before a search and finds a customer by a case reference', async ({ page }) => {
  await logIn(page, staff().admin.email);
  const stamp = Date.now().toString().slice(-6);
  const reference = await openCase(page, {
    customer: { name: `Ольга Иванова ${stamp}`, email: `olga-${stamp}@example.ru`, language: 'ru' },
    channel: 'email',
    subject: 'Заказ',
    body: 'Мой заказ не пришёл, а ноутбуки в посылке сломаны.',
  });
  await page.goto('/app/customers');
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await page.getByTestId('customer-search-input').fill(reference);
  await page.getByTestId('customer-search-submit').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await expect(page.getByTestId('customer-row')).toContainText(stamp);
  await page.getByTestId('customer-search-input').fill('ноутбук');
  await page.getByTestId('customer-search-submit').click();
  await expect(page.getByTestId('customer-row').filter({ hasText: stamp })).toHaveCount(1);
  await page.screenshot({ path: path.join(SHOTS, 'desk-find-customers-en.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('customer-cards')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'desk-find-customers-phone.png'), fullPage: true });
});

test('an agent sets a case’s priority and a tag; the timeline says so and the queue filters by them', async ({
  page,
}) => {
  await logIn(page, staff().admin.email);
  const stamp = Date.now().toString().slice(-6);
  const reference = await openCase(page, {
    customer: { name: `Grace ${stamp}`, email: `grace-${stamp}@example.com`, language: 'en' },
    channel: 'email',
    subject: `Invoice ${stamp}`,
    body: 'My invoice shows the wrong amount, please check.',
  });
  await page.goto(`/app/queues/open?q=${reference}`);
  await page.getByTestId('queue-row').first().getByTestId('queue-case-link').click();
  await expect(page.getByTestId('case-labels')).toBeVisible();
  await page.getByTestId('case-priority').click();
  await page.getByRole('option', { name: 'Urgent' }).click();
  await expect(page.getByTestId('case-page')).toContainText('Priority: Normal → Urgent');
  await page.getByTestId('case-tags').fill('refund');
  await page.getByTestId('case-tags').press('Enter');
  await expect(page.getByTestId('case-page')).toContainText(/tags added: \u2068?refund/);
  await page.getByTestId('case-labels').screenshot({ path: path.join(SHOTS, 'desk-find-case-labels-en.png') });
  await page.goto(`/app/queues/open?priority=urgent&tag=refund&q=${reference}`);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await page.goto(`/app/queues/open?priority=low&q=${reference}`);
  await expect(page.getByTestId('queue-empty')).toBeVisible();
});
