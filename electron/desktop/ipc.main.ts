/**
 * The contract over IPC: ONE invoke channel whose payload names a contract channel. Every message's
 * sender is checked (main frame of our own app:// page, as VS Code does), the payload's shape and
 * channel name are checked against the contract (derived from `channelNames`, never hand-listed),
 * and only then does dispatch validate the input with the channel's zod schema.
 *
 * Imports only types from electron, so the safety engineer's adversarial suite can drive it with
 * electron mocked.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../core/api/dispatch';
import { isChannelName } from '../contract/channels';
import type { Result } from '../contract/define';
import { INVOKE_CHANNEL } from './support/ipc-names';
import { invokePayload } from './support/shell-inputs';
import { isTrustedFrame } from './support/trusted-url';

export type Log = (message: string) => void;

const defaultLog: Log = (message) => console.warn(`[ipc] ${message}`);

/** True when the message came from the main frame of the app's own page in its own window. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  try {
    return isTrustedFrame(event.senderFrame);
  } catch {
    // A destroyed frame throws on access: refuse.
    return false;
  }
}

export const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'not_allowed', message: 'This request did not come from the Evidence Workbook window, so it was refused.' },
};

export const UNKNOWN_CHANNEL: Result<never> = {
  ok: false,
  error: { code: 'unknown_channel', message: 'The app asked for something it does not offer. Restart the app; if it happens again, report it.' },
};

function describeSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  try {
    const url = event.senderFrame?.url ?? '(no frame)';
    return url.length > 200 ? `${url.slice(0, 200)}…` : url;
  } catch {
    return '(destroyed frame)';
  }
}

export interface InvokeHandlerDeps {
  dispatch: Dispatch;
  isTrustedSender?: (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => boolean;
  log?: Log;
}

/** The handler behind `window.workbook.invoke`: always resolves with a Result, never throws. */
export function createInvokeHandler(deps: InvokeHandlerDeps) {
  const trusted = deps.isTrustedSender ?? isTrustedSender;
  const log = deps.log ?? defaultLog;
  return async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
    if (!trusted(event)) {
      log(`refused a request from an untrusted sender: ${describeSender(event)}`);
      return REFUSED;
    }
    const parsed = invokePayload.safeParse(payload);
    if (!parsed.success || !isChannelName(parsed.data.channel)) {
      log('refused a request for a channel the contract does not declare');
      return UNKNOWN_CHANNEL;
    }
    try {
      return await deps.dispatch(parsed.data.channel, parsed.data.input);
    } catch (e) {
      log(`dispatch failed unexpectedly: ${(e as Error)?.message ?? String(e)}`);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong and nothing was changed. Try again; if it keeps happening, report it with the time it happened.' } };
    }
  };
}

export function registerWorkbookIpc(ipcMain: Pick<IpcMain, 'handle'>, deps: InvokeHandlerDeps): void {
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler(deps));
}
