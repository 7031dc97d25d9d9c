import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const shot = (name: string) => path.join(SHOTS, `${name}.png`);

// Issue 16: a customer entered by hand on the customer list opens, is found, is corrected on their page
// (each change on their timeline), and an address another customer has is named on its field.
test('an agent enters a customer by hand, finds them, and corrects their details', async ({ page }) => {
  await logIn(page, staff().agentEn.email);
  const stamp = Date.now().toString().slice(-6);
  const name = `Hand Entered ${stamp}`;
  const email = `hand-${stamp}@example.com`;

  await page.goto('/app/customers');
  await page.getByTestId('new-customer-open').click();
  await page.getByTestId('customer-form-name').fill(name);
  await page.getByTestId('customer-form-email').fill(email);
  await page.getByTestId('customer-form-phone').fill('+1 505 555 0177');
  await page.screenshot({ path: shot('customer-new-en') });
  await page.getByTestId('customer-form-submit').click();
  await expect(page).toHaveURL(/\/app\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  await expect(page.getByText('Customer entered by hand')).toBeVisible();
  const customerPage = page.url();

  // The same address again is refused on the field, and nothing is created.
  await page.goto('/app/customers');
  await page.getByTestId('new-customer-open').click();
  await page.getByTestId('customer-form-name').fill(`Twin ${stamp}`);
  await page.getByTestId('customer-form-email').fill(email.toUpperCase());
  await page.getByTestId('customer-form-submit').click();
  await expect(page.getByText('Another customer already has this e-mail address.')).toBeVisible();
  await page.keyboard.press('Escape');

  // Found by the list's search, then corrected on their page.
  await page.getByTestId('customer-search-input').fill(stamp);
  await page.getByTestId('customer-search-submit').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(customerPage);
  await page.getByTestId('customer-edit-open').click();
  await page.getByTestId('customer-form-name').fill(`${name} Jr`);
  await page.getByTestId('customer-form-phone').fill('');
  await page.getByTestId('customer-form-language').click();
  await page.getByRole('option', { name: 'Russian' }).click();
  await page.getByTestId('customer-form-submit').click();
  await expect(page.getByTestId('customer-name')).toHaveText(`${name} Jr`);
  const change = page.getByText(/Customer details changed/);
  await expect(change).toContainText(`${name} Jr`);
  await expect(change).toContainText('Phone: \u2066+1 505 555 0177\u2069 → —; Language: — → Russian');
  const found = (await (await page.request.get(`/api/v1/customers?q=${encodeURIComponent(`${name} Jr`)}`)).json()) as {
    customers: { name: string }[];
  };
  expect(found.customers.map((c) => c.name)).toEqual([`${name} Jr`]);

  await page.getByTestId('customer-edit-open').click();
  await expect(page.getByTestId('customer-form-submit')).toBeVisible();
  await page.screenshot({ path: shot('customer-edit-en') });
  await page.keyboard.press('Escape');
  await chooseLanguage(page, 'ar');
  await expect(page.getByText(/تغيّرت بيانات العميل/)).toBeVisible();
  await page.screenshot({ path: shot('customer-page-ar'), fullPage: true });
  await page.getByTestId('customer-edit-open').click();
  await expect(page.getByTestId('customer-form-submit')).toBeVisible();
  await page.waitForTimeout(300); // the modal's opening transition, for the picture only
  await page.screenshot({ path: shot('customer-edit-ar') });
  await page.keyboard.press('Escape');
  await page.goto('/app/customers');
  await page.getByTestId('new-customer-open').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('customer-new-ar') });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(customerPage);
  await page.getByTestId('customer-edit-open').click();
  await expect(page.getByTestId('customer-form-submit')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('customer-edit-phone-ar') });
  await page.keyboard.press('Escape');
  await chooseLanguage(page, 'en');
});
