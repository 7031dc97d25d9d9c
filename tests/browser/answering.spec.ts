import { expect, type Page } from '@playwright/test';
import { chooseLanguage, logIn, staff, test } from './browser-kit.ts';

// Issue 16, "Answering": the reply box stays in view on a long case (desktop and phone), the
// timeline reads newest first without system events, kept promises fold away, and the
// keyboard works the desk (help on `?`, r/n, j/k through the queue).
const shot = (name: string) => `/tmp/kept-answering-${name}.png`;

/** A case with a long history: 40 logged calls of a few lines each, through the API the web app uses. */
async function longCase(page: Page, subject: string): Promise<{ id: string; reference: string }> {
  const opened = await page.request.post('/api/v1/cases', {
    data: {
      customer: { name: 'Nora Quint', email: `nora-${Date.now()}@example.com` },
      channel: 'phone',
      subject,
      body: 'Called about a router that drops the connection every evening.',
    },
  });
  expect(opened.status()).toBe(201);
  const detail = (await opened.json()) as { case: { id: string; reference: string } };
  for (let i = 1; i <= 40; i += 1) {
    const added = await page.request.post(`/api/v1/cases/${detail.case.id}/messages`, {
      headers: { prefer: 'return=minimal' },
      data: {
        direction: i % 2 ? 'inbound' : 'outbound',
        channel: 'phone',
        body: `Call ${i}: the router dropped again at 21:${String(i).padStart(2, '0')}.\nSecond line.\nThird line.`,
      },
    });
    expect(added.status()).toBe(201);
  }
  return detail.case;
}

/** The whole composer is inside the viewport (polled: a resize or a scroll settles first). */
async function composerInView(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  await expect
    .poll(async () => {
      const box = await page.getByTestId('composer').boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= viewport.height + 1;
    })
    .toBe(true);
}

