// Customers written by people (issue 16): entered by hand, corrected, each change a fact on the
// customer's timeline, the address unique per workspace, and the search finding what was written; both stores.
import { beforeAll, expect } from 'vitest';
import type { CaseDetailResponse, CustomerDetailResponse, CustomerView } from '../../src/contract/api-types.ts';
import type { CustomerListPage } from '../../src/contract/desk-find-types.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

describeOnEachStore('customers by hand', (kept, run) => {
  let a: TestWorkspace;
  let b: TestWorkspace;

  const post = (ws: TestWorkspace, payload: unknown, as = ws.agentEn) =>
    ws.request(as, { method: 'POST', url: '/api/v1/customers', payload: payload as Record<string, unknown> });
  const patch = (ws: TestWorkspace, id: string, payload: unknown, as = ws.agentEn) =>
    ws.request(as, { method: 'PATCH', url: `/api/v1/customers/${id}`, payload: payload as Record<string, unknown> });
  const search = async (ws: TestWorkspace, q: string) =>
    json<CustomerListPage>(
      await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}` }),
    ).customers.map((c) => c.name);

  beforeAll(async () => {
    if (!kept()) return;
    a = await createTestWorkspace(kept());
    b = await createTestWorkspace(kept());
  });

  run('needs a login (401), a body it knows (400 naming the field), a customer of its workspace (404)', async () => {
    expect((await post(a, { name: 'X', email: 'x@example.com' }, null as never)).statusCode).toBe(401);
    expect(
      (await a.request(null, { method: 'PATCH', url: `/api/v1/customers/${RANDOM_ID}`, payload: {} })).statusCode,
    ).toBe(401);
    for (const [field, payload] of [
      ['name', { name: ' ', email: 'x@example.com' }],
      ['email', { name: 'X', email: 'not an address' }],
      ['email', { name: 'X' }],
      ['language', { name: 'X', email: 'x@example.com', language: 'english please' }],
      ['colour', { name: 'X', email: 'x@example.com', colour: 'red' }],
    ] as const) {
      const bad = await post(a, payload);
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(json(bad).error.field, JSON.stringify(payload)).toBe(field);
    }
    const own = json<CustomerView>(await post(b, { name: 'Only In B', email: 'only-b@example.com' }));
    expect((await patch(a, own.id, { name: 'Taken over' })).statusCode).toBe(404);
    expect((await patch(a, RANDOM_ID, { name: 'Nobody' })).statusCode).toBe(404);
    const malformed = await patch(a, 'not-an-id', { name: 'Nobody' });
    expect(malformed.statusCode).toBe(400);
    expect((await patch(a, own.id, { nickname: 'B' }, b.agentEn)).statusCode).toBe(400);
  });

  run('a customer entered by hand opens, is found, and takes a case', async () => {
    const created = await post(a, { name: '  Marguerite   Okafor ', email: 'M.Okafor@Example.com', language: 'EN' });
    expect(created.statusCode).toBe(201);
    const customer = json<CustomerView>(created);
    expect(customer).toMatchObject({ name: 'Marguerite Okafor', email: 'm.okafor@example.com', language: 'en' });
    expect(await search(a, 'okafor')).toEqual(['Marguerite Okafor']);
    expect(await search(b, 'okafor')).toEqual([]);
    const phoneOnly = json<CustomerView>(await post(a, { name: 'Yusuf Demir', phone: '+90 212 555 0199' }));
    expect(phoneOnly.email).toBeNull();
    expect(await search(a, '902125550199')).toEqual(['Yusuf Demir']);

    const detail = json<CustomerDetailResponse>(
      await a.request(a.agentEn, { method: 'GET', url: `/api/v1/customers/${customer.id}` }),
    );
    expect(detail.timeline.map((i) => i.eventType)).toEqual(['customer.created']);
    expect(detail.timeline[0]!.actor?.id).toBe(a.agentEn.id);

    const opened = await a.request(a.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { customerId: customer.id, channel: 'phone', subject: 'Blender', body: 'Called about a blender.' },
    });
    expect(opened.statusCode).toBe(201);
    expect(json<CaseDetailResponse>(opened).customer.id).toBe(customer.id);
  });

  run('409 customer.email_taken for an address another customer has, in any case', async () => {
    const first = json<CustomerView>(await post(a, { name: 'Ines Duarte', email: 'ines@example.com' }));
    const twin = await post(a, { name: 'Ines D.', email: 'INES@example.com' });
    expect(twin.statusCode).toBe(409);
    expect(json(twin).error).toMatchObject({ code: 'customer.email_taken', field: 'email' });
    // Another workspace may have a customer with the same address.
    expect((await post(b, { name: 'Ines Duarte', email: 'ines@example.com' })).statusCode).toBe(201);

    const other = json<CustomerView>(await post(a, { name: 'Paulo Duarte', email: 'paulo@example.com' }));
    const clash = await patch(a, other.id, { email: 'Ines@Example.com' });
    expect(clash.statusCode).toBe(409);
    expect(json(clash).error.code).toBe('customer.email_taken');
    // Saving a customer's own address again is no clash.
    expect((await patch(a, first.id, { email: 'ines@example.com', name: 'Inês Duarte' })).statusCode).toBe(200);
  });

  run('an edit changes the record, records each changed field, and the search follows it', async () => {
    const opened = await a.request(a.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        customer: { name: 'Lars Eriksen', email: 'lars@example.com', language: 'en' },
        channel: 'email',
        subject: 'Toaster',
        body: 'My toaster burns everything.',
      },
    });
    const id = json<CaseDetailResponse>(opened).customer.id;
    const edited = await patch(a, id, { name: 'Lars Eriksson', phone: ' +46 8 555 0123 ', language: 'ru' });
    expect(edited.statusCode).toBe(200);
    expect(json<CustomerView>(edited)).toMatchObject({
      name: 'Lars Eriksson',
      email: 'lars@example.com',
      phone: '+46 8 555 0123',
      language: 'ru',
    });
    expect(await search(a, 'eriksson')).toEqual(['Lars Eriksson']);
    expect(await search(a, 'eriksen')).toEqual([]);
    expect(await search(a, '4685550123')).toEqual(['Lars Eriksson']);

    // Nothing changed, nothing recorded; clearing the address leaves the phone to find them by.
    expect((await patch(a, id, { name: 'Lars Eriksson' })).statusCode).toBe(200);
    expect(json<CustomerView>(await patch(a, id, { email: null })).email).toBeNull();
    const none = await patch(a, id, { phone: null });
    expect(none.statusCode).toBe(400);
    expect(json(none).error.field).toBe('email');

    const detail = json<CustomerDetailResponse>(
      await a.request(a.agentEn, { method: 'GET', url: `/api/v1/customers/${id}` }),
    );
    const updates = detail.timeline.filter((i) => i.eventType === 'customer.updated');
    expect(updates.map((u) => u.data)).toEqual([
      {
        changes: {
          name: { from: 'Lars Eriksen', to: 'Lars Eriksson' },
          phone: { from: null, to: '+46 8 555 0123' },
          language: { from: 'en', to: 'ru' },
        },
      },
      { changes: { email: { from: 'lars@example.com', to: null } } },
    ]);
    expect(detail.timeline.some((i) => i.eventType === 'case.opened')).toBe(true);
  });
});
