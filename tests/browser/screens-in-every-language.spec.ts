import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { PASSWORD } from './global-setup.ts';
import { staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

const LANGUAGES = [
  { code: 'en', dir: 'ltr', sample: null },
  { code: 'ar', dir: 'rtl', sample: /[\u0600-\u06FF]/ },
  { code: 'he', dir: 'rtl', sample: /[\u0590-\u05FF]/ },
  { code: 'ru', dir: 'ltr', sample: /[\u0400-\u04FF]/ },
] as const;

// A translation key leaking onto the screen ("queues.tabs.mine") means a missing string.
const RAW_KEY = /\b[a-z]+(?:\.[a-zA-Z]+){2,}\b/;

async function checkScreen(page: Page, language: (typeof LANGUAGES)[number], name: string) {
  await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
  await expect(page.locator('html')).toHaveAttribute('lang', language.code);
  await page.waitForLoadState('networkidle');
  const text = await page.locator('body').innerText();
  // Latin letters are everywhere (references, e-mail addresses); the other scripts prove the translation.
  if (language.sample) expect(text, `${name} in ${language.code} shows text in that language`).toMatch(language.sample);
  expect(text.match(RAW_KEY)?.[0] ?? null, `${name} in ${language.code} shows no raw translation key`).toBeNull();
  await page.screenshot({ path: path.join(SHOTS, `${name}-${language.code}.png`), fullPage: true });
}

test('every screen in English, Arabic, Hebrew and Russian', async ({ page, request }) => {
  // Some data to look at: a case with a promise, a note and an escalation.
  const portal = await request.post(`/api/v1/portal/${staff().slug}/requests`, {
    data: {
      name: 'Ирина Петрова',
      email: 'irina@example.com',
      subject: 'Счёт за ноябрь',
      body: 'Здравствуйте! Мне дважды выставили счёт за ноябрь. Позовите, пожалуйста, руководителя.',
    },
  });
  expect(portal.status()).toBe(201);
  const { portalToken, reference } = (await portal.json()) as { portalToken: string; reference: string };

  await page.goto('/login');
  await page.getByTestId('login-email').fill(staff().admin.email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/app\//);
  const cases = (await (await page.request.get(`/api/v1/cases?view=all&q=${reference}`)).json()) as {
    cases: Array<{ id: string; customer: { id: string } }>;
  };
  const caseId = cases.cases[0]!.id;
  const customerId = cases.cases[0]!.customer.id;

  for (const language of LANGUAGES) {
    await page.goto('/app/queues/unanswered');
    await page.getByTestId('language-switcher').first().selectOption(language.code);
    await checkScreen(page, language, 'queue-unanswered');
    await page.goto(`/app/cases/${caseId}`);
    await expect(page.getByTestId('case-reference')).toContainText(reference);
    await checkScreen(page, language, 'case');
    await page.goto('/app/escalations');
    await checkScreen(page, language, 'escalations');
    await page.goto(`/app/customers/${customerId}`);
    await checkScreen(page, language, 'customer');
    await page.goto('/app/dashboard');
    await expect(page.locator('[data-testid="dashboard-page"] canvas').first()).toBeVisible();
    await checkScreen(page, language, 'dashboard');
    await page.goto('/app/settings');
    await checkScreen(page, language, 'settings');
    await page.goto(`/portal/s/${portalToken}`);
    await checkScreen(page, language, 'portal-requests');
    await page.goto(`/portal/${staff().slug}`);
    await checkScreen(page, language, 'portal-new-request');
  }
  // The login screen, last: logging out ends the session.
  await page.goto('/app/queues/mine');
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
  for (const language of LANGUAGES) {
    await page.getByTestId('language-switcher').first().selectOption(language.code);
    await checkScreen(page, language, 'login');
  }
});
