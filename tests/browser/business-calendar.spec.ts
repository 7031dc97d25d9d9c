import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import type { BusinessCalendarListResponse } from '../../src/contract/route-response-types.ts';
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

  // The calendar is the shared workspace's: later specs (a survey sent 0 business minutes after
  // resolution) must not wait for Friday's opening, so every hour is open again, whatever the time now.
  const listed = await page.request.get('/api/v1/promises/calendars');
  const own = ((await listed.json()) as BusinessCalendarListResponse).calendars.find((c) => c.teamId === null);
  const reopened = await page.request.put('/api/v1/promises/calendars', {
    data: { timeZone: own?.timeZone ?? 'UTC', weeklyHours: Array.from({ length: 7 }, () => [[0, 1440]]), holidays: [] },
  });
  expect(reopened.ok()).toBe(true);
});
