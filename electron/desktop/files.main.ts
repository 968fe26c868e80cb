/**
 * Electron glue for evidence files (issue #6): open a stored file with the system viewer, "Save
 * as…", pick files to attach and import a folder. Dialogs run here and this process reads and
 * writes the files, so the page never sends or sees a path. Every handler checks the sender and
 * always resolves with a ShellResult whose message an officer can act on.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Dialog, IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import { z } from 'zod';
import type { WorkbookSession } from '../core/api/workbook-session';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS } from '../contract/enums';
import { id } from '../contract/fields';
import { FILES_PROGRESS_EVENT, filesIpc, type ImportProgressView, type PickedFilesSummary } from '../contract/files-shell-api';
import type { ShellResult } from '../contract/shell-api';
import { writeFileAtomically, WriteFileError } from '../core/exports/write-file-atomically';
import { fileSource } from '../core/files/byte-source';
import { attachFile, readFile } from '../core/files/file-store';
import { explainFsError, importFolder } from '../core/files/import-folder';
import { extensionOf } from '../core/files/sanitize-name';
import { scheduleTextExtraction } from '../core/files/text/text-queue';
import type { ServiceContext } from '../core/services/context';
import { ServiceError } from '../core/services/service-error';

export interface FileHandlerDeps {
  ipcMain: IpcMain;
  dialog: Dialog;
  shell: Shell;
  getSession: () => WorkbookSession | null;
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** Where opened copies go; defaults to a folder in the system temp folder, emptied at start. */
  tempDir?: string;
  log?: (message: string) => void;
}

const fileIdInput = id('File');
const evidenceIdInput = id('Evidence item');
const importRequest = z.strictObject({ kind: z.enum(EVIDENCE_KINDS).optional(), level: z.enum(EVIDENCE_LEVELS).optional() });

const CANCELLED: ShellResult<never> = { ok: false, error: { code: 'cancelled', message: '' } };
const failed = (message: string): ShellResult<never> => ({ ok: false, error: { code: 'failed', message } });
const NO_WORKBOOK = failed('No workbook is open. Open or create a workbook first.');
const READ_ONLY = failed('This workbook is open read-only, so files cannot be added to it.');

function messageOf(e: unknown): string | null {
  if (e instanceof ServiceError || e instanceof WriteFileError) return e.message;
  return null;
}

