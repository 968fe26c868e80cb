/**
 * Bulk import of a folder (issue #6): one evidence item per file, each stored with its file in
 * its own transaction, so cancelling (or a refused file) never leaves anything half done. Ends
 * with a summary of what was imported, what was a duplicate and what was refused and why.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { EvidenceKind, EvidenceLevel } from '../../contract/enums';
import { evidenceCreate } from '../../contract/schemas/evidence';
import type { ServiceContext } from '../services/context';
import { evidenceService } from '../services/evidence-service';
import { ServiceError } from '../services/service-error';
import { fileSource, type ByteSource } from './byte-source';
import { attachInspected, inspectFile, liveAttachmentOf, type StoreOptions } from './file-store';
import type { ImportProgressView } from '../../contract/files-shell-api';
import { sanitizeFileName } from './sanitize-name';
import { scheduleTextExtraction, whenTextReady } from './text/text-queue';

/** Progress of a folder import; the same shape the renderer shows (files-shell-api). */
export type ImportProgress = ImportProgressView;

export interface ImportSummary {
  imported: { file: string; evidenceId: number; reference: string; notice: string | null }[];
  duplicates: { file: string; existingReference: string; existingFileName: string }[];
  refused: { file: string; reason: string }[];
  /** Files not looked at because the import was cancelled. */
  notImported: number;
  cancelled: boolean;
  bytesImported: number;
  elapsedMs: number;
}

export interface ImportOptions extends StoreOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  kind?: EvidenceKind;
  level?: EvidenceLevel;
  /** Wait until the text of the imported files has been read (the CLI does). */
  waitForText?: boolean;
}

// Files an officer never means to import: system litter and Office's lock files.
const SKIP = /^(\..*|~\$.*|thumbs\.db|desktop\.ini|icon\r)$/i;

export interface FolderCandidate {
  relative: string;
  full: string;
  size: number;
}

function listFolder(root: string, refusedFiles: ImportSummary['refused']): FolderCandidate[] {
  const found: FolderCandidate[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      refusedFiles.push({ file: path.relative(root, dir) || '.', reason: `The folder could not be read (${explainFsError(e)}).` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true }));
    for (const entry of entries) {
      if (SKIP.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        let size = 0;
        try {
          size = lstatSync(full).size;
        } catch {
          // Reported when it is read.
        }
        found.push({ relative: path.relative(root, full), full, size });
      }
      // Links and devices are skipped: a link could lead outside the chosen folder.
    }
  };
  walk(root);
  return found;
}

export function explainFsError(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'it no longer exists';
    case 'EACCES':
    case 'EPERM':
      return 'permission was refused';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EBUSY':
      return 'it is open in another program';
    default:
      return (e as Error).message;
  }
}

/** "2023-01_Cabinet report_SEND.pdf" → "2023-01 Cabinet report SEND". */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return stem.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 500) || name;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** What became of one file: the shape of the evidence:importFile channel's answer too. */
export type ImportOutcome =
  | { outcome: 'imported'; evidenceId: number; reference: string; notice: string | null; size: number }
  | { outcome: 'duplicate'; existingReference: string; existingFileName: string }
  | { outcome: 'refused'; reason: string };

export interface FolderListing {
  root: string;
  candidates: FolderCandidate[];
  /** Sub-folders that could not be read. */
  refused: ImportSummary['refused'];
}

/** Lists the files a folder import would take, or refuses a path that is not a readable folder. */
export function listFolderToImport(dir: string): FolderListing {
  const root = path.resolve(dir);
  let stat;
  try {
    stat = lstatSync(root);
  } catch (e) {
    throw new ServiceError('invalid_input', `The folder ${root} cannot be read: ${explainFsError(e)}.`);
  }
  if (!stat.isDirectory()) throw new ServiceError('invalid_input', `${root} is not a folder. Choose a folder to import.`);
  const refused: ImportSummary['refused'] = [];
  return { root, candidates: listFolder(root, refused), refused };
}

/**
 * The import loop shared by every transport: progress, cancelling between files, and the summary.
 * Each file goes to `importCandidate`: in-process for the desktop, the evidence:importFile channel
 * for the CLI.
 */
