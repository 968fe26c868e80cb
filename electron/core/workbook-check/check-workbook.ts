/** What `workbook check` reports: integrity, schema version, the audit chain and counts per entity. */
import path from 'node:path';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { knownMigrations, openWorkbook, type Workbook } from '../../../db/open-workbook';
import { existsSync } from 'node:fs';
import { describeAuditChain, type AuditChainStatus } from '../safety/audit-check';
import { defaultBackupsDir } from '../safety/backup-names';
import { ENTITIES } from '../services/entity-registry';
import { usabilityProblems } from '../imports/workbook/usable';
import { loadReferenceData } from '../reference/load-reference';
import { londonDate } from '../services/context';
import { contentProblemSentences } from './content-rules';

export interface CheckReport {
  file: string;
  ok: boolean;
  schemaVersion: number;
  /** The schema version this app uses; a lower schemaVersion is updated (after a backup) on next open. */
  appSchemaVersion: number;
  integrity: string;
  foreignKeyProblems: number;
  auditChain: AuditChainStatus;
  counts: { entity: string; live: number; inBin: number }[];
  problems: string[];
}

/**
 * Opens read-only, so checking never changes the file; damaged or foreign files throw WorkbookError.
 * The history is checked link by link and, when backups exist, against the newest one, which also
 * catches newest entries cut off the end (a chain that still links).
 */
export interface CheckOptions {
  backupsDir?: string;
  /**
   * `check --full`: integrity_check (every page and index) and the whole history re-verified.
   * Otherwise quick_check and the history from this computer's last verified checkpoint (issue #17).
   */
  full?: boolean;
}

export async function checkWorkbook(file: string, options: CheckOptions = {}): Promise<CheckReport> {
  const workbook = await openWorkbook(file, { readOnly: true, asIs: true });
  try {
    return checkOpenWorkbook(workbook, options);
  } finally {
    workbook.close();
  }
}

/** The same check on a workbook a session already holds (the workbook:check channel); opened `asIs`, it is never updated. */
export function checkOpenWorkbook(workbook: Workbook, options: CheckOptions = {}): CheckReport {
  const file = workbook.path;
  const { sqlite } = workbook;
  const integrity = (sqlite.pragma(options.full ? 'integrity_check' : 'quick_check') as Record<string, string>[]).map((r) => Object.values(r)[0]).join('; ');
  const foreignKeyProblems = (sqlite.pragma('foreign_key_check') as unknown[]).length;
  const backupsDir = options.backupsDir ?? defaultBackupsDir(file);
  const auditChain = describeAuditChain(sqlite, existsSync(backupsDir) ? { backupsDir } : undefined, { file, full: options.full });
  const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  const counts = Object.values(ENTITIES).flatMap((spec) => {
    const table = getTableConfig(spec.table).name;
    if (!tables.has(table)) return [];
    const row = sqlite.prepare(`SELECT sum(deleted_at IS NULL) AS live, sum(deleted_at IS NOT NULL) AS inBin FROM "${table}"`).get() as {
      live: number | null;
      inBin: number | null;
    };
    return [{ entity: spec.name, live: row.live ?? 0, inBin: row.inBin ?? 0 }];
  });
  const problems: string[] = [];
  if (integrity !== 'ok') problems.push(`SQLite integrity check: ${integrity}`);
  if (foreignKeyProblems > 0) problems.push(`${foreignKeyProblems} record(s) point at records that do not exist.`);
  if (!auditChain.intact) problems.push(auditChain.message);
  problems.push(...usabilityProblems(sqlite, loadReferenceData()));
  // The input rules dispatch applies, over what is stored (issue #14): content-rules.ts.
  problems.push(...contentProblemSentences(sqlite, londonDate(new Date())));
  return { file: path.resolve(file), ok: problems.length === 0, schemaVersion: workbook.schemaVersion, appSchemaVersion: knownMigrations().length, integrity, foreignKeyProblems, auditChain, counts, problems };
}
