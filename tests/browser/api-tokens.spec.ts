import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

// An admin sees every integration token (never its secret), when it was last used, and revokes a leaked one.
test('an admin creates a token, sees it listed and used, and revokes it', async ({ page, playwright, baseURL }) => {
  await logIn(page, staff().admin.email);
  const name = `Shop sync ${Date.now().toString().slice(-6)}`;
  await page.goto('/app/settings/api');
  await page.getByTestId('token-name').fill(name);
  await page.getByTestId('token-create').click();
  const secret = (await page.getByTestId('token-value').textContent())!.trim();
  expect(secret).toMatch(/^kept_/);
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('token-list')).not.toContainText(secret);

  // The integration uses it: the list says so after a reload.
  const integration = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  expect((await integration.get('/api/v1/me')).status()).toBe(200);
  await page.reload();
  await expect(row).not.toContainText('Never used');
  await page.screenshot({ path: path.join(SHOTS, 'api-tokens-en.png'), fullPage: true });

  await chooseLanguage(page, 'ar');
  await page.goto('/app/settings/api');
  await expect(row).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'api-tokens-ar.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(row).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'api-tokens-phone-ar.png'), fullPage: true });
  // On a phone, signing out is in the menu, not pushed off the header.
  await expect(page.getByTestId('logout')).toBeHidden();
  await page.getByRole('button', { name: 'تبديل القائمة' }).or(page.locator('.mantine-Burger-root')).first().click();
  await expect(page.getByTestId('logout-menu')).toBeInViewport();
  await page.waitForTimeout(300); // the menu slides in
  await page.screenshot({ path: path.join(SHOTS, 'menu-phone-ar.png') });
  await chooseLanguage(page, 'en');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/app/settings/api');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByTestId('token-revoke').click();
  await expect(row).toHaveCount(0);
  expect((await integration.get('/api/v1/me')).status()).toBe(401);
  await integration.dispose();
});
