// Finding work (issue 16): one search over references, subjects, every message, customers and orders,
// in four languages, with filters and sorts, on PGlite and PostgreSQL.
import { beforeAll, expect } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type { CaseListPage, CustomerListPage } from '../../src/contract/desk-find-types.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

describeOnEachStore('finding work', (kept, run) => {
  let a: TestWorkspace;
  let b: TestWorkspace;
  const made: Record<string, CaseDetailResponse> = {};

  const open = async (ws: TestWorkspace, key: string, payload: object) => {
    const response = await ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/cases', payload });
    expect(response.statusCode, response.body).toBe(201);
    made[key] = json<CaseDetailResponse>(response);
  };
  const find = async (ws: TestWorkspace, query: string) => {
    const response = await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/cases?view=all&${query}` });
    expect(response.statusCode).toBe(200);
    return json<CaseListPage>(response).cases.map((c) => c.reference);
  };
  const search = (ws: TestWorkspace, words: string) => find(ws, `q=${encodeURIComponent(words)}`);
  const ref = (key: string) => made[key]!.case.reference;

  beforeAll(async () => {
    if (!kept()) return;
    a = await createTestWorkspace(kept());
    b = await createTestWorkspace(kept());
    await open(a, 'en', {
      customer: { name: 'Denise Romero', email: 'denise.romero@example.com', phone: '+1 505 555 0142', language: 'en' },
      channel: 'email',
      subject: 'Laptop repair',
      body: 'My order 48213 arrived broken: both laptops were damaged in the box.',
    });
    await open(a, 'ar', {
      customer: { name: 'أحمد منصور', phone: '+971 4 555 0101', language: 'ar' },
      channel: 'phone',
      subject: 'الطلب',
      body: 'أرسلت الكتاب إلى المدرسة ولم يصل حتى الآن، أرجو المساعدة.',
    });
    await open(a, 'he', {
      customer: { name: 'יוסי כהן', phone: '+972 3 555 0102', language: 'he' },
      channel: 'letter',
      subject: 'חשבונית',
      body: 'שלום, החשבונית שקיבלתי שגויה ואני מבקש תיקון.',
    });
    await open(a, 'ru', {
      customer: { name: 'Ольга Иванова', email: 'olga@example.ru', language: 'ru' },
      channel: 'email',
      subject: 'Заказ',
      body: 'Мой заказ не пришёл, а ноутбуки в посылке сломаны.',
    });
    await open(b, 'other', {
      customer: { name: 'Other Shop Customer', email: 'other@example.com', language: 'en' },
      channel: 'email',
      subject: 'Order 48213 too',
      body: 'Order 48213 in another workspace.',
    });
  });

  run('needs a login (401), names the field of a bad query (400), and hides other workspaces (404)', async () => {
    expect((await a.request(null, { method: 'GET', url: '/api/v1/cases?q=laptop' })).statusCode).toBe(401);
    expect((await a.request(null, { method: 'GET', url: '/api/v1/customers?q=laptop' })).statusCode).toBe(401);
    for (const [query, field] of [
      ['status=pending', 'status'],
      ['channel=pigeon', 'channel'],
      ['priority=asap', 'priority'],
      ['flagged=yes', 'flagged'],
      ['sort=loudest', 'sort'],
      ['ownerId=nobody', 'ownerId'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ] as const) {
      const response = await a.request(a.agentEn, { method: 'GET', url: `/api/v1/cases?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(json(response).error.field, query).toMatch(new RegExp(`^${field}`));
    }
    for (const query of [`ownerId=${b.agentEn.id}`, `ownerId=${RANDOM_ID}`, `teamId=${RANDOM_ID}`]) {
      const response = await a.request(a.agentEn, { method: 'GET', url: `/api/v1/cases?${query}` });
      expect(response.statusCode, query).toBe(404);
    }
  });

  run('finds a case by reference, order number, customer name, e-mail, phone digits and stems', async () => {
    expect(await search(a, ref('en'))).toEqual([ref('en')]);
    expect(await search(a, ref('en').replace('-', '').toLowerCase())).toEqual([ref('en')]);
    expect(await search(a, '48213')).toEqual([ref('en')]);
    expect(await search(a, 'romero')).toEqual([ref('en')]);
    expect(await search(a, 'denise.romero@example.com')).toEqual([ref('en')]);
    expect(await search(a, '15055550142')).toEqual([ref('en')]);
    expect(await search(a, '505 555 0142')).toEqual([ref('en')]);
    expect(await search(a, 'damage laptop')).toEqual([ref('en')]);
    expect(await search(a, 'repairs')).toEqual([ref('en')]);
    expect(await search(a, 'parcel')).toEqual([]);
  });

  run('folds Arabic and Hebrew letters and stems Russian and Arabic', async () => {
    expect(await search(a, 'ارسلت')).toEqual([ref('ar')]);
    expect(await search(a, 'الكِتَابُ')).toEqual([ref('ar')]);
    expect(await search(a, 'مدرسة')).toEqual([ref('ar')]);
    expect(await search(a, 'שָׁלוֹם')).toEqual([ref('he')]);
    expect(await search(a, 'חֶשְׁבּוֹנִית')).toEqual([ref('he')]);
    expect(await search(a, 'ноутбук')).toEqual([ref('ru')]);
    expect(await search(a, 'пришел')).toEqual([ref('ru')]);
    expect(await search(a, 'ИВАНОВА')).toEqual([ref('ru')]);
  });

  run('never finds another workspace’s cases or customers', async () => {
    expect(await search(b, ref('en'))).toEqual([]);
    expect(await search(b, '48213')).toEqual([ref('other')]);
    const customers = json<CustomerListPage>(
      await b.request(b.agentEn, { method: 'GET', url: '/api/v1/customers?q=romero' }),
    );
    expect(customers.customers).toEqual([]);
  });

  run('filters by channel, owner, status and priority, and sorts', async () => {
    expect((await find(a, 'channel=phone,letter')).sort()).toEqual([ref('ar'), ref('he')].sort());
    expect(await find(a, 'channel=fax')).toEqual([]);
    expect(await find(a, 'status=resolved')).toEqual([]);
    expect(await find(a, 'priority=normal&q=48213')).toEqual([ref('en')]);
    expect(await find(a, 'flagged=true')).toEqual([]);
    expect(await find(a, 'escalated=false&channel=letter')).toEqual([ref('he')]);
    expect(await find(a, 'escalated=true')).toEqual([]);
    // Intake's acknowledgement promised a first answer: each case is on one side of "promise due".
    const due = await find(a, 'promiseDue=true');
    const notDue = await find(a, 'promiseDue=false');
    expect([...due, ...notDue].sort()).toEqual([ref('en'), ref('ar'), ref('he'), ref('ru')].sort());
    const owner = made['ru']!.case.owner!.id;
    expect(await find(a, `ownerId=${owner}&q=ноутбуки`)).toEqual([ref('ru')]);
    const oldest = await find(a, 'sort=oldest');
    expect(oldest.slice(0, 4)).toEqual([ref('en'), ref('ar'), ref('he'), ref('ru')]);
    const page = json<CaseListPage>(
      await a.request(a.agentEn, { method: 'GET', url: '/api/v1/cases?view=all&limit=2&sort=oldest' }),
    );
    expect(page.cases.map((c) => c.reference)).toEqual([ref('en'), ref('ar')]);
    expect(page.more).toBe(true);
    expect(page.cases[0]).toMatchObject({ priority: 'normal', tags: [] });
  });

  run('lists customers before anything is typed, and finds them by reference, order and message words', async () => {
    const all = json<CustomerListPage>(await a.request(a.agentEn, { method: 'GET', url: '/api/v1/customers' }));
    expect(all.customers.map((c) => c.name).sort()).toEqual(
      ['Denise Romero', 'Ольга Иванова', 'יוסי כהן', 'أحمد منصور'].sort(),
    );
    const names = async (q: string) =>
      json<CustomerListPage>(
        await a.request(a.agentEn, { method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}` }),
      ).customers.map((c) => c.name);
    expect(await names(ref('en'))).toEqual(['Denise Romero']);
    expect(await names('48213')).toEqual(['Denise Romero']);
    expect(await names('Deni')).toEqual(['Denise Romero']);
    expect(await names('احمد')).toEqual(['أحمد منصور']);
    expect(await names('ноутбуки')).toEqual(['Ольга Иванова']);
  });
});