test.describe.serial('answering from the case page', () => {
  let caseId = '';
  let reference = '';

  test('the composer stays in view at the top of a long case, on a desktop and on a phone', async ({ page }) => {
    await logIn(page, staff().agentEn.email);
    ({ id: caseId, reference } = await longCase(page, 'Router drops every evening'));
    await page.goto(`/app/cases/${caseId}`);
    await expect(page.getByTestId('case-reference')).toContainText(reference);
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    expect(height).toBeGreaterThan(3 * page.viewportSize()!.height);
    await composerInView(page);
    await page.screenshot({ path: shot('case-desktop-en') });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate('window.scrollTo(0, 0)');
    await composerInView(page);
    await page.getByTestId('composer-body').fill('We replace the router today.');
    await page.screenshot({ path: shot('case-phone-en') });
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight / 2)');
    await composerInView(page);
  });

  test('newest first and no system events, remembered for this person on the server', async ({ page, browser }) => {
    await logIn(page, staff().agentEn.email);
    await page.goto(`/app/cases/${caseId}`);
    const first = page.locator('[data-testid="timeline-item"][data-kind^="message"]').first();
    await expect(first).toContainText('Called about a router');
    await page.getByTestId('timeline-newest-first').click();
    await expect(first).toContainText('Call 40:');
    await page.getByTestId('timeline-hide-system').click();
    await expect(page.getByTestId('timeline-hidden-count')).toBeVisible();
    await expect(page.locator('[data-testid="timeline-item"][data-kind="event"]')).toHaveCount(0);
    await page.reload();
    await expect(first).toContainText('Call 40:');
    await expect(page.locator('[data-testid="timeline-item"][data-kind="event"]')).toHaveCount(0);
    // Kept on the server (issue 16): another browser, with nothing stored, reads the same choice.
    const elsewhere = await browser.newPage();
    await logIn(elsewhere, staff().agentEn.email);
    await elsewhere.goto(`/app/cases/${caseId}`);
    await expect(elsewhere.locator('[data-testid="timeline-item"][data-kind^="message"]').first()).toContainText(
      'Call 40:',
    );
    await expect(elsewhere.getByTestId('timeline-hide-system')).toBeChecked();
    await elsewhere.close();
    // Back to the defaults: later tests read this person's timeline oldest first.
    const reset = await page.request.put('/api/v1/me/preferences', {
      data: { timeline: { newestFirst: false, hideSystem: false, foldKeptPromises: true } },
    });
    expect(reset.ok()).toBe(true);
  });

  test('send and resolve; an internal note is marked apart; kept promises fold away', async ({ page }) => {
    await logIn(page, staff().agentEn.email);
    // A short case: the long one above is flagged and escalated, and waits for a supervisor.
    const opened = await page.request.post('/api/v1/cases', {
      data: { customer: { name: 'Ivo Berg', phone: '+1 555 0199' }, channel: 'phone', body: 'Router is dead.' },
    });
    const short = ((await opened.json()) as { case: { id: string } }).case.id;
    await page.goto(`/app/cases/${short}`);
    await expect(page.getByTestId('composer-send-resolve')).toBeVisible();
    await page.keyboard.press('n');
    await expect(page.getByTestId('composer')).toHaveAttribute('data-mode', 'note');
    await expect(page.getByTestId('composer-body')).toBeFocused();
    await expect(page.getByTestId('composer-note-apart')).toBeVisible();
    await page.getByTestId('composer-body').fill('Engineer visit booked, do not promise a date.');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('[data-kind="message-note"]')).toContainText('Engineer visit booked');

    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('r');
    await expect(page.getByTestId('composer')).toHaveAttribute('data-mode', 'reply');
    await page.getByTestId('composer-body').fill('The new router is on its way; this case is done.');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('composer-attach').click();
    await (
      await chooser
    ).setFiles({ name: 'label.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
    await expect(page.getByTestId('composer-file')).toContainText('label.pdf');
    await page.getByTestId('composer-send-resolve').click();
    await expect(page.getByTestId('case-header').getByTestId('status-badge')).toHaveAttribute(
      'data-status',
      'resolved',
    );
    await expect(page.locator('[data-kind="message-outbound"]').getByTestId('email-attachment-name')).toContainText(
      'label.pdf',
    );

    // The first-answer promise was kept by the answers: folded under one line.
    const promises = page.getByTestId('promises');
    await expect(promises.locator('[data-testid="promise-item"][data-status="kept"]').first()).toBeHidden();
    await promises.getByTestId('promises-kept-toggle').click();
    await expect(promises.locator('[data-testid="promise-item"][data-status="kept"]').first()).toBeVisible();
    // The fold is this person's preference, kept on the server: unfolded after a reload, then folded again.
    await page.reload();
    await expect(promises.locator('[data-testid="promise-item"][data-status="kept"]').first()).toBeVisible();
    await promises.getByTestId('promises-kept-toggle').click();
    await expect(promises.locator('[data-testid="promise-item"][data-status="kept"]').first()).toBeHidden();
  });

  test('? lists the shortcuts, in Arabic too; j and k walk the queue', async ({ page }) => {
    await logIn(page, staff().agentEn.email);
    const second = await longCase(page, 'Second case for the walk');
    await page.goto('/app/queues/open');
    const rows = page.getByTestId('queue-row');
    await expect(rows.first()).toBeVisible();
    const ids = await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-case-id') ?? ''));
    expect(ids).toContain(second.id);
    expect(ids.length).toBeGreaterThan(1);
    await page.getByTestId('queue-row').first().getByTestId('queue-case-link').click();
    await expect(page).toHaveURL(new RegExp(`/app/cases/${ids[0]}`));
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`/app/cases/${ids[1]}`));
    await page.keyboard.press('k');
    await expect(page).toHaveURL(new RegExp(`/app/cases/${ids[0]}`));

    await page.keyboard.press('Shift+Slash');
    await expect(page.getByTestId('shortcut-help')).toBeVisible();
    await expect(page.getByTestId('shortcut-help')).toContainText('Next case in the queue');
    await page.keyboard.press('Escape');
    await chooseLanguage(page, 'ar');
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByTestId('shortcut-help')).toContainText('الحالة التالية في القائمة');
    await page.screenshot({ path: shot('shortcuts-ar') });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: shot('case-desktop-ar') });
  });

  test('a canned reply written in Settings is inserted with the customer’s name, reference and quoted time', async ({
    page,
  }) => {
    await logIn(page, staff().agentEn.email);
    await page.getByTestId('nav-settings').click();
    await expect(page).toHaveURL(/\/app\/settings\/replies/);
    await page.getByTestId('canned-reply-new').click();
    await page.getByTestId('canned-reply-title').fill('Answer by');
    await page.getByTestId('canned-reply-language').selectOption('en');
    await page.getByTestId('canned-reply-body').fill('Dear ');
    await page.getByTestId('canned-reply-insert-customer_name').click();
    await page.getByTestId('canned-reply-body').press('End');
    await page.getByTestId('canned-reply-body').pressSequentially(', about {{case_reference}}: by {{quoted_time}}.');
    await page.getByTestId('canned-reply-save').click();
    await expect(page.getByTestId('canned-reply-row')).toContainText('Answer by');
    await page.screenshot({ path: shot('settings-replies-en') });

    const opened = await page.request.post('/api/v1/cases', {
      data: { customer: { name: 'Zed Quill', email: `zed-${Date.now()}@example.com` }, channel: 'web', body: 'Hi?' },
    });
    const { case: c } = (await opened.json()) as { case: { id: string; reference: string } };
    await page.goto(`/app/cases/${c.id}`);
    await page.getByTestId('canned-reply-picker').click();
    await page.getByTestId('canned-reply-option').filter({ hasText: 'Answer by' }).click();
    const body = page.getByTestId('composer-body');
    await expect(body).toHaveValue(new RegExp(`^Dear Zed Quill, about ${c.reference}: by .+\\.$`));
    await expect(body).not.toHaveValue(/\{\{/);

    await chooseLanguage(page, 'ar');
    await page.goto('/app/settings/replies');
    await expect(page.getByTestId('canned-reply-row')).toHaveCount(1);
    await page.screenshot({ path: shot('settings-replies-ar') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId('canned-reply-row')).toBeVisible();
    await page.screenshot({ path: shot('settings-replies-phone-ar') });
    // The composer on a phone, in Arabic, with the reply picker open.
    await page.goto(`/app/cases/${c.id}`);
    await page.getByTestId('canned-reply-picker').click();
    await expect(page.getByTestId('canned-reply-option')).toHaveCount(1);
    await page.screenshot({ path: shot('case-phone-ar') });
  });
});
