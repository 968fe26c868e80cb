/**
 * The transport's side of the workbook host: sends requests with an id, matches answers to them,
 * and passes the host's events on. `dispatch` is the contract as transports know it, refusing any
 * name the contract does not declare, so a page can never reach the host's own channels.
 *
 * `spawnWorkerHost` runs the host in a worker thread (browser mode, tests, the benchmark);
 * `inlineHost` (inline-host.ts) runs the same host on this thread through the same messages. The Electron shell wraps a utility process as a HostPort
 * (electron/desktop/host-process.main.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isChannelName } from '../../contract/channels';
import type { Result } from '../../contract/define';
import type { Dispatch } from '../api/dispatch';
import type { HostOpInput, HostOpName } from './host-ops';
import { HOST_STOPPED, type FromHost, type HostInit, type HostPort, type HostResult, type ToHost } from './host-protocol';

const UNKNOWN_CHANNEL: Result<never> = {
  ok: false,
  error: { code: 'unknown_channel', message: 'The app asked for something it does not offer. Restart the app; if it happens again, report it.' },
};

type EventListener = (payload: unknown) => void;

export class HostClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: HostResult) => void>();
  private readonly listeners = new Map<string, Set<EventListener>>();
  private stopped = false;
  /** Resolves once the host has taken its settings. */
  readonly ready: Promise<void>;

  constructor(
    private readonly port: HostPort,
    init: HostInit = {},
  ) {
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => {
      markReady = resolve;
    });
    port.onMessage((raw) => {
      const message = raw as FromHost;
      if (message?.kind === 'ready') markReady();
      else if (message?.kind === 'response') {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message.result);
      } else if (message?.kind === 'event') {
        for (const listener of this.listeners.get(message.name) ?? []) listener(message.payload);
      }
    });
    this.send({ kind: 'init', init });
  }

  private send(message: ToHost, transfer?: ArrayBuffer[]): void {
    this.port.postMessage(message, transfer);
  }

  /** Any channel, contract or host. For transports only: a page's requests go through `dispatch`. */
  call<T = unknown>(channel: string, input: unknown = {}, transfer?: ArrayBuffer[]): Promise<HostResult<T>> {
    if (this.stopped) return Promise.resolve(HOST_STOPPED);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: HostResult) => void);
      this.send({ kind: 'request', id, channel, input }, transfer);
    });
  }

  /** A host channel, typed by its declaration in host-ops.ts. */
  op<T = unknown>(channel: HostOpName, input: HostOpInput<typeof channel>): Promise<HostResult<T>> {
    return this.call<T>(channel, input);
  }

  /** The contract only: a name the contract does not declare is refused here, before the host sees it. */
  readonly dispatch: Dispatch = (channel, input) => {
    if (!isChannelName(channel)) return Promise.resolve(UNKNOWN_CHANNEL);
    return this.call(channel, input) as Promise<Result<unknown>>;
  };

  on(event: string, listener: EventListener): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  /** The host stopped (crashed or was ended): every waiting request gets a typed error. */
  hostStopped(): void {
    this.stopped = true;
    for (const settle of this.pending.values()) settle(HOST_STOPPED);
    this.pending.clear();
  }

  get alive(): boolean {
    return !this.stopped;
  }
}

export interface WorkerHost {
  client: HostClient;
  worker: Worker;
  /** Closes the workbook (checkpointing its -wal) and ends the thread. */
  close(): Promise<void>;
}

/** The worker script: a bundled host when the build set one, else the TypeScript sources through tsx. */
function workerScript(): string {
  const bundled = process.env.EVIDENCE_WORKBOOK_HOST_WORKER;
  if (bundled && existsSync(bundled)) return bundled;
  return fileURLToPath(new URL('./host-bootstrap.mjs', import.meta.url));
}

/** Starts the workbook host in a worker thread. */
export function spawnWorkerHost(init: HostInit = {}, options: { script?: string } = {}): WorkerHost {
  const worker = new Worker(options.script ?? workerScript());
  const port: HostPort = {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (listener) => worker.on('message', listener),
  };
  const client = new HostClient(port, init);
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (e) => console.error('[workbook host] stopped:', e));
  void ended.then(() => client.hostStopped());
  return {
    client,
    worker,
    close: async () => {
      if (client.alive) await client.op('host:close', {});
      await worker.terminate();
      await ended;
    },
  };
}

