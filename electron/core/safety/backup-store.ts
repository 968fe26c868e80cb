/**
 * Backup files: made with SQLite's online backup API (never a file copy: the -wal is part of the
 * database), written to a temporary name, checked, then renamed into place, so a backup folder
 * never holds a half-written backup under a real name. Each backup is a single self-contained
 * file (rollback journal, not WAL) so it opens even from a read-only folder or USB stick.
 */
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ServiceError } from '../services/service-error';
import { BACKUP_REASON_LABELS, backupFileName, parseBackupName, type BackupReason } from './backup-names';
import { diskShortError, ensureFreeSpace, systemFreeSpace, type FreeSpaceProbe } from './disk-space';
import { inspectWorkbookFile, type WorkbookCounts } from './inspect-file';
import { backupsToDelete, DEFAULT_RETENTION, newestFirst, type RetentionPolicy } from './retention';

export interface BackupInfo {
  fileName: string;
  sequence: number;
  path: string;
  takenAt: Date;
  reason: BackupReason;
  reasonLabel: string;
  sizeBytes: number;
  /** It opened and could be read; a restore checks it fully again. */
  usable: boolean;
  counts: WorkbookCounts | null;
}

export interface BackupWriteOptions {
  backupsDir: string;
  reason: BackupReason;
  now: Date;
  freeSpace?: FreeSpaceProbe;
  /** Prune the folder afterwards (false for a folder the user chose, which may hold other files). */
  retention?: RetentionPolicy | false;
  nativeBinding?: string;
}

function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT';
}

function prepareFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ServiceError('not_allowed', `The backups folder ${dir} cannot be created (${(e as NodeJS.ErrnoException).code ?? 'error'}). Check the disk is connected and writable.`);
  }
}

/** Never reuses a name: a backup made in the same millisecond as others comes after all of them. */
function uniqueName(dir: string, workbookPath: string, at: Date, reason: BackupReason): string {
  const first = parseBackupName(backupFileName(workbookPath, at, reason))!;
  let highest = 0;
  for (const name of readdirSync(dir)) {
    const other = parseBackupName(name.replace(/^\.(.*)\.partial$/, '$1'));
    if (other && other.workbookStem === first.workbookStem && other.reason === reason && other.takenAt.getTime() === at.getTime()) {
      highest = Math.max(highest, other.sequence);
    }
  }
  return backupFileName(workbookPath, at, reason, highest);
}

