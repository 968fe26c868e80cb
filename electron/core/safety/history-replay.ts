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
import { createHash } from 'node:crypto';
import { areaProfile } from '../../../db/schema';
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

export interface RowDigester {
  /** A SQL expression giving one text per row: every sealed column, quoted (NULL, numbers, text and blobs stay distinct). */
  expression: string;
  digest(rowText: string): string;
}

export function rowDigester(sqlite: Database.Database, table: string): RowDigester {
  const names = (sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[])
    .map((c) => c.name)
    .filter((n) => !UNSEALED_COLUMNS.has(n));
  return {
    // Built in SQLite, so the row reaches JavaScript as one string (a third faster at L than per column).
    expression: names.map((n) => `quote("${n}")`).join(' || char(1) || '),
    digest: (rowText) => createHash('sha1').update(rowText).digest('base64').slice(0, 16),
  };
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

const key = (entity: string, id: number) => `${entity}:${id}`;

/** Entries of one record, oldest first. */
function entriesOf(sqlite: Database.Database, entity: string, id: number): ReplayEntry[] {
  return sqlite
    .prepare('SELECT operation, field, new_value AS newValue FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, id) as ReplayEntry[];
}

export interface ReplayResult {
  mismatches: RecordMismatch[];
  /** Digest per "entity:id" of each row found to match its whole history, for a checkpoint. */
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
 * first check on this computer). Returns the digests of the rows that matched, for a checkpoint.
 */
export function replayAll(sqlite: Database.Database, limit = 200): ReplayResult {
  const mismatches: RecordMismatch[] = [];
  const seals = new Map<string, string>();
  let records = 0;
  for (const table of replayTables(sqlite)) {
    const digester = rowDigester(sqlite, table.codec.name);
    const rows = sqlite.prepare(`SELECT *, ${digester.expression} AS "__sealed" FROM "${table.codec.name}" ORDER BY id`).iterate() as IterableIterator<Record<string, unknown>>;
    const audit = sqlite
      .prepare('SELECT entity_id AS entityId, operation, field, new_value AS newValue FROM audit_log WHERE entity = ? ORDER BY entity_id, id')
      .iterate(table.entity) as IterableIterator<ReplayEntry & { entityId: number }>;
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
      const expected = expectedFor(table, entries);
      const found = compareRecord(table.entity, id, table.codec, raw, expected);
      if (found.length > 0) {
        if (mismatches.length < limit) mismatches.push(...found);
      } else if (raw && (expected || !table.requiresHistory)) {
        seals.set(key(table.entity, id), digester.digest(String(raw.__sealed)));
      }
    }
  }
  return { mismatches: mismatches.slice(0, limit), seals, sealsChanged: true, records };
}

/**
 * The fast path: a checkpoint's digests stand for every row unchanged since it was verified;
 * records named by entries newer than the checkpoint, and rows whose digest differs, are replayed
 * in full and compared field by field. Every live row is still read, so a direct edit anywhere is
 * found.
 */
export function replayFromSeals(sqlite: Database.Database, sealed: ReadonlyMap<string, string>, sinceId: number, limit = 200): ReplayResult {
  const seals = new Map(sealed);
  let sealsChanged = false;
  const touched = new Set(
    (sqlite.prepare('SELECT DISTINCT entity, entity_id AS entityId FROM audit_log WHERE id > ?').all(sinceId) as { entity: string; entityId: number }[]).map((t) =>
      key(t.entity, t.entityId),
    ),
  );
  const tables = replayTables(sqlite);
  const mismatches: RecordMismatch[] = [];
  let records = 0;
  const seen = new Set<string>();
  for (const table of tables) {
    const digester = rowDigester(sqlite, table.codec.name);
    const rows = sqlite.prepare(`SELECT id, ${digester.expression} FROM "${table.codec.name}"`).raw().iterate() as IterableIterator<[number, string]>;
    const full = sqlite.prepare(`SELECT * FROM "${table.codec.name}" WHERE id = ?`);
    for (const [id, text] of rows) {
      records++;
      const k = key(table.entity, id);
      seen.add(k);
      const digest = digester.digest(text);
      if (!touched.has(k) && seals.get(k) === digest) continue;
      // Changed since the checkpoint (by the app or not), or never verified: replay it in full.
      const expected = expectedFor(table, entriesOf(sqlite, table.entity, id));
      const found = compareRecord(table.entity, id, table.codec, full.get(id) as Record<string, unknown>, expected);
      if (found.length > 0) {
        sealsChanged = seals.delete(k) || sealsChanged;
        if (mismatches.length < limit) mismatches.push(...found);
      } else if ((expected || !table.requiresHistory) && seals.get(k) !== digest) {
        seals.set(k, digest);
        sealsChanged = true;
      }
    }
  }
  // Rows the history created (and a checkpoint or a newer entry knows) that are gone altogether.
  const byEntity = new Map(tables.map((t) => [t.entity, t]));
  for (const k of new Set([...seals.keys(), ...touched])) {
    if (seen.has(k)) continue;
    sealsChanged = seals.delete(k) || sealsChanged;
    const [entity, idText] = k.split(':') as [string, string];
    const table = byEntity.get(entity);
    if (!table?.requiresHistory) continue;
    const expected = expectedFor(table, entriesOf(sqlite, entity, Number(idText)));
    if (expected?.created && mismatches.length < limit) mismatches.push({ entity, entityId: Number(idText), field: null, kind: 'missing' });
  }
  return { mismatches, seals, sealsChanged, records };
}
