/** Placeholder so the shell can wire the evidence-files IPC; the files engineer fills it in. */
import type { Dialog, IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import type { WorkbookSession } from './api/workbook-session';

export interface FileHandlerDeps {
  ipcMain: IpcMain;
  dialog: Dialog;
  shell: Shell;
  getSession: () => WorkbookSession | null;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
}

export function registerFileHandlers(_deps: FileHandlerDeps): void {}
