/**
 * Replays the audit log record by record and compares the outcome with the live tables, so a
 * change made outside the app is reported by record and field (issue #14): a direct SQL edit, a
 * record put in (or taken out of) the Bin with no entry, a row added or removed by hand, or a
 * flipped bit inside stored text.
 *
 * Each record's entries are read in order through audit_entity_idx and merged with the table read
 * in id order, so memory stays one record at a time even at XL. A digest of each row that matched
 * is produced on the way; the checkpoint (history-checkpoint.ts) keeps them, so the next check
 * replays only the records whose row or history has changed since.
 *
 * What it cannot see: a field added to a table by a later migration is compared once the app has
 * changed it (the record's creation entry predates it); the settings record (area) is compared
 * only on the fields its history changed; links between records kept in join tables (plan
 * priorities to findings, finding partners, SEF section actions) are not replayed.
 */
import type Database from 'better-sqlite3';
import { createHash, type Hash } from 'node:crypto';
import { areaProfile } from '../../../db/schema';
import { iterateRecordEntries } from '../../../db/audit-storage';
import { auditValue } from '../services/audit-log';
import { ENTITIES } from '../services/entity-registry';
import { codecOf, type TableCodec } from '../services/statement-cache';

export type MismatchKind = 'changed' | 'no_history' | 'missing' | 'binned_without_entry' | 'restored_without_entry';

export interface RecordMismatch {
  entity: string;
  entityId: number;
  /** The field that differs; null for the record as a whole. */
  field: string | null;
  kind: MismatchKind;
  /** What the history says (clipped), for the report. */
  expected?: string | null;
  actual?: string | null;
}

export interface ReplayEntry {
  operation: string;
  field: string | null;
  newValue: string | null;
}

/** What a record should look like according to its history. */
export interface ExpectedRecord {
  /** A 'create' entry was seen: every field it held is known. */
  created: boolean;
  fields: Map<string, string | null>;
  deleted: boolean;
}

export function replayRecord(entries: Iterable<ReplayEntry>): ExpectedRecord {
  const state: ExpectedRecord = { created: false, fields: new Map(), deleted: false };
  for (const e of entries) {
    switch (e.operation) {
      case 'create': {
        state.created = true;
        state.deleted = false;
        state.fields.clear();
        let snapshot: Record<string, unknown> = {};
        try {
          snapshot = JSON.parse(e.newValue ?? '{}') as Record<string, unknown>;
        } catch {
          // An unreadable creation entry: the chain check reports the entry itself.
        }
        for (const [k, v] of Object.entries(snapshot)) state.fields.set(k, auditValue(v));
        break;
      }
      case 'update':
        if (e.field) state.fields.set(e.field, e.newValue);
        break;
      case 'delete':
        state.deleted = true;
        break;
      case 'restore':
        state.deleted = false;
        break;
      // An evidence link is taken away with 'unlink' (entity evidenceLink, no field).
      case 'unlink':
        if (e.field === null) state.deleted = true;
        break;
      default:
        break;
    }
  }
  return state;
}

const clip = (v: string | null | undefined) => (v == null ? v : v.length > 60 ? `${v.slice(0, 59)}…` : v);

/** Compares one live row (undefined: no such row) with its expected state. */
export function compareRecord(entity: string, id: number, codec: TableCodec, raw: Record<string, unknown> | undefined, expected: ExpectedRecord | null): RecordMismatch[] {
  if (!expected) return raw ? [{ entity, entityId: id, field: null, kind: 'no_history' }] : [];
  if (!raw) return expected.created ? [{ entity, entityId: id, field: null, kind: 'missing' }] : [];
  const out: RecordMismatch[] = [];
  const live = codec.fromRow(raw);
  for (const [field, want] of expected.fields) {
    if (!(field in live)) continue;
    const have = auditValue(live[field]);
    if (have !== want) out.push({ entity, entityId: id, field, kind: 'changed', expected: clip(want), actual: clip(have) });
  }
  const liveDeleted = raw.deleted_at != null;
  if (expected.created && liveDeleted !== expected.deleted) {
    out.push({ entity, entityId: id, field: 'deletedAt', kind: liveDeleted ? 'binned_without_entry' : 'restored_without_entry' });
  }
  return out;
}

