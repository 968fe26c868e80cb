/**
 * The tamper-evident history check in words, for `workbook check`, the audit:verify channel and
 * the UI (issue #14). Three questions, each answered separately:
 *
 * 1. Does the chain verify? The audit log is hash-chained (services/audit-log.ts): editing,
 *    deleting or inserting an entry breaks it from that entry on. From a verified checkpoint
 *    (history-checkpoint.ts) only newer entries are re-hashed; `full` re-hashes everything.
 * 2. Is it the history this computer last saw? The head is compared with the record kept in the
 *    app's data folder and beside the backups (chain-anchor.ts): a shorter history (an older copy
 *    put in its place, changes lost with a deleted -wal, entries cut off the end) or a different
 *    one (a re-hashed chain after an edit) is reported with the date of the newer state and the
 *    backup that holds it. With no record here, the newest backup whose own chain verifies stands
 *    in; a backup never anchors a chain that does not verify.
 * 3. Do the records match their history? The log is replayed and compared with every live table
 *    (history-replay.ts): a direct edit, a Bin move with no entry, a flipped bit in stored text.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { hashOfEntry } from '../../../db/audit-storage';
import { verifyAuditChain, type ChainReport } from '../services/audit-log';
import { specOf } from '../services/entity-registry';
import type { EntityName } from '../../contract/schemas/history';
import { listBackups, type BackupInfo } from './backup-store';
import { advanceAnchor, holdsHead, readAnchor, workbookIdOf, type AnchorRecord } from './chain-anchor';
import { readCheckpoint, writeCheckpoint } from './history-checkpoint';
import { replayAll, replayFromSeals, type RecordMismatch } from './history-replay';
import { ukDateTime } from './safe-open';

export interface AuditChainStatus {
  intact: boolean;
  entries: number;
  brokenAt: number | null;
  message: string;
}

export interface HistoryReport extends AuditChainStatus {
  /** Records whose stored fields differ from their history (at most 200). */
  mismatches: RecordMismatch[];
  /** The history is shorter than, or differs from, the one this computer last saw. */
  rollback: { kind: 'shorter' | 'diverged'; anchor: AnchorRecord; backup: BackupInfo | null } | null;
  /** Whether every entry was re-hashed, or only those after a verified checkpoint. */
  verified: 'full' | 'from_checkpoint';
}

export interface HistoryCheckOptions {
  backupsDir?: string;
  nativeBinding?: string;
  /** The workbook's own path (the connection may be a private copy of a read-only file). */
  file?: string;
  /** Re-hash every entry and replay every record, ignoring checkpoints. */
  full?: boolean;
  now?: Date;
}

