import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { chooseLanguage, logIn, shootWithoutHeader, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const FRIDAY = 5; // the API's weekday index: 0 = Sunday

test('the admin edits the business calendar in Settings, and it is kept; Hebrew is right-to-left', async ({ page }) => {
  await logIn(page, staff().admin.email);
  await page.goto('/app/settings/hours');
  const panel = page.getByTestId('business-calendar');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('calendar-days')).toBeVisible();

  // Friday 10:00–14:00 (open it first if it is closed).
  if (!(await panel.getByTestId(`calendar-start-${FRIDAY}`).isVisible()))
    await panel.getByTestId(`calendar-open-${FRIDAY}`).click({ force: true });
  await panel.getByTestId(`calendar-start-${FRIDAY}`).fill('10:00');
  await panel.getByTestId(`calendar-end-${FRIDAY}`).fill('14:00');
  await panel.getByTestId('calendar-holiday-date').fill('2026-12-25');
  await panel.getByTestId('calendar-holiday-add').click();
  await expect(panel.getByTestId('calendar-holiday').filter({ hasText: '2026-12-25' })).toHaveCount(1);
  await panel.getByTestId('calendar-save').click();
  await expect(panel.getByTestId('calendar-saved')).toBeVisible();
  await expect(panel.getByTestId('calendar-none')).toHaveCount(0);

  await page.reload();
  await expect(panel.getByTestId('calendar-days')).toBeVisible();
  await expect(panel.getByTestId(`calendar-start-${FRIDAY}`)).toHaveValue('10:00');
  await expect(panel.getByTestId(`calendar-end-${FRIDAY}`)).toHaveValue('14:00');
  await expect(panel.getByTestId('calendar-holiday').filter({ hasText: '2026-12-25' })).toHaveCount(1);

  await chooseLanguage(page, 'he');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(panel).toContainText('לוח שעות פעילות');
  await expect(panel.getByTestId(`calendar-day-${FRIDAY}`)).toContainText('שישי');
  await panel.scrollIntoViewIfNeeded();
  await shootWithoutHeader(panel, path.join(SHOTS, 'business-calendar-he.png'));
});
