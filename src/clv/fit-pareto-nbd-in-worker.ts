// The Pareto/NBD fit on a worker thread. It is the slowest of the three fits (≈ 2 s at
// 1,000,000 customers with 695,000 distinct (x, t_x, T): hyp2f1 per pair); on its own thread
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

// The data comes in a message, not in workerData, so the worker can be started (tsx and the
// model loaded: about a second) while the caller is still reading the data.
const WORKER_SOURCE = `
const { workerData, parentPort } = await import('node:worker_threads');
const { register } = await import(workerData.tsx);
register();
const { fitParetoNbd } = await import(workerData.model);
parentPort.once('message', (columns) => {
  try {
    parentPort.postMessage({ ok: true, result: fitParetoNbd(columns, { standardErrors: false }) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error instanceof Error ? error.message : error) });
  }
});`;

type Reply = { ok: true; result: FitResult<ParetoNbdParams> } | { ok: false; message: string };

export type WorkerFitResult = FitResult<ParetoNbdParams> & { ranOn: 'worker' | 'main' };

/** Below this many rows the fit takes milliseconds, less than starting a worker. */
export const WORKER_ABOVE = 20_000;

export interface ParetoNbdWorker {
  /** Fits on the worker (or in this thread below `workerAbove` rows, or if the worker failed to start). */
  fit(columns: WorkerFitInput, options?: { workerAbove?: number }): Promise<WorkerFitResult>;
  /** Stops the worker when no fit is needed after all. */
  close(): void;
}

const inThread = (columns: WorkerFitInput): WorkerFitResult => ({
  ...fitParetoNbd(columns, { standardErrors: false }),
  ranOn: 'main',
});

/** Starts a worker now, to be given its data later (`fit`). */
export function startParetoNbdWorker(): ParetoNbdWorker {
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return { fit: (columns) => Promise.resolve().then(() => inThread(columns)), close: () => undefined };
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { tsx, model: new URL('./pareto-nbd.ts', import.meta.url).href },
  });
  let failed = false;
  let onFailure: (() => void) | null = null;
  const fail = () => {
    failed = true;
    onFailure?.();
  };
  worker.once('error', fail);
  worker.once('exit', fail);
  return {
    fit(columns, options = {}) {
      if (failed || columns.x.length < (options.workerAbove ?? WORKER_ABOVE)) {
        void worker.terminate();
        return Promise.resolve().then(() => inThread(columns));
      }
      return new Promise((resolve, reject) => {
        let settled = false;
        onFailure = () => {
          if (settled) return;
          settled = true;
          try {
            resolve(inThread(columns));
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
        worker.postMessage(columns);
      });
    },
    close() {
      // A fit still running is abandoned with its caller (who failed): not redone in this thread.
      onFailure = null;
      void worker.terminate();
    },
  };
}

/** Starts a worker for this fit alone (above `workerAbove` rows). */
export function fitParetoNbdInWorker(
  columns: WorkerFitInput,
  options: { workerAbove?: number } = {},
): Promise<WorkerFitResult> {
  if (columns.x.length < (options.workerAbove ?? WORKER_ABOVE)) return Promise.resolve().then(() => inThread(columns));
  return startParetoNbdWorker().fit(columns, options);
}
