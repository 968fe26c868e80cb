/**
 * The tamper-evident history check in words, for `workbook check`, the audit:verify channel and
 * the UI. The audit log is hash-chained (electron/services/audit-log.ts): editing, deleting or
 * inserting an entry breaks the chain from that entry on.
 */
import type Database from 'better-sqlite3';
import { verifyAuditChain } from '../services/audit-log';

export interface AuditChainStatus {
  intact: boolean;
  entries: number;
  brokenAt: number | null;
  message: string;
}

export function describeAuditChain(sqlite: Database.Database): AuditChainStatus {
  const report = verifyAuditChain(sqlite);
  const entries = report.entries.toLocaleString('en-GB');
  const message = report.intact
    ? `The history is intact: all ${entries} entries are linked and unaltered.`
    : `The history has been altered outside the app: entry ${report.brokenAt} does not match the entries before it. ` +
      'Records of changes from that point on cannot be trusted; compare with a backup and report it.';
  return { ...report, message };
}
