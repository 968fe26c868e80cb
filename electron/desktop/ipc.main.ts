/**
 * The contract over IPC: ONE invoke channel whose payload names a contract channel. The registrar
 * (ipc-registrar.main.ts) has already checked the sender (main frame of our own app:// page, as
 * VS Code does) and that the payload names a contract channel (derived from `channelNames`, never
 * hand-listed) before this runs; the workbook host then validates the input with the channel's
 * zod schema in dispatch.
 *
 * Imports only types from electron, so the adversarial suites can drive it with electron mocked.
 */
import type { Dispatch } from '../core/api/dispatch';
import type { Result } from '../contract/define';
import { INVOKE_CHANNEL } from './support/ipc-names';
import { isTrustedSender, registrarFor, SENDER_REFUSED, type IpcTarget, type Log, type RegistrarOptions } from './ipc-registrar.main';

export { isTrustedSender, type Log };

export const REFUSED: Result<never> = SENDER_REFUSED;

export interface InvokeHandlerDeps {
  dispatch: Dispatch;
  isTrustedSender?: RegistrarOptions['isTrustedSender'];
  log?: Log;
}

export function registerWorkbookIpc(target: IpcTarget, deps: InvokeHandlerDeps): void {
  const log = deps.log ?? ((message: string) => console.warn(`[ipc] ${message}`));
  registrarFor(target, { isTrustedSender: deps.isTrustedSender, log }).handle(INVOKE_CHANNEL, async ({ channel, input }) => {
    try {
      return await deps.dispatch(channel, input);
    } catch (e) {
      log(`dispatch failed unexpectedly: ${(e as Error)?.message ?? String(e)}`);
      throw e;
    }
  });
}
