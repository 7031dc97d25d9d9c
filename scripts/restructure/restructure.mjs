// Moves src/ files by scripts/restructure/move-map.json and rewrites every relative import in
// src/, tests/, bench/, web/ and scripts/ to match, then points imports that reach into a
// sealed folder from outside at that folder's index.ts (adding the names they use to it).
// Re-runnable: files already moved are left where they are, and a file that arrives later in
// an old folder (a branch merged after the restructure) is moved and its imports rewritten
// whether they were written against the old layout or the new one.
// Usage: node scripts/restructure/restructure.mjs [--dry-run] [--no-seal]
// (--no-seal: moves and path rewrites only, as in the commit of pure moves.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { readMoveMap } from './move-map.mjs';

const ROOT = process.cwd();
const DRY = process.argv.includes('--dry-run');
const SEAL = !process.argv.includes('--no-seal');
const { sealed: SEALED_FOLDERS, fileMoves, folderMoves, mapped } = readMoveMap(ROOT);
const SCANNED = ['src', 'tests', 'bench', 'web/src', 'web/dev', 'scripts'];
const CODE = /\.(ts|tsx|mts|mjs)$/;

// Where a file now at `rel` lived before the restructure (for imports written against the old layout).
const reverse = new Map([...fileMoves].map(([a, b]) => [b, a]));
function original(rel) {
  if (movedNow.has(rel)) return movedNow.get(rel);
  if (reverse.has(rel)) return reverse.get(rel);
  for (const [from, to] of [...folderMoves].sort((a, b) => b[1].length - a[1].length)) {
    if (rel.startsWith(to)) {
      const back = from + rel.slice(to.length);
      if (mapped(back) === rel) return back;
    }
  }
  return rel;
}

function listFiles() {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...SCANNED], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return [...new Set(out.split('\n').filter(Boolean))].filter((f) => fs.existsSync(path.join(ROOT, f)));
}

// 1. Moves.
let moved = 0;
const movedNow = new Map(); // new path -> path before this run
for (const rel of listFiles()) {
  if (!rel.startsWith('src/')) continue;
  const to = mapped(rel);
  if (to === rel) continue;
  const dest = path.join(ROOT, to);
  if (fs.existsSync(dest)) throw new Error(`cannot move ${rel}: ${to} exists (merge them by hand, then re-run)`);
  moved++;
  movedNow.set(to, rel);
  if (DRY) {
    console.log(`move ${rel} -> ${to}`);
    continue;
  }
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tracked = execFileSync('git', ['ls-files', rel], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  if (tracked) execFileSync('git', ['mv', rel, to], { cwd: ROOT });
  else fs.renameSync(path.join(ROOT, rel), dest);
}
// Folders emptied by the moves.
if (!DRY) {
  for (const [from] of folderMoves) {
    const dir = path.join(ROOT, from);
    if (
      fs.existsSync(dir) &&
      fs.readdirSync(dir, { recursive: true }).every((e) => fs.statSync(path.join(dir, e)).isDirectory())
    ) {
      fs.rmSync(dir, { recursive: true });
    }
  }
}

// 2. Import rewrites.
const exists = (rel) => fs.existsSync(path.join(ROOT, rel)) && fs.statSync(path.join(ROOT, rel)).isFile();
const toRel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');
const spec = (fromRel, targetRel) => {
  let s = path.posix.relative(path.posix.dirname(fromRel), targetRel);
  if (!s.startsWith('.')) s = `./${s}`;
  return s;
};
// Specifiers that name a file (import, export … from, import(), import('…').T, vi.mock).
function specifiers(sf) {
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ node: node.moduleSpecifier, decl: node });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isMock =
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'vi' &&
        ['mock', 'doMock', 'importActual'].includes(callee.name.text);
      if (isImport || isMock) found.push({ node: node.arguments[0], decl: null });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ node: node.argument.literal, decl: null });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found.filter((f) => f.node.text.startsWith('.'));
}
const kindOf = (rel) => (rel.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
const parse = (rel) =>
  ts.createSourceFile(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'), ts.ScriptTarget.Latest, true, kindOf(rel));

/**
 * The file an import means. A file moved by this run wrote its imports from its old place; any
 * other file wrote them from where it is, possibly to a file that has moved since (a late arrival).
 */
function resolveTarget(fileRel, text) {
  const fromOld = () => {
    const was = original(fileRel);
    return was === fileRel ? null : mapped(toRel(path.resolve(ROOT, path.dirname(was), text)));
  };
  const here = toRel(path.resolve(ROOT, path.dirname(fileRel), text));
  const candidates = movedNow.has(fileRel) ? [fromOld(), here, mapped(here)] : [here, mapped(here), fromOld()];
  return candidates.find((c) => c && exists(c)) ?? null;
}

// Sealed folders: outsiders import their index.ts only.
const sealed = (SEAL ? SEALED_FOLDERS : []).map((s) => s.replace(/\/?$/, '/'));
const sealOf = (rel) => sealed.find((s) => rel.startsWith(s)) ?? null;
const needed = new Map(); // index rel -> Map(target rel -> Map(name -> 'type' | 'value'))

/** Whether `name` exported by `rel` is a type or a value (following re-exports). */
function exportKind(rel, name, seen = new Set()) {
  if (seen.has(`${rel}:${name}`)) return 'value';
  seen.add(`${rel}:${name}`);
  const sf = parse(rel);
  for (const st of sf.statements) {
    const exported =
      ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name.text === name)
      return 'type';
    if (
      exported &&
      (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) &&
      st.name?.text === name
    )
      return 'value';
    if (
      exported &&
      ts.isVariableStatement(st) &&
      st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)
    )
      return 'value';
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        if (el.name.text !== name) continue;
        if (st.isTypeOnly || el.isTypeOnly) return 'type';
        if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
          const target = resolveTarget(rel, st.moduleSpecifier.text);
          if (target) return exportKind(target, (el.propertyName ?? el.name).text, seen);
        }
        return 'value';
      }
    }
  }
  return 'value';
}

