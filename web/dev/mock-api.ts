// A stand-in for the Kept API with fixed data, for looking at the screens while the real
// server is not available: `npx tsx web/dev/mock-api.ts` serves web/dist on :3200.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtures } from './mock-fixtures.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const port = Number(process.env.PORT ?? 3200);
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  if (path.startsWith('/api/')) {
    const key = `${req.method} ${path.replace('/api/v1', '')}`;
    const handler = Object.entries(fixtures).find(([pattern]) => new RegExp(`^${pattern}$`).test(key));
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'not_found', message: key } }));
      return;
    }
    const [status, body] = handler[1](url);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
    return;
  }
  try {
    const file = join(dist, path === '/' || !extname(path) ? 'index.html' : path);
    const data = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
server.listen(port, '127.0.0.1', () => console.log(`mock on http://127.0.0.1:${port}`));
