import fs from 'node:fs';
import path from 'node:path';
import { KeptError } from '../errors/kept-error.ts';

// PGlite has no lock of its own: two processes on one data directory corrupt it. We hold
// an exclusive lock file with our pid; a stale one (its process is gone) is taken over.

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'kept.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isFinite(holder) && processIsAlive(holder)) {
        throw new KeptError(
          'store.locked',
          `The data directory ${dataDir} is in use by another Kept process (pid ${holder}). ` +
            'Stop it first, or point KEPT_DATA_DIR elsewhere, or set DATABASE_URL to share a PostgreSQL server.',
        );
      }
      fs.unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new KeptError('store.locked', `Could not lock the data directory ${dataDir}`);
}
