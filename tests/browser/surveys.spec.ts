import { expect } from '@playwright/test';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type { SinkMessageView } from '../../src/contract/email-outbound-types.ts';
import { api, asStaff, chooseLanguage, logIn, shootWithoutHeader, staff, test } from './browser-kit.ts';

// Issue 15 in the browser: a resolved case's satisfaction survey goes out by e-mail in the
// customer's language; the customer answers from the e-mail's one-click link (no login) in
// Arabic, right to left, on a phone; the answer is on the case's timeline and in the reports.
const shot = (name: string) => `/tmp/kept-surveys-${name}.png`;

test.describe.serial('surveys: answered from the e-mail in Arabic, seen on the case and in the reports', () => {
  let caseId = '';
  let link = '';

  test('a resolved case sends its survey in Arabic with one-click links', async ({ page }) => {
    const admin = await asStaff(page, staff().admin.email);
    const settings = { enabled: true, delayBusinessMinutes: 0, askEffort: true, throttleDays: 30, npsIntervalDays: 0 };
    await api(admin, 'PUT', '/surveys/settings', settings);
    const customer = { name: 'رنا صالح', email: 'rana.survey@example.com', language: 'ar' };
    const created = await api<CaseDetailResponse>(admin, 'POST', '/cases', {
      customer,
      channel: 'email',
      subject: 'استرداد المبلغ',
      body: 'مرحبًا، لم يصلني استرداد المبلغ بعد.',
    });
    caseId = created.case.id;
    await api(admin, 'POST', `/cases/${caseId}/messages`, {
      direction: 'outbound',
      channel: 'email',
      body: 'تمت إعادة المبلغ اليوم.',
    });
    await api(admin, 'POST', `/cases/${caseId}/transitions`, { to: 'resolved' });
    let survey: SinkMessageView | undefined;
    await expect
      .poll(
        async () => {
          const sink = await api<{ messages: SinkMessageView[] }>(admin, 'GET', '/email/sink');
          survey = sink.messages.find(
            (m) => m.to.includes('rana.survey@example.com') && m.text.includes('/portal/survey/'),
          );
          return !!survey;
        },
        { timeout: 45_000, intervals: [1000] },
      )
      .toBe(true);
    expect(survey!.subject).toContain('كيف كانت خدمتنا؟');
    link = /https?:\/\/\S+\/portal\/survey\/\S+\?score=2/.exec(survey!.text)![0];
  });

  test('the customer answers from the link, in Arabic, on a phone, without logging in', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const url = new URL(link);
    await page.goto(`${url.pathname}${url.search}`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByTestId('survey-recorded')).toBeVisible();
    await expect(page.getByTestId('survey-score-2')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('survey-effort-3').click();
    await page.getByTestId('survey-comment').fill('استغرق الأمر ثلاثة أسابيع');
    await page.getByTestId('survey-submit').click();
    await expect(page.getByTestId('survey-saved')).toBeVisible();
    // Nothing wider than the phone: the page does not scroll sideways.
    const width = await page
      .locator('html')
      .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: shot('answer-ar-phone'), fullPage: true });
  });

  test('the answer is on the case’s timeline and in the reports', async ({ page }) => {
    await logIn(page, staff().admin.email);
    await page.goto(`/app/cases/${caseId}`);
    const answered = page.locator('[data-event-type="survey.answered"]');
    await expect(answered.first()).toContainText('2');
    await expect(answered.last()).toContainText('استغرق الأمر ثلاثة أسابيع');
    await page.goto('/app/surveys/report');
    await expect(page.getByTestId('survey-response-rate')).toContainText('100');
    await expect(page.getByTestId('survey-comments')).toContainText('استغرق الأمر ثلاثة أسابيع');
    await shootWithoutHeader(page.getByTestId('surveys-page'), shot('report-en'));
    await chooseLanguage(page, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByTestId('surveys-tab-report')).toHaveText('الرضا');
    await shootWithoutHeader(page.getByTestId('surveys-page'), shot('report-ar'));
    await page.getByTestId('surveys-tab-consistency').click();
    await expect(page.getByTestId('least-consistent')).toBeVisible();
    await expect(page.getByTestId('chart-survey-spread')).toBeVisible();
    await shootWithoutHeader(page.getByTestId('surveys-page'), shot('consistency-ar'));
    await page.getByTestId('surveys-tab-perception').click();
    await page.getByTestId('perception-save').click();
    await expect(page.getByTestId('perception-managers')).toContainText('100');
    await shootWithoutHeader(page.getByTestId('surveys-page'), shot('perception-ar'));
    await chooseLanguage(page, 'en');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('surveys-tab-report').click();
    await expect(page.getByTestId('survey-response-rate')).toBeVisible();
    await page.screenshot({ path: shot('report-en-phone'), fullPage: true });
  });
});
