/**
 * Which backups folder and settings belong to an open session. The Electron shell and browser
 * mode attach their session (startBackupScheduler does it); the contract handlers, which see only
 * a ServiceContext, find the session that holds their workbook here, so a restore can close and
 * reopen the workbook through WorkbookSession.use().
 */
import type { Workbook } from '../../../db/open-workbook';
import type { WorkbookHolder } from './session-holder';
import { defaultBackupsDir } from './backup-names';
import type { FreeSpaceProbe } from './disk-space';
import type { RetentionPolicy } from './retention';

export interface SafetyOptions {
  /** A folder, or a folder per workbook (the shell: userData/backups/<workbookId>). Default: beside the workbook. */
  backupsDir?: string | ((workbook: Workbook) => string);
  /** false: never prune (a folder the person chose may hold other files). */
  retention?: RetentionPolicy | false;
  freeSpace?: FreeSpaceProbe;
  /** The better-sqlite3 build to open backup files with (Electron's differs from Node's). */
  nativeBinding?: string;
}

/** What the backup:status channel reports about rolling backups (see BackupScheduler). */
export interface BackupStatusSource {
  readonly lastBackup: { takenAt: Date } | null;
  readonly lastError: Error | null;
}

interface Attachment {
  options: SafetyOptions;
  status: BackupStatusSource | null;
}

const attached = new Map<WorkbookHolder, Attachment>();

/** Makes restore and configured backups available to the handlers for this session. Returns detach. */
export function attachSafety(session: WorkbookHolder, options: SafetyOptions = {}, status: BackupStatusSource | null = null): () => void {
  const attachment = { options, status };
  attached.set(session, attachment);
  return () => {
    if (attached.get(session) === attachment) attached.delete(session);
  };
}

export function sessionHolding(workbook: Workbook): { session: WorkbookHolder; options: SafetyOptions; status: BackupStatusSource | null } | null {
  for (const [session, { options, status }] of attached) if (session.workbook === workbook) return { session, options, status };
  return null;
}

export function safetyOptionsFor(workbook: Workbook): SafetyOptions {
  return sessionHolding(workbook)?.options ?? {};
}

export function backupsDirFor(workbook: Workbook, options: SafetyOptions = safetyOptionsFor(workbook)): string {
  const dir = options.backupsDir;
  if (typeof dir === 'function') return dir(workbook);
  return dir ?? defaultBackupsDir(workbook.path);
}
