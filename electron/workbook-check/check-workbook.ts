/** What `workbook check` reports: integrity, schema version, the audit chain and counts per entity. */
import path from 'node:path';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { openWorkbook } from '../../db/open-workbook';
import { verifyAuditChain, type ChainReport } from '../services/audit-log';
import { ENTITIES } from '../services/entity-registry';

export interface CheckReport {
  file: string;
  ok: boolean;
  schemaVersion: number;
  integrity: string;
  foreignKeyProblems: number;
  auditChain: ChainReport;
  counts: { entity: string; live: number; inBin: number }[];
  problems: string[];
}

/** Opens read-only, so checking never changes the file; damaged or foreign files throw WorkbookError. */
export async function checkWorkbook(file: string): Promise<CheckReport> {
  const workbook = await openWorkbook(file, { readOnly: true });
  try {
    const { sqlite } = workbook;
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyProblems = (sqlite.pragma('foreign_key_check') as unknown[]).length;
    const auditChain = verifyAuditChain(sqlite);
    const counts = Object.values(ENTITIES).map((spec) => {
      const table = getTableConfig(spec.table).name;
      const row = sqlite.prepare(`SELECT sum(deleted_at IS NULL) AS live, sum(deleted_at IS NOT NULL) AS inBin FROM "${table}"`).get() as {
        live: number | null;
        inBin: number | null;
      };
      return { entity: spec.name, live: row.live ?? 0, inBin: row.inBin ?? 0 };
    });
    const problems: string[] = [];
    if (integrity !== 'ok') problems.push(`SQLite integrity check: ${integrity}`);
    if (foreignKeyProblems > 0) problems.push(`${foreignKeyProblems} record(s) point at records that do not exist.`);
    if (!auditChain.intact) problems.push(`The history (audit log) has been altered at entry ${auditChain.brokenAt}: it no longer matches its chain of hashes.`);
    return { file: path.resolve(file), ok: problems.length === 0, schemaVersion: workbook.schemaVersion, integrity, foreignKeyProblems, auditChain, counts, problems };
  } finally {
    workbook.close();
  }
}
