/**
 * The messages between a transport (Electron main, the browser-mode server, tests, the benchmark)
 * and the workbook host, which owns the open workbook in its own thread or process (issue #12):
 * a request names a channel (a contract channel, or one of the host's own in host-ops.ts) and
 * carries its input; the answer is always a Result whose error is `{ code, message }`. Answers
 * arrive in the order they finish, not the order asked, so a read is not queued behind a backup.
 */

export interface HostError {
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export type HostResult<T = unknown> = { ok: true; value: T } | { ok: false; error: HostError };

/** Fixed settings sent once, before the first request. */
export interface HostInit {
  /** The better-sqlite3 build to load (Electron's differs from Node's). */
  nativeBinding?: string;
  /** A fixed clock (ISO time) for tests; the real clock otherwise. */
  fixedNow?: string;
}

export type ToHost =
  | { kind: 'init'; init: HostInit }
  | { kind: 'request'; id: number; channel: string; input: unknown };

export type FromHost =
  | { kind: 'ready' }
  | { kind: 'response'; id: number; result: HostResult }
  | { kind: 'event'; name: string; payload: unknown };

/** Event names the host sends unasked. */
export const HOST_EVENTS = {
  importProgress: 'files:importProgress',
  backupError: 'backup:error',
} as const;

/** One side of the link: a worker_threads Worker/parentPort, an Electron utility process, or an in-thread pair. */
export interface HostPort {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  onMessage(listener: (message: unknown) => void): void;
}

/**
 * The ArrayBuffers of byte arrays at the top two levels of a value that own their whole buffer, to
 * be moved rather than copied. A Buffer cut from Node's shared pool is left to be copied:
 * transferring the pool would take it from every other Buffer in it.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const found: ArrayBuffer[] = [];
  const consider = (v: unknown) => {
    if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && v.byteLength > 0) {
      if (!found.includes(v.buffer)) found.push(v.buffer);
    }
  };
  consider(value);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) for (const v of Object.values(value)) consider(v);
  return found;
}

export const HOST_STOPPED: HostResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'The part of the app that holds the workbook stopped unexpectedly. Nothing more was changed; restart the app.' },
};

export const HOST_INTERNAL: HostResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'Something went wrong and nothing was changed. Try again; if it keeps happening, report it with the time it happened.' },
};
