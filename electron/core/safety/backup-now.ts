/** One backup of the open workbook, now, into its configured folder (issue #7). */
import type { Workbook } from '../../../db/open-workbook';
import type { WorkbookHolder } from './session-holder';
import { ServiceError } from '../services/service-error';
import type { BackupReason } from './backup-names';
import { createBackup, type BackupInfo } from './backup-store';
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
 * Called before a restore, and by dispatch before any command whose contract declares
 * `backupFirst` (the imports that change many records at once).
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
