// Reads scripts/restructure/move-map.json: where each moved file or folder of src/ went.
import fs from 'node:fs';
import path from 'node:path';

export function readMoveMap(root) {
  const map = JSON.parse(fs.readFileSync(path.join(root, 'scripts/restructure/move-map.json'), 'utf8'));
  // Entries: a file ("src/a/b.ts") or a folder ("src/a/", trailing slash). A file entry wins
  // over the folder that holds it; among folders, the longest prefix wins.
  const fileMoves = new Map();
  const folderMoves = [];
  for (const [from, to] of map.moves) {
    if (from.endsWith('/')) folderMoves.push([from, to]);
    else fileMoves.set(from, to);
  }
  folderMoves.sort((a, b) => b[0].length - a[0].length);
  const mappedOnce = (rel) => {
    if (fileMoves.has(rel)) return fileMoves.get(rel);
    for (const [from, to] of folderMoves) if (rel.startsWith(from)) return to + rel.slice(from.length);
    return rel;
  };
  /** Where the file at `rel` (old layout) is now; entries chain (a folder moved, then one of its files moved on). */
  const mapped = (rel) => {
    for (let i = 0; i < 10; i++) {
      const next = mappedOnce(rel);
      if (next === rel) return rel;
      rel = next;
    }
    throw new Error(`move map loops at ${rel}`);
  };
  return { sealed: map.sealed ?? [], fileMoves, folderMoves, mapped };
}