function openReadOnly(file: string, nativeBinding?: string): Database.Database | null {
  try {
    return new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch {
    return null;
  }
}

/**
 * The newest backup that the open workbook descends from. A restore starts a new line of history
 * (the revert point and anything newer belong to the old one), so only backups taken after the
 * latest revert point count, and the revert point itself never does.
 */
export function anchorBackup(backups: BackupInfo[]): BackupInfo | null {
  const lastRestore = backups.find((b) => b.reason === 'before-restore');
  const descendants = backups.filter((b) => b.usable && b.reason !== 'damaged' && b.reason !== 'before-restore');
  return descendants.find((b) => !lastRestore || b.takenAt.getTime() > lastRestore.takenAt.getTime()) ?? null;
}

/** The newest backup holding exactly this head entry: the one to restore to get that state back. */
function backupHolding(head: AnchorRecord['head'], backupsDir: string | undefined, nativeBinding?: string): BackupInfo | null {
  if (!backupsDir) return null;
  for (const backup of listBackups(backupsDir, nativeBinding)) {
    if (!backup.usable) continue;
    const db = openReadOnly(backup.path, nativeBinding);
    if (!db) continue;
    try {
      if (holdsHead(db, head)) return backup;
    } finally {
      db.close();
    }
  }
  return null;
}

/** With no record on this computer: the newest backup it descends from, if that backup's chain verifies. */
function backupStandIn(workbookId: string, backupsDir: string | undefined, nativeBinding?: string): AnchorRecord | null {
  if (!backupsDir) return null;
  const backup = anchorBackup(listBackups(backupsDir, nativeBinding));
  if (!backup) return null;
  const db = openReadOnly(backup.path, nativeBinding);
  if (!db) return null;
  try {
    if (workbookIdOf(db) !== workbookId) return null;
    const report = verifyAuditChain(db);
    if (!report.intact || !report.head) return null;
    return { version: 1, workbookId, file: backup.path, head: report.head, seenAt: backup.takenAt.toISOString() };
  } catch {
    return null;
  } finally {
    db.close();
  }
}

const count = (n: number) => n.toLocaleString('en-GB');

function nounOf(entity: string): string {
  if (entity === 'area') return 'area profile';
  try {
    return specOf(entity as EntityName).noun;
  } catch {
    return entity;
  }
}

function fieldWords(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function describeMismatch(m: RecordMismatch): string {
  const what = `${nounOf(m.entity)} ${m.entityId}`;
  switch (m.kind) {
    case 'changed':
      return `${what}: “${fieldWords(m.field ?? '')}” is “${m.actual ?? '(empty)'}” but its history says “${m.expected ?? '(empty)'}”`;
    case 'no_history':
      return `${what} has no history (added outside the app)`;
    case 'missing':
      return `${what} is in the history but no longer in the workbook (removed outside the app)`;
    case 'binned_without_entry':
      return `${what} is in the Bin with no history entry saying so`;
    case 'restored_without_entry':
      return `${what} was taken out of the Bin with no history entry saying so`;
  }
}

function rollbackMessage(kind: 'shorter' | 'diverged', anchor: AnchorRecord, entries: number, backup: BackupInfo | null): string {
  const seen = `On ${ukDateTime(new Date(anchor.seenAt))} this computer saw this workbook with its history up to entry ${count(anchor.head.id)}, a change made on ${ukDateTime(new Date(anchor.head.at))}`;
  const now =
    kind === 'shorter'
      ? `; this file's history stops before that (${count(entries)} entries). It may have been replaced by an older copy, or changes were lost (for example when its -wal file was deleted).`
      : `; this file's history is different at that point. It was replaced by a different copy, or its history was rewritten outside the app.`;
  const where = backup
    ? ` The backup of ${ukDateTime(backup.takenAt)} (${backup.fileName}) holds that newer state: restore it, or compare it with this file before carrying on.`
    : ' No backup in this workbook’s backups folder holds that state; look for a newer copy of the file before carrying on.';
  return seen + now + where;
}

/**
 * The whole history check. Also moves this computer's record forward when everything holds, and
 * stores a checkpoint so the next check is quick.
 */
export function checkHistory(sqlite: Database.Database, options: HistoryCheckOptions = {}): HistoryReport {
  const file = path.resolve(options.file ?? sqlite.name);
  const checkpoint = options.full ? null : readCheckpoint(sqlite, file);
  const total = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const chain: ChainReport = checkpoint ? verifyAuditChain(sqlite, { id: checkpoint.uptoId, hash: checkpoint.headHash }) : verifyAuditChain(sqlite);
  const verified = checkpoint ? 'from_checkpoint' : 'full';
  const replay = checkpoint ? replayFromSeals(sqlite, checkpoint.seals, checkpoint.uptoId) : replayAll(sqlite);

  const workbookId = workbookIdOf(sqlite);
  const anchor = workbookId ? (readAnchor(workbookId, file, options.backupsDir) ?? backupStandIn(workbookId, options.backupsDir, options.nativeBinding)) : null;
  let rollback: HistoryReport['rollback'] = null;
  if (anchor) {
    const there = hashOfEntry(sqlite, anchor.head.id);
    if (there !== anchor.head.hash) {
      rollback = { kind: there !== undefined ? 'diverged' : 'shorter', anchor, backup: backupHolding(anchor.head, options.backupsDir, options.nativeBinding) };
    }
  }

  const messages: string[] = [];
  if (!chain.intact) {
    messages.push(
      `The history has been altered outside the app: entry ${chain.brokenAt} does not match the entries before it. ` +
        'Records of changes from that point on cannot be trusted; compare with a backup and report it.',
    );
  }
  if (rollback) messages.push(rollbackMessage(rollback.kind, rollback.anchor, total, rollback.backup));
  if (replay.mismatches.length > 0) {
    const shown = replay.mismatches.slice(0, 10).map(describeMismatch);
    const more = replay.mismatches.length > 10 ? ` (and ${replay.mismatches.length - 10}${replay.mismatches.length >= 200 ? ' or more' : ''} more)` : '';
    messages.push(`Records were changed outside the app, so they no longer match their history: ${shown.join('; ')}${more}. Compare them with a backup and report it.`);
  }
  const intact = chain.intact && !rollback && replay.mismatches.length === 0;
  if (intact) {
    if (chain.head) {
      writeCheckpoint(sqlite, file, { uptoId: chain.head.id, headHash: chain.head.hash, createdAt: (options.now ?? new Date()).toISOString(), seals: replay.seals });
    } else if (checkpoint && replay.sealsChanged) {
      writeCheckpoint(sqlite, file, { ...checkpoint, seals: replay.seals });
    }
    try {
      advanceAnchor(sqlite, file, { now: options.now, backupsDir: options.backupsDir });
    } catch {
      // A read-only data folder: the check's answer stands.
    }
  }
  const brokenAt = !chain.intact ? chain.brokenAt : rollback ? rollback.anchor.head.id : null;
  return {
    intact,
    entries: total,
    brokenAt,
    mismatches: replay.mismatches,
    rollback,
    verified,
    message: intact
      ? `The history is intact: all ${count(total)} entries are linked and unaltered, and every record matches its history.`
      : messages.join(' '),
  };
}

/** The channel's and check's summary (kept for callers that want only the four fields). */
export function describeAuditChain(sqlite: Database.Database, anchor?: { backupsDir: string; nativeBinding?: string }, options: Omit<HistoryCheckOptions, 'backupsDir' | 'nativeBinding'> = {}): AuditChainStatus {
  const report = checkHistory(sqlite, { ...options, backupsDir: anchor?.backupsDir, nativeBinding: anchor?.nativeBinding });
  return { intact: report.intact, entries: report.entries, brokenAt: report.brokenAt, message: report.message };
}

/** Up to this many new entries are verified while opening; more wait for the next save or check. */
const OPEN_VERIFY_LIMIT = 5000;

/**
 * What opening a workbook checks about its history, in constant time: is the newest entry this
 * computer saw still there, unchanged? (The full check is `workbook check`.) Returns the sentence
 * to show when it is not; otherwise moves the record forward (or makes the first one).
 */
export function checkOpening(workbook: { sqlite: Database.Database; path: string; readOnly: boolean }, options: { backupsDir?: string; nativeBinding?: string; now?: Date } = {}): string | null {
  const { sqlite } = workbook;
  try {
    const workbookId = workbookIdOf(sqlite);
    if (!workbookId) return null;
    const anchor = readAnchor(workbookId, workbook.path, options.backupsDir);
    const head = sqlite.prepare('SELECT max(id) AS id, count(*) AS n FROM audit_log').get() as { id: number | null; n: number };
    if (anchor) {
      const there = hashOfEntry(sqlite, anchor.head.id);
      if (there !== anchor.head.hash) {
        return rollbackMessage(there !== undefined ? 'diverged' : 'shorter', anchor, head.n, backupHolding(anchor.head, options.backupsDir, options.nativeBinding));
      }
      if ((head.id ?? 0) - anchor.head.id > OPEN_VERIFY_LIMIT) return null;
    }
    if (!workbook.readOnly) advanceAnchor(sqlite, workbook.path, { backupsDir: options.backupsDir, now: options.now });
    return null;
  } catch {
    return null;
  }
}
