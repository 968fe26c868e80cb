/**
 * How the audit log is stored (issue #17: history stored compactly). The one module that knows the
 * layout of `audit_log`: the writer (services/audit-log.ts), every reader (history, replay, check,
 * anchors, checkpoints, the Bin, publication, workbook JSON) and migration 0011 go through it.
 *
 * The chain hash is over the *logical* fields (prevHash, at, author, entity, entityId, operation,
 * field, oldValue, newValue), so the storage can be compact while every stored hash, every anchor
 * and every checkpoint stays valid:
 * - `hash` is the 32 bytes of the SHA-256, not 64 hex characters;
 * - `prev_hash` is not stored: it is the hash of the entry before (by id), or the genesis hash;
 * - `at` is milliseconds since 1970 when `new Date(ms).toISOString()` gives back the exact text the
 *   entry was hashed with (every entry the app writes), otherwise the text itself;
 * - an old or new value of `DEFLATE_FROM` characters or more is stored as a BLOB: one format byte
 *   (2: raw deflate of the UTF-8 text with the records' field names as a preset dictionary; 1, read
 *   only: without it) and the compressed bytes, when that is smaller; anything
 *   shorter, or that does not compress, stays the text it is. A TEXT value is always the value
 *   itself, so short values (record ids in link entries) can be compared in SQL as before.
 *
 * Readers accept both this layout and the one before migration 0011 (a `prev_hash` column, hex
 * hashes, text times and values), so backups taken before the update can still be checked.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export const GENESIS_HASH = '0'.repeat(64);

/** The logical fields of one entry, as hashed. */
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

/** One entry as every reader sees it: its id, logical fields and hash (hex). */
export interface AuditEntry extends ChainFields {
  id: number;
  hash: string;
}

export function chainHash(e: ChainFields): string {
  return createHash('sha256')
    .update(JSON.stringify([e.prevHash, e.at, e.author, e.entity, e.entityId, e.operation, e.field, e.oldValue, e.newValue]))
    .digest('hex');
}

/** Values this long or longer are deflated when that saves space. */
export const DEFLATE_FROM = 96;
/** Format byte 1: raw deflate. */
const FORMAT_DEFLATE_RAW = 1;
/** Format byte 2: raw deflate with KEYS_DICTIONARY_2 as its preset dictionary. */
const FORMAT_DEFLATE_KEYS = 2;

/**
 * The field names of the records' creation snapshots, most used last: most long values are such
 * snapshots, and with their keys as a preset dictionary each is about 30% smaller again. Part of
 * format 2: never change it (a new dictionary needs a new format byte).
 */
const KEYS_DICTIONARY_2 = Buffer.from(
  '"findingId":"eventId":"result":"commentary":"assessedOn":"kind":"frameworkId":"title":"notifiedOn":"fieldworkStartOn":"onsiteStartOn":' +
    '"onsiteEndOn":"publishedOn":"leadInspector":"outcome":"summary":"type":"status":"approver":"submittedOn":"approvedOn":"startsOn":"endsOn":' +
    '"reviewCadence":"nextReviewOn":"name":"notes":"scaleId":"asOf":"sefId":"partnerId":"signatoryName":"signedOn":"reference":"text":"position":' +
    '"criterionId":"judgement":"confidence":"whatWeKnow":"whatWeHaveDone":"impact":"whatNext":"strengths":"areasForDevelopment":"isDraft":"planId":' +
    '"description":"leadPersonId":"role":"email":"code":"definition":"unit":"polarity":"source":"periodType":"baselineValue":"baselinePeriod":' +
    '"seriesBreakNotes":"decimals":"priorityId":"what":"how":"sroPersonId":"dueOn":"revisedDueOn":"revisedDueReason":"successMeasures":' +
    '"referencesText":"ragOverride":"ragOverrideReason":"indicatorId":"periodLabel":"targetValue":"note":"actionId":"achievedOn":"milestoneId":' +
    '"reportedOn":"rag":"highlights":"issues":"mitigation":"author":"level":"ownerPersonId":"effectiveFrom":"effectiveTo":"addedOn":"location":' +
    '"containsPersonalData":"periodStart":"geography":"value":"provisional":"sourceNote":"evidenceId":"sefSectionId":',
  'utf8',
);

export type StoredValue = string | Buffer | null;

export function encodeValue(value: string | null): StoredValue {
  if (value === null || value.length < DEFLATE_FROM) return value;
  const text = Buffer.from(value, 'utf8');
  const packed = deflateRawSync(text, { level: 6, dictionary: KEYS_DICTIONARY_2 });
  if (packed.length + 1 >= text.length) return value;
  const out = Buffer.allocUnsafe(packed.length + 1);
  out[0] = FORMAT_DEFLATE_KEYS;
  packed.copy(out, 1);
  return out;
}

