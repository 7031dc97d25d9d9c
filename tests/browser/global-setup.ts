import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_TEST_PORT } from './playwright.config.ts';

export const STAFF_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../test-results/browser-staff.json',
);
export const PASSWORD = 'browser-test-password';

export interface BrowserStaff {
  slug: string;
  admin: { email: string };
  agentAr: { email: string; id: string };
  agentEn: { email: string; id: string };
  supervisor: { email: string; id: string };
}

/** The first-run setup and a small team, through the same API the web app uses. */
export default async function globalSetup(): Promise<void> {
  const base = `http://127.0.0.1:${BROWSER_TEST_PORT}`;
  const setup = await fetch(`${base}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      workspaceName: 'Acme Support',
      adminName: 'Ada Admin',
      adminEmail: 'ada@acme.test',
      password: PASSWORD,
      language: 'en',
    }),
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const { workspace } = (await setup.json()) as { workspace: { slug: string } };
  const add = async (name: string, email: string, role: string, languages: string[]) => {
    const r = await fetch(`${base}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name, email, password: PASSWORD, role, languages }),
    });
    if (!r.ok) throw new Error(`adding ${email} failed: ${r.status} ${await r.text()}`);
    return { email, id: ((await r.json()) as { id: string }).id };
  };
  await fetch(`${base}/api/v1/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      supportPhone: '+1 555 0100',
      supportEmail: 'help@acme.test',
      supportHours: 'Mon–Fri 8:00–18:00',
    }),
  });
  const staff: BrowserStaff = {
    slug: workspace.slug,
    admin: { email: 'ada@acme.test' },
    agentAr: await add('Layla Haddad', 'layla@acme.test', 'agent', ['ar', 'en']),
    agentEn: await add('Tom Baker', 'tom@acme.test', 'agent', ['en']),
    supervisor: await add('Sam Supervisor', 'sam@acme.test', 'supervisor', ['en', 'he']),
  };
  fs.mkdirSync(path.dirname(STAFF_FILE), { recursive: true });
  fs.writeFileSync(STAFF_FILE, JSON.stringify(staff));
}
