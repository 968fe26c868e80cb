/**
 * Opening, creating and migrating a workbook file. A workbook is one SQLite file marked with our
 * application_id. Anything we cannot vouch for (a foreign file, a newer version, a damaged file)
 * is refused with a plain-words message and never written to.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { accessSync, closeSync, constants, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { appRoot, appVersion } from './app-root';
import { compactAuditLog } from './audit-storage';
import * as schema from './schema';

/** "EWB1" as a big-endian 32-bit integer, written into the SQLite header (offset 68). */
export const APPLICATION_ID = 0x45574231;

export type WorkbookErrorCode =
  | 'not_found'
  | 'already_exists'
  | 'not_a_workbook'
  | 'newer_version'
  | 'damaged'
  | 'migration_failed'
  | 'cannot_write'
  | 'busy';

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

export type Db = BetterSQLite3Database<typeof schema>;

export interface Workbook {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly readOnly: boolean;
  /** Number of migrations applied: the workbook's schema version. */
  readonly schemaVersion: number;
  /** Path of the copy taken before migrating, if a migration ran. */
  readonly preMigrationBackup: string | null;
  /**
   * SQLite's quick_check of the file: 'ok', or what it found. Run before opening, or (with
   * `quickCheck: 'after'`) off the main thread once the workbook is open; a failure then stops
   * every save (see writeStopReason).
   */
  readonly checked: Promise<string>;
  close(): void;
}

export interface OpenOptions {
  /**
   * Open without writing anything (a check, or a file the user chose to view). Left out, a file
   * this user cannot write (read-only media, permissions) opens read-only, whatever side files
   * (-wal, -shm) are left beside it, and the UI shows the read-only banner (issue #14).
   */
  readOnly?: boolean;
  /** Whether the file and its folder can be written; injectable for tests. */
  canWrite?: (file: string) => boolean;
  /**
   * When SQLite's quick_check (a read of every page: seconds at XL) runs: 'before' opening (the
   * default: the CLI, which writes and exits), or 'after', off the main thread, so the first screen
   * does not wait for it (the app and browser mode; issue #17). A file that needs updating is always
   * checked before. With 'after', a file cut short is still refused at once (its header says how
   * long it should be), and damage found later stops every save with a message.
   */
  quickCheck?: 'before' | 'after';
  /**
   * With readOnly: open an older workbook as it is, without its pending migrations (for `check`,
   * which must be able to inspect a file the app has not updated yet). Nothing may write to it.
   */
  asIs?: boolean;
  /** Where the pre-migration copy goes; defaults to beside the workbook. */
  backupDir?: string;
  migrationsFolder?: string;
  now?: () => Date;
  /**
   * Path of a better_sqlite3.node to load instead of the one in node_modules. The Electron app
   * passes its own build (Electron's ABI differs from Node's; the Node build stays for tests/CLI).
   */
  nativeBinding?: string;
}

export function migrationsFolder(): string {
  return path.join(appRoot(), 'db', 'migrations');
}

export function knownMigrations(folder = migrationsFolder()): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: folder });
}

/** Reads the SQLite header without opening the database, so a foreign file is never touched. */
/** The first 100 bytes of a file: the SQLite header (shorter files give a zero-filled rest). */
export function readSqliteHeader(file: string): Buffer {
  const buf = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return buf;
}

export const SQLITE_MAGIC = 'SQLite format 3\0';

function readHeader(file: string): { isSqlite: boolean; applicationId: number; size: number } {
  const size = statSync(file).size;
  const buf = readSqliteHeader(file);
  return {
    isSqlite: size >= 100 && buf.toString('latin1', 0, 16) === SQLITE_MAGIC,
    applicationId: buf.readUInt32BE(68),
    size,
  };
}

