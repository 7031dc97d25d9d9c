import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { PASSWORD } from './global-setup.ts';
import { staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

// Two years of a small shop: monthly cohorts, repeat buyers, two channels.
function purchasesCsv(): string {
  const lines = ['customer_id,date,amount,order_id,product,channel'];
  let order = 0;
  const now = Date.now();
  for (let c = 0; c < 60; c++) {
    const first = now - (700 - c * 11) * 86_400_000;
    const visits = 1 + (c % 5);
    for (let v = 0; v < visits; v++) {
      const day = new Date(first + v * (20 + (c % 7) * 9) * 86_400_000);
      if (day.getTime() > now) break;
      lines.push(
        `shopper${c}@example.com,${day.toISOString().slice(0, 10)},${(15 + ((c * 37 + v * 11) % 90)).toFixed(2)},R${++order},${c % 3 === 0 ? 'Teapot' : 'Tea'},${c % 2 ? 'web' : 'store'}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const SCREENS = [
  { tab: 'repeat', chart: 'chart-repeat-cohort' },
  { tab: 'cohorts', chart: 'chart-cohort-heatmap' },
  { tab: 'pareto', chart: 'chart-lorenz-revenue' },
  { tab: 'complaints', chart: 'chart-complaint-rate' },
  { tab: 'clv', chart: 'chart-clv-distribution' },
  { tab: 'at-risk', chart: null },
  { tab: 'import', chart: null },
] as const;

test('retention dashboards in English and Hebrew', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/login');
  await page.getByTestId('login-email').fill(staff().admin.email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/app\//);
  const upload = await page.request.post('/api/v1/imports?format=csv', {
    data: purchasesCsv(),
    headers: { 'content-type': 'text/csv' },
  });
  expect(upload.status()).toBe(202);
  // The import runs in the background (issue 17): followed until it has finished.
  const { id } = ((await upload.json()) as { import: { id: string } }).import;
  const finished = async () => {
    const view = (
      (await (await page.request.get(`/api/v1/imports/${id}`)).json()) as {
        import: { status: string; report: { imported: number } | null };
      }
    ).import;
    return view.status === 'done' ? (view.report?.imported ?? 0) : view.status;
  };
  await expect.poll(finished, { timeout: 60_000 }).toBeGreaterThan(100);
  const refresh = await page.request.post('/api/v1/retention/scores/refresh', { data: {} });
  expect(refresh.status()).toBe(200);

  for (const language of [
    { code: 'en', dir: 'ltr' },
    { code: 'he', dir: 'rtl' },
  ] as const) {
    await page.goto('/app/retention/at-risk');
    await page.getByTestId('language-switcher').first().selectOption(language.code);
    for (const screen of SCREENS) {
      await page.goto(`/app/retention/${screen.tab}`);
      await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
      await expect(page.getByTestId('retention-page')).toBeVisible();
      if (screen.chart) await expect(page.locator(`[data-testid="${screen.chart}"] canvas`).first()).toBeVisible();
      if (screen.tab === 'at-risk') await expect(page.getByTestId('at-risk-row').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const text = await page.locator('body').innerText();
      expect(
        text.match(/\bretention\.[a-zA-Z.]+/)?.[0] ?? null,
        `${screen.tab} in ${language.code} shows no raw key`,
      ).toBeNull();
      if (language.code === 'he') expect(text).toMatch(/[\u0590-\u05FF]/);
      await page.screenshot({ path: path.join(SHOTS, `retention-${screen.tab}-${language.code}.png`), fullPage: true });
    }
  }
});