export function registerFileHandlers(deps: FileHandlerDeps): void {
  const log = deps.log ?? ((m: string) => console.warn(`[files] ${m}`));
  const openDir = deps.tempDir ?? path.join(tmpdir(), 'evidence-workbook-open');
  // Copies opened in a previous session are no longer needed (viewers have closed them).
  rmSync(openDir, { recursive: true, force: true });
  let running: AbortController | null = null;

  const context = (): ServiceContext | null => deps.getSession()?.context() ?? null;

  const handle = <A>(channel: string, action: (event: IpcMainInvokeEvent, arg: A) => Promise<ShellResult<unknown> | void>) => {
    deps.ipcMain.handle(channel, async (event, arg: A) => {
      if (!deps.isTrustedSender(event)) {
        log(`refused ${channel} from an untrusted sender`);
        return { ok: false, error: { code: 'not_allowed', message: 'This request was refused.' } };
      }
      try {
        return await action(event, arg);
      } catch (e) {
        const known = messageOf(e);
        if (!known) log(`${channel} failed: ${(e as Error)?.message ?? String(e)}`);
        return failed(known ?? 'Something went wrong. Nothing was changed; try again.');
      }
    });
  };

  handle<unknown>(filesIpc.openFile, async (_event, arg) => {
    const fileId = fileIdInput.safeParse(arg);
    if (!fileId.success) return failed('That file could not be found.');
    const ctx = context();
    if (!ctx) return NO_WORKBOOK;
    const file = readFile(ctx, fileId.data);
    const dir = path.join(openDir, randomUUID());
    mkdirSync(dir, { recursive: true });
    const target = path.join(dir, file.fileName);
    writeFileAtomically(target, file.bytes);
    const problem = await deps.shell.openPath(target);
    return problem ? failed(`${file.fileName} could not be opened: ${problem}. Use “Save as…” and open it from there.`) : { ok: true, value: null };
  });

  handle<unknown>(filesIpc.saveFileAs, async (_event, arg) => {
    const fileId = fileIdInput.safeParse(arg);
    if (!fileId.success) return failed('That file could not be found.');
    const ctx = context();
    if (!ctx) return NO_WORKBOOK;
    const file = readFile(ctx, fileId.data);
    const ext = extensionOf(file.fileName);
    const chosen = await deps.dialog.showSaveDialog({
      title: 'Save the file as',
      defaultPath: file.fileName,
      filters: ext ? [{ name: `${ext.toUpperCase()} files`, extensions: [ext] }] : [],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (chosen.canceled || !chosen.filePath) return CANCELLED;
    const target = ext && extensionOf(chosen.filePath) !== ext ? `${chosen.filePath}.${ext}` : chosen.filePath;
    writeFileAtomically(target, file.bytes);
    return { ok: true, value: { fileName: path.basename(target) } };
  });

  handle<unknown>(filesIpc.pickAndAttach, async (_event, arg) => {
    const evidenceId = evidenceIdInput.safeParse(arg);
    if (!evidenceId.success) return failed('That evidence item could not be found.');
    const ctx = context();
    if (!ctx) return NO_WORKBOOK;
    if (ctx.workbook.readOnly) return READ_ONLY;
    const chosen = await deps.dialog.showOpenDialog({ title: 'Attach files', properties: ['openFile', 'multiSelections'] });
    if (chosen.canceled || chosen.filePaths.length === 0) return CANCELLED;
    const summary: PickedFilesSummary = { attached: [], refused: [] };
    for (const p of chosen.filePaths) {
      const fileName = path.basename(p);
      try {
        const source = fileSource(p);
        try {
          const r = attachFile(ctx, evidenceId.data, source, fileName);
          summary.attached.push({ fileName: r.file.fileName, notice: r.notice, alreadyAttached: r.alreadyAttached });
        } finally {
          source.close();
        }
      } catch (e) {
        const reason = messageOf(e) ?? ((e as NodeJS.ErrnoException).code ? `It could not be read: ${explainFsError(e)}.` : null);
        if (!reason) throw e;
        summary.refused.push({ fileName, reason });
      }
    }
    void scheduleTextExtraction(ctx);
    return { ok: true, value: summary };
  });

  handle<unknown>(filesIpc.importFolder, async (event, arg) => {
    const request = importRequest.safeParse(arg ?? {});
    if (!request.success) return failed('Choose the kind and level from the lists.');
    const ctx = context();
    if (!ctx) return NO_WORKBOOK;
    if (ctx.workbook.readOnly) return READ_ONLY;
    if (running) return failed('An import is already running. Wait for it to finish or cancel it first.');
    const chosen = await deps.dialog.showOpenDialog({ title: 'Import a folder of evidence', properties: ['openDirectory'] });
    if (chosen.canceled || !chosen.filePaths[0]) return CANCELLED;
    const folder = chosen.filePaths[0];
    running = new AbortController();
    let lastSent = 0;
    const send = (p: ImportProgressView) => {
      // At most ten updates a second: hundreds of small files would flood the page otherwise.
      const now = Date.now();
      if (p.current !== null && p.done !== 0 && now - lastSent < 100) return;
      lastSent = now;
      if (!event.sender.isDestroyed()) event.sender.send(FILES_PROGRESS_EVENT, p);
    };
    try {
      const summary = await importFolder(ctx, folder, { ...request.data, signal: running.signal, onProgress: send });
      return { ok: true, value: { folderName: path.basename(folder), ...summary } };
    } finally {
      running = null;
    }
  });

  handle<unknown>(filesIpc.cancelImport, async () => {
    running?.abort();
  });
}
