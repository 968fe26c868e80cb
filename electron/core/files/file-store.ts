/**
 * Evidence files stored inside the workbook (issue #6). Content is addressed by SHA-256, so the
 * same file attached twice (to one item or to many) is stored once; it is kept in 1 MB chunks so
 * a 200 MB file never needs one huge buffer. Each attachment (evidence_files) keeps the original
 * name, size, type and date added, is audited, and goes to the Bin with its evidence item.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { evidenceFiles, fileBlobs } from '../../../db/schema';
import { formatBytes } from '../../contract/format';
import { MAX_FILE_BYTES, type AttachResult, type EvidenceFileView } from '../../contract/groups/files';
import { sharedPersonalFileNotice } from '../publication/may-publish';
import { today, type ServiceContext } from '../services/context';
import { getLive, insertRow, softDelete, type Deleted } from '../services/entity-store';
import { notFound, ServiceError } from '../services/service-error';
import { forEachPiece, type ByteSource } from './byte-source';
import { ACCEPTED_DESCRIPTION, detectFileType, extensionMatches, fileTypeOf, typeLabel, type FileType } from './file-type';
import { sanitizeFileName, withExtension } from './sanitize-name';

export const CHUNK_BYTES = 1024 * 1024;

export interface StoreOptions {
  /** Per-file limit; tests inject a small one instead of writing 200 MB. */
  maxBytes?: number;
}

/** Kept for this module's callers; the one byte formatter lives in the contract (shared with the renderer). */
export { formatBytes };

/**
 * "3.0 MB, over the 2.0 MB limit"; where rounding would make both sides read the same ("200 MB,
 * over the 200 MB limit": issue #14) the exact byte counts are given instead.
 */
export function overLimit(size: number, limit: number): string {
  const [s, l] = [formatBytes(size), formatBytes(limit)];
  if (s !== l) return `${s}, over the ${l} limit`;
  const exact = (n: number) => `${n.toLocaleString('en-GB')} bytes`;
  return `${exact(size)}, over the limit of ${exact(limit)} (${l})`;
}

/** A refusal in words; nothing has been stored. */
export function refused(message: string): ServiceError {
  return new ServiceError('invalid_input', message, [{ path: 'file', message }]);
}

export interface InspectedFile {
  name: string;
  size: number;
  sha256: string;
  type: FileType;
  /** Said to the officer when the name and the content disagree, or the name had to change. */
  notice: string | null;
}

/** Checks size and type and hashes the content. Throws a refusal the officer can act on. */
export function inspectFile(source: ByteSource, rawName: string, options: StoreOptions = {}): InspectedFile {
  const name = sanitizeFileName(rawName);
  const limit = options.maxBytes ?? MAX_FILE_BYTES;
  if (source.size > limit) {
    throw refused(`“${name}” is ${overLimit(source.size, limit)} for one file. Split or compress it, then attach it again.`);
  }
  const type = detectFileType(source, name);
  if (!type) {
    throw refused(`“${name}” is not a kind of file the workbook keeps (its content is not a document, picture or text). Files it keeps: ${ACCEPTED_DESCRIPTION}.`);
  }
  const hash = createHash('sha256');
  forEachPiece(source, CHUNK_BYTES, (piece) => hash.update(piece));
  const notices: string[] = [];
  if (name !== rawName.normalize('NFC').trim()) notices.push(`The name was changed to “${name}” so it can be saved safely on any computer.`);
  if (!extensionMatches(name, type)) notices.push(`“${name}” is really a ${type.label.toLowerCase()}, so it is kept as one.`);
  return { name, size: source.size, sha256: hash.digest('hex'), type, notice: notices.length ? notices.join(' ') : null };
}

function inTransaction<T>(ctx: ServiceContext, fn: () => T): T {
  const sqlite = ctx.workbook.sqlite;
  return sqlite.inTransaction ? fn() : sqlite.transaction(fn)();
}

/** Stores the content once; returns true when it was already stored. Call inside a transaction. */
function storeBlob(ctx: ServiceContext, source: ByteSource, file: InspectedFile): boolean {
  const existing = ctx.db.select({ sha256: fileBlobs.sha256 }).from(fileBlobs).where(eq(fileBlobs.sha256, file.sha256)).get();
  if (existing) return true;
  ctx.db
    .insert(fileBlobs)
    .values({ sha256: file.sha256, size: file.size, mimeType: file.type.mimeType, textStatus: 'pending', textNote: '', createdAt: ctx.now().toISOString() })
    .run();
  const insert = ctx.workbook.sqlite.prepare('INSERT INTO file_chunks (sha256, seq, data) VALUES (?, ?, ?)');
  const hash = createHash('sha256');
  forEachPiece(source, CHUNK_BYTES, (piece, seq) => {
    hash.update(piece);
    insert.run(file.sha256, seq, piece);
  });
  // The file changed between checking and storing (it was being saved): refuse rather than keep a mismatch.
  if (hash.digest('hex') !== file.sha256) {
    throw refused(`“${file.name}” changed while it was being read. Close it in any other program and attach it again.`);
  }
  return false;
}

interface FileRow {
  id: number;
  evidenceId: number;
  sha256: string;
  originalName: string;
  size: number;
  mimeType: string;
  addedOn: string;
  textStatus: string;
  textNote: string;
}

