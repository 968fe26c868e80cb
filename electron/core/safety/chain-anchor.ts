/**
 * The newest history this computer has seen for each workbook, kept outside the workbook (in the
 * app's data folder, and a copy beside its backups), so that a workbook whose history is shorter
 * or different is noticed: a file replaced by an older copy, changes lost when its -wal was
 * deleted, entries deleted from the end, or a history re-hashed after an edit (issue #14).
 *
 * The anchor only ever moves forward along a chain that verifies from where it stood: a tampered
 * or rolled-back file never becomes the new anchor (nor does a backup of one). Each record is
 * sealed with this install's key (app-data.ts), so a record copied from elsewhere or damaged is
 * ignored. Someone who can write both the workbook and this data folder can rewrite both; the
 * README says so.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeClose } from '../../../db/open-workbook';
import { auditHead, hashOfEntry, readAuditEntry } from '../../../db/audit-storage';
import { chainHash, verifyAuditChain } from '../services/audit-log';
import { appDataDir, seal, writeFileAtomic } from './app-data';
import { defaultBackupsDir } from './backup-names';

export interface ChainHead {
  id: number;
  hash: string;
  /** When the newest change was made (the entry's own time). */
  at: string;
}

export interface AnchorRecord {
  version: 1;
  workbookId: string;
  file: string;
  head: ChainHead;
  /** When this computer saw that head. */
  seenAt: string;
}

export function workbookIdOf(sqlite: Database.Database): string | null {
  try {
    return (sqlite.prepare('SELECT workbook_id AS id FROM workbook_info WHERE id = 1').get() as { id: string } | undefined)?.id ?? null;
  } catch {
    return null;
  }
}

export function chainHead(sqlite: Database.Database): ChainHead | null {
  return auditHead(sqlite);
}

const backupsDirs = new Map<string, string>();

/** The shell keeps backups in its own folder per workbook; the anchor's second copy goes there. */
export function useBackupsDirFor(file: string, backupsDir: string): void {
  backupsDirs.set(path.resolve(file), path.resolve(backupsDir));
}

function backupsDirOf(file: string): string {
  const resolved = path.resolve(file);
  return backupsDirs.get(resolved) ?? defaultBackupsDir(resolved);
}

/** The same file opened by another path spelling on Windows must map to the same record. */
function fileKey(file: string): string {
  const resolved = path.resolve(file);
  return createHash('sha256')
    .update(process.platform === 'win32' ? resolved.toLowerCase() : resolved)
    .digest('hex')
    .slice(0, 16);
}

function locations(workbookId: string, file: string, backupsDir = backupsDirOf(file)): { data: string; beside: string } {
  const name = `${workbookId.replace(/[^A-Za-z0-9-]/g, '_')}-${fileKey(file)}.json`;
  return { data: path.join(appDataDir(), 'history-anchors', name), beside: path.join(backupsDir, `.history-anchor-${name}`) };
}

function readOne(file: string, workbookId: string, workbookPath: string): AnchorRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { record?: AnchorRecord; mac?: string };
    const record = parsed.record;
    if (!record || typeof parsed.mac !== 'string' || seal(JSON.stringify(record)) !== parsed.mac) return null;
    if (record.version !== 1 || record.workbookId !== workbookId || fileKey(record.file) !== fileKey(workbookPath)) return null;
    if (!Number.isSafeInteger(record.head?.id) || typeof record.head.hash !== 'string') return null;
    return record;
  } catch {
    return null;
  }
}

/** The newest of the two copies that is sealed by this install and names this workbook and file. */
export function readAnchor(workbookId: string, file: string, backupsDir?: string): AnchorRecord | null {
  const where = locations(workbookId, file, backupsDir);
  const found = [readOne(where.data, workbookId, file), readOne(where.beside, workbookId, file)].filter((r): r is AnchorRecord => r !== null);
  return found.sort((a, b) => b.head.id - a.head.id)[0] ?? null;
}

