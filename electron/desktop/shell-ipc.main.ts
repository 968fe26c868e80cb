/**
 * IPC for `window.workbookShell`: the desktop-only actions. Paths are chosen here, in main-process
 * dialogs, and never accepted from the renderer; every input is zod-checked and every sender
 * checked like the contract's.
 */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import path from 'node:path';
import type { ShellResult } from '../contract/shell-api';
import { isTrustedSender } from './ipc.main';
import { openSafeExternal } from './security.main';
import { safeFileName, suggestedCopyName, suggestedWorkbookName, WORKBOOK_EXTENSION } from './support/file-names';
import { shellIpc } from './support/ipc-names';
import { extensionOf, externalUrlInput, newWorkbookRequest, recentIdInput, saveFileRequest } from './support/shell-inputs';
import type { WorkbookHost } from './support/workbook-host';

export interface ShellActionDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'openExternal'>;
  host: WorkbookHost;
  window: () => BrowserWindow | null;
  workbooksDir: () => string;
  /** Downloads or Documents: where exports are offered by default. */
  exportsDir: () => string;
  log?: (message: string) => void;
}

const CANCELLED: ShellResult<never> = { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } };
const REFUSED: ShellResult<never> = {
  ok: false,
  error: { code: 'not_allowed', message: 'This request did not come from the Evidence Workbook window, so it was refused.' },
};

function invalid(message: string | undefined): ShellResult<never> {
  return { ok: false, error: { code: 'failed', message: message ?? 'Check what you entered.' } };
}

const WORKBOOK_FILTER = { name: 'Evidence workbooks', extensions: [WORKBOOK_EXTENSION] };

const FILTER_NAMES: Record<string, string> = {
  docx: 'Word documents',
  xlsx: 'Excel workbooks',
  zip: 'Zip archives',
  pdf: 'PDF documents',
  csv: 'CSV files',
};

/** Adds the extension when the officer typed a name without one (Linux dialogs do not). */
function withExtension(file: string, ext: string | null): string {
  if (!ext || path.extname(file).toLowerCase() === `.${ext}`) return file;
  return `${file}.${ext}`;
}

type Action = (arg?: unknown) => Promise<unknown> | unknown;
export type ShellActions = Record<keyof typeof shellIpc, Action>;

/** The desktop actions, shared by the IPC handlers and the menu. Inputs are unknown until parsed. */
export function createShellActions(deps: ShellActionDeps): ShellActions {
  const log = deps.log ?? ((m: string) => console.warn(`[shell] ${m}`));

  const saveDialog = async (options: Electron.SaveDialogOptions): Promise<string | null> => {
    const win = deps.window();
    const result = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  return {
    getShellState: () => deps.host.state(),

    async newWorkbook(request) {
      const parsed = newWorkbookRequest.safeParse(request);
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
      const chosen = await saveDialog({
        title: 'Save the new workbook as',
        defaultPath: path.join(deps.workbooksDir(), suggestedWorkbookName(parsed.data.areaName)),
        filters: [WORKBOOK_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (!chosen) return CANCELLED;
      return deps.host.create(withExtension(chosen, WORKBOOK_EXTENSION), parsed.data);
    },

    async openWorkbook() {
      const win = deps.window();
      const options: Electron.OpenDialogOptions = {
        title: 'Open a workbook',
        defaultPath: deps.workbooksDir(),
        filters: [WORKBOOK_FILTER, { name: 'All files', extensions: ['*'] }],
        properties: ['openFile'],
      };
      const result = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options);
      const file = result.canceled ? undefined : result.filePaths[0];
      if (!file) return CANCELLED;
      return deps.host.open(file);
    },

    openRecent(id) {
      const parsed = recentIdInput.safeParse(id);
      if (!parsed.success) return { ok: false, error: { code: 'not_found', message: 'That workbook is no longer in the recent list.' } };
      return deps.host.openRecent(parsed.data);
    },

    openDemo: () => deps.host.openDemo(),

    async saveCopy() {
      const current = deps.host.current;
      if (!current) return { ok: false, error: { code: 'not_found', message: 'No workbook is open, so there is nothing to copy.' } };
      const chosen = await saveDialog({
        title: 'Save a copy of the workbook',
        defaultPath: path.join(path.dirname(current.path), suggestedCopyName(path.basename(current.path), new Date())),
        filters: [WORKBOOK_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (!chosen) return CANCELLED;
      return deps.host.saveCopy(withExtension(chosen, WORKBOOK_EXTENSION));
    },

    async saveFile(request) {
      const parsed = saveFileRequest.safeParse(request);
      if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
      const fileName = safeFileName(parsed.data.fileName);
      const ext = extensionOf(fileName);
      const chosen = await saveDialog({
        title: 'Save the export as',
        defaultPath: path.join(deps.exportsDir(), fileName),
        filters: ext ? [{ name: FILTER_NAMES[ext] ?? `${ext.toUpperCase()} files`, extensions: [ext] }] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (!chosen) return CANCELLED;
      return deps.host.saveFile(withExtension(chosen, ext), Buffer.from(parsed.data.base64, 'base64'));
    },

    async openExternal(url) {
      const parsed = externalUrlInput.safeParse(url);
      const opened = parsed.success && (await openSafeExternal(deps.shell, parsed.data, log));
      return opened
        ? { ok: true, value: null }
        : { ok: false, error: { code: 'not_allowed', message: 'Only secure web links (https) can be opened from the workbook.' } };
    },
  };
}

export interface ShellIpcOptions {
  isTrustedSender?: (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => boolean;
  log?: (message: string) => void;
}

/** One handler per shell action; each checks the sender first and always resolves with a result. */
export function registerShellIpc(ipcMain: Pick<IpcMain, 'handle'>, actions: ShellActions, options: ShellIpcOptions = {}): void {
  const trusted = options.isTrustedSender ?? isTrustedSender;
  const log = options.log ?? ((m: string) => console.warn(`[shell] ${m}`));
  for (const [name, channel] of Object.entries(shellIpc) as [keyof typeof shellIpc, string][]) {
    ipcMain.handle(channel, async (event, arg: unknown) => {
      if (!trusted(event)) {
        log(`refused ${channel} from an untrusted sender`);
        return REFUSED;
      }
      try {
        return await actions[name](arg);
      } catch (e) {
        log(`${channel} failed: ${(e as Error)?.message ?? String(e)}`);
        return { ok: false, error: { code: 'failed', message: 'Something went wrong. Nothing was changed; try again.' } };
      }
    });
  }
}
