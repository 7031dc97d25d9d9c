import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type Page } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';
import { PASSWORD } from './global-setup.ts';
import { postgresReachable, startLiveInstances, type LiveInstances } from './live-instances.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const tag = () => Math.random().toString(36).slice(2, 8);

test.describe('live desk across two instances on one PostgreSQL', () => {
  let instances: LiveInstances | null = null;
  test.beforeAll(async () => {
    test.skip(!(await postgresReachable()), 'PostgreSQL is not reachable at 127.0.0.1:5432');
    instances = await startLiveInstances();
  });
  test.afterAll(async () => {
    await instances?.stop();
  });

  test('a message posted to instance A appears on a page served by instance B within 2 s', async ({ page }) => {
    test.setTimeout(180_000);
    const { a, b } = instances!;
    const setup = await fetch(`${a}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        workspaceName: 'Two Instances Co',
        adminName: 'Ada Admin',
        adminEmail: 'ada@two.test',
        password: PASSWORD,
        language: 'en',
      }),
    });
    expect(setup.status).toBe(200);
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;

    await page.goto(`${b}/login`);
    await page.getByTestId('login-email').fill('ada@two.test');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page).toHaveURL(/\/app\//);
    const streamOpen = page.waitForResponse((r) => r.url().endsWith('/api/v1/live'));
    await page.goto(`${b}/app/queues/unanswered`);
    await expect(page.getByTestId('unanswered-zero')).toBeVisible();
    expect((await streamOpen).status()).toBe(200);

    const words = `Parcel 48213 has not arrived ${tag()}`;
    const posted = await fetch(`${a}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        customer: { name: 'Nadia Live', email: `nadia-${tag()}@example.com` },
        channel: 'web',
        subject: 'Where is my parcel?',
        body: words,
      }),
    });
    expect(posted.status).toBe(201);
    // Pushed by instance A's write through PostgreSQL to instance B's stream; no reload, no polling.
    await expect(page.getByTestId('queue-row').filter({ hasText: words })).toBeVisible({ timeout: 2_000 });
  });
});

async function openAs(browser: Browser, email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

test('another agent viewing and then replying is shown before one sends; my new message counts in the tab title', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const s = staff();
  await logIn(page, s.admin.email);
  const created = await page.request.post('/api/v1/cases', {
    data: {
      customer: { name: 'Omar Live', email: `omar-${tag()}@example.com` },
      channel: 'web',
      subject: `Refund for order 48213 ${tag()}`,
      body: 'I asked for a refund two weeks ago.',
    },
  });
  expect(created.status()).toBe(201);
  const detail = (await created.json()) as { case: { id: string; owner: { id: string } } };
  const people = [s.agentAr, s.agentEn, s.supervisor];
  const owner = people.find((p) => p.id === detail.case.owner.id)!;
  const other = owner === s.supervisor ? s.agentEn : s.supervisor;
  const caseUrl = `/app/cases/${detail.case.id}`;

  const mine = await openAs(browser, owner.email);
  const theirs = await openAs(browser, other.email);
  await mine.goto(caseUrl);
  await theirs.goto(caseUrl);
  const warning = mine.getByTestId('case-presence');
  await expect(warning).toHaveAttribute('data-replying', 'false');
  await expect(warning.getByTestId('presence-person')).toHaveAttribute('data-activity', 'viewing');

  // The other person starts writing: the owner is told before anything is sent.
  await theirs.getByTestId('composer-body').fill('Hello, I am looking into your refund now.');
  await expect(warning).toHaveAttribute('data-replying', 'true');
  await expect(warning).toContainText('is writing a reply');
  await warning.screenshot({ path: path.join(SHOTS, 'live-presence-en.png') });

  // A new customer message on the owner's case, logged on the other page: pushed to the owner's
  // timeline, counted in the notifications and in the tab title.
  const before = ((await (await mine.request.get('/api/v1/notifications')).json()) as { unread: number }).unread;
  const logged = await theirs.request.post(`/api/v1/cases/${detail.case.id}/messages`, {
    data: { direction: 'inbound', channel: 'phone', body: 'The customer called again about the refund.' },
  });
  expect(logged.status()).toBe(201);
  await expect(mine.getByTestId('timeline').getByText('The customer called again about the refund.')).toBeVisible();
  await expect(mine.getByTestId('notices-unread')).toHaveText(String(before + 1));
  await expect(mine).toHaveTitle(new RegExp(`^\\(${before + 1}\\) `));
  await mine.getByTestId('notices-button').click();
  await expect(mine.getByTestId('notice-item').first()).toHaveAttribute('data-kind', 'message');
  // Once the menu has finished fading in.
  await expect(mine.getByTestId('notices-list')).toHaveCSS('opacity', '1');
  await mine.getByTestId('notices-list').screenshot({ path: path.join(SHOTS, 'live-notices-en.png') });
  await expect(mine).not.toHaveTitle(/^\(\d+\) /);
  await mine.keyboard.press('Escape');

  // Leaving the case takes the warning away at once (not only when the heartbeat expires).
  await theirs.goto('/app/queues/mine');
  await expect(warning).toHaveCount(0);

  // Arabic, right to left, and a phone.
  await theirs.goto(caseUrl);
  await chooseLanguage(mine, 'ar');
  await expect(mine.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(warning).toBeVisible();
  await mine.screenshot({ path: path.join(SHOTS, 'live-case-ar.png') });
  const phone = await openAs(browser, owner.email, 390);
  await phone.goto(caseUrl);
  await expect(phone.getByTestId('case-presence')).toBeVisible();
  await phone.screenshot({ path: path.join(SHOTS, 'live-case-phone.png') });
  await chooseLanguage(mine, 'en');
  for (const p of [mine, theirs, phone]) await p.context().close();
});
