/**
 * Opening a workbook the way the app should: a file the user cannot write opens read-only (the
 * UI shows a banner from workbook:info.readOnly); a damaged, half-copied or missing workbook is
 * refused in plain words, without writing to it, together with the newest backup that passes a
 * full integrity check.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileIsWritable, openWorkbook, WorkbookError, type OpenOptions, type Workbook } from '../../../db/open-workbook';
import { ukDate } from '../../contract/format';
import { londonDate } from '../services/context';
import { defaultBackupsDir } from './backup-names';
import { newestGoodBackup, type BackupInfo } from './backup-store';
import { checkOpening } from './audit-check';
import { looksLikeUnfinishedCopy } from './inspect-file';
import { cleanLeftovers } from './leftovers';
import { useBackupsDirFor } from './chain-anchor';

export { fileIsWritable };

export interface SafeOpenOptions extends Omit<OpenOptions, 'backupDir'> {
  /** Where this workbook's backups are (and where a pre-update copy goes). */
  backupsDir?: string;
  /** Whether the file and its folder can be written; injectable for tests (root can write anything). */
  canWrite?: (file: string) => boolean;
}

export type SafeOpenResult =
  | {
      workbook: Workbook;
      error?: undefined;
      /**
       * Set when the history is shorter than, or differs from, what this computer last saw (a
       * rolled-back or replaced file): the sentence to show, with the backup that has the newer state.
       */
      historyWarning: string | null;
    }
  | { workbook?: undefined; error: WorkbookError; newestGoodBackup: BackupInfo | null };

const OFFER_BACKUP_FOR = new Set(['damaged', 'not_a_workbook', 'not_found']);

export async function openWorkbookSafely(file: string, options: SafeOpenOptions = {}): Promise<SafeOpenResult> {
  const resolved = path.resolve(file);
  const backupsDir = options.backupsDir ?? defaultBackupsDir(resolved);
  const { canWrite = fileIsWritable, backupsDir: _dir, ...openOptions } = options;
  useBackupsDirFor(resolved, backupsDir);
  // Temporaries of a backup or restore that was killed are removed on the next run.
  cleanLeftovers(resolved, backupsDir);
  const opened = (workbook: Workbook): SafeOpenResult => ({ workbook, historyWarning: checkOpening(workbook, { backupsDir, nativeBinding: options.nativeBinding }) });
  const open = (readOnly: boolean) => {
    // The copy taken before updating an older workbook goes here, so the folder must exist.
    if (!readOnly && existsSync(resolved)) {
      try {
        mkdirSync(backupsDir, { recursive: true });
      } catch {
        // Then an update cannot run, and openWorkbook says so in plain words.
      }
    }
    // The app's first screen does not wait for quick_check: it runs off the main thread (issue #17).
    return openWorkbook(resolved, { quickCheck: 'after', ...openOptions, readOnly, backupDir: backupsDir });
  };
  try {
    const readOnly = options.readOnly ?? !canWrite(resolved);
    try {
      return opened(await open(readOnly));
    } catch (e) {
      // Writable by its permissions but refused by the system (e.g. a locked network share).
      if (e instanceof WorkbookError && e.code === 'cannot_write' && !readOnly) return opened(await open(true));
      throw e;
    }
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    let error = e;
    if (e.code === 'not_a_workbook' && looksLikeUnfinishedCopy(resolved)) {
      error = new WorkbookError('damaged', `${path.basename(resolved)} is damaged: it looks like a copy that did not finish. It has not been changed; restore it from a backup.`);
    }
    return { error, newestGoodBackup: OFFER_BACKUP_FOR.has(error.code) ? newestGoodBackup(backupsDir, options.nativeBinding) : null };
  }
}

/** "22/11/2026 at 10:15" in England's time. */
export function ukDateTime(at: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(at);
  return `${ukDate(londonDate(at))} at ${time}`;
}

/** The sentence under a refusal: what the person can do next. */
export function backupOffer(backup: BackupInfo | null): string {
  if (!backup) return 'No backup of this workbook was found that passes its checks.';
  const counts = backup.counts ? ` (${backup.counts.evidence} evidence items, ${backup.counts.actions} actions, ${backup.counts.findings} findings)` : '';
  return `The newest good backup is from ${ukDateTime(backup.takenAt)}${counts}. You can restore it; the damaged file is kept.`;
}