export async function runFolderImport(
  listing: FolderListing,
  importCandidate: (candidate: FolderCandidate) => ImportOutcome | Promise<ImportOutcome>,
  options: Pick<ImportOptions, 'onProgress' | 'signal'> = {},
): Promise<ImportSummary> {
  const started = Date.now();
  const { candidates } = listing;
  const summary: ImportSummary = { imported: [], duplicates: [], refused: [...listing.refused], notImported: 0, cancelled: false, bytesImported: 0, elapsedMs: 0 };
  const progress: ImportProgress = {
    done: 0,
    total: candidates.length,
    bytesDone: 0,
    bytesTotal: candidates.reduce((n, c) => n + c.size, 0),
    current: null,
    imported: 0,
    duplicates: 0,
    refused: summary.refused.length,
  };
  const report = () => options.onProgress?.({ ...progress });
  report();

  for (const [i, candidate] of candidates.entries()) {
    if (!options.signal?.aborted) {
      progress.current = candidate.relative;
      report();
    }
    if (options.signal?.aborted) {
      summary.cancelled = true;
      summary.notImported = candidates.length - i;
      break;
    }
    const result = await importCandidate(candidate);
    if (result.outcome === 'imported') {
      summary.imported.push({ file: candidate.relative, evidenceId: result.evidenceId, reference: result.reference, notice: result.notice });
      summary.bytesImported += result.size;
    } else if (result.outcome === 'duplicate') {
      summary.duplicates.push({ file: candidate.relative, existingReference: result.existingReference, existingFileName: result.existingFileName });
    } else summary.refused.push({ file: candidate.relative, reason: result.reason });
    progress.done++;
    progress.bytesDone += candidate.size;
    progress.imported = summary.imported.length;
    progress.duplicates = summary.duplicates.length;
    progress.refused = summary.refused.length;
    // Let the window (progress, the Cancel button) and other requests breathe between files.
    await nextTurn();
  }
  progress.current = null;
  report();
  summary.elapsedMs = Date.now() - started;
  return summary;
}

export async function importFolder(ctx: ServiceContext, dir: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const listing = listFolderToImport(dir);
  if (ctx.workbook.readOnly) throw new ServiceError('read_only', 'This workbook is open read-only, so files cannot be imported into it.');
  const folderName = path.basename(listing.root);
  const summary = await runFolderImport(listing, (candidate) => importCandidate(ctx, candidate, folderName, options), options);
  if (summary.imported.length > 0) {
    if (options.waitForText) await whenTextReady(ctx);
    else void scheduleTextExtraction(ctx);
  }
  summary.elapsedMs = Date.now() - started;
  return summary;
}

function importCandidate(ctx: ServiceContext, candidate: FolderCandidate, folderName: string, options: ImportOptions): ImportOutcome {
  let source: ByteSource;
  try {
    source = fileSource(candidate.full);
  } catch (e) {
    return { outcome: 'refused', reason: `It could not be read: ${explainFsError(e)}.` };
  }
  try {
    return importFileAsEvidence(ctx, source, { relative: candidate.relative, folderName }, options);
  } finally {
    source.close();
  }
}

/**
 * One file of a folder import: a new evidence item with the file attached, in one transaction (a
 * savepoint inside dispatch's), or the reason it was not imported. A file already stored in the
 * workbook is reported as a duplicate, not stored twice.
 */
export function importFileAsEvidence(
  ctx: ServiceContext,
  source: ByteSource,
  place: { relative: string; folderName: string },
  options: Pick<ImportOptions, 'kind' | 'level' | 'maxBytes'> = {},
): ImportOutcome {
  try {
    const inspected = inspectFile(source, path.basename(place.relative), options);
    const existing = liveAttachmentOf(ctx, inspected.sha256);
    if (existing) {
      const item = evidenceService.get(ctx, existing.evidenceId);
      return { outcome: 'duplicate', existingReference: item.reference, existingFileName: existing.fileName };
    }
    const result = ctx.workbook.sqlite.transaction(() => {
      const input = evidenceCreate.parse({
        title: titleFromFileName(inspected.name),
        kind: options.kind ?? 'document',
        level: options.level ?? 'activity',
        location: `Imported from ${sanitizeFileName(place.folderName)}${path.sep}${place.relative}`.slice(0, 2_000),
      });
      const item = evidenceService.create(ctx, input);
      const attached = attachInspected(ctx, item.id, source, inspected);
      return { item, attached };
    })();
    return { outcome: 'imported', evidenceId: result.item.id, reference: result.item.reference, notice: result.attached.notice, size: inspected.size };
  } catch (e) {
    if (e instanceof ServiceError) return { outcome: 'refused', reason: e.message };
    if ((e as NodeJS.ErrnoException).code && !(e as { code: string }).code.startsWith('SQLITE')) {
      return { outcome: 'refused', reason: `It could not be read: ${explainFsError(e)}.` };
    }
    throw e;
  }
}
