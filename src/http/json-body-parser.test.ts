import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { installJsonBodyParser } from './json-body-parser.ts';

describe('JSON bodies', () => {
  const app = Fastify();
  installJsonBodyParser(app);
  app.post('/echo', async (request) => {
    const body = request.body as Record<string, unknown>;
    return { keys: Object.keys(body), plain: Object.getPrototypeOf(body) === Object.prototype, nested: body.nested ?? null };
  });
  afterAll(() => app.close());
  const post = (payload: string) => app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload });

  it('parses an ordinary body as it is, in any script', async () => {
    const r = await post(JSON.stringify({ body: 'مرحبا، لم يصل طلبي بعد', nested: { a: [1, 2] } }));
    expect(r.json()).toEqual({ keys: ['body', 'nested'], plain: true, nested: { a: [1, 2] } });
  });

  it('drops prototype keys, written plainly or with escapes', async () => {
    for (const payload of ['{"__proto__": {"admin": true}, "body": "x"}', '{"\\u005f_proto__": {"admin": true}, "body": "x"}', '{"body": "x", "nested": {"constructor": {"prototype": {"admin": true}}}}']) {
      const r = await post(payload);
      expect(r.statusCode).toBe(200);
      const out = r.json<{ keys: string[]; plain: boolean; nested: unknown }>();
      expect(out.keys).not.toContain('__proto__');
      expect(out.plain).toBe(true);
      expect(JSON.stringify(out.nested ?? {})).not.toContain('admin');
    }
  });

  it('refuses invalid UTF-8 and says where, and malformed JSON', async () => {
    const bad = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('offset 6');
    expect((await post('{"a": ')).statusCode).toBe(400);
  });
});
