/**
 * Runs text extraction in a worker thread so reading a 300-page PDF never blocks the main
 * process (which answers the window) or the CLI's progress output. One worker is reused and
 * stopped when idle; a file that crashes the worker or takes too long fails on its own with a
 * note, and the next file gets a fresh worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractText, type ExtractedText } from './extract-text';

export interface TextExtractor {
  extract(bytes: Uint8Array, mimeType: string): Promise<ExtractedText>;
  close(): Promise<void>;
}

/** Extracts on the calling thread (used where no worker can be started, and in unit tests). */
export const inThreadExtractor: TextExtractor = {
  extract: (bytes, mimeType) => extractText(bytes, mimeType),
  close: async () => {},
};

export interface WorkerExtractorOptions {
  /** Per file; a PDF that takes longer is given up on. */
  timeoutMs?: number;
  idleMs?: number;
  /** Memory for the worker, so a hostile file cannot exhaust the app's. */
  maxMemoryMb?: number;
}

function workerScript(): string | URL {
  const bundled = process.env.EVIDENCE_WORKBOOK_TEXT_WORKER;
  if (bundled && existsSync(bundled)) return bundled;
  return new URL('./worker-bootstrap.mjs', import.meta.url);
}

export function createWorkerExtractor(options: WorkerExtractorOptions = {}): TextExtractor {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const idleMs = options.idleMs ?? 15_000;
  let worker: Worker | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const stop = async () => {
    const w = worker;
    worker = null;
    if (w) await w.terminate();
  };

  const start = (): Worker => {
    const script = workerScript();
    const w = new Worker(typeof script === 'string' ? script : fileURLToPath(script), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 1024 },
    });
    return w;
  };

  const runOne = (bytes: Uint8Array, mimeType: string): Promise<ExtractedText> =>
    new Promise((resolve) => {
      if (idleTimer) clearTimeout(idleTimer);
      worker ??= start();
      const w = worker;
      w.ref();
      const id = nextId++;
      const settle = (result: ExtractedText, broken: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (broken) {
          if (worker === w) worker = null;
          void w.terminate();
        } else {
          w.unref();
          idleTimer = setTimeout(() => void stop(), idleMs);
          idleTimer.unref();
        }
        resolve(result);
      };
      const onMessage = (m: { id: number; result: ExtractedText }) => {
        if (m.id === id) settle(m.result, false);
      };
      const onError = () => settle({ status: 'failed', text: null, note: 'Its text could not be read: the file made the reader fail (it may be damaged).' }, true);
      const onExit = () => settle({ status: 'failed', text: null, note: 'Its text could not be read: the reader stopped (the file may be damaged or too complex).' }, true);
      const timer = setTimeout(
        () => settle({ status: 'failed', text: null, note: 'Reading its text took too long, so it was stopped. Search finds it by its name.' }, true),
        timeoutMs,
      );
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      // Transfer a copy: the caller keeps its bytes.
      const copy = bytes.slice();
      w.postMessage({ id, bytes: copy, mimeType }, [copy.buffer]);
    });

  return {
    extract(bytes, mimeType) {
      const run = queue.then(() => runOne(bytes, mimeType));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      await queue;
      await stop();
    },
  };
}
