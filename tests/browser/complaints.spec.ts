import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator } from '@playwright/test';
import { chooseLanguage, logIn, shootWithoutHeader, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const shoot = (locator: Locator, name: string) => shootWithoutHeader(locator, path.join(SHOTS, name));

test('an agent marks a case as a complaint in Arabic, sees it on the timeline, and the complaints report counts it', async ({
  page,
}) => {
  await logIn(page, staff().supervisor.email);
  const opened = await page.request.post('/api/v1/cases', {
    data: {
      customer: { name: 'ليلى حداد', email: `layla-${Date.now()}@example.com` },
      channel: 'phone',
      subject: 'فاتورة الشهر',
      body: 'هل يمكنكم مراجعة فاتورتي الأخيرة؟',
    },
  });
  expect(opened.status()).toBe(201);
  const { case: created } = (await opened.json()) as { case: { id: string } };

  const before = (await (await page.request.get('/api/v1/retention/complaints')).json()) as { complaints: number };

  await page.goto(`/app/cases/${created.id}`);
  const panel = page.getByTestId('complaint-panel');
  await expect(panel.getByTestId('complaint-state')).toHaveText('Not a complaint');
  await shoot(panel, 'complaint-panel-en.png');

  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(panel.getByTestId('complaint-state')).toHaveText('ليست شكوى');
  await panel.getByTestId('complaint-kind').selectOption('billing');
  await panel.getByTestId('complaint-reason-input').fill('خصم المبلغ مرتين');
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/cases/${created.id}/complaint`) && r.request().method() === 'POST',
  );
  await panel.getByTestId('complaint-mark').click();
  expect((await saved).status()).toBe(200);

  await expect(page.getByTestId('complaint-panel').getByTestId('complaint-state')).toHaveText('الفواتير');
  await expect(page.getByTestId('complaint-panel').getByTestId('complaint-source')).toContainText('سجّلها موظف');
  await expect(page.getByTestId('case-page')).toContainText('شكوى (الفواتير) — سجّلها موظف: ');
  await expect(page.getByTestId('case-page')).toContainText('خصم المبلغ مرتين');
  await shoot(page.getByTestId('complaint-panel'), 'complaint-panel-ar.png');

  // The complaints report on the complaint-rate screen counts it.
  await page.goto('/app/retention/complaints');
  const summary = page.getByTestId('complaints-summary');
  // The figure reads its label, then the count (in the interface's digits: Latin for Arabic here).
  await expect(summary.getByTestId('complaints-summary-count')).toHaveText(new RegExp(`${before.complaints + 1}$`));
  await expect(summary.getByTestId('complaints-by-source')).toContainText('سجّلها موظف');
  await shoot(summary, 'complaints-summary-ar.png');

  // A phone: the case's complaint control fits.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/app/cases/${created.id}`);
  await expect(page.getByTestId('complaint-panel').getByTestId('complaint-state')).toHaveText('الفواتير');
  const width = await page.getByTestId('complaint-panel').evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(width).toBeLessThanOrEqual(0);
  await shoot(page.getByTestId('complaint-panel'), 'complaint-panel-ar-phone.png');
  await chooseLanguage(page, 'en');
  await page.goto('/app/retention/complaints');
  await shoot(page.getByTestId('complaints-summary'), 'complaints-summary-en-phone.png');
});
