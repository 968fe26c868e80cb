/**
 * Chunked uploads for files too big for one message (browser mode and drag and drop): the pieces
 * are appended to a private temporary file, in order, and only 'finish' stores anything in the
 * workbook. An upload left unfinished for 30 minutes is discarded.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES, MAX_UPLOAD_CHUNK_BYTES } from '../../contract/groups/files';
import { ServiceError } from '../services/service-error';
import { fileSource, type ByteSource } from './byte-source';
import { formatBytes, refused, type StoreOptions } from './file-store';
import { sanitizeFileName } from './sanitize-name';

const IDLE_LIMIT_MS = 30 * 60 * 1000;

interface Upload {
  id: string;
  workbookPath: string;
  name: string;
  size: number;
  received: number;
  nextSeq: number;
  dir: string;
  file: string;
  fd: number;
  touched: number;
}

const uploads = new Map<string, Upload>();

function discard(upload: Upload): void {
  uploads.delete(upload.id);
  try {
    closeSync(upload.fd);
  } catch {
    // Already closed.
  }
  rmSync(upload.dir, { recursive: true, force: true });
}

function expireIdle(now: number): void {
  for (const u of uploads.values()) if (now - u.touched > IDLE_LIMIT_MS) discard(u);
}

function unknownUpload(): ServiceError {
  return new ServiceError('not_found', 'That upload is no longer in progress (it may have been cancelled or timed out). Attach the file again.');
}

function find(id: string, workbookPath: string): Upload {
  const upload = uploads.get(id);
  if (!upload || upload.workbookPath !== workbookPath) throw unknownUpload();
  return upload;
}

export function beginUpload(workbookPath: string, rawName: string, size: number, options: StoreOptions & { now?: number } = {}): { uploadId: string; chunkBytes: number } {
  const now = options.now ?? Date.now();
  expireIdle(now);
  const name = sanitizeFileName(rawName);
  const limit = options.maxBytes ?? MAX_FILE_BYTES;
  if (size > limit) throw refused(`“${name}” is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for one file. Split or compress it, then attach it again.`);
  const base = path.join(tmpdir(), 'evidence-workbook-uploads');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, 'u-'));
  const file = path.join(dir, 'upload.bin');
  const id = randomUUID();
  uploads.set(id, { id, workbookPath, name, size, received: 0, nextSeq: 0, dir, file, fd: openSync(file, 'wx', 0o600), touched: now });
  return { uploadId: id, chunkBytes: MAX_UPLOAD_CHUNK_BYTES };
}

export function appendUpload(workbookPath: string, id: string, seq: number, bytes: Uint8Array, now = Date.now()): { received: number } {
  const upload = find(id, workbookPath);
  if (seq !== upload.nextSeq) {
    throw new ServiceError('invalid_input', `Part ${seq + 1} of “${upload.name}” arrived out of order. Attach the file again.`);
  }
  if (upload.received + bytes.length > upload.size) {
    discard(upload);
    throw refused(`“${upload.name}” is bigger than it said it would be, so the upload was stopped. Attach the file again.`);
  }
  let written = 0;
  while (written < bytes.length) written += writeSync(upload.fd, bytes, written, bytes.length - written);
  upload.received += bytes.length;
  upload.nextSeq++;
  upload.touched = now;
  return { received: upload.received };
}

/** Hands the complete upload to `use` (which stores it), then removes the temporary file. */
export function finishUpload<T>(workbookPath: string, id: string, use: (source: ByteSource, name: string) => T): T {
  const upload = find(id, workbookPath);
  if (upload.received !== upload.size) {
    throw new ServiceError('invalid_input', `Only ${formatBytes(upload.received)} of “${upload.name}” (${formatBytes(upload.size)}) arrived. Attach the file again.`);
  }
  closeSync(upload.fd);
  upload.fd = -1;
  const source = fileSource(upload.file);
  try {
    return use(source, upload.name);
  } finally {
    source.close();
    uploads.delete(upload.id);
    rmSync(upload.dir, { recursive: true, force: true });
  }
}

/**
 * A complete upload's temporary file, for a reader that streams it without storing it (the
 * national statistics import, issue #16). It stays until cancelled or idle for 30 minutes.
 */
export function completedUpload(workbookPath: string, id: string, now = Date.now()): { file: string; name: string; size: number } {
  const upload = find(id, workbookPath);
  if (upload.received !== upload.size) {
    throw new ServiceError('invalid_input', `Only ${formatBytes(upload.received)} of “${upload.name}” (${formatBytes(upload.size)}) arrived. Choose the file again.`);
  }
  upload.touched = now;
  return { file: upload.file, name: upload.name, size: upload.size };
}

export function cancelUpload(workbookPath: string, id: string): void {
  const upload = uploads.get(id);
  if (upload && upload.workbookPath === workbookPath) discard(upload);
}

/** Number of uploads in progress (for tests and diagnostics). */
export function uploadsInProgress(): number {
  return uploads.size;
}