/**
 * What a stored value that cannot be read (a flipped bit in its compressed bytes, an unknown
 * format) reads as. Its entry's hash then does not match, so check reports the entry as altered,
 * and the replay reports the record's field as differing from its history, rather than failing.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export const UNREADABLE_VALUE = '\u0000(unreadable stored value)';

export function decodeValue(stored: unknown): string | null {
  if (stored === null || stored === undefined) return null;
  if (typeof stored === 'string') return stored;
  if (Buffer.isBuffer(stored)) {
    const format = stored[0];
    if (format !== FORMAT_DEFLATE_RAW && format !== FORMAT_DEFLATE_KEYS) return UNREADABLE_VALUE;
    try {
      return utf8.decode(inflateRawSync(stored.subarray(1), format === FORMAT_DEFLATE_KEYS ? { dictionary: KEYS_DICTIONARY_2 } : {}));
    } catch {
      return UNREADABLE_VALUE;
    }
  }
  return String(stored);
}

/** A BigInt, so SQLite stores an integer (6 bytes), not the 8-byte real a JS number binds as. */
export function encodeAt(at: string): bigint | string {
  const ms = Date.parse(at);
  return Number.isFinite(ms) && new Date(ms).toISOString() === at ? BigInt(ms) : at;
}

export function decodeAt(stored: unknown): string {
  return typeof stored === 'number' ? new Date(stored).toISOString() : String(stored);
}

export function encodeHash(hex: string): Buffer {
  return Buffer.from(hex, 'hex');
}

export function decodeHash(stored: unknown): string {
  return Buffer.isBuffer(stored) ? stored.toString('hex') : String(stored);
}

/** The stored columns, in both layouts (before and after migration 0011). */
export const AUDIT_COLUMNS = 'id, at, author, entity, entity_id, operation, field, old_value, new_value, hash';

export interface StoredAuditRow {
  id: number;
  at: unknown;
  author: string;
  entity: string;
  entity_id: number;
  operation: string;
  field: string | null;
  old_value: unknown;
  new_value: unknown;
  hash: unknown;
}

/** A stored row as its logical entry, given the hash of the entry before it. */
export function decodeRow(row: StoredAuditRow, prevHash: string): AuditEntry {
  return {
    id: row.id,
    at: decodeAt(row.at),
    author: row.author,
    entity: row.entity,
    entityId: row.entity_id,
    operation: row.operation,
    field: row.field,
    oldValue: decodeValue(row.old_value),
    newValue: decodeValue(row.new_value),
    prevHash,
    hash: decodeHash(row.hash),
  };
}

const INSERT =
  'INSERT INTO audit_log (id, at, author, entity, entity_id, operation, field, old_value, new_value, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

const inserts = new WeakMap<Database.Database, Database.Statement>();

/** Stores one entry (its id may be null for the next one); its hash must already be worked out. */
export function insertAuditEntry(sqlite: Database.Database, e: Omit<AuditEntry, 'id' | 'prevHash'> & { id: number | null }): number {
  let stmt = inserts.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare(INSERT);
    inserts.set(sqlite, stmt);
  }
  const result = stmt.run(
    e.id,
    encodeAt(e.at),
    e.author,
    e.entity,
    e.entityId,
    e.operation,
    e.field,
    encodeValue(e.oldValue),
    encodeValue(e.newValue),
    encodeHash(e.hash),
  );
  return Number(result.lastInsertRowid);
}

/** The stored hash of one entry (hex), or undefined when there is no such entry. */
export function hashOfEntry(sqlite: Database.Database, id: number): string | undefined {
  const stored = sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(id);
  return stored === undefined ? undefined : decodeHash(stored);
}

/** The newest entry's id, hash and time, or null for an empty history. */
export function auditHead(sqlite: Database.Database): { id: number; hash: string; at: string } | null {
  const row = sqlite.prepare('SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: unknown; at: unknown } | undefined;
  return row ? { id: row.id, hash: decodeHash(row.hash), at: decodeAt(row.at) } : null;
}

/** One entry with its logical fields (prevHash from the entry before it), or undefined. */
export function readAuditEntry(sqlite: Database.Database, id: number): AuditEntry | undefined {
  const row = sqlite.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id = ?`).get(id) as StoredAuditRow | undefined;
  if (!row) return undefined;
  const before = sqlite.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').pluck().get(id);
  return decodeRow(row, before === undefined ? GENESIS_HASH : decodeHash(before));
}

/**
 * Every entry after `afterId` in id order, decoded; `prevHash` is the hash stored on the entry
 * before (the trusted `startHash` for the first), so a reader re-hashing them checks the links.
 */
export function* iterateAuditEntries(sqlite: Database.Database, afterId = 0, startHash = GENESIS_HASH): Generator<AuditEntry> {
  let prevHash = startHash;
  const rows = sqlite.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id`).iterate(afterId) as IterableIterator<StoredAuditRow>;
  for (const row of rows) {
    const entry = decodeRow(row, prevHash);
    prevHash = entry.hash;
    yield entry;
  }
}

