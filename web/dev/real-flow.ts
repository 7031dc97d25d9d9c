// Drives the screens against a real Kept server from a fresh data directory and screenshots
// them: `npx tsx web/dev/real-flow.ts http://127.0.0.1:3100 /tmp/kept-shots/real`.
// Prints every API response with a 4xx/5xx status so mismatches with the contract show up.
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3100';
const out = process.argv[3] ?? '/tmp/kept-shots/real';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

function watch(page: Page, who: string) {
  page.on('pageerror', (e) => console.log(`[${who}] pageerror ${e.message}`));
  page.on('response', async (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) {
      console.log(
        `[${who}] ${r.request().method()} ${r.url().replace(base, '')} → ${r.status()} ${(await r.text().catch(() => '')).slice(0, 300)}`,
      );
    }
  });
}
async function shot(page: Page, name: string) {
  await page.waitForTimeout(900);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`shot ${name}`);
}
async function setLang(page: Page, lang: string) {
  await page.getByTestId('language-switcher').first().selectOption(lang);
  await page.waitForTimeout(300);
}

const admin = await (await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' })).newPage();
watch(admin, 'admin');
await admin.goto(`${base}/app/queues/unanswered`);
await admin.waitForURL(/\/setup|\/login/);
await shot(admin, 'setup-en');
if (admin.url().includes('/setup')) {
  await admin.getByTestId('setup-workspace').fill('Acme Telecom');
  await admin.getByTestId('setup-name').fill('Dana Admin');
  await admin.getByTestId('setup-email').fill('dana@acme.test');
  await admin.getByTestId('setup-password').fill('correct-horse-battery');
  await admin.getByTestId('setup-submit').click();
} else {
  await admin.getByTestId('login-email').fill('dana@acme.test');
  await admin.getByTestId('login-password').fill('correct-horse-battery');
  await admin.getByTestId('login-submit').click();
}
await admin.waitForURL(/\/app\/queues/);
await shot(admin, 'queue-empty-en');

const me = await admin.evaluate(async () => (await fetch('/api/v1/me')).json());
const slug: string = me.workspace.slug;
console.log('slug', slug);
for (const u of [
  { name: 'سارة الحربي', email: 'sara@acme.test', role: 'agent', languages: ['ar', 'en'], capacity: 20 },
  { name: 'Игорь Петров', email: 'igor@acme.test', role: 'supervisor', languages: ['ru', 'en'], capacity: 10 },
]) {
  const r = await admin.evaluate(async (body) => {
    const res = await fetch('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, password: 'correct-horse-battery' }),
    });
    return `${res.status} ${(await res.text()).slice(0, 200)}`;
  }, u);
  console.log('add user', u.email, r);
}

// The customer, in Arabic, through the portal.
const customerCtx = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'ar' });
const customer = await customerCtx.newPage();
watch(customer, 'customer');
await customer.goto(`${base}/portal/${slug}`);
await shot(customer, 'portal-ar');
await customer.getByTestId('portal-name').fill('أحمد <script>alert(1)</script> الخطيب');
await customer.getByTestId('portal-email').fill('ahmad@example.com');
await customer.getByTestId('portal-subject').fill('لم يتصل بي أحد');
await customer
  .getByTestId('portal-message')
  .fill('السلام عليكم، وعدني موظفان بالاتصال بي فورًا ولم يتصل أحد. <img src=x onerror=alert(1)>');
await customer.getByTestId('portal-submit').click();
await customer
  .getByTestId('portal-ack')
  .waitFor({ timeout: 15000 })
  .catch(() => console.log('no ack'));
await shot(customer, 'portal-ack-ar');
await customer
  .getByTestId('portal-session-link')
  .click()
  .catch(() => console.log('no session link'));
await customer.waitForTimeout(1000);
await shot(customer, 'portal-session-ar');
await customer
  .getByTestId('supervisor-button')
  .first()
  .click()
  .catch(() => console.log('no supervisor button'));
await customer
  .getByTestId('supervisor-requested')
  .first()
  .waitFor({ timeout: 10000 })
  .catch(() => console.log('no supervisor state'));
await shot(customer, 'portal-session-supervisor-ar');
await setLang(customer, 'en');
await shot(customer, 'portal-session-en');

// A second customer in English through the portal.
const c2 = await (await browser.newContext({ locale: 'en-US' })).newPage();
watch(c2, 'c2');
await c2.goto(`${base}/portal/${slug}`);
await c2.getByTestId('portal-name').fill('John Smith');
await c2.getByTestId('portal-email').fill('john@example.com');
await c2.getByTestId('portal-message').fill('My refund never arrived. Two people promised to call me right back.');
await c2.getByTestId('portal-submit').click();
await c2
  .getByTestId('portal-ack')
  .waitFor({ timeout: 15000 })
  .catch(() => console.log('no ack 2'));