function view(r: FileRow): EvidenceFileView {
  return {
    id: r.id,
    evidenceId: r.evidenceId,
    fileName: r.originalName,
    size: r.size,
    mimeType: r.mimeType,
    typeLabel: typeLabel(r.mimeType),
    addedOn: r.addedOn,
    sha256: r.sha256,
    textStatus: r.textStatus,
    textNote: r.textNote,
  };
}

const fileColumns = {
  id: evidenceFiles.id,
  evidenceId: evidenceFiles.evidenceId,
  sha256: evidenceFiles.sha256,
  originalName: evidenceFiles.originalName,
  size: evidenceFiles.size,
  mimeType: evidenceFiles.mimeType,
  addedOn: evidenceFiles.addedOn,
  textStatus: fileBlobs.textStatus,
  textNote: fileBlobs.textNote,
};

function liveFile(ctx: ServiceContext, id: number): FileRow {
  const row = ctx.db
    .select(fileColumns)
    .from(evidenceFiles)
    .innerJoin(fileBlobs, eq(fileBlobs.sha256, evidenceFiles.sha256))
    .where(and(eq(evidenceFiles.id, id), isNull(evidenceFiles.deletedAt)))
    .get();
  if (!row) throw notFound('file');
  return row;
}

export function getFile(ctx: ServiceContext, id: number): EvidenceFileView {
  return view(liveFile(ctx, id));
}

export function listFiles(ctx: ServiceContext, evidenceId: number): EvidenceFileView[] {
  getLive(ctx, 'evidence', evidenceId);
  return ctx.db
    .select(fileColumns)
    .from(evidenceFiles)
    .innerJoin(fileBlobs, eq(fileBlobs.sha256, evidenceFiles.sha256))
    .where(and(eq(evidenceFiles.evidenceId, evidenceId), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .all()
    .map(view);
}

/** Attaches an inspected file to an evidence item, storing its content if new. */
export function attachInspected(ctx: ServiceContext, evidenceId: number, source: ByteSource, file: InspectedFile): AttachResult {
  return inTransaction(ctx, () => {
    getLive(ctx, 'evidence', evidenceId);
    const same = ctx.db
      .select({ id: evidenceFiles.id })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.evidenceId, evidenceId), eq(evidenceFiles.sha256, file.sha256), isNull(evidenceFiles.deletedAt)))
      .get();
    if (same) return { file: getFile(ctx, same.id), alreadyStored: true, alreadyAttached: true, notice: 'This evidence item already has this file, so nothing was added.' };
    const alreadyStored = storeBlob(ctx, source, file);
    // The same bytes under a flagged or tracked-child item are personal data here too (issue #14).
    const personal = alreadyStored ? sharedPersonalFileNotice(ctx, file.sha256, evidenceId) : null;
    const row = insertRow(ctx, 'evidenceFile', {
      evidenceId,
      sha256: file.sha256,
      originalName: file.name,
      size: file.size,
      mimeType: file.type.mimeType,
      addedOn: today(ctx),
    });
    return { file: getFile(ctx, row.id), alreadyStored, alreadyAttached: false, notice: [personal, file.notice].filter(Boolean).join(' ') || null };
  });
}

/** Checks and attaches in one step (what 'file:attach' and the CLI do). */
export function attachFile(ctx: ServiceContext, evidenceId: number, source: ByteSource, rawName: string, options: StoreOptions = {}): AttachResult {
  getLive(ctx, 'evidence', evidenceId);
  return attachInspected(ctx, evidenceId, source, inspectFile(source, rawName, options));
}

/** The live attachment (if any) that already holds this content, for duplicate reports. */
export function liveAttachmentOf(ctx: ServiceContext, sha256: string): { evidenceId: number; fileName: string } | null {
  const row = ctx.db
    .select({ evidenceId: evidenceFiles.evidenceId, fileName: evidenceFiles.originalName })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.sha256, sha256), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .get();
  return row ?? null;
}

/** Calls `each` with the stored content, chunk by chunk (for writing to disk). */
export function forEachStoredChunk(ctx: ServiceContext, sha256: string, each: (chunk: Uint8Array) => void): void {
  const rows = ctx.workbook.sqlite.prepare('SELECT data FROM file_chunks WHERE sha256 = ? ORDER BY seq').iterate(sha256) as IterableIterator<{ data: Buffer }>;
  for (const r of rows) each(r.data);
}

export function readStoredBytes(ctx: ServiceContext, sha256: string, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  forEachStoredChunk(ctx, sha256, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  if (at !== size) throw new ServiceError('internal', 'This stored file is incomplete. Restore the workbook from a backup to get it back.');
  return out;
}

/** The file's bytes and a safe name whose extension matches what it really is. */
export function readFile(ctx: ServiceContext, id: number): { fileName: string; mimeType: string; bytes: Uint8Array } {
  const row = liveFile(ctx, id);
  return { fileName: safeOutputName(row.originalName, row.mimeType), mimeType: row.mimeType, bytes: readStoredBytes(ctx, row.sha256, row.size) };
}

/** A name to write to disk: sanitised again, with the right extension so the system opens it correctly. */
export function safeOutputName(originalName: string, mimeType: string): string {
  const name = sanitizeFileName(originalName);
  const type = fileTypeOf(mimeType);
  if (!type || extensionMatches(name, type)) return name;
  return withExtension(name, type.extension);
}

export function deleteFile(ctx: ServiceContext, id: number): Deleted {
  liveFile(ctx, id);
  return softDelete(ctx, 'evidenceFile', id);
}
