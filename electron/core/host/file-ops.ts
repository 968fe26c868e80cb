/**
 * Evidence-file work whose dialogs run in the Electron shell (issue #6) but whose reading and
 * writing of the workbook runs in the workbook host: read a stored file's bytes, attach files the
 * officer picked, import a chosen folder. One implementation; `FilesBackend` is how the shell
 * reaches it — through the host's messages (`hostFilesBackend`, the app) or on this thread for a
 * session a test already holds (`sessionFilesBackend`).
 */
import path from 'node:path';
import type { ImportFolderRequest, ImportProgressView, ImportSummaryView, PickedFilesSummary } from '../../contract/files-shell-api';
import type { WorkbookSession } from '../api/workbook-session';
import { WriteFileError } from '../exports/write-file-atomically';
import { fileSource } from '../files/byte-source';
import { attachFile, readFile } from '../files/file-store';
import { explainFsError, importFolder } from '../files/import-folder';
import { scheduleTextExtraction } from '../files/text/text-queue';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/service-error';
import type { FilesBackend, StoredFileBytes } from './files-backend';
import type { HostResult } from './host-protocol';

export type { FilesBackend, StoredFileBytes };

const NO_WORKBOOK = new ServiceError('no_workbook', 'No workbook is open. Open or create a workbook first.');

function knownMessage(e: unknown): string | null {
  return e instanceof ServiceError || e instanceof WriteFileError ? e.message : null;
}

/** The open workbook's context, refusing a read-only one when `write` (one check for every writing file action). */
export function fileContext(ctx: ServiceContext | null, write: boolean): ServiceContext {
  if (!ctx) throw NO_WORKBOOK;
  if (write && ctx.workbook.readOnly) throw new ServiceError('read_only', 'This workbook is open read-only, so files cannot be added to it.');
  return ctx;
}

export function readStoredFile(ctx: ServiceContext, fileId: number): StoredFileBytes {
  const file = readFile(ctx, fileId);
  // A fresh, unshared buffer, so it can be moved to the shell rather than copied.
  return { ...file, bytes: new Uint8Array(file.bytes) };
}

export function attachPaths(ctx: ServiceContext, evidenceId: number, paths: string[]): PickedFilesSummary {
  const summary: PickedFilesSummary = { attached: [], refused: [] };
  for (const p of paths) {
    const fileName = path.basename(p);
    try {
      const source = fileSource(p);
      try {
        const r = attachFile(ctx, evidenceId, source, fileName);
        summary.attached.push({ fileName: r.file.fileName, notice: r.notice, alreadyAttached: r.alreadyAttached });
      } finally {
        source.close();
      }
    } catch (e) {
      const reason = knownMessage(e) ?? ((e as NodeJS.ErrnoException).code ? `It could not be read: ${explainFsError(e)}.` : null);
      if (!reason) throw e;
      summary.refused.push({ fileName, reason });
    }
  }
  void scheduleTextExtraction(ctx);
  return summary;
}

/** One folder import at a time per holder of this state. */
export class FolderImports {
  private running: AbortController | null = null;

  async run(ctx: ServiceContext, request: ImportFolderRequest & { folder: string }, onProgress: (p: ImportProgressView) => void): Promise<HostResult<ImportSummaryView>> {
    if (this.running) return { ok: false, error: { code: 'failed', message: 'An import is already running. Wait for it to finish or cancel it first.' } };
    this.running = new AbortController();
    let lastSent = 0;
    const throttled = (p: ImportProgressView) => {
      // At most ten updates a second: hundreds of small files would flood the page otherwise.
      const now = Date.now();
      if (p.current !== null && p.done !== 0 && now - lastSent < 100) return;
      lastSent = now;
      onProgress(p);
    };
    try {
      const summary = await importFolder(ctx, request.folder, { kind: request.kind, level: request.level, signal: this.running.signal, onProgress: throttled });
      return { ok: true, value: { folderName: path.basename(request.folder), ...summary } };
    } finally {
      this.running = null;
    }
  }

  cancel(): void {
    this.running?.abort();
  }
}

function asResult<T>(run: () => T): HostResult<T> {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    const message = knownMessage(e);
    if (message) return { ok: false, error: { code: e instanceof ServiceError ? e.code : 'failed', message } };
    throw e;
  }
}

/** The same work on this thread, for a session the caller already holds (tests of the shell glue). */
export function sessionFilesBackend(getSession: () => WorkbookSession | null): FilesBackend {
  const imports = new FolderImports();
  const ctx = () => getSession()?.context() ?? null;
  return {
    current: async () => {
      const wb = getSession()?.workbook;
      return wb ? { readOnly: wb.readOnly } : null;
    },
    readFile: async (fileId) => asResult(() => readStoredFile(fileContext(ctx(), false), fileId)),
    attachFiles: async (evidenceId, paths) => asResult(() => attachPaths(fileContext(ctx(), true), evidenceId, paths)),
    importFolder: async (request, onProgress) => {
      const c = ctx();
      if (!c || c.workbook.readOnly) return asResult(() => fileContext(c, true)) as HostResult<never>;
      return imports.run(c, request, onProgress);
    },
    cancelImport: async () => imports.cancel(),
  };
}
