// The import graph between the top-level folders of src/ (type-only imports count, as a reader
// follows them): each edge with the files behind it, the mutual pairs, and the loops.
// Usage: node scripts/folder-graph.mjs [--files] [--depth=2] [--check]
// --check: print only the summary, and exit 1 if the folders import each other in a loop (npm test runs this).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'migrations' && e.name !== 'node_modules') walk(p, out);
    } else if (/\.tsx?$/.test(e.name) && !e.name.includes('.test.')) out.push(p);
  }
  return out;
}

/** Folder edges (folder -> folder -> ['a.ts -> b.ts', …]) of the checkout at `root`, and its loops. */
export function folderGraph(root, depth = 1) {
  const src = path.join(root, 'src');
  const unit = (p) => {
    const rel = path.relative(src, p).split(path.sep);
    return rel.length > 1 ? rel.slice(0, Math.min(depth, rel.length - 1)).join('/') : '(root)';
  };
  const edges = new Map();
  for (const file of walk(src)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), ref.fileName);
      if (!target.startsWith(src + path.sep)) continue;
      const a = unit(file);
      const b = unit(target);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      const m = edges.get(a);
      if (!m.has(b)) m.set(b, []);
      m.get(b).push(`${path.relative(src, file)} -> ${path.relative(src, target)}`);
    }
  }
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])].sort();
  // Tarjan's strongly connected components: a component of more than one folder is a loop.
  let counter = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const sccs = [];
  const strong = (v) => {
    idx.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      sccs.push(comp);
    }
  };
  for (const v of nodes) if (!idx.has(v)) strong(v);
  const loops = sccs.filter((c) => c.length > 1).map((c) => c.sort());
  const mutual = [];
  for (const [a, m] of edges) for (const b of m.keys()) if (a < b && edges.get(b)?.has(a)) mutual.push(`${a} <-> ${b}`);
  const loopOf = (folder) => loops.find((l) => l.includes(folder)) ?? null;
  return { nodes, edges, loops, mutual: mutual.sort(), loopOf };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv.includes('--check');
  const depthArg = process.argv.find((a) => a.startsWith('--depth='));
  const { nodes, edges, loops, mutual } = folderGraph(process.cwd(), depthArg ? Number(depthArg.slice(8)) : 1);
  if (!check) {
    for (const a of [...edges.keys()].sort()) {
      for (const [b, list] of [...edges.get(a)].sort()) {
        console.log(`${a} -> ${b} (${list.length})`);
        if (process.argv.includes('--files')) for (const l of list) console.log(`    ${l}`);
      }
    }
    console.log('');
  }
  console.log(
    `${nodes.length} folders; ${mutual.length} mutual pairs` +
      `${mutual.length ? `:\n  ${mutual.join('\n  ')}` : ''}; ${loops.length} loops`,
  );
  for (const l of loops) console.log(`loop of ${l.length}: ${l.join(', ')}`);
  if (check && loops.length > 0) {
    console.log('src/ folders import each other in a loop: see the edges with node scripts/folder-graph.mjs --files');
    process.exitCode = 1;
  }
}
