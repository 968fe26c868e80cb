/**
 * Verified checkpoints of a workbook's history, kept in the app's data folder (issue #17: `check`
 * at XL in seconds). After a check finds the chain intact and every record matching its history,
 * it stores the head it verified and a digest of every row; the next check re-hashes only newer
 * entries and replays only records whose row or history changed. A checkpoint is used only if it
 * is sealed with this install's key and the workbook still holds the exact entry it ends at;
 * otherwise the check falls back to verifying everything (as `check --full` always does).
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appDataDir, seal, writeFileAtomic } from './app-data';
import { hashOfEntry } from '../../../db/audit-storage';
import { workbookIdOf } from './chain-anchor';

export interface Checkpoint {
  uptoId: number;
  headHash: string;
  createdAt: string;
  seals: Map<string, string>;
}

function fileKey(file: string): string {
  const resolved = path.resolve(file);
  return createHash('sha256')
    .update(process.platform === 'win32' ? resolved.toLowerCase() : resolved)
    .digest('hex')
    .slice(0, 16);
}

function checkpointFile(workbookId: string, file: string): string {
  return path.join(appDataDir(), 'history-checkpoints', `${workbookId.replace(/[^A-Za-z0-9-]/g, '_')}-${fileKey(file)}.json`);
}

function macOf(body: string): string {
  return seal(createHash('sha256').update(body).digest('hex'));
}

/** The checkpoint for this workbook and file, if sealed by this install and still on its chain. */
export function readCheckpoint(sqlite: Database.Database, file: string): Checkpoint | null {
  const workbookId = workbookIdOf(sqlite);
  if (!workbookId) return null;
  let text: string;
  try {
    text = readFileSync(checkpointFile(workbookId, file), 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  const mac = text.slice(0, newline);
  const body = text.slice(newline + 1);
  if (macOf(body) !== mac) return null;
  try {
    const parsed = JSON.parse(body) as { workbookId: string; file: string; uptoId: number; headHash: string; createdAt: string; seals: [string, string][] };
    if (parsed.workbookId !== workbookId || fileKey(parsed.file) !== fileKey(file)) return null;
    if (hashOfEntry(sqlite, parsed.uptoId) !== parsed.headHash) return null;
    return { uptoId: parsed.uptoId, headHash: parsed.headHash, createdAt: parsed.createdAt, seals: new Map(parsed.seals) };
  } catch {
    return null;
  }
}

export function writeCheckpoint(sqlite: Database.Database, file: string, checkpoint: Checkpoint): void {
  const workbookId = workbookIdOf(sqlite);
  if (!workbookId) return;
  const body = JSON.stringify({
    workbookId,
    file: path.resolve(file),
    uptoId: checkpoint.uptoId,
    headHash: checkpoint.headHash,
    createdAt: checkpoint.createdAt,
    seals: [...checkpoint.seals],
  });
  try {
    writeFileAtomic(checkpointFile(workbookId, file), `${macOf(body)}\n${body}`);
  } catch {
    // Only speed is lost: the next check verifies everything.
  }
}