/**
 * A checkpoint keeps, per record, a digest of its stored row taken when that row was found to match
 * its whole history. While the digest still matches, the row is unchanged since it was verified.
 * Computed on SQLite's own values (no decoding), so every row of an XL workbook is read in a second
 * or two. Times and the version counter are left out: they change with every edit, which adds an
 * entry anyway.
 */
const UNSEALED_COLUMNS = new Set(['created_at', 'updated_at', 'version']);

/**
 * A SQL expression giving one text per row: every sealed column, quoted (NULL, numbers, text and
 * blobs stay distinct). Built in SQLite, so each row reaches JavaScript as one string.
 */
export function rowExpression(sqlite: Database.Database, table: string): string {
  return (sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[])
    .map((c) => c.name)
    .filter((n) => !UNSEALED_COLUMNS.has(n))
    .map((n) => `quote("${n}")`)
    .join(' || char(1) || ');
}

/**
 * Rows are sealed in blocks of consecutive ids: one digest per 64 rows keeps the checkpoint small
 * (about 11,000 digests at XL) and the hashing cheap; a block that differs is compared row by row.
 */
export const BLOCK_ROWS = 64;

const blockOf = (id: number) => Math.floor(id / BLOCK_ROWS);
const blockKey = (entity: string, block: number) => `${entity}#${block}`;

/** Folds rows (in id order) into one digest per block. */
class BlockHasher {
  private hash: Hash | null = null;
  private block = -1;
  ids: number[] = [];
  constructor(private readonly onBlock: (block: number, digest: string, ids: number[]) => void) {}
  add(id: number, text: string): void {
    const block = blockOf(id);
    if (block !== this.block) this.finish();
    if (!this.hash) {
      this.hash = createHash('sha1');
      this.block = block;
    }
    this.hash.update(`${id}\u0003${text}\u0004`);
    this.ids.push(id);
  }
  finish(): void {
    if (this.hash) this.onBlock(this.block, this.hash.digest('base64').slice(0, 16), this.ids);
    this.hash = null;
    this.block = -1;
    this.ids = [];
  }
}

export interface ReplayTable {
  entity: string;
  codec: TableCodec;
  /** Records whose history starts with 'create'; the settings record is compared field by field only. */
  requiresHistory: boolean;
}

export function replayTables(sqlite: Database.Database): ReplayTable[] {
  const present = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  const tables: ReplayTable[] = Object.values(ENTITIES).map((spec) => ({ entity: spec.name, codec: codecOf(spec.table), requiresHistory: true }));
  tables.push({ entity: 'area', codec: codecOf(areaProfile), requiresHistory: false });
  return tables.filter((t) => present.has(t.codec.name));
}


export interface ReplayResult {
  mismatches: RecordMismatch[];
  /** Digest per "entity#block" of each block of rows found to match their whole history, for a checkpoint. */
  seals: Map<string, string>;
  /** Whether the seals differ from those the replay started from (a checkpoint worth writing). */
  sealsChanged: boolean;
  records: number;
}

function expectedFor(table: ReplayTable, entries: ReplayEntry[]): ExpectedRecord | null {
  if (entries.length === 0) return table.requiresHistory ? null : { created: false, fields: new Map(), deleted: false };
  return replayRecord(entries);
}

/**
 * Replays every record's full history and compares it with every live row (check --full, or the
 * first check on this computer). Returns the digests of the blocks that matched, for a checkpoint.
 */
export function replayAll(sqlite: Database.Database, limit = 200): ReplayResult {
  const mismatches: RecordMismatch[] = [];
  const seals = new Map<string, string>();
  let records = 0;
  for (const table of replayTables(sqlite)) {
    const bad = new Set<number>();
    const hasher = new BlockHasher((block, digest) => {
      if (!bad.has(block)) seals.set(blockKey(table.entity, block), digest);
    });
    const rows = sqlite
      .prepare(`SELECT *, ${rowExpression(sqlite, table.codec.name)} AS "__sealed" FROM "${table.codec.name}" ORDER BY id`)
      .iterate() as IterableIterator<Record<string, unknown>>;
    const audit = iterateRecordEntries(sqlite, table.entity);
    let nextAudit = audit.next();
    let nextRow = rows.next();
    while (!nextAudit.done || !nextRow.done) {
      const rowId = nextRow.done ? Infinity : (nextRow.value.id as number);
      const auditId = nextAudit.done ? Infinity : nextAudit.value.entityId;
      const id = Math.min(rowId, auditId);
      const entries: ReplayEntry[] = [];
      while (!nextAudit.done && nextAudit.value.entityId === id) {
        entries.push(nextAudit.value);
        nextAudit = audit.next();
      }
      let raw: Record<string, unknown> | undefined;
      if (rowId === id) {
        raw = nextRow.value as Record<string, unknown>;
        nextRow = rows.next();
      }
      records++;
      const found = compareRecord(table.entity, id, table.codec, raw, expectedFor(table, entries));
      if (found.length > 0) {
        bad.add(blockOf(id));
        if (mismatches.length < limit) mismatches.push(...found);
      }
      if (raw) hasher.add(id, String(raw.__sealed));
    }
    hasher.finish();
  }
  return { mismatches: mismatches.slice(0, limit), seals, sealsChanged: true, records };
}

