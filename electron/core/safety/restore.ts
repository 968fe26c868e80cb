/**
 * Restoring a backup. Nothing is replaced until the backup has been copied beside the workbook
 * and that copy passes integrity_check; the current state is first saved as a revert point (or,
 * if the workbook is damaged, set aside untouched); then the open connection is closed and the
 * checked copy is renamed over the workbook in one step.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook, type Workbook } from '../../../db/open-workbook';
import type { WorkbookHolder } from './session-holder';
import { resetAnchor } from './chain-anchor';
import { cleanLeftovers } from './leftovers';
import { ServiceError } from '../services/service-error';
import { backupFileName } from './backup-names';
import { createBackup, describeBackup, fsyncFolder, listBackups, type BackupInfo } from './backup-store';
import { changeMarker } from './backup-scheduler';
import { ensureFreeSpace, systemFreeSpace } from './disk-space';
import { inspectWorkbookFile, PROBLEM_MESSAGES } from './inspect-file';
import { backupsDirFor, sessionHolding, type SafetyOptions } from './safety-config';

export interface RestoreFileOptions extends SafetyOptions {
  workbookPath: string;
  backupPath: string;
  backupsDir: string;
  now: Date;
  /** The open connection to the workbook, if it could be opened (not when it is damaged). */
  current: Workbook | null;
  /** Closes `current` (through the session, so nothing else uses it meanwhile). */
  closeCurrent: () => void;
}

export interface RestoreOutcome {
  /** The state just before the restore, as a backup: restoring it undoes the restore. */
  revertPoint: BackupInfo | null;
  /** Where a damaged workbook was copied before being replaced. */
  damagedCopy: string | null;
}

async function copyVerified(backupPath: string, workbookPath: string, options: SafetyOptions): Promise<string> {
  const checked = inspectWorkbookFile(backupPath, { check: 'integrity', nativeBinding: options.nativeBinding });
  if (!checked.ok) throw new ServiceError('not_allowed', `${PROBLEM_MESSAGES[checked.problem]} Your workbook has not been changed.`);
  const dir = path.dirname(workbookPath);
  ensureFreeSpace(dir, checked.sizeBytes, options.freeSpace ?? systemFreeSpace);
  const temp = path.join(dir, `.${path.basename(workbookPath)}.restoring-${randomBytes(4).toString('hex')}`);
  const source = new Database(backupPath, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    await source.backup(temp);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new ServiceError('internal', `The backup could not be copied beside the workbook (${(e as Error).message}). Your workbook has not been changed.`);
  } finally {
    source.close();
  }
  // The copy, not just the original, must be sound before it replaces anything.
  const copy = inspectWorkbookFile(temp, { check: 'integrity', nativeBinding: options.nativeBinding });
  if (!copy.ok) {
    rmSync(temp, { force: true });
    throw new ServiceError('internal', 'The copy of the backup did not pass its check, so nothing was replaced. Your workbook has not been changed.');
  }
  return temp;
}

/** Copies a workbook that cannot be opened (and its -wal) into the backups folder, untouched. */
function setAsideDamaged(workbookPath: string, options: RestoreFileOptions): string {
  mkdirSync(options.backupsDir, { recursive: true });
  const size = statSync(workbookPath).size + (existsSync(`${workbookPath}-wal`) ? statSync(`${workbookPath}-wal`).size : 0);
  ensureFreeSpace(options.backupsDir, size, options.freeSpace ?? systemFreeSpace);
  const target = path.join(options.backupsDir, backupFileName(workbookPath, options.now, 'damaged'));
  copyFileSync(workbookPath, target);
  if (sidecarsInUse(workbookPath)) copyFileSync(`${workbookPath}-wal`, `${target}-wal`);
  return target;
}

async function revertPointOf(sqlite: Database.Database, workbookPath: string, options: RestoreFileOptions): Promise<BackupInfo> {
  const write = { backupsDir: options.backupsDir, reason: 'before-restore' as const, now: options.now, freeSpace: options.freeSpace, retention: options.retention, nativeBinding: options.nativeBinding };
  return createBackup(sqlite, workbookPath, write);
}

/**
 * True when another connection (another window, the CLI, a sync tool) has the workbook open:
 * SQLite then refuses this probe an exclusive lock. Replacing the file under it would corrupt it.
 */
function openElsewhere(workbookPath: string, nativeBinding?: string): boolean {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(workbookPath, { fileMustExist: true, timeout: 200, nativeBinding });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'SQLITE_BUSY' || (e as { code?: string }).code === 'SQLITE_LOCKED';
  } finally {
    probe?.close();
  }
}

