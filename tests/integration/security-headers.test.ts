// Every response carries the security headers (src/http/security-headers.ts): a strict
// Content-Security-Policy that forbids framing, nosniff, no referrer. The web app's page gets a
// fresh style nonce in its policy and in its meta element; the API explorer its own policy.
// Nothing here depends on the store, so the embedded one serves alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/kept-config.ts';
import { STYLE_NONCE_META, STYLE_NONCE_PLACEHOLDER } from '../../src/contract/style-nonce.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { testKept } from './support/test-kept.ts';

/** The policy's directives by name: "style-src" → ["'self'", …]. */
function directives(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  let app: FastifyInstance;
  let webDist: string;
  beforeAll(async () => {
    const kept = await testKept('pglite');
    // A built web app of the test's own: only its index.html matters here.
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'kept-web-'));
    const meta = `<meta name="${STYLE_NONCE_META}" content="${STYLE_NONCE_PLACEHOLDER}" />`;
    fs.writeFileSync(path.join(webDist, 'index.html'), `<!doctype html><html><head>${meta}</head><body></body></html>`);
    const config = readConfig({}, { logLevel: 'silent' });
    app = await buildApp({ ctx: kept.ctx, store: kept.store, config, jobsHealthy: () => true, webDist });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('on API answers, errors included: a strict policy, no framing, no sniffing, no referrer', async () => {
    for (const url of ['/api/v1/setup/status', '/api/v1/me', '/api/v1/no-such-route']) {
      const response = await app.inject({ method: 'GET', url });
      const csp = directives(response);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      // A path the web app's route answers (a 404 under /api/) has a page's nonces: no other source.
      expect(csp.get('script-src')?.filter((s) => !s.startsWith("'nonce-"))).toEqual(["'self'"]);
      expect(csp.get('style-src')?.filter((s) => !s.startsWith("'nonce-"))).toEqual(["'self'"]);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });

  it("gives each page load its own style nonce, in the policy and in the page's meta element", async () => {
    const pages = [
      await app.inject({ method: 'GET', url: '/app/queues/mine' }),
      await app.inject({ method: 'GET', url: '/' }),
    ];
    const nonces = pages.map((page) => {
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const styleSrc = directives(page).get('style-src') ?? [];
      const nonce = /^'nonce-([0-9a-f]+)'$/.exec(styleSrc.find((s) => s.startsWith("'nonce-")) ?? '')?.[1] ?? '';
      expect(nonce).toMatch(/^[0-9a-f]{32}$/);
      expect(styleSrc).not.toContain("'unsafe-inline'");
      expect(page.body).toContain(`content="${nonce}"`);
      expect(page.body).not.toContain(STYLE_NONCE_PLACEHOLDER);
      expect(directives(page).get('frame-ancestors')).toEqual(["'none'"]);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
    // The raw file, placeholder and all, is not served.
    expect((await app.inject({ method: 'GET', url: '/index.html' })).body).not.toContain(STYLE_NONCE_PLACEHOLDER);
  });

  it('gives the API explorer its own policy: inline styles, and still no framing', async () => {
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    const csp = directives(docs);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });
});
