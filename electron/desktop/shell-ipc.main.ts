/**
 * IPC for `window.workbookShell`: the desktop-only actions. Paths are chosen here, in main-process
 * dialogs, and never accepted from the renderer. The registrar checks every sender and parses every
 * input with the channel's declaration (support/desktop-channels.ts) before an action runs.
 */
import type { BrowserWindow, Dialog, Shell } from 'electron';
import path from 'node:path';
import type { NewWorkbookRequest, SaveFileRequest, ShellResult } from '../contract/shell-api';
import { openSafeExternal } from './security.main';
import { safeFileName, suggestedCopyName, suggestedWorkbookName, WORKBOOK_EXTENSION } from './support/file-names';
import { shellIpc } from './support/ipc-names';
import { registrarFor, type IpcTarget, type RegistrarOptions } from './ipc-registrar.main';
import { extensionOf } from './support/shell-inputs';
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

/** The desktop actions, shared by the IPC handlers and the menu. Inputs arrive parsed. */
export interface ShellActions {
  getShellState(): Promise<unknown>;
  newWorkbook(request: NewWorkbookRequest): Promise<unknown>;
  openWorkbook(): Promise<unknown>;
  openRecent(id: string): Promise<unknown>;
  openDemo(): Promise<unknown>;
  saveCopy(): Promise<unknown>;
  saveFile(request: SaveFileRequest): Promise<unknown>;
  openExternal(url: string): Promise<unknown>;
}

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
      const chosen = await saveDialog({
        title: 'Save the new workbook as',
        defaultPath: path.join(deps.workbooksDir(), suggestedWorkbookName(request.areaName)),
        filters: [WORKBOOK_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (!chosen) return CANCELLED;
      return deps.host.create(withExtension(chosen, WORKBOOK_EXTENSION), request);
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

    openRecent: (id) => deps.host.openRecent(id),

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
      const fileName = safeFileName(request.fileName);
      const ext = extensionOf(fileName);
      const chosen = await saveDialog({
        title: 'Save the export as',
        defaultPath: path.join(deps.exportsDir(), fileName),
        filters: ext ? [{ name: FILTER_NAMES[ext] ?? `${ext.toUpperCase()} files`, extensions: [ext] }] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (!chosen) return CANCELLED;
      return deps.host.saveFile(withExtension(chosen, ext), Buffer.from(request.base64, 'base64'));
    },

    async openExternal(url) {
      const opened = await openSafeExternal(deps.shell, url, log);
      return opened
        ? { ok: true, value: null }
        : { ok: false, error: { code: 'not_allowed', message: 'Only secure web links (https) can be opened from the workbook.' } };
    },
  };
}

/** One handler per shell action, each registered through the guarded registrar. */
export function registerShellIpc(target: IpcTarget, actions: ShellActions, options: RegistrarOptions = {}): void {
  const registrar = registrarFor(target, { log: (m) => console.warn(`[shell] ${m}`), ...options });
  registrar.handle(shellIpc.getShellState, () => actions.getShellState());
  registrar.handle(shellIpc.newWorkbook, (request) => actions.newWorkbook(request));
  registrar.handle(shellIpc.openWorkbook, () => actions.openWorkbook());
  registrar.handle(shellIpc.openRecent, (id) => actions.openRecent(id));
  registrar.handle(shellIpc.openDemo, () => actions.openDemo());
  registrar.handle(shellIpc.saveCopy, () => actions.saveCopy());
  registrar.handle(shellIpc.saveFile, (request) => actions.saveFile(request));
  registrar.handle(shellIpc.openExternal, (url) => actions.openExternal(url));
}
