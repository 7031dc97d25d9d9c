import fs from 'node:fs';
import { expect, test as base, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { PASSWORD, STAFF_FILE, type BrowserStaff } from './global-setup.ts';

/**
 * Playwright's test, with one more check on every page a test opens: the browser reported no
 * Content-Security-Policy violation (src/http/security-headers.ts) on any screen it visited,
 * the e-mail frames inside them included.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations reported in the console').toEqual([]);
  },
});

/** The team global-setup created for this run. */
export const staff = (): BrowserStaff => JSON.parse(fs.readFileSync(STAFF_FILE, 'utf8')) as BrowserStaff;

export async function logIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/app\//);
}

export async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.getByTestId('language-switcher').first().selectOption(language);
}

/**
 * An element's screenshot without the sticky app header over its top. The header is hidden
 * through its style property: Playwright's `style` option would add a <style> element, which
 * the app's Content-Security-Policy refuses (and the check above would report).
 */
export async function shootWithoutHeader(locator: Locator, file: string): Promise<void> {
  const header = locator.page().locator('.mantine-AppShell-header');
  const setVisibility = (visibility: string) =>
    header.evaluateAll((elements, value) => {
      type Styled = { style: { visibility: string } };
      for (const element of elements as unknown as Styled[]) element.style.visibility = value;
    }, visibility);
  await setVisibility('hidden');
  try {
    await locator.screenshot({ path: file });
  } finally {
    await setVisibility('');
  }
}

/** A staff member's API calls with the page's session: logged in through the screen first. */
export async function asStaff(page: Page, email: string): Promise<APIRequestContext> {
  await logIn(page, email);
  return page.request;
}

/** One call to /api/v1 that must succeed; its answer, typed by the caller. */
export async function api<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  data?: object,
): Promise<T> {
  const response = await request.fetch(`/api/v1${url}`, { method, ...(data ? { data } : {}) });
  expect(response.ok(), `${method} ${url}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}
