/**
 * Electron glue for evidence files (issue #6): open a stored file with the system viewer, "Save
 * as…", pick files to attach and import a folder. Dialogs run here; the workbook host reads and
 * writes the workbook (core/host/file-ops.ts), so the page never sends or sees a path. Every
 * handler is registered through the guarded registrar (sender and input checked there) and
 * resolves with a ShellResult whose message an officer can act on.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Dialog, IpcMainInvokeEvent, Shell } from 'electron';
import type { WorkbookSession } from '../core/api/workbook-session';
import { FILES_PROGRESS_EVENT, filesIpc, type ImportProgressView } from '../contract/files-shell-api';
import type { ShellResult } from '../contract/shell-api';
import { writeFileAtomicallyAsync, WriteFileError } from '../core/exports/write-file-atomically';
import { sessionFilesBackend } from '../core/host/file-ops';
import type { FilesBackend } from '../core/host/files-backend';
import type { HostResult } from '../core/host/host-protocol';
import { extensionOf } from '../core/files/sanitize-name';
import { registrarFor, type IpcTarget, type RegistrarOptions } from './ipc-registrar.main';

export interface FileHandlerDeps {
  /** The guarded registrar (or an ipcMain to make one for). */
  registrar?: IpcTarget;
  /** @deprecated pass `registrar`; kept for callers that pass ipcMain by this name. */
  ipcMain?: IpcTarget;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  /** Where the workbook is: the host's messages in the app. */
  files?: FilesBackend;
  /** A session on this thread instead of `files` (tests of this glue). */
  getSession?: () => WorkbookSession | null;
  isTrustedSender?: RegistrarOptions['isTrustedSender'];
  /** Where opened copies go; defaults to a folder in the system temp folder, emptied at start. */
  tempDir?: string;
  log?: (message: string) => void;
}

const CANCELLED: ShellResult<never> = { ok: false, error: { code: 'cancelled', message: '' } };
const failed = (message: string): ShellResult<never> => ({ ok: false, error: { code: 'failed', message } });
const NO_WORKBOOK = failed('No workbook is open. Open or create a workbook first.');
const READ_ONLY = failed('This workbook is open read-only, so files cannot be added to it.');

/** A host answer as the page sees it: host error codes become 'failed' with the host's message. */
function shellResult<T>(result: HostResult<T>): ShellResult<T> {
  return result.ok ? result : failed(result.error.message);
}

async function writeOrExplain(target: string, bytes: Uint8Array): Promise<ShellResult<never> | null> {
  try {
    await writeFileAtomicallyAsync(target, bytes);
    return null;
  } catch (e) {
    if (e instanceof WriteFileError) return failed(e.message);
    throw e;
  }
}

export function registerFileHandlers(deps: FileHandlerDeps): void {
  const log = deps.log ?? ((m: string) => console.warn(`[files] ${m}`));
  const target = deps.registrar ?? deps.ipcMain;
  if (!target) throw new Error('registerFileHandlers needs the IPC registrar.');
  const files = deps.files ?? (deps.getSession ? sessionFilesBackend(deps.getSession) : null);
  if (!files) throw new Error('registerFileHandlers needs the workbook host (files) or a session.');
  const registrar = registrarFor(target, { isTrustedSender: deps.isTrustedSender, log });
  const openDir = deps.tempDir ?? path.join(tmpdir(), 'evidence-workbook-open');
  // Copies opened in a previous session are no longer needed (viewers have closed them).
  rmSync(openDir, { recursive: true, force: true });

  /** Refuses before a dialog opens: no workbook, or (for adding files) a read-only one. */
  const notReady = async (write: boolean): Promise<ShellResult<never> | null> => {
    const current = await files.current();
    if (!current) return NO_WORKBOOK;
    return write && current.readOnly ? READ_ONLY : null;
  };

  registrar.handle(filesIpc.openFile, async (fileId) => {
    const file = await files.readFile(fileId);
    if (!file.ok) return shellResult(file);
    const dir = path.join(openDir, randomUUID());
    mkdirSync(dir, { recursive: true });
    const target = path.join(dir, file.value.fileName);
    const problem = await writeOrExplain(target, file.value.bytes);
    if (problem) return problem;
    const refusal = await deps.shell.openPath(target);
    return refusal ? failed(`${file.value.fileName} could not be opened: ${refusal}. Use “Save as…” and open it from there.`) : { ok: true, value: null };
  });

  registrar.handle(filesIpc.saveFileAs, async (fileId) => {
    const file = await files.readFile(fileId);
    if (!file.ok) return shellResult(file);
    const ext = extensionOf(file.value.fileName);
    const chosen = await deps.dialog.showSaveDialog({
      title: 'Save the file as',
      defaultPath: file.value.fileName,
      filters: ext ? [{ name: `${ext.toUpperCase()} files`, extensions: [ext] }] : [],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (chosen.canceled || !chosen.filePath) return CANCELLED;
    const target = ext && extensionOf(chosen.filePath) !== ext ? `${chosen.filePath}.${ext}` : chosen.filePath;
    return (await writeOrExplain(target, file.value.bytes)) ?? { ok: true, value: { fileName: path.basename(target) } };
  });

  registrar.handle(filesIpc.pickAndAttach, async (evidenceId) => {
    const refusal = await notReady(true);
    if (refusal) return refusal;
    const chosen = await deps.dialog.showOpenDialog({ title: 'Attach files', properties: ['openFile', 'multiSelections'] });
    if (chosen.canceled || chosen.filePaths.length === 0) return CANCELLED;
    return shellResult(await files.attachFiles(evidenceId, chosen.filePaths));
  });

  registrar.handle(filesIpc.importFolder, async (request, event: IpcMainInvokeEvent) => {
    const refusal = await notReady(true);
    if (refusal) return refusal;
    const chosen = await deps.dialog.showOpenDialog({ title: 'Import a folder of evidence', properties: ['openDirectory'] });
    if (chosen.canceled || !chosen.filePaths[0]) return CANCELLED;
    const send = (p: ImportProgressView) => {
      if (!event.sender.isDestroyed()) event.sender.send(FILES_PROGRESS_EVENT, p);
    };
    return shellResult(await files.importFolder({ ...request, folder: chosen.filePaths[0] }, send));
  });

  registrar.handle(filesIpc.cancelImport, async () => {
    await files.cancelImport();
  });
}
