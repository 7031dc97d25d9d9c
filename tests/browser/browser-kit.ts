import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { PASSWORD, STAFF_FILE, type BrowserStaff } from './global-setup.ts';

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
