/**
 * Starts the workbook host (electron/core/host/) in an Electron utility process, so SQLite, exports,
 * imports and backups never run on the main process that answers the window (issue #12; Actual
 * Budget's pattern). Main only relays: the renderer's requests reach the host through the guarded
 * IPC registrar, and the host's answers come back by request id. If the host stops, waiting
 * requests get a typed error and the officer is told once.
 */
import { HostClient } from '../core/host/host-client';
import type { HostInit, HostPort } from '../core/host/host-protocol';

/** The part of an Electron UtilityProcess used here. */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): unknown;
}

/** The part of Electron's `utilityProcess` used here (mocked in tests with a worker thread). */
export interface UtilityProcessApi {
  fork(modulePath: string, args?: string[], options?: { serviceName?: string; stdio?: 'inherit' | 'pipe' | 'ignore' }): UtilityChild;
}

export interface HostProcess {
  client: HostClient;
  /** Closes the workbook (checkpointing its -wal), then ends the process. */
  stop(): Promise<void>;
}

export function startHostProcess(utilityProcess: UtilityProcessApi, entry: string, init: HostInit, onStopped?: (code: number) => void): HostProcess {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Evidence Workbook data', stdio: 'inherit' });
  let stopping = false;
  const port: HostPort = {
    // A utility process clones messages: ArrayBuffers cannot be transferred across it.
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', (message: unknown) => listener(message));
    },
  };
  const client = new HostClient(port, init);
  child.on('exit', (code: number) => {
    client.hostStopped();
    if (!stopping) onStopped?.(code);
  });
  return {
    client,
    stop: async () => {
      stopping = true;
      if (client.alive) await client.op('host:close', {});
      child.kill();
    },
  };
}
