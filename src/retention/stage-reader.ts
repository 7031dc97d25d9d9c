// Where a purchase file is read and validated (stage-encoder.ts): on a worker thread for a large
// file, in this thread for a small one. Read in the server's thread, 1,000,000 rows held its
// event loop for seconds at a time (health answers waited up to 12 s, issue 17), and the parsing
// could not run while PostgreSQL stored the previous COPY chunk. On a worker the main thread only
// passes bytes over and COPY text on. Kept runs its TypeScript through tsx, so the worker
// registers tsx before importing the encoder; if that cannot be done here, it reads in this thread.
import { Worker } from 'node:worker_threads';
import { ImportFileError } from './import-rows.ts';
import type { ReadOn } from './import-types.ts';
import { StageEncoder, type FromEncoder, type StagePart, type StageSettings, type ToEncoder } from './stage-encoder.ts';

export interface StageReader {
  readonly on: ReadOn;
  /** The next bytes of the file (taken: not to be used after); resolves with their COPY text and the counts so far. */
  push(bytes: Uint8Array): Promise<StagePart>;
  /** The end of the file: its last record (an empty file is refused here). */
  end(): Promise<StagePart>;
  /** Stops the worker (a cancel, a failure, or the end). Pushes still waiting are refused. */
  close(): void;
}

/** Below this many bytes (about 100,000 rows) a worker's start (tsx, a second under load) costs more than it saves. */
export const WORKER_ABOVE_BYTES = 4 << 20;

export function chooseReader(sizeBytes: number | undefined): ReadOn {
  return sizeBytes !== undefined && sizeBytes < WORKER_ABOVE_BYTES ? 'thread' : 'worker';
}

const WORKER_SOURCE = `
const { workerData, parentPort } = await import('node:worker_threads');
const { register } = await import(workerData.tsx);
register();
const { serveStageEncoder } = await import(workerData.encoder);
serveStageEncoder(parentPort, workerData.settings);`;

export function openStageReader(settings: StageSettings, on: ReadOn): StageReader {
  if (on === 'worker') {
    let tsx: string | undefined;
    try {
      tsx = import.meta.resolve('tsx/esm/api');
    } catch {
      tsx = undefined;
    }
    if (tsx) return workerReader(settings, tsx);
  }
  const stage = new StageEncoder(settings);
  return {
    on: 'thread',
    push: (bytes) => Promise.resolve().then(() => stage.push(bytes)),
    end: () => Promise.resolve().then(() => stage.end()),
    close: () => undefined,
  };
}

interface Waiting {
  resolve(part: StagePart): void;
  reject(error: Error): void;
}

function workerReader(settings: StageSettings, tsx: string): StageReader {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { tsx, encoder: new URL('./stage-encoder.ts', import.meta.url).href, settings },
  });
  // Answers come in the order the messages went.
  const waiting: Waiting[] = [];
  let stopped: Error | null = null;
  const stop = (error: Error) => {
    stopped ??= error;
    for (const w of waiting.splice(0)) w.reject(stopped);
  };
  worker.on('message', (answer: FromEncoder) => {
    const next = waiting.shift();
    if (!next) return;
    if (answer.ok) next.resolve(answer.part);
    else if (answer.line !== undefined) next.reject(new ImportFileError(answer.line, answer.message, answer.column));
    else next.reject(new Error(`reading the file failed: ${answer.message}`));
  });
  worker.on('error', (error) => stop(new Error(`the file's reader stopped: ${error.message}`)));
  worker.on('exit', (code) => stop(new Error(`the file's reader stopped (exit code ${code})`)));
  const send = (message: ToEncoder, transfer: ArrayBuffer[] = []): Promise<StagePart> => {
    if (stopped) return Promise.reject(stopped);
    return new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      worker.postMessage(message, transfer);
    });
  };
  return {
    on: 'worker',
    push(bytes) {
      // A view posted takes its whole buffer along (a 64 kB piece of a 37 MB file copied the 37 MB
      // each time: 1,000,000 rows staged in 177 s instead of seconds): a view is copied first.
      // Bytes that are a buffer of their own are moved to the worker, no longer usable here.
      if (!(bytes instanceof Uint8Array)) return Promise.reject(new Error('reading the file failed: not bytes'));
      const own =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
      return send({ bytes: own }, [own.buffer as ArrayBuffer]);
    },
    end: () => send({ end: true }),
    close() {
      stop(new Error("the file's reader was closed"));
      void worker.terminate();
    },
  };
}
