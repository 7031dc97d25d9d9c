import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

// One request travels the whole desk: an Arabic customer writes in the portal and asks for
// a supervisor, the agent answers from the unanswered queue and hands off, and the
// supervisor answers the escalation before closing it.
test.describe.serial('a request from arrival to a closed escalation', () => {
  let portalSessionUrl = '';
  let reference = '';

  test('a customer writes in Arabic through the portal, right to left, and asks for a supervisor', async ({ page }) => {
    await page.goto(`/portal/${staff().slug}`);
    await chooseLanguage(page, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    // The portal always says how to reach a human.
    await expect(page.getByText('+1 555 0100')).toBeVisible();

    await page.getByTestId('portal-name').fill('أحمد منصور');
    await page.getByTestId('portal-email').fill('ahmed@example.com');
    await page.getByTestId('portal-subject').fill('استرداد المبلغ');
    await page.getByTestId('portal-message').fill('طلبت استرداد المبلغ قبل أسبوعين ولم يتصل بي أحد حتى الآن.');
    await page.getByTestId('portal-submit').click();
    await expect(page.getByTestId('portal-ack')).toBeVisible();
    reference = ((await page.getByTestId('portal-reference').textContent()) ?? '').match(/K-\d+/)?.[0] ?? '';
    expect(reference).toMatch(/^K-\d+$/);
    await expect(page.getByTestId('portal-ack-text')).toContainText(reference);
    await page.screenshot({ path: path.join(SHOTS, 'portal-acknowledgement-ar.png'), fullPage: true });

    await page.getByTestId('portal-session-link').click();
    portalSessionUrl = page.url();
    await expect(page.getByTestId('portal-case')).toHaveCount(1);
    await page.getByTestId('supervisor-button').click();
    await expect(page.getByTestId('supervisor-requested')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByText('+1 555 0100')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'portal-supervisor-requested-ar.png'), fullPage: true });
  });

  test('the agent picks it from the unanswered queue, replies, and hands it off with a reason', async ({ page }) => {
    await logIn(page, staff().agentAr.email);
    await page.goto('/app/queues/unanswered');
    const row = page.getByTestId('queue-row').filter({ hasText: reference });
    await expect(row).toHaveCount(1);
    await row.getByTestId('queue-case-link').click();
    await expect(page.getByTestId('case-reference')).toContainText(reference);
    await expect(page.getByTestId('case-owner')).toContainText('Layla Haddad');
    await expect(page.getByTestId('timeline')).toContainText('طلبت استرداد المبلغ');

    await page.getByTestId('composer-mode-reply').click();
    await page.getByTestId('composer-body').fill('مرحبًا أحمد، لقد راجعت طلبك وسأعالج الاسترداد اليوم.');
    await page.getByTestId('composer-send').click();
    await expect(page.getByTestId('timeline')).toContainText('سأعالج الاسترداد اليوم');

    await page.getByTestId('handoff-button').click();
    await page.getByTestId('handoff-to').selectOption({ label: await optionLabel(page, 'Tom Baker') });
    await page.getByTestId('handoff-reason').fill('Refunds over 100 need the billing team');
    await page.getByTestId('handoff-submit').click();
    await expect(page.getByTestId('case-owner')).toContainText('Tom Baker');
    await expect(page.getByTestId('timeline')).toContainText('Refunds over 100 need the billing team');
    await page.screenshot({ path: path.join(SHOTS, 'case-after-handoff-en.png'), fullPage: true });

    await page.goto('/app/queues/unanswered');
    await expect(page.getByTestId('queue-row').filter({ hasText: reference })).toHaveCount(0);
  });

  test('the supervisor answers the escalation, and only then can close it', async ({ page }) => {
    await logIn(page, staff().supervisor.email);
    await page.goto('/app/escalations');
    const item = page.getByTestId('escalation-item').filter({ hasText: reference });
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId('escalation-close')).toBeDisabled();
    await item.getByTestId('escalation-answer').fill('أنا المشرف. تمت الموافقة على الاسترداد وسيصلك خلال يومين.');
    await item.getByTestId('escalation-answer-send').click();
    await expect(item.getByTestId('escalation-close')).toBeEnabled();
    await item.getByTestId('escalation-close').click();
    await expect(page.getByTestId('escalation-item').filter({ hasText: reference })).toHaveCount(0);

    // The customer sees the supervisor's answer in the portal.
    await page.goto(portalSessionUrl);
    await expect(page.getByTestId('portal-thread-message').last()).toContainText('أنا المشرف');
  });
});

async function optionLabel(page: Page, name: string): Promise<string> {
  const labels = await page.getByTestId('handoff-to').locator('option').allTextContents();
  const label = labels.find((l) => l.includes(name));
  if (!label) throw new Error(`no hand-off option for ${name} in ${labels.join(' | ')}`);
  return label;
}

test('script tags and event handlers in names and messages render as inert text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`/portal/${staff().slug}`);
  await chooseLanguage(page, 'en');
  const name = '<script>alert("name")</script>Mallory';
  const body = '<img src=x onerror="alert(1)"><b>bold?</b><script>alert(2)</script> my parcel is lost';
  await page.getByTestId('portal-name').fill(name);
  await page.getByTestId('portal-email').fill('mallory@example.com');
  await page.getByTestId('portal-message').fill(body);
  await page.getByTestId('portal-submit').click();
  const ref = ((await page.getByTestId('portal-reference').textContent()) ?? '').match(/K-\d+/)?.[0] ?? '';

  await logIn(page, staff().admin.email);
  await page.goto(`/app/queues/open`);
  await page.getByTestId('queue-row').filter({ hasText: ref }).getByTestId('queue-case-link').click();
  await expect(page.getByTestId('timeline')).toContainText('<img src=x onerror="alert(1)">');
  await expect(page.getByTestId('case-customer')).toContainText('<script>alert("name")</script>Mallory');
  expect(await page.locator('[data-testid="timeline"] img, [data-testid="timeline"] b').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
