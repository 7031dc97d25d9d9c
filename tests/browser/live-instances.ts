// Two `kept serve` instances on one fresh PostgreSQL database, for the live desk's cross-instance
// browser test. Skipped (with the reason) when no PostgreSQL server answers at 127.0.0.1:5432.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN_URL = process.env.KEPT_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface LiveInstances {
  a: string;
  b: string;
  stop(): Promise<void>;
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function serve(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/kept.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      KEPT_SMTP_PORT: 'off',
      KEPT_PUBLIC_URL: `http://127.0.0.1:${port}`,
      KEPT_SECRET: 'kept browser tests, not a real secret',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`kept serve did not start: ${out}`)), 90_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Kept is running at/.test(out)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`kept serve exited (${code}): ${out}`)));
  });
}

export async function startLiveInstances(): Promise<LiveInstances> {
  const name = `kept_browser_live_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const [portA, portB] = [await freePort(), await freePort()];
  // One after the other: the first migrates the new database.
  const a = await serve(url, portA);
  const b = await serve(url, portB);
  return {
    a: `http://127.0.0.1:${portA}`,
    b: `http://127.0.0.1:${portB}`,
    async stop() {
      for (const child of [a, b]) {
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }
      }
      const drop = new pg.Client({ connectionString: ADMIN_URL });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
