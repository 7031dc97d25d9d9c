import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

// Every kind of bad input gets a clear 4xx that says what and where — never a 500.
describe.each<StoreKind>(['pglite', 'postgres'])('bad input on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    ws = await createTestWorkspace(kept);
  });

  const post = (url: string, payload: string | Buffer, contentType = 'application/json') =>
    ws.request(ws.agentEn, { method: 'POST', url, payload, headers: { 'content-type': contentType } });

  run('malformed JSON is a 400 saying so', async () => {
    const r = await post('/api/v1/cases', '{"channel": "web", "body": ');
    expect(r.statusCode).toBe(400);
    expect(json(r).error.code).toBe('request.malformed_json');
    expect(json(r).error.message).toMatch(/not valid JSON/);
  });

  run('an empty JSON body is a 400', async () => {
    const r = await post('/api/v1/cases', '');
    expect(r.statusCode).toBe(400);
  });

  run('unknown fields are refused by name', async () => {
    const r = await post('/api/v1/cases', JSON.stringify({ customer: { name: 'A', email: 'a@example.com' }, channel: 'web', body: 'hi', isVip: true }));
    expect(r.statusCode).toBe(400);
    expect(json(r).error).toMatchObject({ code: 'request.invalid', field: 'isVip' });
    expect(json(r).error.message).toMatch(/Unknown field "isVip"/);
  });

  run('a nested invalid field is named with its path', async () => {
    const r = await post('/api/v1/cases', JSON.stringify({ customer: { name: 'A', email: 'not-an-email' }, channel: 'web', body: 'hi' }));
    expect(r.statusCode).toBe(400);
    expect(json(r).error.field).toBe('customer.email');
  });

  run('an oversized body is a 413', async () => {
    const r = await post('/api/v1/cases', JSON.stringify({ customer: { name: 'A', email: 'a@example.com' }, channel: 'web', body: 'x'.repeat(1_100_000) }));
    expect(r.statusCode).toBe(413);
    expect(json(r).error.code).toBe('request.too_large');
  });

  run('a message over the length limit is a 400 naming the field', async () => {
    const r = await post('/api/v1/cases', JSON.stringify({ customer: { name: 'A', email: 'a@example.com' }, channel: 'web', body: 'x'.repeat(25_000) }));
    expect(r.statusCode).toBe(400);
    expect(json(r).error.field).toBe('body');
  });

  run('invalid UTF-8 is refused, not silently replaced', async () => {
    const bytes = Buffer.concat([Buffer.from('{"customer":{"name":"A'), Buffer.from([0xc3, 0x28]), Buffer.from('","email":"a@example.com"},"channel":"web","body":"hi"}')]);
    const r = await post('/api/v1/cases', bytes);
    expect(r.statusCode).toBe(400);
    expect(json(r).error.code).toBe('request.invalid_encoding');
    expect(json(r).error.message).toMatch(/offset 22/);
  });

  run('a body that is not JSON is a 415', async () => {
    const r = await post('/api/v1/cases', 'channel=web', 'application/x-www-form-urlencoded');
    expect(r.statusCode).toBe(415);
  });

  run('an id that is not a UUID is a 400 naming the parameter', async () => {
    const r = await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/cases/42' });
    expect(r.statusCode).toBe(400);
    expect(json(r).error.field).toBe('id');
  });

  run('an unknown query parameter is a 400', async () => {
    const r = await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/cases?view=open&sort=desc' });
    expect(r.statusCode).toBe(400);
  });

  run('an unknown case is a 404, not a 500', async () => {
    const r = await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/cases/00000000-0000-4000-8000-000000000000' });
    expect(r.statusCode).toBe(404);
    expect(json(r).error.code).toBe('not_found');
  });

  run('script tags in names and messages are stored as text, exactly as written', async () => {
    const name = '<script>alert("name")</script>Mallory';
    const body = '<img src=x onerror="alert(1)"><script>document.cookie</script> please help';
    const r = await post('/api/v1/cases', JSON.stringify({ customer: { name, email: `m-${Math.random()}@example.com` }, channel: 'web', body }));
    expect(r.statusCode).toBe(201);
    const detail = json<CaseDetailResponse>(r);
    expect(detail.customer.name).toBe(name);
    expect(detail.timeline.find((i) => i.kind === 'message')?.message?.body).toBe(body);
    expect(r.headers['content-type']).toMatch(/application\/json/);
  });

  run('a transition to a status that does not exist is a 400', async () => {
    const created = json<CaseDetailResponse>(await post('/api/v1/cases', JSON.stringify({ customer: { name: 'B', email: `b-${Math.random()}@example.com` }, channel: 'web', body: 'hello' })));
    const r = await post(`/api/v1/cases/${created.case.id}/transitions`, JSON.stringify({ to: 'teleported' }));
    expect(r.statusCode).toBe(400);
    expect(json(r).error.field).toBe('to');
  });

  run('a promise due in the past is refused with the field', async () => {
    const created = json<CaseDetailResponse>(await post('/api/v1/cases', JSON.stringify({ customer: { name: 'C', email: `c-${Math.random()}@example.com` }, channel: 'web', body: 'hello' })));
    const r = await post(`/api/v1/cases/${created.case.id}/promises`, JSON.stringify({ kind: 'callback', channel: 'phone', dueAt: '2001-01-01T00:00:00Z', description: 'call back' }));
    expect(r.statusCode).toBe(422);
    expect(json(r).error.field).toBe('dueAt');
  });
});
