// A real `kept serve` in a child process, for tests that need the whole server on its own event
// loop (a crash, a stall): the test process stays free to measure it from outside.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServeProcess {
  child: ChildProcess;
  /** The HTTP address it printed, e.g. http://127.0.0.1:41234. */
  url: string;
}

/**
 * Starts `kept serve` with these variables over the test process's (PORT 0: a free port) and
 * resolves once it says it is running. `env` values of undefined remove a variable.
 */
export function startServe(env: Record<string, string | undefined>): Promise<ServeProcess> {
  const variables = { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env };
  const child = spawn(process.execPath, ['bin/kept.mjs', 'serve'], {
    cwd: ROOT,
    env: Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`kept serve did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const running = /Kept is running at (\S+)/.exec(out);
      if (running) {
        clearTimeout(timer);
        resolve({ child, url: running[1]! });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`kept serve exited (${code}): ${out}`)));
  });
}

/** SIGKILL, and wait until the process is gone (at once if it already is). */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
