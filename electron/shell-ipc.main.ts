/**
 * IPC for `window.workbookShell`: the desktop-only actions. Paths are chosen here, in main-process
 * dialogs, and never accepted from the renderer; every input is zod-checked and every sender
 * checked like the contract's.
 */
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import path from 'node:path';
import type { ShellResult } from './contract/shell-api';
import { isTrustedSender } from './ipc.main';
import { openSafeExternal } from './security.main';
import { safeFileName, suggestedCopyName, suggestedWorkbookName, WORKBOOK_EXTENSION } from './shell/file-names';
import { shellIpc } from './shell/ipc-names';
import { extensionOf, externalUrlInput, newWorkbookRequest, recentIdInput, saveFileRequest } from './shell/shell-inputs';
import type { WorkbookHost } from './shell/workbook-host';

export interface ShellIpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'openExternal'>;
  host: WorkbookHost;
  window: () => BrowserWindow | null;
  workbooksDir: () => string;
  /** Downloads or Documents: where exports are offered by default. */
  exportsDir: () => string;
  isTrustedSender?: (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => boolean;
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

export function registerShellIpc(deps: ShellIpcDeps): void {
  const trusted = deps.isTrustedSender ?? isTrustedSender;
  const log = deps.log ?? ((m: string) => console.warn(`[shell] ${m}`));

  const handle = <A extends unknown[]>(channel: string, run: (...args: A) => Promise<unknown> | unknown) => {
    deps.ipcMain.handle(channel, async (event, ...args) => {
      if (!trusted(event)) {
        log(`refused ${channel} from an untrusted sender`);
        return REFUSED;
      }
      try {
        return await run(...(args as A));
      } catch (e) {
        log(`${channel} failed: ${(e as Error)?.message ?? String(e)}`);
        return { ok: false, error: { code: 'failed', message: 'Something went wrong. Nothing was changed; try again.' } };
      }
    });
  };

  const saveDialog = async (options: Electron.SaveDialogOptions): Promise<string | null> => {
    const win = deps.window();
    const result = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  handle(shellIpc.getShellState, () => deps.host.state());

  handle(shellIpc.newWorkbook, async (request: unknown) => {
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
  });

  handle(shellIpc.openWorkbook, async () => {
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
  });

  handle(shellIpc.openRecent, (id: unknown) => {
    const parsed = recentIdInput.safeParse(id);
    if (!parsed.success) return { ok: false, error: { code: 'not_found', message: 'That workbook is no longer in the recent list.' } };
    return deps.host.openRecent(parsed.data);
  });

  handle(shellIpc.openDemo, () => deps.host.openDemo());

  handle(shellIpc.saveCopy, async () => {
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
  });

  handle(shellIpc.saveFile, async (request: unknown) => {
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
  });

  handle(shellIpc.openExternal, async (url: unknown) => {
    const parsed = externalUrlInput.safeParse(url);
    const opened = parsed.success && (await openSafeExternal(deps.shell, parsed.data, log));
    return opened
      ? { ok: true, value: null }
      : { ok: false, error: { code: 'not_allowed', message: 'Only secure web links (https) can be opened from the workbook.' } };
  });
}
