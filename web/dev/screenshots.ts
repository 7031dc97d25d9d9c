// Screenshots of every screen in English and Arabic: `npx tsx web/dev/screenshots.ts [baseUrl] [outDir]`.
// Against the mock (web/dev/mock-api.ts) or a real server after login (set KEPT_EMAIL/KEPT_PASSWORD).
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3200';
const out = process.argv[3] ?? '/tmp/kept-shots';
const only = process.env.ONLY?.split(',');
mkdirSync(out, { recursive: true });

const screens: Array<[string, string]> = (process.env.SCREENS ?? '')
  .split(';')
  .filter(Boolean)
  .map((s) => s.split('=') as [string, string]);
const defaults: Array<[string, string]> = [
  ['login', '/login'],
  ['queue-unanswered', '/app/queues/unanswered'],
  ['queue-mine', '/app/queues/mine'],
  ['queue-flagged', '/app/queues/flagged'],
  ['case', '/app/cases/c1'],
  ['escalations', '/app/escalations'],
  ['customer', '/app/customers/k1'],
  ['customer-search', '/app/customers?q=a'],
  ['dashboard', '/app/dashboard'],
  ['settings', '/app/settings'],
  ['portal', '/portal/acme'],
  ['portal-session', '/portal/s/tok123'],
];

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
for (const lang of ['en', 'ar']) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: lang });
  await context.addInitScript((l) => localStorage.setItem('kept.language', l), lang);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`[${lang}] pageerror`, e.message));
  page.on('console', (m) => m.type() === 'error' && console.log(`[${lang}] console`, m.text()));
  if (process.env.KEPT_EMAIL) {
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill(process.env.KEPT_EMAIL);
    await page.getByTestId('login-password').fill(process.env.KEPT_PASSWORD ?? '');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/app\//);
  }
  for (const [name, path] of screens.length ? screens : defaults) {
    if (only && !only.includes(name)) continue;
    await page.goto(`${base}${path}`);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/${name}-${lang}.png`, fullPage: true });
    console.log(`${out}/${name}-${lang}.png`);
  }
  await context.close();
}
await browser.close();
