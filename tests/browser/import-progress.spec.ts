import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { PASSWORD } from './global-setup.ts';
import { staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

// The running import's card (issue 17): the server's answers are held at "running" so the card
// stays on screen, then Cancel answers the cancelled import.
test('a background import shows its progress and can be cancelled (English, Arabic, phone)', async ({ page }) => {
  const id = '11111111-1111-4111-8111-111111111111';
  const view = (status: string) => ({
    import: {
      id,
      format: 'csv',
      source: 'orders-2025.csv',
      status,
      phase: status === 'running' ? 'purchases' : null,
      rowsRead: 182_000,
      bytesRead: 7_340_032,
      bytesTotal: 10_485_760,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      report:
        status === 'cancelled'
          ? {
              importId: id,
              status,
              format: 'csv',
              source: 'orders-2025.csv',
              rowsRead: 182_000,
              purchasesInFile: 0,
              imported: 0,
              duplicates: 0,
              skipped: 0,
              problems: [],
              customersCreated: 0,
              customersMatched: 0,
              seconds: 3,
              message: 'Cancelled: nothing was imported.',
            }
          : null,
    },
  });
  await page.route('**/api/v1/imports?*', (route) =>
    route.fulfill({ status: 202, json: { import: { id, status: 'queued' } } }),
  );
  await page.route(`**/api/v1/imports/${id}`, (route) => route.fulfill({ json: view('running') }));
  await page.route(`**/api/v1/imports/${id}/cancel`, (route) => route.fulfill({ json: view('cancelled') }));
  await page.goto('/login');
  await page.getByTestId('login-email').fill(staff().admin.email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/app\//);
  for (const shot of [
    { code: 'en', dir: 'ltr', phone: false },
    { code: 'ar', dir: 'rtl', phone: false },
    { code: 'en', dir: 'ltr', phone: true },
  ] as const) {
    await page.setViewportSize(shot.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 });
    await page.goto('/app/retention/at-risk');
    await page.getByTestId('language-switcher').first().selectOption(shot.code);
    await page.goto('/app/retention/import');
    await expect(page.locator('html')).toHaveAttribute('dir', shot.dir);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-file').click();
    await (await chooser).setFiles({ name: 'orders-2025.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n') });
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-progress')).toBeVisible();
    const text = await page.getByTestId('import-progress').innerText();
    expect(text).not.toMatch(/\bimports\.[a-z]/);
    if (shot.code === 'ar') expect(text).toMatch(/[\u0600-\u06FF]/);
    const name = `import-progress-${shot.code}${shot.phone ? '-phone' : ''}.png`;
    await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-progress')).toBeHidden();
    await expect(page.getByTestId('import-report')).toBeVisible();
  }
});
