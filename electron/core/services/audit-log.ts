/**
 * The audit log: every change, field by field, chained by hash so that an edited or removed
 * entry is detectable (`workbook check` verifies the chain, replays it against the live tables
 * and compares its head with the one this computer last saw: safety/audit-check.ts).
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { ServiceContext } from './context';
import { noteHistoryWritten } from '../safety/chain-anchor';
import { assertWalIntact } from '../safety/wal-guard';
import { cachedStatement } from './statement-cache';

export type AuditOperation = 'create' | 'update' | 'delete' | 'restore' | 'link' | 'unlink';

export interface AuditRecord {
  entity: string;
  entityId: number;
  operation: AuditOperation;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface ChainFields {
  at: string;
  author: string;
  entity: string;
  entityId: number;
  operation: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  prevHash: string;
}

export function chainHash(e: ChainFields): string {
  return createHash('sha256')
    .update(JSON.stringify([e.prevHash, e.at, e.author, e.entity, e.entityId, e.operation, e.field, e.oldValue, e.newValue]))
    .digest('hex');
}

export function lastHash(ctx: ServiceContext): string {
  const last = cachedStatement(ctx.workbook.sqlite, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  return last?.hash ?? GENESIS_HASH;
}

const INSERT_AUDIT =
  'INSERT INTO audit_log (at, author, entity, entity_id, operation, field, old_value, new_value, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

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
    cachedStatement(ctx.workbook.sqlite, INSERT_AUDIT).run(
      fields.at,
      fields.author,
      fields.entity,
      fields.entityId,
      fields.operation,
      fields.field,
      fields.oldValue,
      fields.newValue,
      fields.prevHash,
      hash,
    );
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
  let prevHash = from?.hash ?? GENESIS_HASH;
  let entries = 0;
  let head: ChainReport['head'] = null;
  const rows = sqlite
    .prepare(
      'SELECT id, at, author, entity, entity_id AS entityId, operation, field, old_value AS oldValue, new_value AS newValue, prev_hash AS prevHash, hash FROM audit_log WHERE id > ? ORDER BY id',
    )
    .iterate(from?.id ?? 0) as IterableIterator<ChainFields & { id: number; hash: string }>;
  for (const row of rows) {
    entries++;
    const { id, hash, ...fields } = row;
    if (fields.prevHash !== prevHash || chainHash(fields) !== hash) return { intact: false, entries, brokenAt: id, head };
    prevHash = hash;
    head = { id, hash, at: fields.at };
  }
  return { intact: true, entries, brokenAt: null, head };
}
