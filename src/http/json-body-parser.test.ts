import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from './error-handler.ts';
import { installJsonBodyParser } from './json-body-parser.ts';
import { CUSTOMER_TEXT } from './request-text.ts';

describe('JSON bodies', () => {
  const app = Fastify();
  installJsonBodyParser(app);
  installErrorHandler(app);
  app.post('/echo', async (request) => {
    const body = request.body as Record<string, unknown>;
    return {
      keys: Object.keys(body),
      plain: Object.getPrototypeOf(body) === Object.prototype,
      nested: body.nested ?? null,
    };
  });
  app.post('/customer', { config: CUSTOMER_TEXT }, async (request) => request.body);
  afterAll(() => app.close());
  const post = (payload: string | Buffer, url = '/echo') =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

  it('parses an ordinary body as it is, in any script', async () => {
    const r = await post(JSON.stringify({ body: 'مرحبا، لم يصل طلبي بعد', nested: { a: [1, 2] } }));
    expect(r.json()).toEqual({ keys: ['body', 'nested'], plain: true, nested: { a: [1, 2] } });
  });

  it('drops prototype keys, written plainly or with escapes', async () => {
    for (const payload of [
      '{"__proto__": {"admin": true}, "body": "x"}',
      '{"\\u005f_proto__": {"admin": true}, "body": "x"}',
      '{"body": "x", "nested": {"constructor": {"prototype": {"admin": true}}}}',
    ]) {
      const r = await post(payload);
      expect(r.statusCode).toBe(200);
      const out = r.json<{ keys: string[]; plain: boolean; nested: unknown }>();
      expect(out.keys).not.toContain('__proto__');
      expect(out.plain).toBe(true);
      expect(JSON.stringify(out.nested ?? {})).not.toContain('admin');
    }
  });

  it('refuses invalid UTF-8 and says where, and malformed JSON', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('offset 6');
    expect((await post('{"a": ')).statusCode).toBe(400);
  });

  it('refuses NUL and unpaired surrogates in escapes, naming the field', async () => {
    for (const [payload, field] of [
      ['{"body": "a\\u0000"}', 'body'],
      ['{"nested": {"x": ["ok", "\\ud800"]}}', 'nested.x.1'],
      ['{"k\\u0000": 1}', 'k\\u0000'],
    ]) {
      const r = await post(payload!);
      expect(r.statusCode, payload).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'request.invalid_text', field });
    }
    // An escape of an ordinary character is just that.
    expect((await post('{"body": "caf\\u00e9 \\ud83d\\ude00"}')).statusCode).toBe(200);
  });

  it("cleans a customer's words instead: escapes and invalid UTF-8 alike", async () => {
    const escaped = await post('{"body": "a\\u0000b \\udc00x", "__pro\\u0000to__": {"admin": true}}', '/customer');
    expect(escaped.json()).toEqual({ body: 'ab \ufffdx' });
    const bytes = await post(
      Buffer.concat([Buffer.from('{"body": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
      '/customer',
    );
    expect(bytes.json()).toEqual({ body: 'caf\ufffd(' });
  });
});
