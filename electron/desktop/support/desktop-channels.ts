/**
 * Every IPC channel between the preload and the main process, declared once: name, zod input,
 * zod output, and the refusal a page gets for an input that fails the schema. The contract travels
 * on ONE of them (`workbook:invoke`, whose payload names a contract channel); the shell's desktop
 * actions and the evidence-file actions are the rest. The registrar (ipc-registrar.main.ts) accepts
 * only these names and parses every input with these schemas; the preload's allow-list is
 * `desktopChannelNames`. Nothing else may call ipcMain.handle (test/shell/ipc-registrar.adversarial.test.ts).
 */
import { z } from 'zod';
import { isChannelName } from '../../contract/channels';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS } from '../../contract/enums';
import { id } from '../../contract/fields';
import { filesIpc } from '../../contract/files-shell-api';
import { INVOKE_CHANNEL, shellIpc } from './ipc-names';
import { externalUrlInput, newWorkbookRequest, recentIdInput, saveFileRequest } from './shell-inputs';

export interface Refusal {
  code: string;
  message: string;
}

export interface DesktopChannel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** What the page is told when the input fails its schema (default: the first issue's message). */
  readonly refuse?: Refusal;
  /** The error code for an unexpected failure ('failed' for shell results, 'internal' for the contract). */
  readonly failureCode: string;
}

const error = z.object({ code: z.string(), message: z.string() }).loose();
/** A ShellResult / contract Result carrying `value`. */
const result = <T extends z.ZodType>(value: T) => z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error })]);

const shell = <I extends z.ZodType, O extends z.ZodType>(input: I, value: O, refuse?: Refusal): DesktopChannel<I, z.ZodType> => ({
  input,
  output: result(value),
  refuse,
  failureCode: 'failed',
});

/** Channels that take nothing: anything sent is refused, not ignored. */
const nothing = z.undefined({ error: 'This action takes no input.' });

const openedWorkbook = z.object({ fileName: z.string(), readOnly: z.boolean() });
const savedFile = z.object({ fileName: z.string() });
const shellState = z.object({
  appVersion: z.string(),
  firstRun: z.boolean(),
  current: openedWorkbook.nullable(),
  recent: z.array(z.object({ id: z.string(), fileName: z.string(), folderName: z.string(), openedAt: z.string() })),
  startupMessage: z.string().nullable(),
});
const pickedFiles = z.object({
  attached: z.array(z.object({ fileName: z.string(), notice: z.string().nullable(), alreadyAttached: z.boolean() })),
  refused: z.array(z.object({ fileName: z.string(), reason: z.string() })),
});
const importSummary = z.object({ folderName: z.string(), cancelled: z.boolean() }).loose();

const FILE_NOT_FOUND: Refusal = { code: 'failed', message: 'That file could not be found.' };

export const desktopChannels = {
  [INVOKE_CHANNEL]: {
    input: z.strictObject({ channel: z.string().max(100).refine(isChannelName), input: z.unknown() }),
    output: result(z.unknown()),
    refuse: { code: 'unknown_channel', message: 'The app asked for something it does not offer. Restart the app; if it happens again, report it.' },
    failureCode: 'internal',
  } satisfies DesktopChannel,

  [shellIpc.getShellState]: { input: nothing, output: shellState, failureCode: 'failed' } satisfies DesktopChannel,
  [shellIpc.newWorkbook]: shell(newWorkbookRequest, openedWorkbook),
  [shellIpc.openWorkbook]: shell(nothing, openedWorkbook),
  [shellIpc.openRecent]: shell(recentIdInput, openedWorkbook, { code: 'not_found', message: 'That workbook is no longer in the recent list.' }),
  [shellIpc.openDemo]: shell(nothing, openedWorkbook),
  [shellIpc.saveCopy]: shell(nothing, savedFile),
  [shellIpc.saveFile]: shell(saveFileRequest, savedFile),
  [shellIpc.openExternal]: shell(externalUrlInput, z.null(), { code: 'not_allowed', message: 'Only secure web links (https) can be opened from the workbook.' }),

  [filesIpc.openFile]: shell(id('File'), z.null(), FILE_NOT_FOUND),
  [filesIpc.saveFileAs]: shell(id('File'), savedFile, FILE_NOT_FOUND),
  [filesIpc.pickAndAttach]: shell(id('Evidence item'), pickedFiles, { code: 'failed', message: 'That evidence item could not be found.' }),
  [filesIpc.importFolder]: shell(
    z.strictObject({ kind: z.enum(EVIDENCE_KINDS).optional(), level: z.enum(EVIDENCE_LEVELS).optional() }).optional(),
    importSummary,
    { code: 'failed', message: 'Choose the kind and level from the lists.' },
  ),
  [filesIpc.cancelImport]: { input: nothing, output: z.undefined(), failureCode: 'failed' } satisfies DesktopChannel,
} as const satisfies Record<string, DesktopChannel>;

export type DesktopChannelName = keyof typeof desktopChannels;

/** The preload's and the registrar's allow-list: exactly the declared names. */
export const desktopChannelNames = Object.keys(desktopChannels) as DesktopChannelName[];

export function isDesktopChannel(name: unknown): name is DesktopChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(desktopChannels, name);
}