/** The entries with these ids (one page of the History screen), in the order given, decoded. */
export function readAuditEntries(sqlite: Database.Database, ids: number[]): Omit<AuditEntry, 'prevHash'>[] {
  if (ids.length === 0) return [];
  const rows = sqlite.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as StoredAuditRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { prevHash: _omit, ...entry } = decodeRow(row, GENESIS_HASH);
    return [entry];
  });
}

/** One record's entry as the replay reads it (history-replay.ts). */
export interface RecordEntry {
  entityId: number;
  operation: string;
  field: string | null;
  newValue: string | null;
}

/**
 * The entries of one kind of record, in record then entry order (through audit_entity_idx), for
 * every record or those with ids from `lo` to `hi`; values decoded.
 */
export function* iterateRecordEntries(sqlite: Database.Database, entity: string, range?: { lo: number; hi: number }): Generator<RecordEntry> {
  const rows = (
    range
      ? sqlite
          .prepare('SELECT entity_id, operation, field, new_value FROM audit_log WHERE entity = ? AND entity_id BETWEEN ? AND ? ORDER BY entity_id, id')
          .raw()
          .iterate(entity, range.lo, range.hi)
      : sqlite.prepare('SELECT entity_id, operation, field, new_value FROM audit_log WHERE entity = ? ORDER BY entity_id, id').raw().iterate(entity)
  ) as IterableIterator<[number, string, string | null, unknown]>;
  for (const [entityId, operation, field, stored] of rows) yield { entityId, operation, field, newValue: decodeValue(stored) };
}

/** The new values of one kind of entry (e.g. every tracked child's links), decoded. */
export function newValuesOf(sqlite: Database.Database, entity: string, operation: string): (string | null)[] {
  return (sqlite.prepare('SELECT new_value FROM audit_log WHERE entity = ? AND operation = ?').pluck().all(entity, operation) as unknown[]).map(decodeValue);
}

/**
 * Migration 0011's step: copies every entry of the table the SQL renamed (`audit_log_before_0011`,
 * the old layout) into the compact `audit_log`, then proves the copy before the old table is
 * dropped: every entry read back through this module has the same logical fields and hash, and
 * the chain re-verifies from genesis to the same head. Any difference throws, and the migration's
 * transaction (and so the whole update) is rolled back.
 */
export function compactAuditLog(sqlite: Database.Database): void {
  const old = 'audit_log_before_0011';
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(old);
  if (!exists) return;
  // In batches: a connection cannot write while it is still reading a statement's rows.
  const batch = sqlite.prepare(`SELECT id, at, author, entity, entity_id, operation, field, old_value, new_value, hash FROM "${old}" WHERE id > ? ORDER BY id LIMIT 5000`);
  let count = 0;
  let lastId = -Infinity;
  for (;;) {
    const rows = batch.all(lastId) as StoredAuditRow[];
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!.id;
    for (const r of rows) copyEntry(r);
  }
  function copyEntry(r: StoredAuditRow): void {
    insertAuditEntry(sqlite, {
      id: r.id,
      at: String(r.at),
      author: r.author,
      entity: r.entity,
      entityId: r.entity_id,
      operation: r.operation,
      field: r.field,
      oldValue: r.old_value === null ? null : String(r.old_value),
      newValue: r.new_value === null ? null : String(r.new_value),
      hash: String(r.hash),
    });
    count++;
  }
  // The proof: read both tables side by side through the decoder and compare every field.
  const before = sqlite.prepare(`SELECT id, at, author, entity, entity_id AS entityId, operation, field, old_value AS oldValue, new_value AS newValue, prev_hash AS prevHash, hash FROM "${old}" ORDER BY id`).iterate() as IterableIterator<AuditEntry>;
  const after = iterateAuditEntries(sqlite);
  let checked = 0;
  let oldChainIntact = true;
  let newChainIntact = true;
  let expectedPrev = GENESIS_HASH;
  for (const was of before) {
    const now = after.next();
    if (now.done) throw new Error(`History compaction lost entry ${was.id}`);
    const is = now.value;
    for (const k of ['id', 'at', 'author', 'entity', 'entityId', 'operation', 'field', 'oldValue', 'newValue', 'hash'] as const) {
      if (is[k] !== was[k]) throw new Error(`History compaction changed ${k} of entry ${was.id}`);
    }
    // The chain as it verified before must verify the same way after (a tampered history stays
    // tampered at the same entry, an intact one stays intact).
    const oldOk = was.prevHash === expectedPrev && chainHash(was) === was.hash;
    const newOk = chainHash(is) === is.hash;
    if (oldOk !== newOk && oldChainIntact && newChainIntact) {
      throw new Error(`History compaction changed whether entry ${was.id} verifies`);
    }
    oldChainIntact &&= oldOk;
    newChainIntact &&= newOk;
    expectedPrev = was.hash;
    checked++;
  }
  if (!after.next().done || checked !== count) throw new Error('History compaction added entries');
  sqlite.exec(`DROP TABLE "${old}"`);
}
