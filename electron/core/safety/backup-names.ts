/**
 * How backup files are named, so that a folder listing alone tells when and why each was taken
 * (no side database to drift from the files). Also recognises the copy db/open-workbook.ts makes
 * before updating a workbook for a new app version.
 */
import path from 'node:path';
import { BACKUP_REASONS, BACKUP_REASON_LABELS, type BackupReason } from '../../contract/groups/safety';

export { BACKUP_REASONS, BACKUP_REASON_LABELS, type BackupReason };

const STAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z`;
const OURS = new RegExp(`^(.+)-(${STAMP})-(${BACKUP_REASONS.join('|')})(?:-(\\d+))?\\.workbook$`);
const PRE_UPDATE = new RegExp(`^(.+)\\.before-update-(${STAMP})\\.workbook$`);

export interface ParsedBackupName {
  fileName: string;
  workbookStem: string;
  takenAt: Date;
  reason: BackupReason;
  /** 1, 2, 3… for backups taken in the same millisecond (a fake clock, or quick clicks). */
  sequence: number;
}

/** "2026-11-22T10:00:00.000Z" → "2026-11-22T10-00-00-000Z": safe in every file system. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function parseStamp(stamp: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp)!;
  return new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
}

export function workbookStem(workbookPath: string): string {
  return path.basename(workbookPath, path.extname(workbookPath));
}

export function backupFileName(workbookPath: string, at: Date, reason: BackupReason, sequence = 0): string {
  return `${workbookStem(workbookPath)}-${fileStamp(at)}-${reason}${sequence > 0 ? `-${sequence + 1}` : ''}.workbook`;
}

/** Null for anything that is not one of our backups (other files in the folder are never touched). */
export function parseBackupName(fileName: string): ParsedBackupName | null {
  if (fileName !== path.basename(fileName)) return null;
  const ours = OURS.exec(fileName);
  if (ours) {
    const takenAt = parseStamp(ours[2]!);
    if (Number.isNaN(takenAt.getTime())) return null;
    return { fileName, workbookStem: ours[1]!, takenAt, reason: ours[3] as BackupReason, sequence: Number(ours[4] ?? 1) };
  }
  const update = PRE_UPDATE.exec(fileName);
  if (update) {
    const takenAt = parseStamp(update[2]!);
    if (Number.isNaN(takenAt.getTime())) return null;
    return { fileName, workbookStem: update[1]!, takenAt, reason: 'before-update', sequence: 1 };
  }
  return null;
}

/** Where backups go when the host does not say: `<folder>/<name>.backups/` beside the workbook. */
export function defaultBackupsDir(workbookPath: string): string {
  return path.join(path.dirname(path.resolve(workbookPath)), `${workbookStem(workbookPath)}.backups`);
}