export function fsyncFolder(dir: string): void {
  // Makes the rename durable; Windows cannot open folders this way, where the rename is enough.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

const BAD_COPY = 'The backup did not pass its check, so it was not kept. Your workbook has not been changed.';

/** Converts the copy to a single file and checks it, on this thread; returns quick_check's verdict. */
function checkCopyHere(temp: string, nativeBinding?: string): string {
  const copy = new Database(temp, { fileMustExist: true, nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
    return String(copy.pragma('quick_check(1)', { simple: true }));
  } finally {
    copy.close();
  }
}

// The copy and its check in a throwaway worker thread, with its own read-only connection: at XL
// the online backup's last step (the copy's commit and fsync) alone holds a thread for ~0.4 s and
// quick_check for seconds, and the host thread is the one answering the window (issue #12: at
// most 100 ms at a time). In the worker the whole copy is ONE step of the online backup API, so it
// is one read transaction: a consistent snapshot that a write on the host never restarts (WAL
// lets the host keep writing meanwhile). Plain CommonJS evaluated in the worker: no tsx, no bundle.
const COPY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const Database = require(workerData.modulePath);
  if (workerData.source) {
    const source = new Database(workerData.source, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
    try {
      await source.backup(workerData.file, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
  }
  if (!workerData.check) return 'ok';
  const copy = new Database(workerData.file, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
    return String(copy.pragma('quick_check(1)', { simple: true }));
  } finally {
    copy.close();
  }
})().then(
  (verdict) => parentPort.postMessage({ verdict }),
  (e) => parentPort.postMessage({ failed: String((e && e.message) || e), code: e && e.code }),
);`;

let sqliteModulePath: string | null | undefined;

function betterSqlitePath(): string | null {
  if (sqliteModulePath === undefined) {
    try {
      sqliteModulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    } catch {
      sqliteModulePath = null;
    }
  }
  return sqliteModulePath;
}

export interface OffThreadCopy {
  /** Copy this database file to `file` first (else only check `file`). */
  source?: string;
  file: string;
  /** Convert the copy to a single file and run quick_check on it; the verdict is returned. */
  check: boolean;
  nativeBinding?: string;
}

/**
 * Runs a copy and/or its check in a worker thread; resolves with quick_check's verdict ('ok'
 * when not checked). `null` when no worker could be started (an unusual packaging): the caller
 * then does the work on its own thread — slower for the window, never unchecked.
 */
export function copyOffThread(job: OffThreadCopy): Promise<string | null> {
  const modulePath = betterSqlitePath();
  if (!modulePath) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    try {
      worker = new Worker(COPY_WORKER, { eval: true, workerData: { ...job, modulePath } });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (m: { verdict?: string; failed?: string; code?: string }) => {
      settled = true;
      void worker.terminate();
      if (m.verdict !== undefined) resolve(m.verdict);
      else reject(Object.assign(new Error(m.failed ?? 'The backup could not be made.'), { code: m.code }));
    });
    worker.once('error', () => {
      if (settled) return;
      settled = true;
      resolve(null);
    });
    worker.once('exit', () => {
      if (!settled) {
        settled = true;
        reject(new Error('The backup stopped unexpectedly.'));
      }
    });
  });
}

/**
 * A consistent copy of an open workbook at `temp`, made off this thread when possible (see
 * COPY_WORKER), else with the online backup API in timed steps on this connection. Returns the
 * copy's quick_check verdict when `check`.
 */
export async function copyWorkbook(sqlite: Database.Database, workbookPath: string, temp: string, options: { check: boolean; nativeBinding?: string }): Promise<string> {
  const verdict = await copyOffThread({ source: workbookPath, file: temp, check: options.check, nativeBinding: options.nativeBinding });
  if (verdict !== null) return verdict;
  for (const f of [temp, `${temp}-journal`]) rmSync(f, { force: true });
  await steppedBackup(sqlite, temp);
  return options.check ? checkCopyHere(temp, options.nativeBinding) : 'ok';
}

function keepCopy(verdict: string, temp: string, final: string): void {
  if (verdict !== 'ok') throw new ServiceError('internal', BAD_COPY);
  renameSync(temp, final);
  fsyncFolder(path.dirname(final));
}

/** Longest the online backup API may hold the thread in one step before yielding to other work. */
export const BACKUP_STEP_MS = 8;

/**
 * SQLite's online backup API in steps sized to take about `stepMs` each, yielding to the event
 * loop between them (better-sqlite3 schedules each step with setImmediate; the progress callback
 * sets the pages copied in the next one). Reads and writes on the same connection run between
 * steps; a write restarts the copy of changed pages, as SQLite documents.
 */
export async function steppedBackup(sqlite: Database.Database, dest: string, stepMs: number = BACKUP_STEP_MS): Promise<void> {
  let pages = 64;
  let last = performance.now();
  await sqlite.backup(dest, {
    progress: () => {
      const now = performance.now();
      const took = Math.max(now - last, 0.1);
      // Aim for stepMs per step, changing by at most 4x at a time so one slow disk flush does not
      // shrink the next steps to nothing.
      pages = Math.max(16, Math.min(pages * 4, Math.round((pages * stepMs) / took), 65_536));
      last = performance.now();
      return pages;
    },
  });
}

function failed(e: unknown, temp: string, needed: number, probe: FreeSpaceProbe): ServiceError {
  for (const f of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  if (e instanceof ServiceError) return e;
  if (isDiskFull(e)) {
    let free = 0;
    try {
      free = probe(path.dirname(temp));
    } catch {
      // the figure is only for the message
    }
    return diskShortError(needed, free);
  }
  return new ServiceError('internal', `The backup could not be made (${(e as Error).message}). Your workbook has not been changed.`);
}

function databaseBytes(sqlite: Database.Database): number {
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const free = sqlite.pragma('freelist_count', { simple: true }) as number;
  return (pages - free) * (sqlite.pragma('page_size', { simple: true }) as number);
}

function afterWrite(final: string, options: BackupWriteOptions): BackupInfo {
  if (options.retention !== false) pruneBackups(options.backupsDir, options.now, options.retention ?? DEFAULT_RETENTION, [path.basename(final)]);
  const info = describeBackup(final, options.nativeBinding);
  if (!info) throw new ServiceError('internal', 'The backup was made but cannot be found. Check the backups folder.');
  return info;
}

/**
 * Backs up an open workbook with the online backup API and checks the copy, both in a worker
 * thread (or in timed steps here, if no worker can start), so the app stays responsive. Fails
 * before writing when the disk is short.
 */
export async function createBackup(sqlite: Database.Database, workbookPath: string, options: BackupWriteOptions): Promise<BackupInfo> {
  prepareFolder(options.backupsDir);
  const needed = databaseBytes(sqlite);
  const probe = options.freeSpace ?? systemFreeSpace;
  ensureFreeSpace(options.backupsDir, needed, probe);
  const final = path.join(options.backupsDir, uniqueName(options.backupsDir, workbookPath, options.now, options.reason));
  const temp = path.join(options.backupsDir, `.${path.basename(final)}.partial`);
  try {
    keepCopy(await copyWorkbook(sqlite, workbookPath, temp, { check: true, nativeBinding: options.nativeBinding }), temp, final);
  } catch (e) {
    throw failed(e, temp, needed, probe);
  }
  return afterWrite(final, options);
}


const described = new Map<string, { key: string; info: BackupInfo }>();

/** Reads one backup's details (cached by size and time, as listing may open dozens of files). */
export function describeBackup(file: string, nativeBinding?: string): BackupInfo | null {
  const parsed = parseBackupName(path.basename(file));
  if (!parsed) return null;
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const key = `${stat.size}:${stat.mtimeMs}`;
  const cached = described.get(file);
  if (cached?.key === key) return cached.info;
  const inspection = inspectWorkbookFile(file, { check: 'none', nativeBinding });
  const info: BackupInfo = {
    fileName: parsed.fileName,
    sequence: parsed.sequence,
    path: file,
    takenAt: parsed.takenAt,
    reason: parsed.reason,
    reasonLabel: BACKUP_REASON_LABELS[parsed.reason],
    sizeBytes: stat.size,
    usable: inspection.ok,
    counts: inspection.ok ? inspection.counts : null,
  };
  described.set(file, { key, info });
  return info;
}

/** Our backups in `dir`, newest first. Other files are ignored (and never deleted). */
export function listBackups(dir: string, nativeBinding?: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => describeBackup(path.join(dir, name), nativeBinding))
    .filter((b): b is BackupInfo => b !== null)
    .sort(newestFirst);
}

/** Applies the retention policy to `dir`; returns the names deleted. */
export function pruneBackups(dir: string, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION, protect: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const candidates = names.flatMap((fileName) => {
    const parsed = parseBackupName(fileName);
    if (!parsed) return [];
    try {
      return [{ ...parsed, sizeBytes: statSync(path.join(dir, fileName)).size }];
    } catch {
      return [];
    }
  });
  const doomed = backupsToDelete(candidates, now, policy, protect);
  for (const name of doomed) rmSync(path.join(dir, name), { force: true });
  return doomed;
}

/** The newest backup that passes a full integrity check, or null. */
export function newestGoodBackup(dir: string, nativeBinding?: string): BackupInfo | null {
  for (const backup of listBackups(dir, nativeBinding)) {
    if (backup.reason === 'damaged') continue;
    if (inspectWorkbookFile(backup.path, { check: 'integrity', nativeBinding }).ok) return backup;
  }
  return null;
}
