/**
 * The workbook host's entry point as its own thread or process: under Electron it is a utility
 * process (`process.parentPort`, messages arrive as `{ data }`); under Node a worker thread
 * (`worker_threads.parentPort`). The same module runs in both, so tests exercise the real host.
 */
import { parentPort } from 'node:worker_threads';
import type { HostPort } from './host-protocol';
import { runHost } from './host-runner';

/** The part of Electron's utility-process parent port used here (no electron import in core). */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function portOfThisProcess(): HostPort | null {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      // A utility process's port clones everything (it can transfer only message ports).
      postMessage: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
    };
  }
  const port = parentPort;
  if (port) {
    return {
      postMessage: (message, transfer) => port.postMessage(message, transfer ?? []),
      onMessage: (listener) => port.on('message', listener),
    };
  }
  return null;
}

const port = portOfThisProcess();
if (!port) throw new Error('The workbook host must be started as a worker thread or an Electron utility process.');
runHost(port);
