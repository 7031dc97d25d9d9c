import { expect, type Page } from '@playwright/test';
import { logIn, staff, test } from './browser-kit.ts';

// Issue 4 in the browser: the customer says by when they expect an answer (portal form and
// the signed one-question page), the agent sees the quote before saving, records a promise
// recognised in a reply with one click, renegotiates it (history old → new), and the
// promises screen shows the due-soon board and the reports — in English and in Arabic (RTL).
const shot = (name: string) => `/tmp/kept-promises-${name}.png`;

test.describe.serial('promises: quotes, recognition, renegotiation, reports, expectations', () => {
  let reference = '';
  let expectUrl = '';

  test('the customer says in the portal form by when they expect an answer', async ({ page }) => {
    await page.goto(`/portal/${staff().slug}`);
    await page.getByTestId('portal-name').fill('Jane Roe');
    await page.getByTestId('portal-email').fill('jane.promises@example.com');
    await page.getByTestId('portal-subject').fill('Broken router');
    await page.getByTestId('portal-message').fill('My router stopped working yesterday. Please call me back.');
    await page.getByTestId('portal-expectation').selectOption('today');
    await page.getByTestId('portal-submit').click();
    await expect(page.getByTestId('portal-ack')).toBeVisible();
    reference = ((await page.getByTestId('portal-reference').textContent()) ?? '').match(/K-\d+/)?.[0] ?? '';
    const ack = (await page.getByTestId('portal-ack-text').textContent()) ?? '';
    expectUrl = /https?:\/\/\S+\/portal\/expect\/\S+/.exec(ack)?.[0] ?? '';
    expect(expectUrl).toContain('/portal/expect/');
  });

  test('the one-question page from the acknowledgement shows the noted expectation, in Arabic', async ({ page }) => {
    await page.goto(new URL(expectUrl).pathname);
    await page.getByTestId('language-switcher').first().selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    // Already answered in the portal form ("today"): the page says what was noted.
    await expect(page.getByTestId('expectation-thanks')).toBeVisible();
    await page.screenshot({ path: shot('expect-page-ar'), fullPage: true });
  });

  test('the agent sees the quote, records a recognised promise in one click, and renegotiates it', async ({ page }) => {
    await logIn(page, staff().agentEn.email);
    await page.goto(`/app/cases?q=${reference}`);
    await page.goto('/app/queues/unanswered');
    await page.getByTestId('queue-row').filter({ hasText: reference }).getByTestId('queue-case-link').click();
    await expect(page.getByTestId('case-reference')).toContainText(reference);

    await page.getByTestId('composer-mode-reply').click();
    await page
      .getByTestId('composer-body')
      .fill('Thanks Jane. I will call you back tomorrow at 3 pm with the engineer’s answer.');
    const record = page.getByTestId('commitment-record');
    await expect(record).toBeVisible();
    await expect(record).toContainText('Call back');
    await page.screenshot({ path: shot('composer-suggestion-en'), fullPage: true });
    await record.click();
    await expect(page.getByTestId('promise-item').filter({ hasText: 'call you back tomorrow' })).toHaveCount(1);
    await page.getByTestId('composer-send').click();

    // The promise form shows the numbers (or that there is no history yet) before saving.
    const form = page.getByTestId('promise-form');
    if (await form.isHidden()) await page.getByTestId('promise-section').click();
    await expect(page.getByTestId('quote-none').or(page.getByTestId('quote-hint'))).toBeVisible();

    const item = page.getByTestId('promise-item').filter({ hasText: 'call you back tomorrow' });
    await item.getByTestId('promise-renegotiate').click();
    await page
      .getByTestId('renegotiate-message')
      .fill('The engineer needs another day: I will call you on the day after tomorrow instead.');
    await page.getByTestId('renegotiate-submit').click();
    await expect(page.getByTestId('promise-history').first()).toBeVisible();
    await page.screenshot({ path: shot('case-promises-en'), fullPage: true });
  });

  test('the promises screen: due-soon board and reports, in English and Arabic', async ({ page }) => {
    await logIn(page, staff().supervisor.email);
    await page.getByTestId('nav-promises').click();
    await expect(page.getByTestId('promises-page')).toBeVisible();
    await expect(page.getByTestId('due-soon-item').filter({ hasText: reference })).toHaveCount(1);
    await expect(page.getByTestId('promise-rates')).toBeVisible();
    await expect(page.getByTestId('simulation')).toBeVisible();
    await page.screenshot({ path: shot('promises-page-en'), fullPage: true });
    await page.getByTestId('language-switcher').first().selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByTestId('promises-page')).toContainText('مستحقة قريبًا');
    await page.screenshot({ path: shot('promises-page-ar'), fullPage: true });
  });
});
