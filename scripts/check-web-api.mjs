// The web app talks to the server from one place: web/src/api/. A screen that calls fetch (or
// opens an EventSource/WebSocket) itself fails the lint, so every request shares one client
// (errors, the session, the base path) and a reader finds every endpoint the app uses there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const webSrc = join(root, 'web/src');
const allowed = join(webSrc, 'api');
const network = /\b(fetch|new\s+(EventSource|WebSocket|XMLHttpRequest))\s*\(/;

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

const offenders = [];
for (const file of sources(webSrc)) {
  if (file.startsWith(allowed + '/')) continue;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (network.test(line) && !line.trim().startsWith('//')) offenders.push(`${relative(root, file)}:${index + 1}`);
    });
}
if (offenders.length > 0) {
  console.error(`Requests to the server belong in web/src/api/ (found in ${offenders.length} places):`);
  for (const offender of offenders) console.error(`  ${offender}`);
  process.exit(1);
}
console.log('web: every request goes through web/src/api/');
