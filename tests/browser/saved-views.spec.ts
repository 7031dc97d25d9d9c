import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

async function openTaggedCase(page: Page, stamp: string, n: number, tag: string): Promise<void> {
  const response = await page.request.post('/api/v1/cases', {
    data: {
      customer: { name: `Viewed ${stamp} ${n}`, email: `viewed-${stamp}-${n}@example.com`, language: 'en' },
      channel: 'email',
      subject: `Kettle ${n}`,
      body: 'The kettle leaks from the bottom.',
    },
  });
  expect(response.status()).toBe(201);
  const id = ((await response.json()) as { case: { id: string } }).case.id;
  expect((await page.request.patch(`/api/v1/cases/${id}`, { data: { tags: [tag] } })).status()).toBe(200);
}

// Issue 16: a saved view is listed beside the queues with its count, and the count follows changes live.
test('an agent saves the filtered queue as a view, sees its count, and the count follows a new case', async ({
  page,
}) => {
  await logIn(page, staff().admin.email);
  const stamp = Date.now().toString().slice(-6);
  const tag = `kettles-${stamp}`;
  for (const n of [1, 2]) await openTaggedCase(page, stamp, n, tag);

  await page.goto(`/app/queues/open?tag=${tag}`);
  await expect(page.getByTestId('queue-row')).toHaveCount(2);
  await page.getByTestId('saved-view-save').click();
  await page.getByTestId('saved-view-name').fill(`Leaking kettles ${stamp}`);
  await page.getByTestId('saved-view-confirm').click();
  const view = page.getByTestId('saved-view').filter({ hasText: `Leaking kettles ${stamp}` });
  await expect(view.getByTestId('saved-view-count')).toHaveText('2');

  // Another case with the tag: the live reload refreshes the count without a reload of the page.
  await openTaggedCase(page, stamp, 3, tag);
  await expect(view.getByTestId('saved-view-count')).toHaveText('3');

  // Opening the view elsewhere puts its filters back in the address.
  await page.goto('/app/queues/mine');
  await view.getByText(`Leaking kettles ${stamp}`).click();
  await expect(page).toHaveURL(new RegExp(`/app/queues/open\\?tag=${tag}`));
  await expect(page.getByTestId('queue-row')).toHaveCount(3);

  await page.screenshot({ path: path.join(SHOTS, 'saved-views-en.png'), fullPage: true });
  await chooseLanguage(page, 'ar');
  await page.goto(`/app/queues/open?tag=${tag}`);
  await expect(view.getByTestId('saved-view-count')).toHaveText('3');
  await page.screenshot({ path: path.join(SHOTS, 'saved-views-ar.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(view).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'saved-views-phone-ar.png'), fullPage: true });
  await chooseLanguage(page, 'en');
});
