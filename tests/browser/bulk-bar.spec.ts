import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

async function openTaggedCase(page: Page, stamp: string, n: number, tag: string): Promise<void> {
  const response = await page.request.post('/api/v1/cases', {
    data: {
      customer: { name: `Bulk ${stamp} ${n}`, email: `bulk-${stamp}-${n}@example.com`, language: 'en' },
      channel: 'email',
      subject: `Toaster ${n}`,
      body: 'The toaster burns every slice.',
    },
  });
  expect(response.status()).toBe(201);
  const id = ((await response.json()) as { case: { id: string } }).case.id;
  expect((await page.request.patch(`/api/v1/cases/${id}`, { data: { tags: [tag] } })).status()).toBe(200);
}

// Issue 16: select rows in a queue, move them to a status, then hand them to one person.
test('a supervisor selects cases in a queue, moves them to open and hands them to an agent', async ({ page }) => {
  await logIn(page, staff().admin.email);
  const stamp = Date.now().toString().slice(-6);
  const tag = `toasters-${stamp}`;
  for (const n of [1, 2, 3]) await openTaggedCase(page, stamp, n, tag);
  const listed = (await (await page.request.get('/api/v1/users')).json()) as { users: { id: string; name: string }[] };
  const agent = listed.users.find((u) => u.id === staff().agentAr.id)!;

  await page.goto(`/app/queues/open?tag=${tag}`);
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  await page.getByTestId('queue-select-all').click();
  await expect(page.getByTestId('bulk-count')).toHaveText('Selected: 3');
  await rows.nth(2).getByTestId('queue-row-select').click();
  await expect(page.getByTestId('bulk-count')).toHaveText('Selected: 2');
  // Ticking a box selects; it does not open the case.
  await expect(page).toHaveURL(/\/app\/queues\/open/);

  await page.getByTestId('bulk-status').click();
  await page.getByRole('option', { name: 'Open', exact: true }).click();
  await page.getByTestId('bulk-status-apply').click();
  await expect(page.getByTestId('bulk-result')).toHaveText('Changed: 2');
  await expect(rows.filter({ hasText: 'New' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Open' })).toHaveCount(2);

  await page.getByTestId('queue-select-all').click();
  await page.getByTestId('bulk-owner').click();
  await page.getByRole('option', { name: agent.name }).click();
  await page.getByTestId('bulk-reason').fill('Arabic-speaking customers');
  await page.screenshot({ path: path.join(SHOTS, 'bulk-bar-en.png'), fullPage: true });
  await page.getByTestId('bulk-owner-apply').click();
  await expect(page.getByTestId('bulk-result')).toContainText('Changed: ');
  await expect(rows.filter({ hasText: agent.name })).toHaveCount(3);

  await chooseLanguage(page, 'ar');
  await page.getByTestId('queue-select-all').click();
  await expect(page.getByTestId('bulk-bar')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'bulk-bar-ar.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await rows.first().getByTestId('queue-row-select').click();
  await expect(page.getByTestId('bulk-bar')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'bulk-bar-phone-ar.png'), fullPage: true });
  await chooseLanguage(page, 'en');
});
