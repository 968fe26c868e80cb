/** The workbook host on this thread, for tests and tools that look at the database directly. */
import { HostClient } from './host-client';
import type { HostInit } from './host-protocol';
import { runHost } from './host-runner';
import type { WorkbookHostCore } from './workbook-host';

/**
 * The same host on this thread, through the same messages (each side's messages are delivered on
 * a later turn and cloned, as between threads). For tests that look at the database directly.
 */
export async function inlineHost(init: HostInit = {}): Promise<{ client: HostClient; core: WorkbookHostCore; close(): Promise<void> }> {
  const toHost = new Set<(m: unknown) => void>();
  const toClient = new Set<(m: unknown) => void>();
  const deliver = (listeners: Set<(m: unknown) => void>, message: unknown) => {
    const copy = structuredClone(message);
    queueMicrotask(() => listeners.forEach((l) => l(copy)));
  };
  const runner = runHost({ postMessage: (m) => deliver(toClient, m), onMessage: (l) => toHost.add(l) });
  const client = new HostClient({ postMessage: (m) => deliver(toHost, m), onMessage: (l) => toClient.add(l) }, init);
  await client.ready;
  const core = runner.core()!;
  return {
    client,
    core,
    close: async () => {
      await client.op('host:close', {});
      client.hostStopped();
    },
  };
}
