import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

// Issue 16: a case created by hand, for a new customer and then for the same customer found by name.
test('an agent opens a case by hand for a new customer, then logs a call for that customer found by name, which joins their open case', async ({
  page,
}) => {
  await logIn(page, staff().admin.email);
  const stamp = Date.now().toString().slice(-6);
  const name = `Walk-in ${stamp}`;

  await page.goto('/app/queues/open');
  await page.getByTestId('new-case-open').click();
  await page.getByText('New customer', { exact: true }).click();
  await page.getByTestId('new-case-name').fill(name);
  await page.getByTestId('new-case-email').fill(`walk-in-${stamp}@example.com`);
  await page.getByTestId('new-case-channel').click();
  await page.getByRole('option', { name: 'E-mail' }).click();
  await page.getByTestId('new-case-subject').fill('Broken kettle lid');
  await page.getByTestId('new-case-body').fill('The lid of my kettle snapped off on the first day.');
  await page.getByTestId('new-case-submit').click();
  await expect(page).toHaveURL(/\/app\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Broken kettle lid').first()).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();
  const firstCase = page.url();

  // The same customer, found by name; a logged phone call goes onto their open case (no new topic).
  await page.goto('/app/queues/open');
  await page.getByTestId('new-case-open').click();
  await page.getByTestId('new-case-customer').fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('new-case-subject').fill('Refund for the kettle');
  await page.getByTestId('new-case-body').fill('Called to ask for a refund instead.');
  await page.getByTestId('new-case-submit').click();
  await expect(page).toHaveURL(firstCase);
  await expect(page.getByText('Called to ask for a refund instead.')).toBeVisible();
  const customers = (await (await page.request.get(`/api/v1/customers?q=${encodeURIComponent(name)}`)).json()) as {
    customers: { id: string; name: string }[];
  };
  expect(customers.customers.filter((c) => c.name === name)).toHaveLength(1);

  await page.goto('/app/queues/open');
  await page.getByTestId('new-case-open').click();
  await page.getByText('New customer', { exact: true }).click();
  await page.screenshot({ path: path.join(SHOTS, 'new-case-en.png') });
  await page.keyboard.press('Escape');
  await chooseLanguage(page, 'ar');
  await page.getByTestId('new-case-open').click();
  await page.getByText('عميل جديد', { exact: true }).click();
  await page.screenshot({ path: path.join(SHOTS, 'new-case-ar.png') });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('new-case-open').click();
  await expect(page.getByTestId('new-case-submit')).toBeVisible();
  await page.waitForTimeout(300); // the modal's opening transition, for the picture only
  await page.screenshot({ path: path.join(SHOTS, 'new-case-phone-ar.png') });
  await chooseLanguage(page, 'en');
});
