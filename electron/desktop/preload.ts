/**
 * The sandboxed preload: the only bridge between the page and the main process. It exposes
 * `window.workbook` (the contract, refusing names the contract does not declare — the list is
 * `channelNames`, bundled in, never hand-written), `window.workbookShell` (desktop actions) and
 * `window.workbookFiles` (evidence files). Every IPC name it sends on is one declared in
 * support/desktop-channels.ts (`desktopChannelNames`), the same list the main process's registrar
 * accepts. No Node, no ipcRenderer and no paths reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, isChannelName } from '../contract/channels';
import type { Result } from '../contract/define';
import { FILES_PROGRESS_EVENT, filesIpc, type FilesShell, type ImportProgressView } from '../contract/files-shell-api';
import { isMenuAction, type MenuAction, type WorkbookBridge, type WorkbookShell } from '../contract/shell-api';
import { desktopChannelNames, type DesktopChannelName } from './support/desktop-channels';
import { INVOKE_CHANNEL, MENU_EVENT, shellIpc } from './support/ipc-names';

const unknownChannel: Result<never> = {
  ok: false,
  error: { code: 'unknown_channel', message: 'The app asked for something it does not offer. Restart the app; if it happens again, report it.' },
};

/** Exposed for the drift test: exactly the contract's channels. */
export const allowedChannels: readonly string[] = channelNames;

/** Exposed for the drift test: exactly the IPC names the main process's registrar accepts. */
export const allowedIpcChannels: readonly string[] = desktopChannelNames;

/** Sends on a declared IPC channel only (the type admits no other name; the check guards the bundle). */
function send(channel: DesktopChannelName, ...args: unknown[]): Promise<never> {
  if (!allowedIpcChannels.includes(channel)) return Promise.resolve(unknownChannel as never);
  return ipcRenderer.invoke(channel, ...args) as Promise<never>;
}

export const workbookBridge: WorkbookBridge = {
  invoke: ((channel: unknown, input: unknown) => {
    if (!isChannelName(channel)) return Promise.resolve(unknownChannel);
    return send(INVOKE_CHANNEL, { channel, input });
  }) as WorkbookBridge['invoke'],
};

export const workbookShell = {
  getShellState: () => send(shellIpc.getShellState),
  newWorkbook: (request) => send(shellIpc.newWorkbook, request),
  openWorkbook: () => send(shellIpc.openWorkbook),
  openRecent: (id) => send(shellIpc.openRecent, id),
  openDemo: () => send(shellIpc.openDemo),
  saveCopy: () => send(shellIpc.saveCopy),
  saveFile: (file) => send(shellIpc.saveFile, file),
  openExternal: (url) => send(shellIpc.openExternal, url),
  onMenu(callback) {
    // The page never receives the IpcRendererEvent (it carries `sender`, i.e. ipcRenderer).
    const listener = (_event: unknown, action: unknown) => {
      if (isMenuAction(action)) callback(action as MenuAction);
    };
    ipcRenderer.on(MENU_EVENT, listener);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT, listener);
    };
  },
} satisfies WorkbookShell;

/** `window.workbookFiles`: evidence files (handlers in electron/desktop/files.main.ts, by the files engineer). */
export const workbookFiles = {
  openFile: (fileId) => send(filesIpc.openFile, fileId),
  saveFileAs: (fileId) => send(filesIpc.saveFileAs, fileId),
  pickAndAttach: (evidenceId) => send(filesIpc.pickAndAttach, evidenceId),
  importFolder: (request) => send(filesIpc.importFolder, request),
  cancelImport: () => send(filesIpc.cancelImport),
  onImportProgress(callback) {
    const listener = (_event: unknown, progress: unknown) => {
      if (progress && typeof progress === 'object') callback(progress as ImportProgressView);
    };
    ipcRenderer.on(FILES_PROGRESS_EVENT, listener);
    return () => {
      ipcRenderer.removeListener(FILES_PROGRESS_EVENT, listener);
    };
  },
} satisfies FilesShell;

contextBridge.exposeInMainWorld('workbook', workbookBridge);
contextBridge.exposeInMainWorld('workbookShell', workbookShell);
contextBridge.exposeInMainWorld('workbookFiles', workbookFiles);