function sidecarsInUse(workbookPath: string): boolean {
  const wal = `${workbookPath}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
}

function rememberRestoredHistory(workbookPath: string, options: RestoreFileOptions): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(workbookPath, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    resetAnchor(db, workbookPath, { now: options.now, backupsDir: options.backupsDir });
  } catch {
    // The restore stands; check will say the history differs from what this computer saw.
  } finally {
    db?.close();
  }
}

export async function restoreWorkbookFile(options: RestoreFileOptions): Promise<RestoreOutcome> {
  const { workbookPath, current } = options;
  cleanLeftovers(workbookPath, options.backupsDir);
  if (current?.readOnly) throw new ServiceError('read_only', 'This workbook is open read-only, so it cannot be replaced by a backup. Save a copy to work on it.');
  const temp = await copyVerified(options.backupPath, workbookPath, options);
  let revertPoint: BackupInfo | null = null;
  let damagedCopy: string | null = null;
  try {
    if (current) {
      // Changes saved while the revert point was being written must be in it: repeat until still.
      for (let attempt = 0; ; attempt++) {
        const before = changeMarker(current);
        revertPoint = await revertPointOf(current.sqlite, workbookPath, options);
        if (changeMarker(current) === before) break;
        if (attempt === 3) throw new ServiceError('conflict', 'The workbook kept changing while the restore was getting ready. Try again in a moment.');
      }
    } else if (existsSync(workbookPath)) {
      const state = inspectWorkbookFile(workbookPath, { check: 'quick', nativeBinding: options.nativeBinding });
      if (state.ok) {
        const reader = new Database(workbookPath, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
        try {
          revertPoint = await revertPointOf(reader, workbookPath, options);
        } finally {
          reader.close();
        }
      } else damagedCopy = setAsideDamaged(workbookPath, options);
    }
    // From here to the rename nothing awaits, so no change can slip in after the revert point.
    options.closeCurrent();
    if ((revertPoint && openElsewhere(workbookPath, options.nativeBinding)) || sidecarsInUse(workbookPath)) {
      throw new ServiceError('conflict', 'The workbook is open in another window or program. Close it there, then restore again. Nothing was replaced.');
    }
    for (const sidecar of ['-wal', '-shm', '-journal']) rmSync(`${workbookPath}${sidecar}`, { force: true });
    renameSync(temp, workbookPath);
    fsyncFolder(path.dirname(workbookPath));
    // The officer chose this older state: this computer's record of the newest history follows it,
    // so the restored file is not then reported as rolled back (the revert point keeps the newer one).
    rememberRestoredHistory(workbookPath, options);
  } catch (e) {
    rmSync(temp, { force: true });
    if (e instanceof ServiceError) throw e;
    throw new ServiceError('internal', `The backup could not replace the workbook (${(e as Error).message}). Your workbook has not been changed.`);
  }
  return { revertPoint, damagedCopy };
}

export interface SessionRestoreResult extends RestoreOutcome {
  restored: BackupInfo;
}

/**
 * Restores one of the session's own backups (chosen by file name from backup:list) and reopens
 * the workbook in the same session.
 */
export async function restoreInSession(session: WorkbookHolder, fileName: string, now: Date, overrides?: SafetyOptions): Promise<SessionRestoreResult> {
  const workbook = session.workbook;
  if (!workbook) throw new ServiceError('no_workbook', 'No workbook is open. Open the workbook you want to restore first.');
  const options = { ...(sessionHolding(workbook)?.options ?? {}), ...overrides };
  const backupsDir = backupsDirFor(workbook, options);
  const chosen = listBackups(backupsDir, options.nativeBinding).find((b) => b.fileName === fileName);
  if (!chosen) throw new ServiceError('not_found', 'That backup is no longer in the backups folder. Choose another from the list.');
  const workbookPath = workbook.path;
  const reopen = () => openWorkbook(workbookPath, { backupDir: backupsDir, nativeBinding: options.nativeBinding, now: () => now });
  let outcome: RestoreOutcome;
  try {
    outcome = await restoreWorkbookFile({ ...options, workbookPath, backupPath: chosen.path, backupsDir, now, current: workbook, closeCurrent: () => session.close() });
  } catch (e) {
    if (!session.workbook) session.use(await reopen());
    throw e;
  }
  session.use(await reopen());
  return { ...outcome, restored: describeBackup(chosen.path, options.nativeBinding) ?? chosen };
}
