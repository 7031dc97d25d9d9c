// The Pareto/NBD fit on a worker thread. It has no analytic gradient and is the slowest of the
// three fits (≈ 8 s at 1,000,000 customers with 650,000 distinct (x, t_x, T)); on its own thread
// it runs while the main thread fits BG/NBD and Gamma-Gamma and talks to the database. Kept
// runs its TypeScript through tsx, so the worker registers tsx before importing the model.
// If a worker cannot be started here, the fit runs in this thread: slower, same result.
import { Worker } from 'node:worker_threads';
import type { FitResult } from './bg-nbd.ts';
import { fitParetoNbd, type ParetoNbdParams } from './pareto-nbd.ts';

export interface WorkerFitInput {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
}

const WORKER_SOURCE = `
const { workerData, parentPort } = await import('node:worker_threads');
const { register } = await import(workerData.tsx);
register();
const { fitParetoNbd } = await import(workerData.model);
try {
  parentPort.postMessage({ ok: true, result: fitParetoNbd(workerData.columns, { standardErrors: false }) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error instanceof Error ? error.message : error) });
}`;

type Reply = { ok: true; result: FitResult<ParetoNbdParams> } | { ok: false; message: string };

export type WorkerFitResult = FitResult<ParetoNbdParams> & { ranOn: 'worker' | 'main' };

/**
 * `workerAbove`: below this many rows the fit takes milliseconds, less than starting a worker
 * (about a second to load tsx and the model there), so it runs in this thread.
 */
export function fitParetoNbdInWorker(columns: WorkerFitInput, options: { workerAbove?: number } = {}): Promise<WorkerFitResult> {
  const inThread = (): WorkerFitResult => ({ ...fitParetoNbd(columns, { standardErrors: false }), ranOn: 'main' });
  if (columns.x.length < (options.workerAbove ?? 20_000)) return Promise.resolve().then(inThread);
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return Promise.resolve().then(inThread);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { tsx, model: new URL('./pareto-nbd.ts', import.meta.url).href, columns },
    });
    const fallBack = () => {
      if (settled) return;
      settled = true;
      try {
        resolve(inThread());
      } catch (error) {
        reject(error);
      }
    };
    worker.once('message', (reply: Reply) => {
      settled = true;
      void worker.terminate();
      // A fit that failed in the worker fails the same way here: report it, do not redo it.
      if (reply.ok) resolve({ ...reply.result, ranOn: 'worker' });
      else reject(new Error(reply.message));
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  });
}
