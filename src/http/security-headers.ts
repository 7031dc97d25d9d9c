import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { STYLE_NONCE_PLACEHOLDER } from '../contract/style-nonce.ts';

// Security headers on every response, by @fastify/helmet (helmet's maintained Fastify plugin:
// the well-known header set, a Content-Security-Policy built from named directives, and nonces
// made per request for the routes that ask for them).
//
// The policy allows only Kept's own scripts, styles, fonts and connections; nobody may frame
// Kept; no plugins; no <base> or form targets elsewhere. Two openings, each for a reason:
// - style-src has a nonce for each page load (the web app's route only): Mantine writes its
//   theme as <style> elements, and they carry it (web/src/common/style-nonce.ts). An injected
//   <style> has none. Style attributes (style-src-attr) are allowed: the sanitized e-mail shown in
//   the case view keeps its inline styles, and its srcdoc frame inherits this policy.
// - img-src takes any http(s) image for the same reason: the e-mail frame loads the e-mail's remote
//   images when the agent asks ("Load remote images"), and the frame's own, stricter policy keeps
//   them blocked until then (web/src/cases/email-srcdoc.ts). The app itself shows no remote image.
const APP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'https:', 'http:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  styleSrcAttr: ["'unsafe-inline'"],
};

/**
 * The API explorer at /api/docs (Swagger UI) is another application: its React styles some elements
 * with inline <style> and it has no nonce to give them, so its pages relax style-src, nothing else.
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

/** Route options for the web app's pages: their CSP gets this request's style nonce. */
export const WEB_PAGE_HELMET = { helmet: { enableCSPNonces: true } } as const;

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_DIRECTIVES },
    // Portal links carry the customer's token in the path: no page sends its address anywhere.
    referrerPolicy: { policy: 'no-referrer' },
    // For browsers without frame-ancestors.
    xFrameOptions: { action: 'deny' },
    // Kept does not own its host's subdomains, so HSTS is not extended to them.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
}

/** index.html with this response's style nonce written over the placeholder. */
export function pageWithNonce(html: string, nonce: string): string {
  return html.replaceAll(STYLE_NONCE_PLACEHOLDER, nonce);
}