/** Compares every record of one block with its history (rows present, and rows the history created). */
function verifyBlock(sqlite: Database.Database, table: ReplayTable, block: number, limit: number, into: RecordMismatch[]): boolean {
  const lo = block * BLOCK_ROWS;
  const hi = lo + BLOCK_ROWS - 1;
  const rows = new Map(
    (sqlite.prepare(`SELECT * FROM "${table.codec.name}" WHERE id BETWEEN ? AND ?`).all(lo, hi) as Record<string, unknown>[]).map((r) => [r.id as number, r]),
  );
  const entries = new Map<number, ReplayEntry[]>();
  for (const e of iterateRecordEntries(sqlite, table.entity, { lo, hi })) {
    const list = entries.get(e.entityId) ?? [];
    list.push(e);
    entries.set(e.entityId, list);
  }
  let clean = true;
  for (const id of [...new Set([...rows.keys(), ...entries.keys()])].sort((a, b) => a - b)) {
    const found = compareRecord(table.entity, id, table.codec, rows.get(id), expectedFor(table, entries.get(id) ?? []));
    if (found.length === 0) continue;
    clean = false;
    if (into.length < limit) into.push(...found);
  }
  return clean;
}

/**
 * The fast path: a checkpoint's block digests stand for every block of rows unchanged since it was
 * verified; blocks holding records named by newer entries, and blocks whose digest differs, are
 * replayed record by record and compared field by field. Every live row is still read, so a
 * direct edit anywhere is found.
 */
export function replayFromSeals(sqlite: Database.Database, sealed: ReadonlyMap<string, string>, sinceId: number, limit = 200): ReplayResult {
  const seals = new Map(sealed);
  let sealsChanged = false;
  const touched = new Set(
    (sqlite.prepare('SELECT DISTINCT entity, entity_id AS entityId FROM audit_log WHERE id > ?').all(sinceId) as { entity: string; entityId: number }[]).map((t) =>
      blockKey(t.entity, blockOf(t.entityId)),
    ),
  );
  const tables = replayTables(sqlite);
  const mismatches: RecordMismatch[] = [];
  let records = 0;
  const seen = new Set<string>();
  const settle = (table: ReplayTable, block: number, digest: string | null) => {
    const k = blockKey(table.entity, block);
    seen.add(k);
    if (digest !== null && !touched.has(k) && seals.get(k) === digest) return;
    // Changed since the checkpoint (by the app or not), or never verified: compare record by record.
    if (verifyBlock(sqlite, table, block, limit, mismatches) && digest !== null) {
      if (seals.get(k) !== digest) {
        seals.set(k, digest);
        sealsChanged = true;
      }
    } else if (seals.delete(k)) sealsChanged = true;
  };
  for (const table of tables) {
    const hasher = new BlockHasher((block, digest) => settle(table, block, digest));
    for (const [id, text] of sqlite.prepare(`SELECT id, ${rowExpression(sqlite, table.codec.name)} FROM "${table.codec.name}" ORDER BY id`).raw().iterate() as IterableIterator<[number, string]>) {
      records++;
      hasher.add(id, text);
    }
    hasher.finish();
  }
  // Blocks the checkpoint or newer entries know whose rows are all gone.
  const byEntity = new Map(tables.map((t) => [t.entity, t]));
  for (const k of new Set([...seals.keys(), ...touched])) {
    if (seen.has(k)) continue;
    const [entity, blockText] = k.split('#') as [string, string];
    const table = byEntity.get(entity);
    if (table) settle(table, Number(blockText), null);
  }
  return { mismatches, seals, sealsChanged, records };
}