await shot(c2, 'portal-ack-en');

// Staff work the case.
await admin.goto(`${base}/app/queues/unanswered`);
await admin
  .getByTestId('queue-row')
  .first()
  .waitFor({ timeout: 10000 })
  .catch(() => console.log('no queue rows'));
await shot(admin, 'queue-unanswered-en');
await setLang(admin, 'ar');
await shot(admin, 'queue-unanswered-ar');
await setLang(admin, 'en');
for (const v of ['mine', 'unassigned', 'escalated', 'flagged', 'open']) {
  await admin.getByTestId(`queue-tab-${v}`).click();
  await shot(admin, `queue-${v}-en`);
}
await admin.getByTestId('queue-tab-unanswered').click();
await admin
  .getByTestId('queue-row')
  .last()
  .click()
  .catch(() => console.log('no row to click'));
await admin.waitForURL(/\/app\/cases\//).catch(() => console.log('no case page'));
await shot(admin, 'case-initial-en');
await admin.getByTestId('composer-body').fill('مرحبًا أحمد، نعتذر عن التأخير. سأتصل بك اليوم قبل الساعة الثالثة.');
await admin.getByTestId('composer-send').click();
await admin.waitForTimeout(1200);
await admin.getByTestId('composer-mode-note').click();
await admin.getByTestId('composer-body').fill('Customer is upset: two broken callbacks before. <b>careful</b>');
await admin.getByTestId('composer-send').click();
await admin.waitForTimeout(1200);
await admin.getByTestId('composer-mode-log').click();
await admin.getByTestId('composer-log-channel').selectOption('voicemail');
await admin.getByTestId('composer-body').fill('Voicemail from the customer: please call back.');
await admin.getByTestId('composer-send').click();
await admin.waitForTimeout(1200);
await admin.getByTestId('promise-section').click();
await admin.getByTestId('promise-description').fill('Call back before 15:00 tomorrow');
await admin.getByTestId('promise-submit').click();
await admin.waitForTimeout(1200);
await admin.getByTestId('handoff-button').click();
const options = await admin.getByTestId('handoff-to').locator('option').allTextContents();
console.log('handoff options', options);
await admin
  .getByTestId('handoff-to')
  .selectOption({ index: 1 })
  .catch(() => console.log('no handoff candidate'));
await admin.getByTestId('handoff-reason').fill('Needs an Arabic speaker');
await admin.getByTestId('handoff-submit').click();
await admin.waitForTimeout(1500);
await admin.keyboard.press('Escape');
await shot(admin, 'case-worked-en');
await setLang(admin, 'ar');
await shot(admin, 'case-worked-ar');
await setLang(admin, 'en');

await admin.goto(`${base}/app/escalations`);
await shot(admin, 'escalations-en');
const answer = admin.getByTestId('escalation-answer').first();
if (await answer.count()) {
  console.log('close disabled before answer:', await admin.getByTestId('escalation-close').first().isDisabled());
  await answer.fill('أنا المشرفة، سأتابع طلبك بنفسي اليوم.');
  await admin.getByTestId('escalation-answer-send').first().click();
  await admin.waitForTimeout(1500);
  await shot(admin, 'escalations-answered-en');
  await admin
    .getByTestId('escalation-close')
    .first()
    .click()
    .catch(() => console.log('no close'));
  await admin.waitForTimeout(1500);
}
await shot(admin, 'escalations-closed-en');
await setLang(admin, 'ar');
await shot(admin, 'escalations-ar');
await setLang(admin, 'en');

await admin.goto(`${base}/app/customers?q=ahmad`);
await shot(admin, 'customer-search-en');
await admin
  .locator('[data-testid=customer-row] a')
  .first()
  .click()
  .catch(() => console.log('no customer row'));
await admin.waitForTimeout(1000);
await shot(admin, 'customer-en');
await setLang(admin, 'ar');
await shot(admin, 'customer-ar');
await setLang(admin, 'en');
await admin.goto(`${base}/app/dashboard`);
await shot(admin, 'dashboard-en');
await setLang(admin, 'ar');
await shot(admin, 'dashboard-ar');
await setLang(admin, 'en');
await admin.goto(`${base}/app/settings`);
await shot(admin, 'settings-en');
await admin.getByTestId('token-name').fill('crm');
await admin.getByTestId('token-create').click();
await admin.waitForTimeout(800);
await admin.getByTestId('settings-save').click();
await admin.waitForTimeout(800);
await shot(admin, 'settings-token-en');
await customer.reload();
await shot(customer, 'portal-session-after-en');
await admin.getByTestId('logout').click();
await admin.waitForURL(/\/login/);
await setLang(admin, 'ar');
await shot(admin, 'login-ar');
await browser.close();
