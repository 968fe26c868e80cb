/**
 * The audit log: every change, field by field, chained by hash so that an edited or removed
 * entry is detectable (`workbook check` verifies the chain, replays it against the live tables
 * and compares its head with the one this computer last saw: safety/audit-check.ts).
 */
import type Database from 'better-sqlite3';
import { auditHead, chainHash, GENESIS_HASH, insertAuditEntry, iterateAuditEntries, type ChainFields } from '../../../db/audit-storage';
import type { ServiceContext } from './context';
import { noteHistoryWritten } from '../safety/chain-anchor';
import { assertWalIntact } from '../safety/wal-guard';

export type AuditOperation = 'create' | 'update' | 'delete' | 'restore' | 'link' | 'unlink';

export interface AuditRecord {
  entity: string;
  entityId: number;
  operation: AuditOperation;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

export { GENESIS_HASH, chainHash, type ChainFields } from '../../../db/audit-storage';

export function auditValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function lastHash(ctx: ServiceContext): string {
  return auditHead(ctx.workbook.sqlite)?.hash ?? GENESIS_HASH;
}

export function writeAudit(ctx: ServiceContext, records: AuditRecord[]): void {
  if (records.length === 0) return;
  // A workbook whose -wal was removed or replaced while open must stop taking changes (issue #14).
  assertWalIntact(ctx.workbook.sqlite);
  const at = ctx.now().toISOString();
  const author = ctx.author();
  let prevHash = lastHash(ctx);
  for (const r of records) {
    const fields: ChainFields = {
      at,
      author,
      entity: r.entity,
      entityId: r.entityId,
      operation: r.operation,
      field: r.field ?? null,
      oldValue: auditValue(r.oldValue),
      newValue: auditValue(r.newValue),
      prevHash,
    };
    const hash = chainHash(fields);
    insertAuditEntry(ctx.workbook.sqlite, { ...fields, id: null, hash });
    prevHash = hash;
  }
  // This computer's record of the newest history it saw, updated once the transaction commits.
  noteHistoryWritten(ctx.workbook.sqlite);
}

export interface ChainReport {
  intact: boolean;
  entries: number;
  /** Id of the first entry whose hash does not match, when broken. */
  brokenAt: number | null;
  /** The last entry checked (the head when intact). */
  head: { id: number; hash: string; at: string } | null;
}

/**
 * Re-hashes the chain, from the start or from a trusted point (an entry already known to be good:
 * a verified checkpoint or this computer's anchor). `entries` counts the entries checked.
 */
export function verifyAuditChain(sqlite: Database.Database, from?: { id: number; hash: string }): ChainReport {
  let entries = 0;
  let head: ChainReport['head'] = null;
  // Each entry's prevHash is the hash stored on the entry before it (the trusted hash for the
  // first), so re-hashing checks the link as well as the entry.
  for (const entry of iterateAuditEntries(sqlite, from?.id ?? 0, from?.hash ?? GENESIS_HASH)) {
    entries++;
    const { id, hash, ...fields } = entry;
    if (chainHash(fields) !== hash) return { intact: false, entries, brokenAt: id, head };
    head = { id, hash, at: fields.at };
  }
  return { intact: true, entries, brokenAt: null, head };
}
