/** One backup of the open workbook, now, into its configured folder (issue #7). */
import type { Workbook } from '../../../db/open-workbook';
import type { WorkbookHolder } from './session-holder';
import { ServiceError } from '../services/service-error';
import type { BackupReason } from './backup-names';
import { createBackup, createBackupSync, type BackupInfo } from './backup-store';
import { backupsDirFor, safetyOptionsFor, type SafetyOptions } from './safety-config';

function openWorkbookOf(target: WorkbookHolder | Workbook): Workbook {
  const workbook = 'sqlite' in target ? target : target.workbook;
  if (!workbook || !workbook.sqlite.open) throw new ServiceError('no_workbook', 'No workbook is open, so there is nothing to back up.');
  return workbook;
}

function settings(workbook: Workbook, overrides: SafetyOptions | undefined) {
  const options = { ...safetyOptionsFor(workbook), ...overrides };
  return { options, backupsDir: backupsDirFor(workbook, options) };
}

/**
 * Backs up the open workbook without blocking (online backup API), then applies retention.
 * Call before anything that changes many records at once (imports) and before a restore.
 */
export async function backupNow(target: WorkbookHolder | Workbook, reason: BackupReason, now: Date = new Date(), overrides?: SafetyOptions): Promise<BackupInfo> {
  const workbook = openWorkbookOf(target);
  const { options, backupsDir } = settings(workbook, overrides);
  return createBackup(workbook.sqlite, workbook.path, {
    backupsDir,
    reason,
    now,
    freeSpace: options.freeSpace,
    retention: options.retention,
    nativeBinding: options.nativeBinding,
  });
}

/**
 * The synchronous form, for a mutating handler (which runs inside dispatch's transaction and
 * cannot await): it copies the last committed state, i.e. the workbook as it was before the
 * handler's own changes. E.g. at the start of import:planApply: `backupNowSync(ctx.workbook, 'before-import', ctx.now())`.
 */
export function backupNowSync(target: WorkbookHolder | Workbook, reason: BackupReason, now: Date = new Date(), overrides?: SafetyOptions): BackupInfo {
  const workbook = openWorkbookOf(target);
  const { options, backupsDir } = settings(workbook, overrides);
  return createBackupSync(workbook.path, {
    backupsDir,
    reason,
    now,
    freeSpace: options.freeSpace,
    retention: options.retention,
    nativeBinding: options.nativeBinding,
  });
}
