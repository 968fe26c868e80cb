/**
 * Looks inside a workbook or backup file without writing to it: is it ours, is it intact, is it
 * from a newer app, and how much does it hold. Used before a restore replaces anything and to
 * find the newest good backup when a workbook is damaged.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { APPLICATION_ID, knownMigrations, readSqliteHeader, SQLITE_MAGIC } from '../../../db/open-workbook';

export interface WorkbookCounts {
  evidence: number;
  actions: number;
  findings: number;
}

export type Inspection =
  | { ok: true; counts: WorkbookCounts | null; sizeBytes: number }
  | { ok: false; problem: 'missing' | 'not_a_workbook' | 'damaged' | 'newer_version'; sizeBytes: number };

export interface InspectOptions {
  /**
   * 'integrity' checks every page and index (before a restore); 'quick' is quick_check; 'none'
   * only opens and counts (listing many backups).
   */
  check?: 'none' | 'quick' | 'integrity';
  nativeBinding?: string;
}

/** A file that looks like the start of a SQLite file that did not finish copying. */
export function looksLikeUnfinishedCopy(file: string): boolean {
  try {
    const size = statSync(file).size;
    if (size === 0) return true;
    const head = readSqliteHeader(file).subarray(0, Math.min(size, 100));
    if (head.every((b) => b === 0)) return true;
    const magic = Buffer.from(SQLITE_MAGIC, 'latin1');
    return size < 100 && head.subarray(0, Math.min(size, 16)).equals(magic.subarray(0, Math.min(size, 16)));
  } catch {
    return false;
  }
}

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
}

/** Null when a much older (or newer) layout lacks these tables: the file may still be sound. */
function counts(db: Database.Database): WorkbookCounts | null {
  try {
    return { evidence: count(db, 'evidence_items'), actions: count(db, 'actions'), findings: count(db, 'findings') };
  } catch {
    return null;
  }
}

function isFromNewerApp(db: Database.Database): boolean {
  const migrations = knownMigrations();
  const known = new Set(migrations.map((m) => m.hash));
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return false;
  const applied = db.prepare('SELECT hash FROM __drizzle_migrations').all() as { hash: string }[];
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  return applied.some((a) => !known.has(a.hash)) || userVersion > migrations.length;
}

export function inspectWorkbookFile(file: string, options: InspectOptions = {}): Inspection {
  let sizeBytes: number;
  try {
    sizeBytes = statSync(file).size;
  } catch {
    return { ok: false, problem: 'missing', sizeBytes: 0 };
  }
  if (sizeBytes < 100) return { ok: false, problem: looksLikeUnfinishedCopy(file) ? 'damaged' : 'not_a_workbook', sizeBytes };
  const head = readSqliteHeader(file);
  if (head.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    return { ok: false, problem: looksLikeUnfinishedCopy(file) ? 'damaged' : 'not_a_workbook', sizeBytes };
  }
  if (head.readUInt32BE(68) !== APPLICATION_ID) return { ok: false, problem: 'not_a_workbook', sizeBytes };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const check = options.check ?? 'quick';
    if (check !== 'none' && db.pragma(check === 'integrity' ? 'integrity_check(1)' : 'quick_check(1)', { simple: true }) !== 'ok') {
      return { ok: false, problem: 'damaged', sizeBytes };
    }
    if (isFromNewerApp(db)) return { ok: false, problem: 'newer_version', sizeBytes };
    return { ok: true, counts: counts(db), sizeBytes };
  } catch {
    return { ok: false, problem: 'damaged', sizeBytes };
  } finally {
    db?.close();
  }
}

export const PROBLEM_MESSAGES: Record<Exclude<Inspection, { ok: true }>['problem'], string> = {
  missing: 'The backup file is no longer there.',
  not_a_workbook: 'The file is not an Evidence Workbook backup.',
  damaged: 'The backup is damaged and cannot be used.',
  newer_version: 'The backup was made by a newer version of Evidence Workbook. Update the app to use it.',
};
