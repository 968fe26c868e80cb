/** Test fixtures for inspection week: an event, evidence with stored files (inserted through the schema tables). */
import { createHash } from 'node:crypto';
import { evidenceFiles, fileBlobs, fileChunks } from '../../db/schema';
import type { TestWorkbook } from '../helpers/temp-workbook';

export async function makeEvent(t: TestWorkbook, frameworkId = 'area-send-2025') {
  return t.api.call('event:create', { kind: 'full_inspection', frameworkId, title: 'Area SEND inspection 2026' });
}

/** Stores `content` as a file of evidence item `evidenceId`, in chunks of `chunkSize` bytes. */
export function storeFile(t: TestWorkbook, evidenceId: number, originalName: string, content: string | Uint8Array, chunkSize = 7) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const now = '2026-11-20T09:00:00.000Z';
  const db = t.workbook.db;
  db.insert(fileBlobs).values({ sha256, size: bytes.length, mimeType: 'text/plain', createdAt: now }).onConflictDoNothing().run();
  // Chunks are inserted out of order on purpose: the pack must read them by seq.
  const chunks: { seq: number; data: Buffer }[] = [];
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += chunkSize) chunks.push({ seq, data: Buffer.from(bytes.subarray(at, at + chunkSize)) });
  for (const c of chunks.reverse()) db.insert(fileChunks).values({ sha256, ...c }).onConflictDoNothing().run();
  db.insert(evidenceFiles)
    .values({ evidenceId, sha256, originalName, size: bytes.length, mimeType: 'text/plain', addedOn: '2026-11-20', createdAt: now, updatedAt: now })
    .run();
  return sha256;
}
