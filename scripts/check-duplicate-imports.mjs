// Fails when a file imports from the same module in two statements of the same kind
// (`import { a } from 'x'` and `import { b } from 'x'`): one statement a module reads as one
// dependency. `import type` and value imports are counted apart (the style keeps them apart).
// A dozen lines of our own: the project has no ESLint, and dependency-cruiser sees modules, not statements.
// Usage: node scripts/check-duplicate-imports.mjs [--fix]   (--fix merges named imports into the first statement)
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const fix = process.argv.includes('--fix');
const IMPORT = /^import (type )?([^'";]*?) from ['"]([^'"]+)['"];?[ \t]*\n/gm;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

const found = [];
for (const file of [...files(join(root, 'src')), ...files(join(root, 'web/src'))]) {
  let text = readFileSync(file, 'utf8');
  const seen = new Map();
  const duplicates = [];
  for (const match of text.matchAll(IMPORT)) {
    const [, type, clause, module] = match;
    if (clause.includes('* as')) continue; // a namespace import cannot share a statement
    const key = `${type ? 'type ' : ''}${module}`;
    if (seen.has(key)) duplicates.push({ first: seen.get(key), again: match });
    else seen.set(key, match);
  }
  if (duplicates.length === 0) continue;
  for (const { again } of duplicates) found.push(`${file.slice(root.length)}: ${again[0].trim()}`);
  if (!fix) continue;
  const named = (clause) =>
    (clause.match(/\{([^}]*)\}/)?.[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const defaultOf = (clause) =>
    clause
      .replace(/\{[^}]*\}/, '')
      .replace(',', '')
      .trim();
  for (const group of new Set(duplicates.map((d) => d.first))) {
    const all = [group, ...duplicates.filter((d) => d.first === group).map((d) => d.again)];
    const defaults = [...new Set(all.map((m) => defaultOf(m[2])).filter(Boolean))];
    if (defaults.length > 1) continue; // two default names for one module: left for a person
    const names = [...new Set(all.flatMap((m) => named(m[2])))].sort((a, b) =>
      a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')),
    );
    const clause = [defaults[0], names.length > 0 ? `{ ${names.join(', ')} }` : ''].filter(Boolean).join(', ');
    const merged = `import ${group[1] ?? ''}${clause} from '${group[3]}';\n`;
    text = text.replace(group[0], merged);
    for (const m of all.slice(1)) text = text.replace(m[0], '');
  }
  writeFileSync(file, text);
}
if (found.length > 0 && !fix) {
  console.error(`Imports from one module in two statements (merge them; --fix does):\n  ${found.join('\n  ')}`);
  process.exit(1);
}
console.log(fix ? `imports: merged in ${found.length} places` : 'imports: one statement per module');