/** How long a statement waits for another program's lock before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

function applyPragmas(sqlite: Database.Database, readOnly: boolean): void {
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!readOnly) {
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the change is acknowledged, so a power cut cannot take the
    // last changes (NORMAL can, in WAL mode). An edit is one small transaction: the bench's
    // "durable edit" figure shows the cost stays a few milliseconds (issue #14).
    sqlite.pragma('synchronous = FULL');
  }
  sqlite.pragma('foreign_keys = ON');
}

/** SQLite in WAL mode also needs to create files beside the workbook, so the folder counts too. */
export function fileIsWritable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(path.dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const walIdentity = new WeakMap<Database.Database, { wal: string; dev: number; ino: number }>();

/** Notes which -wal file SQLite has open, so a deleted or swapped one can be noticed later. */
function watchWal(sqlite: Database.Database, file: string): void {
  // A read makes SQLite open (and if need be create) the -wal.
  sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  const wal = `${file}-wal`;
  try {
    const st = statSync(wal);
    walIdentity.set(sqlite, { wal, dev: st.dev, ino: st.ino });
  } catch {
    // No -wal (not in WAL mode): nothing to watch.
  }
}

/** Whether the -wal this connection opened has been deleted or replaced since (null: unchanged). */
export function walChange(sqlite: Database.Database): 'missing' | 'replaced' | null {
  const known = walIdentity.get(sqlite);
  if (!known) return null;
  try {
    const st = statSync(known.wal);
    return st.ino === known.ino && st.dev === known.dev ? null : 'replaced';
  } catch {
    return 'missing';
  }
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** The one sentence for "database is locked", wherever it surfaces (open, dispatch, CLI). */
export function busyMessage(file: string): string {
  return `Another program is using this workbook (${path.basename(file)}: perhaps the app in another window, browser mode or a command) and did not finish within ${BUSY_TIMEOUT_MS / 1000} seconds; try again.`;
}

/** A read-only connection, even where SQLite cannot create its side files (read-only media). */
interface ReadConnection {
  sqlite: Database.Database;
  /** A private copy opened instead of the file; removed on close. */
  copyDir: string | null;
}

function cannotCreateSideFiles(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR');
}

/**
 * Opens read-only. A WAL-mode file on read-only media with no -shm beside it cannot be opened in
 * place (SQLite must create the -shm, and this build has no immutable URIs), so the file and any
 * leftover -wal are copied to a private temporary folder and that copy is read; nothing is ever
 * written beside the original.
 */
function openForReading(file: string, nativeBinding?: string): ReadConnection {
  let direct: Database.Database | undefined;
  try {
    direct = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    direct.prepare('SELECT count(*) FROM sqlite_master').get();
    return { sqlite: direct, copyDir: null };
  } catch (e) {
    direct?.close();
    if (!cannotCreateSideFiles(e) || fileIsWritable(file)) throw e;
  }
  const copyDir = mkdtempSync(path.join(tmpdir(), 'ewb-read-only-'));
  try {
    const copy = path.join(copyDir, path.basename(file));
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const sqlite = new Database(copy, { readonly: true, fileMustExist: true, nativeBinding });
    return { sqlite, copyDir };
  } catch (e) {
    rmSync(copyDir, { recursive: true, force: true });
    throw e;
  }
}

function appliedMigrations(sqlite: Database.Database): { hash: string; created_at: number }[] {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!exists) return [];
  return sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all() as {
    hash: string;
    created_at: number;
  }[];
}

/**
 * Steps SQLite alone cannot do, run right after their migration's SQL in the same transaction, keyed
 * by the migration's journal time (`when`): 0011 re-encodes the history compactly and proves it.
 */
const MIGRATION_STEPS = new Map<number, (sqlite: Database.Database) => void>([[1796248185115, compactAuditLog]]);

/**
 * Applies pending migrations in one transaction with foreign keys off (a table rebuild must not
 * fire ON DELETE CASCADE: drizzle-orm #5782, #4938) and checks foreign keys before committing.
 */
export function runMigrations(sqlite: Database.Database, migrations: MigrationMeta[]): number {
  // Every journal entry not yet recorded, not just those newer than the last one: a migration
  // merged from a branch can carry an older timestamp than one already applied.
  const applied = new Set(appliedMigrations(sqlite).map((a) => Number(a.created_at)));
  const pending = migrations.filter((m) => !applied.has(m.folderMillis));
  if (pending.length === 0) return 0;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec('CREATE TABLE IF NOT EXISTS __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
    const record = sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)');
    sqlite.transaction(() => {
      for (const m of pending) {
        for (const stmt of m.sql) if (stmt.trim()) sqlite.exec(stmt);
        MIGRATION_STEPS.get(m.folderMillis)?.(sqlite);
        record.run(m.hash, m.folderMillis);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new WorkbookError(
          'migration_failed',
          `Updating the workbook would break ${violations.length} link(s) between records, so nothing was changed.`,
        );
      }
      sqlite.pragma(`user_version = ${migrations.length}`);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return pending.length;
}

/**
 * After an update that left over a quarter of the file unused (0011 rewrites the history in less
 * space), the file is rewritten to give it back. Only space is at stake: if it cannot be done
 * (not enough free disk), the workbook is used as it is.
 */
function reclaimFreedSpace(sqlite: Database.Database): void {
  const free = sqlite.pragma('freelist_count', { simple: true }) as number;
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  if (free * 4 < pages) return;
  try {
    sqlite.exec('VACUUM');
  } catch {
    // The freed pages are reused by later saves instead.
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Copies a database with SQLite's online backup API (never a file copy: the -wal is part of it). */
export async function backupDatabase(sqlite: Database.Database, dest: string): Promise<void> {
  await sqlite.backup(dest);
}

function checkSchemaVersion(sqlite: Database.Database, file: string, migrations: MigrationMeta[]): number {
  const applied = appliedMigrations(sqlite);
  const known = new Set(migrations.map((m) => m.hash));
  const newest = Math.max(0, ...migrations.map((m) => m.folderMillis));
  const fromFuture = applied.some((a) => Number(a.created_at) > newest || !known.has(a.hash));
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  if (fromFuture || userVersion > migrations.length) {
    throw new WorkbookError(
      'newer_version',
      `${path.basename(file)} was saved by a newer version of Evidence Workbook. Update the app to open it; the file has not been changed.`,
    );
  }
  return applied.length;
}

/** The one sentence for a damaged workbook, on open or when a save runs into the damage. */
export function damagedMessage(file: string): string {
  return `${path.basename(file)} is damaged (it may have been copied only in part). It has not been changed; restore it from a backup.`;
}

/** A file shorter than its header says it is (a copy that stopped part-way), found without reading it all. */
function cutShort(file: string, size: number): boolean {
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) return false; // pages may be in the -wal
  const header = readSqliteHeader(file);
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = header.readUInt32BE(28);
  const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
  return valid && pages > 0 && pages * pageSize > size;
}

const stopReasons = new WeakMap<Database.Database, string>();

/** Why saving must stop for this connection (damage found after opening), if it must. */
export function writeStopReason(sqlite: Database.Database): string | null {
  return stopReasons.get(sqlite) ?? null;
}

// Plain CommonJS evaluated in a worker: quick_check on its own read-only connection.
const QUICK_CHECK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let verdict;
try {
  const Database = require(workerData.modulePath);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  try { verdict = String(db.pragma('quick_check(1)', { simple: true })); } finally { db.close(); }
} catch (e) { verdict = 'unreadable: ' + String((e && e.code) || e); }
parentPort.postMessage(verdict);`;

function quickCheckOffThread(file: string, sqlite: Database.Database, nativeBinding?: string): Promise<string> {
  return new Promise((resolve) => {
    const done = (verdict: string) => {
      if (verdict !== 'ok') stopReasons.set(sqlite, damagedMessage(file));
      resolve(verdict);
    };
    let worker: Worker;
    try {
      const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(QUICK_CHECK_WORKER, { eval: true, workerData: { file, nativeBinding, modulePath } });
    } catch {
      // No worker (unusual packaging): check here, later than the first screen.
      setTimeout(() => {
        try {
          done(sqlite.open ? String(sqlite.pragma('quick_check(1)', { simple: true })) : 'ok');
        } catch {
          done('unreadable');
        }
      }, 0);
      return;
    }
    worker.unref(); // a command that has finished does not wait for it
    worker.once('message', (verdict: string) => {
      void worker.terminate();
      done(verdict);
    });
    worker.once('error', () => resolve('not checked'));
  });
}

function quickCheck(sqlite: Database.Database, file: string): void {
  let result: string;
  try {
    result = sqlite.pragma('quick_check', { simple: true }) as string;
  } catch {
    result = 'unreadable';
  }
  if (result !== 'ok') throw new WorkbookError('damaged', damagedMessage(file));
}

function wrapOpenError(e: unknown, file: string): never {
  if (e instanceof WorkbookError) throw e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    throw new WorkbookError('damaged', `${path.basename(file)} is damaged and cannot be opened. It has not been changed; restore it from a backup.`);
  }
  if (isBusy(e)) throw new WorkbookError('busy', busyMessage(file));
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    throw new WorkbookError('cannot_write', `${path.basename(file)} cannot be opened for writing. Check the file is not read-only or open elsewhere.`);
  }
  throw e;
}

const closeHooks = new WeakMap<Database.Database, (() => void)[]>();

/** Runs just before the workbook closes (e.g. recording the newest history this computer saw). */
export function beforeClose(sqlite: Database.Database, hook: () => void): void {
  const hooks = closeHooks.get(sqlite) ?? [];
  if (!hooks.includes(hook)) hooks.push(hook);
  closeHooks.set(sqlite, hooks);
}

function finish(
  file: string,
  sqlite: Database.Database,
  readOnly: boolean,
  schemaVersion: number,
  preMigrationBackup: string | null,
  copyDir: string | null = null,
  checked: Promise<string> = Promise.resolve('ok'),
): Workbook {
  if (!readOnly) watchWal(sqlite, file);
  return {
    checked,
    path: file,
    sqlite,
    db: drizzle(sqlite, { schema }),
    readOnly,
    schemaVersion,
    preMigrationBackup,
    close: () => {
      if (!sqlite.open) return;
      for (const hook of closeHooks.get(sqlite) ?? []) {
        try {
          hook();
        } catch {
          // Closing must not fail because a record beside it could not be written.
        }
      }
      sqlite.close();
      if (copyDir) rmSync(copyDir, { recursive: true, force: true });
    },
  };
}

/** Opens an existing workbook, migrating it (after a backup) if it is older than the app. */
export async function openWorkbook(file: string, options: OpenOptions = {}): Promise<Workbook> {
  const resolved = path.resolve(file);
  if (!existsSync(resolved)) {
    throw new WorkbookError('not_found', `There is no workbook at ${resolved}.`);
  }
  const header = readHeader(resolved);
  if (!header.isSqlite || header.applicationId !== APPLICATION_ID) {
    throw new WorkbookError(
      'not_a_workbook',
      `${path.basename(resolved)} is not an Evidence Workbook file. It has not been changed.`,
    );
  }
  const migrations = knownMigrations(options.migrationsFolder);
  const deferCheck = options.quickCheck === 'after';
  // First look read-only: refuse damaged and newer files before anything can write to them.
  let probe: ReadConnection | undefined;
  let applied: number;
  try {
    probe = openForReading(resolved, options.nativeBinding);
    applied = checkSchemaVersion(probe.sqlite, resolved, migrations);
    if (deferCheck && applied === migrations.length) {
      if (cutShort(resolved, header.size)) throw new WorkbookError('damaged', damagedMessage(resolved));
    } else quickCheck(probe.sqlite, resolved);
  } catch (e) {
    probe?.sqlite.close();
    if (probe?.copyDir) rmSync(probe.copyDir, { recursive: true, force: true });
    wrapOpenError(e, resolved);
  }

  const readOnly = options.readOnly ?? !(options.canWrite ?? fileIsWritable)(resolved);
  if (readOnly) {
    // The probe is the connection: a copy made for read-only media stays in use until close.
    try {
      applyPragmas(probe.sqlite, true);
    } catch (e) {
      probe.sqlite.close();
      wrapOpenError(e, resolved);
    }
    if (applied < migrations.length && !options.asIs) {
      probe.sqlite.close();
      if (probe.copyDir) rmSync(probe.copyDir, { recursive: true, force: true });
      throw new WorkbookError('cannot_write', `${path.basename(resolved)} needs updating for this version of the app, which cannot be done while it is read-only.`);
    }
    const checked = deferCheck && applied === migrations.length ? quickCheckOffThread(probe.sqlite.name, probe.sqlite, options.nativeBinding) : undefined;
    return finish(resolved, probe.sqlite, true, applied, null, probe.copyDir, checked);
  }
  probe.sqlite.close();
  if (probe.copyDir) rmSync(probe.copyDir, { recursive: true, force: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(resolved, { readonly: false, fileMustExist: true, nativeBinding: options.nativeBinding });
    applyPragmas(sqlite, false);
  } catch (e) {
    wrapOpenError(e, resolved);
  }
  let backup: string | null = null;
  if (applied < migrations.length) {
    const dir = options.backupDir ?? path.dirname(resolved);
    backup = path.join(dir, `${path.basename(resolved, path.extname(resolved))}.before-update-${stamp((options.now ?? (() => new Date()))())}.workbook`);
    try {
      await backupDatabase(sqlite, backup);
      runMigrations(sqlite, migrations);
    } catch (e) {
      sqlite.close();
      if (e instanceof WorkbookError) throw e;
      throw new WorkbookError('migration_failed', `The workbook could not be updated for this version of the app: ${(e as Error).message}. It has not been changed.`);
    }
  }
  if (backup) reclaimFreedSpace(sqlite);
  const checked = deferCheck && applied === migrations.length ? quickCheckOffThread(resolved, sqlite, options.nativeBinding) : undefined;
  return finish(resolved, sqlite, false, migrations.length, backup, null, checked);
}

export interface CreateOptions extends Omit<OpenOptions, 'readOnly' | 'backupDir'> {
  areaName?: string;
  frameworkId?: string;
  authorName?: string;
}

/** Creates a new, empty workbook. Refuses to overwrite an existing file. */
export function createWorkbook(file: string, options: CreateOptions = {}): Workbook {
  const resolved = path.resolve(file);
  if (existsSync(resolved)) {
    throw new WorkbookError('already_exists', `${path.basename(resolved)} already exists. Choose another name.`);
  }
  const migrations = knownMigrations(options.migrationsFolder);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(resolved, { nativeBinding: options.nativeBinding });
  } catch (e) {
    wrapOpenError(e, resolved);
  }
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  applyPragmas(sqlite, false);
  runMigrations(sqlite, migrations);
  const now = (options.now ?? (() => new Date()))().toISOString();
  sqlite.transaction(() => {
    sqlite
      .prepare('INSERT INTO workbook_info (id, workbook_id, created_at, created_by_app_version, next_evidence_number) VALUES (1, ?, ?, ?, 1)')
      .run(randomUUID(), now, appVersion());
    sqlite
      .prepare('INSERT INTO area_profile (id, area_name, author_name, default_framework_id, updated_at) VALUES (1, ?, ?, ?, ?)')
      .run(options.areaName ?? '', options.authorName ?? '', options.frameworkId ?? 'area-send-2025', now);
  })();
  return finish(resolved, sqlite, false, migrations.length, null);
}
