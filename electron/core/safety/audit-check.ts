/**
 * The tamper-evident history check in words, for `workbook check`, the audit:verify channel and
 * the UI. The audit log is hash-chained (electron/core/services/audit-log.ts): editing, deleting or
 * inserting an entry breaks the chain from that entry on. Removing the newest entries leaves a
 * shorter chain that is still intact, so the newest backup is used as an anchor: its last entry
 * must still be in the workbook, unchanged.
 */
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../services/audit-log';
import { listBackups, type BackupInfo } from './backup-store';
import { ukDateTime } from './safe-open';

export interface AuditChainStatus {
  intact: boolean;
  entries: number;
  brokenAt: number | null;
  message: string;
}

interface Head {
  id: number;
  hash: string;
}

function headOf(file: string, nativeBinding?: string): Head | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    return (db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as Head | undefined) ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
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

export function describeAuditChain(sqlite: Database.Database, anchor?: { backupsDir: string; nativeBinding?: string }): AuditChainStatus {
  const report = verifyAuditChain(sqlite);
  const entries = report.entries.toLocaleString('en-GB');
  if (!report.intact) {
    return {
      ...report,
      message:
        `The history has been altered outside the app: entry ${report.brokenAt} does not match the entries before it. ` +
        'Records of changes from that point on cannot be trusted; compare with a backup and report it.',
    };
  }
  const backup = anchor ? anchorBackup(listBackups(anchor.backupsDir, anchor.nativeBinding)) : null;
  const head = backup ? headOf(backup.path, anchor?.nativeBinding) : null;
  if (backup && head) {
    const here = sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').get(head.id) as { hash: string } | undefined;
    if (here?.hash !== head.hash) {
      return {
        ...report,
        intact: false,
        brokenAt: head.id,
        message:
          `The history is missing entries that the backup of ${ukDateTime(backup.takenAt)} recorded (from entry ${head.id}). ` +
          'Either entries were removed outside the app, or this file was replaced by an older copy. Compare it with that backup and report it.',
      };
    }
  }
  return { ...report, message: `The history is intact: all ${entries} entries are linked and unaltered.` };
}
