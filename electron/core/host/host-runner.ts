/**
 * Runs a workbook host on one side of a HostPort: the first message sets it up; each request is
 * answered as soon as it finishes (several may be in progress: a read is answered between the
 * steps of a backup). Byte arrays in an answer are moved, not copied, where the port allows.
 */
import { HOST_INTERNAL, transferablesOf, type FromHost, type HostPort, type ToHost } from './host-protocol';
import { WorkbookHostCore } from './workbook-host';

export function runHost(port: HostPort, log?: (message: string, error?: unknown) => void): { core: () => WorkbookHostCore | null } {
  let core: WorkbookHostCore | null = null;
  const post = (message: FromHost) => {
    const transfer = message.kind === 'response' && message.result.ok ? transferablesOf(message.result.value) : [];
    port.postMessage(message, transfer);
  };
  port.onMessage((raw) => {
    const message = raw as ToHost;
    if (message?.kind === 'init') {
      core ??= new WorkbookHostCore({ ...message.init, log, emit: (name, payload) => post({ kind: 'event', name, payload }) });
      post({ kind: 'ready' });
      return;
    }
    if (message?.kind !== 'request' || typeof message.id !== 'number') return;
    const { id } = message;
    if (!core) {
      post({ kind: 'response', id, result: HOST_INTERNAL });
      return;
    }
    core.handle(message.channel, message.input).then(
      (result) => post({ kind: 'response', id, result }),
      (e) => {
        log?.(`${String(message.channel)} failed`, e);
        post({ kind: 'response', id, result: HOST_INTERNAL });
      },
    );
  });
  return { core: () => core };
}
