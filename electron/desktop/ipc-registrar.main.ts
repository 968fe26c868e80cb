/**
 * The one way to register an IPC handler in the main process (like VS Code's validatedIpcMain):
 * a name must be declared in desktop-channels.ts, and every message is checked once, here, before
 * its handler runs — the sender is the main frame of the app's own app:// page, and the input
 * parses with the channel's zod schema. A refusal or a failure is a typed `{ ok: false, error }`;
 * nothing thrown reaches the page. Imports only types from electron, so tests drive it mocked.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { checkOutputsByDefault } from '../core/api/output-checks';
import { desktopChannels, isDesktopChannel, type DesktopChannelName } from './support/desktop-channels';
import { isTrustedFrame } from './support/trusted-url';

export type Log = (message: string) => void;

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** True when the message came from the main frame of the app's own page in its own window. */
export function isTrustedSender(event: Sender): boolean {
  try {
    return isTrustedFrame(event.senderFrame);
  } catch {
    // A destroyed frame throws on access: refuse.
    return false;
  }
}

export const SENDER_REFUSED = {
  ok: false as const,
  error: { code: 'not_allowed' as const, message: 'This request did not come from the Evidence Workbook window, so it was refused.' },
};

function describeSender(event: Sender): string {
  try {
    const url = event.senderFrame?.url ?? '(no frame)';
    return url.length > 200 ? `${url.slice(0, 200)}…` : url;
  } catch {
    return '(destroyed frame)';
  }
}

type Input<N extends DesktopChannelName> = z.output<(typeof desktopChannels)[N]['input']>;

export type GuardedHandler<N extends DesktopChannelName> = (input: Input<N>, event: IpcMainInvokeEvent) => unknown;

export interface IpcRegistrar {
  /** Registers the handler for a declared channel; its input arrives parsed. */
  handle<N extends DesktopChannelName>(channel: N, handler: GuardedHandler<N>): void;
  /** Every channel registered through this registrar, in order. */
  registered(): readonly DesktopChannelName[];
}

export interface RegistrarOptions {
  isTrustedSender?: (event: Sender) => boolean;
  log?: Log;
  /**
   * Check each answer against the channel's declared output: a mismatch is logged and answered as
   * a failure. Unset: the same rule as dispatch (checkOutputsByDefault: on in development and
   * tests, off in the packaged app and production builds).
   */
  validateOutput?: boolean;
}

/** Every function this module handed to ipcMain.handle: the enumeration test checks nothing else was registered. */
const guarded = new WeakSet<object>();

export function isGuardedHandler(fn: unknown): boolean {
  return typeof fn === 'function' && guarded.has(fn);
}

const defaultLog: Log = (message) => console.warn(`[ipc] ${message}`);

export function createIpcRegistrar(ipcMain: Pick<IpcMain, 'handle'>, options: RegistrarOptions = {}): IpcRegistrar {
  const trusted = options.isTrustedSender ?? isTrustedSender;
  const log = options.log ?? defaultLog;
  const validateOutput = options.validateOutput ?? checkOutputsByDefault();
  const names: DesktopChannelName[] = [];
  return {
    handle(channel, handler) {
      if (!isDesktopChannel(channel)) throw new Error(`IPC channel ${String(channel)} is not declared in desktop-channels.ts.`);
      if (names.includes(channel)) throw new Error(`IPC channel ${channel} is already registered.`);
      const declaration = desktopChannels[channel];
      const failed = { ok: false as const, error: { code: declaration.failureCode, message: 'Something went wrong and nothing was changed. Try again; if it keeps happening, report it with the time it happened.' } };
      const guard = async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
        if (!trusted(event)) {
          log(`refused ${channel} from an untrusted sender: ${describeSender(event)}`);
          return SENDER_REFUSED;
        }
        // One argument at most: a second is as hostile as a wrong first.
        const parsed = args.length > 1 ? null : declaration.input.safeParse(args[0]);
        if (!parsed?.success) {
          log(`refused ${channel}: its input is not what the channel declares`);
          const refusal = 'refuse' in declaration ? declaration.refuse : undefined;
          const first = parsed?.error.issues[0]?.message;
          return { ok: false, error: refusal ?? { code: declaration.failureCode, message: first && !/^Invalid input/.test(first) ? first : 'Check what you entered.' } };
        }
        try {
          const answer = await (handler as (input: unknown, event: IpcMainInvokeEvent) => unknown)(parsed.data, event);
          if (validateOutput) {
            const checked = declaration.output.safeParse(answer);
            if (!checked.success) {
              log(`${channel} answered with something its declaration does not allow:\n${z.prettifyError(checked.error)}`);
              return failed;
            }
          }
          return answer;
        } catch (e) {
          log(`${channel} failed: ${(e as Error)?.message ?? String(e)}`);
          return failed;
        }
      };
      guarded.add(guard);
      names.push(channel);
      ipcMain.handle(channel, guard);
    },
    registered: () => [...names],
  };
}

/** A registrar given to a register function, or an ipcMain to make one for (older call sites and tests). */
export type IpcTarget = IpcRegistrar | Pick<IpcMain, 'handle'>;

export function registrarFor(target: IpcTarget, options: RegistrarOptions = {}): IpcRegistrar {
  return 'registered' in target ? target : createIpcRegistrar(target, options);
}