function writeAnchor(record: AnchorRecord, backupsDir?: string): void {
  const where = locations(record.workbookId, record.file, backupsDir);
  const text = JSON.stringify({ record, mac: seal(JSON.stringify(record)) });
  writeFileAtomic(where.data, text);
  // Beside the backups only when that folder exists: recording history never creates folders there.
  if (existsSync(path.dirname(where.beside))) {
    try {
      writeFileAtomic(where.beside, text);
    } catch {
      // A read-only or disconnected backups folder: the data-folder copy stands.
    }
  }
}

export type AdvanceOutcome = 'recorded' | 'unchanged' | 'refused' | 'nothing';

/**
 * Moves this computer's record forward to the workbook's current head, but only along a chain
 * that extends the recorded one and verifies from it. 'refused' leaves the record where it was,
 * so check keeps reporting the difference.
 */
export function advanceAnchor(sqlite: Database.Database, file = sqlite.name, options: { now?: Date; backupsDir?: string } = {}): AdvanceOutcome {
  const workbookId = workbookIdOf(sqlite);
  const head = workbookId ? chainHead(sqlite) : null;
  if (!workbookId || !head) return 'nothing';
  const previous = readAnchor(workbookId, file, options.backupsDir);
  if (previous) {
    if (previous.head.id === head.id && previous.head.hash === head.hash) return 'unchanged';
    if (head.id < previous.head.id) return 'refused';
    if (hashOfEntry(sqlite, previous.head.id) !== previous.head.hash) return 'refused';
    if (!verifyAuditChain(sqlite, previous.head).intact) return 'refused';
  }
  writeAnchor({ version: 1, workbookId, file: path.resolve(file), head, seenAt: (options.now ?? new Date()).toISOString() }, options.backupsDir);
  return 'recorded';
}

/**
 * The officer chose this state (a restore, or "keep this copy" after a warning): the record is
 * set to it even though it is shorter or different. Only called on an explicit choice.
 */
export function resetAnchor(sqlite: Database.Database, file = sqlite.name, options: { now?: Date; backupsDir?: string } = {}): void {
  const workbookId = workbookIdOf(sqlite);
  const head = workbookId ? chainHead(sqlite) : null;
  if (!workbookId || !head) return;
  writeAnchor({ version: 1, workbookId, file: path.resolve(file), head, seenAt: (options.now ?? new Date()).toISOString() }, options.backupsDir);
}

const pending = new Set<Database.Database>();
const flushers = new WeakMap<Database.Database, () => void>();

function flush(sqlite: Database.Database): void {
  if (!pending.delete(sqlite)) return;
  if (!sqlite.open || sqlite.readonly) return;
  // Inside an open transaction the head may still roll back; the next turn will see the outcome.
  if (sqlite.inTransaction) {
    noteHistoryWritten(sqlite);
    return;
  }
  try {
    advanceAnchor(sqlite);
  } catch {
    // The record is a safeguard: failing to write it (a full disk) must not fail the change.
  }
}

/** Called by writeAudit: after the transaction commits, record the new head (once per turn). */
export function noteHistoryWritten(sqlite: Database.Database): void {
  if (pending.has(sqlite)) return;
  pending.add(sqlite);
  let flusher = flushers.get(sqlite);
  if (!flusher) {
    const once = () => flush(sqlite);
    flushers.set(sqlite, once);
    beforeClose(sqlite, once);
    flusher = once;
  }
  setImmediate(flusher);
}

/** Whether a (backup) database holds exactly this head entry, unaltered. */
export function holdsHead(db: Database.Database, head: ChainHead): boolean {
  try {
    const entry = readAuditEntry(db, head.id);
    if (!entry || entry.hash !== head.hash) return false;
    const { hash, id: _id, ...fields } = entry;
    return chainHash(fields) === hash;
  } catch {
    return false;
  }
}
