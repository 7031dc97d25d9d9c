// `kept serve` as a process of its own, so that SIGKILL is a real crash: no finally blocks, no
// graceful stop, connections cut mid-statement.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface KeptProcess {
  child: ChildProcess;
  /** The HTTP address it printed when it was ready. */
  url: string;
}

/** Starts `kept serve` with these environment variables and waits until it says it is running. */
export function spawnKeptServe(env: Record<string, string>): Promise<KeptProcess> {
  const child = spawn(process.execPath, ['bin/kept.mjs', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', KEPT_SMTP_PORT: 'off', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`kept serve did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const running = /Kept is running at (\S+)/.exec(output);
      if (running) {
        clearTimeout(timer);
        resolve({ child, url: running[1]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`kept serve exited (${code}): ${output}`)));
  });
}

/** SIGKILL, and wait until the process is gone (at once if it already is). */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
