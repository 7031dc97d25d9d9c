import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { pageWithNonce, WEB_PAGE_HELMET } from './security-headers.ts';

/** Serves the built web app from `webDist`, or a note saying how to build it. */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const indexFile = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain')
        .send('Kept API is running. The web app is not built: run `npm run build:web`. API docs: /api/docs'),
    );
    return;
  }
  // index.html only through the route below, which writes the page's style nonce into it.
  const allowedPath = (pathName: string) => pathName !== '/index.html';
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, allowedPath });
  // The web app routes itself: every non-API path that is not a file gets index.html.
  app.get('/*', { schema: { hide: true }, ...WEB_PAGE_HELMET }, async (request, reply) => {
    const urlPath = decodeURIComponent(request.url.split('?')[0]!);
    const file = path.join(webDist, urlPath);
    if (urlPath !== '/' && file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(webDist, file));
    }
    if (urlPath.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${urlPath}` } });
    }
    const html = await fs.promises.readFile(indexFile, 'utf8');
    const page = pageWithNonce(html, reply.cspNonce.style);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  });
}