let rewritten = 0;
const unresolved = [];
for (const rel of listFiles()) {
  if (!CODE.test(rel) || rel.includes('/migrations/')) continue;
  const sf = parse(rel);
  const edits = [];
  for (const { node, decl } of specifiers(sf)) {
    const target = resolveTarget(rel, node.text);
    if (!target) {
      if (!node.text.endsWith('.json') && /\.(ts|tsx)$/.test(node.text)) unresolved.push(`${rel}: ${node.text}`);
      continue;
    }
    let dest = target;
    const seal = sealOf(target);
    const index = seal && `${seal}index.ts`;
    if (seal && rel.startsWith('src/') && !rel.startsWith(seal) && target !== index && decl) {
      const clause = ts.isImportDeclaration(decl) ? decl.importClause : null;
      const names = [];
      if (clause?.name || (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings))) {
        throw new Error(`${rel}: a default or namespace import of ${target} cannot go through ${index}`);
      }
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const el of clause.namedBindings.elements) names.push((el.propertyName ?? el.name).text);
      }
      if (ts.isExportDeclaration(decl) && decl.exportClause && ts.isNamedExports(decl.exportClause)) {
        for (const el of decl.exportClause.elements) names.push((el.propertyName ?? el.name).text);
      }
      if (names.length > 0 || (clause && !clause.namedBindings)) {
        if (!needed.has(index)) needed.set(index, new Map());
        const byTarget = needed.get(index);
        if (!byTarget.has(target)) byTarget.set(target, new Map());
        for (const n of names) byTarget.get(target).set(n, exportKind(target, n));
        dest = index;
      }
    }
    const next = spec(rel, dest);
    if (next !== node.text) edits.push({ start: node.getStart(sf) + 1, end: node.getEnd() - 1, text: next });
  }
  if (edits.length === 0) continue;
  rewritten++;
  if (DRY) {
    console.log(`rewrite ${rel}: ${edits.map((e) => e.text).join(', ')}`);
    continue;
  }
  let text = sf.getFullText();
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  fs.writeFileSync(path.join(ROOT, rel), text);
}

// 3. Public faces: every name an outsider uses is exported by the folder's index.ts. An
// existing index keeps what it has (hand-written comments included); missing names are added.
for (const [index, byTarget] of [...needed].sort()) {
  const file = path.join(ROOT, index);
  const present = new Set();
  if (fs.existsSync(file)) {
    for (const st of parse(index).statements) {
      if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const el of st.exportClause.elements) present.add(el.name.text);
      }
    }
  }
  const lines = [];
  for (const [target, names] of [...byTarget].sort()) {
    const missing = [...names].filter(([n]) => !present.has(n)).sort();
    const values = missing.filter(([, k]) => k === 'value').map(([n]) => n);
    const types = missing.filter(([, k]) => k === 'type').map(([n]) => n);
    const from = spec(index, target);
    if (values.length > 0) lines.push(`export { ${values.join(', ')} } from '${from}';`);
    if (types.length > 0) lines.push(`export type { ${types.join(', ')} } from '${from}';`);
  }
  if (lines.length === 0) continue;
  console.log(`${index}: ${lines.length} export lines added`);
  if (DRY) continue;
  const head = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n')
    : `// The public face of ${index.slice(0, -'/index.ts'.length)}/: other folders import from here only ` +
      '(the lint forbids\n// deeper imports). Added to by scripts/restructure/restructure.mjs when an outsider needs a name.\n';
  fs.writeFileSync(file, head + lines.join('\n') + '\n');
}

// 4. Paths named in the documentation and in comments (`src/cases/x.ts`, `src/cases/`) follow their
// files; the dated notes of docs/benchmarks/ are records of their day and keep theirs, and this
// folder's own examples stay as written.
let docs = 0;
const DOCS = [...execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' }).split('\n'), ...listFiles()]
  .filter((f) => f && (f.endsWith('.md') || CODE.test(f) || f.endsWith('.sh')))
  .filter((f) => !f.startsWith('docs/benchmarks/') && !f.startsWith('scripts/restructure/'))
  .filter((f, k, all) => all.indexOf(f) === k);
for (const rel of DOCS) {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  const next = text.replace(/\bsrc\/[\w./-]*[\w/]/g, (p) => {
    const moved = mapped(p);
    return moved !== p && (exists(moved) || fs.existsSync(path.join(ROOT, moved))) ? moved : p;
  });
  if (next === text) continue;
  docs++;
  if (!DRY) fs.writeFileSync(path.join(ROOT, rel), next);
}

console.log(
  `${moved} files moved, ${rewritten} files with imports rewritten, ${docs} documents' and files' paths updated`,
);
if (unresolved.length > 0) {
  console.log(`unresolved imports (fix by hand):\n  ${unresolved.join('\n  ')}`);
  process.exitCode = 1;
}
