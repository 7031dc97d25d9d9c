import { expect } from '@playwright/test';
import { test } from './browser-kit.ts';

// The policy itself is checked header by header in tests/integration/security-headers.test.ts;
// here, that the browser enforces it: no framing, and the API explorer works under its own.

test('another site cannot frame Kept', async ({ browser, baseURL }) => {
  // A page of its own: the browser's refusal is itself reported as a violation, on purpose.
  const page = await browser.newPage();
  try {
    const refused = page.waitForEvent('console', (message) => /frame-ancestors 'none'/.test(message.text()));
    await page.setContent(`<!doctype html><iframe src="${baseURL}/login" width="600" height="400"></iframe>`);
    await refused;
    await expect(page.frameLocator('iframe').getByTestId('login-email')).toHaveCount(0);
  } finally {
    await page.close();
  }
});

test('the API explorer works under its own policy', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.locator('.swagger-ui .info .title')).toContainText('Kept API');
  await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible();
});
