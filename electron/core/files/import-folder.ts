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

interface Candidate {
  relative: string;
  full: string;
  size: number;
}

function listFolder(root: string, refusedFiles: ImportSummary['refused']): Candidate[] {
  const found: Candidate[] = [];
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

export async function importFolder(ctx: ServiceContext, dir: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const root = path.resolve(dir);
  let stat;
  try {
    stat = lstatSync(root);
  } catch (e) {
    throw new ServiceError('invalid_input', `The folder ${root} cannot be read: ${explainFsError(e)}.`);
  }
  if (!stat.isDirectory()) throw new ServiceError('invalid_input', `${root} is not a folder. Choose a folder to import.`);
  if (ctx.workbook.readOnly) throw new ServiceError('read_only', 'This workbook is open read-only, so files cannot be imported into it.');

  const summary: ImportSummary = { imported: [], duplicates: [], refused: [], notImported: 0, cancelled: false, bytesImported: 0, elapsedMs: 0 };
  const candidates = listFolder(root, summary.refused);
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
    importOne(ctx, candidate, options, summary);
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
  if (summary.imported.length > 0) {
    if (options.waitForText) await whenTextReady(ctx);
    else void scheduleTextExtraction(ctx);
  }
  summary.elapsedMs = Date.now() - started;
  return summary;
}

function importOne(ctx: ServiceContext, candidate: Candidate, options: ImportOptions, summary: ImportSummary): void {
  let source: ByteSource;
  try {
    source = fileSource(candidate.full);
  } catch (e) {
    summary.refused.push({ file: candidate.relative, reason: `It could not be read: ${explainFsError(e)}.` });
    return;
  }
  try {
    const inspected = inspectFile(source, path.basename(candidate.full), options);
    const existing = liveAttachmentOf(ctx, inspected.sha256);
    if (existing) {
      const item = evidenceService.get(ctx, existing.evidenceId);
      summary.duplicates.push({ file: candidate.relative, existingReference: item.reference, existingFileName: existing.fileName });
      return;
    }
    const result = ctx.workbook.sqlite.transaction(() => {
      const input = evidenceCreate.parse({
        title: titleFromFileName(inspected.name),
        kind: options.kind ?? 'document',
        level: options.level ?? 'activity',
        location: `Imported from ${sanitizeFileName(path.basename(path.dirname(candidate.full)))}${path.sep}${candidate.relative}`.slice(0, 2_000),
      });
      const item = evidenceService.create(ctx, input);
      const attached = attachInspected(ctx, item.id, source, inspected);
      return { item, attached };
    })();
    summary.imported.push({ file: candidate.relative, evidenceId: result.item.id, reference: result.item.reference, notice: result.attached.notice });
    summary.bytesImported += inspected.size;
  } catch (e) {
    if (e instanceof ServiceError) summary.refused.push({ file: candidate.relative, reason: e.message });
    else if ((e as NodeJS.ErrnoException).code && !(e as { code: string }).code.startsWith('SQLITE')) {
      summary.refused.push({ file: candidate.relative, reason: `It could not be read: ${explainFsError(e)}.` });
    } else throw e;
  } finally {
    source.close();
  }
}
