/**
 * Create, read, update, delete-to-bin and restore for every entity, with the audit log written
 * in the same transaction (dispatch opens it). Services add the domain rules on top.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import { binEntries } from '../../../db/schema';
import type { EntityName } from '../../contract/schemas/history';
import { writeAudit, type AuditRecord } from './audit-log';
import type { ServiceContext } from './context';
import { ENTITIES, specOf, type EntitySpec, type FieldOf, type ListEntityName, type PatchOf, type RowOf, type StoredRow, type ValuesOf } from './entity-registry';
import { invalidField, notFound, ServiceError } from './service-error';
import { allForIds, cachedStatement, codecOf, type TableCodec } from './statement-cache';

const META_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'version', 'deletedAt', 'deletionId']);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A row as the store handles it inside: the bookkeeping it relies on, and the entity's own fields
 * by name. Services get the same object typed as their entity's row (RowOf).
 */
type StoreRow = StoredRow & Record<string, unknown>;

/** The one place a row read by SQL becomes a typed row: the codec maps every column of the table. */
function typed<N extends EntityName>(row: StoreRow): RowOf<N> {
  return row as RowOf<N>;
}

function readRow(codec: TableCodec, raw: unknown): StoreRow {
  return codec.fromRow(raw as Record<string, unknown>) as StoreRow;
}

function getStored(ctx: ServiceContext, name: EntityName, id: number): StoreRow {
  const spec = specOf(name);
  const codec = codecOf(spec.table);
  const raw = cachedStatement(ctx.workbook.sqlite, `SELECT * FROM "${codec.name}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!raw || raw.deleted_at) throw notFound(spec.noun);
  return readRow(codec, raw);
}

/** Returns the live (not deleted) row or throws a not-found error a person understands. */
export function getLive<N extends EntityName>(ctx: ServiceContext, name: N, id: number): RowOf<N> {
  return typed<N>(getStored(ctx, name, id));
}

export function isLive(ctx: ServiceContext, name: EntityName, id: number): boolean {
  const codec = codecOf(specOf(name).table);
  return cachedStatement(ctx.workbook.sqlite, `SELECT 1 FROM "${codec.name}" WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined;
}

/** Rows of one entity by id, deleted or not, in one cached statement (for labels and joins in views). */
export function rowsById<N extends EntityName>(ctx: ServiceContext, name: N, ids: readonly number[]): Map<number, RowOf<N>> {
  const codec = codecOf(specOf(name).table);
  const raws = allForIds<Record<string, unknown>>(ctx.workbook.sqlite, `SELECT * FROM "${codec.name}" WHERE id IN (SELECT value FROM json_each(?))`, ids);
  return new Map(raws.map((raw) => {
    const row = readRow(codec, raw);
    return [row.id, typed<N>(row)];
  }));
}

/** INSERT … RETURNING * for exactly these properties, prepared once per table and column set. */
function insertReturning(ctx: ServiceContext, spec: EntitySpec, values: Record<string, unknown>): StoreRow {
  const codec = codecOf(spec.table);
  const keys = Object.keys(values).filter((k) => values[k] !== undefined);
  const columns = keys.map((k) => `"${codec.byKey.get(k)?.name ?? k}"`);
  const statement = cachedStatement(ctx.workbook.sqlite, `INSERT INTO "${codec.name}" (${columns.join(', ')}) VALUES (${keys.map(() => '?').join(', ')}) RETURNING *`);
  return readRow(codec, statement.get(...keys.map((k) => codec.toDriver(k, values[k]))));
}

function updateReturning(ctx: ServiceContext, spec: EntitySpec, id: number, set: Record<string, unknown>): StoreRow {
  const codec = codecOf(spec.table);
  const keys = Object.keys(set);
  const assignments = keys.map((k) => `"${codec.byKey.get(k)!.name}" = ?`).join(', ');
  const statement = cachedStatement(ctx.workbook.sqlite, `UPDATE "${codec.name}" SET ${assignments} WHERE id = ? RETURNING *`);
  return readRow(codec, statement.get(...keys.map((k) => codec.toDriver(k, set[k])), id));
}

/** Every id-valued field must point at a live record; the message names the field. */
export function checkReferences(ctx: ServiceContext, spec: EntitySpec, values: object): void {
  const fields = new Map(Object.entries(values));
  for (const ref of spec.references) {
    const value = fields.get(ref.field);
    if (typeof value === 'number' && !isLive(ctx, ref.entity, value)) {
      throw invalidField(ref.field, `${ref.what}: the one chosen no longer exists (it may be in the Bin). Choose another.`);
    }
  }
}

/** Next position among siblings, so new items go to the end of their list. */
export function nextPosition<N extends ListEntityName>(ctx: ServiceContext, name: N, parentField: FieldOf<N>, parentId: number): number {
  const spec = specOf(name);
  const row: { max: number | null } | undefined = ctx.db
    .select({ max: max(spec.table.position) })
    .from(spec.table)
    .where(and(eq(spec.table[parentField], parentId), isNull(spec.table.deletedAt)))
    .get();
  return (row?.max ?? -1) + 1;
}

export function insertRow<N extends ListEntityName>(ctx: ServiceContext, name: N, values: ValuesOf<N>): RowOf<N> {
  const spec = specOf(name);
  checkReferences(ctx, spec, values);
  const now = ctx.now().toISOString();
  const row = insertReturning(ctx, spec, { ...values, createdAt: now, updatedAt: now, version: 1 });
  const snapshot = Object.fromEntries(Object.entries(row).filter(([k]) => !META_FIELDS.has(k)));
  writeAudit(ctx, [{ entity: name, entityId: row.id, operation: 'create', newValue: snapshot }]);
  return typed<N>(row);
}

/**
 * Applies the changed fields of `patch`. `expectedVersion` guards against overwriting a change
 * made elsewhere since the user loaded the record (another window, an Excel return).
 */
/**
 * The fields of `patch` that really change `current`, and their audit records (old → new).
 * Undefined, bookkeeping and unknown fields are ignored.
 */
export function changedFields(
  entity: string,
  id: number,
  current: object,
  patch: object,
): { set: Record<string, unknown>; changes: AuditRecord[] } {
  const changes: AuditRecord[] = [];
  const set: Record<string, unknown> = {};
  const before = new Map<string, unknown>(Object.entries(current));
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || META_FIELDS.has(field) || !before.has(field)) continue;
    if (sameValue(before.get(field), value)) continue;
    set[field] = value;
    changes.push({ entity, entityId: id, operation: 'update', field, oldValue: before.get(field), newValue: value });
  }
  return { set, changes };
}

export function updateRow<N extends ListEntityName>(
  ctx: ServiceContext,
  name: N,
  id: number,
  patch: PatchOf<N>,
  expectedVersion?: number,
): { row: RowOf<N>; changed: string[] } {
  const spec = specOf(name);
  const current = getStored(ctx, name, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new ServiceError(
      'conflict',
      `This ${spec.noun} was changed by someone else (or in another window) after you opened it. Reload it to see their changes, then make yours again.`,
    );
  }
  const { set, changes } = changedFields(name, id, current, patch);
  if (changes.length === 0) return { row: typed<N>(current), changed: [] };
  checkReferences(ctx, spec, set);
  const row = updateReturning(ctx, spec, id, { ...set, updatedAt: ctx.now().toISOString(), version: current.version + 1 });
  writeAudit(ctx, changes);
  return { row: typed<N>(row), changed: Object.keys(set) };
}

/** Marks the row and everything that belongs to it as deleted under one deletion id. */
function cascadeDelete(ctx: ServiceContext, spec: EntitySpec, ids: number[], deletionId: string, at: string, audit: AuditRecord[]): number {
  if (ids.length === 0) return 0;
  let count = 0;
  for (const child of spec.children) {
    const childSpec = ENTITIES[child.entity];
    const deleted: { id: number }[] = ctx.db
      .update(childSpec.table)
      .set({ deletedAt: at, deletionId })
      .where(and(inArray(child.column, ids), isNull(childSpec.table.deletedAt)))
      .returning({ id: childSpec.table.id })
      .all();
    const childIds = deleted.map((r) => r.id);
    for (const childId of childIds) audit.push({ entity: child.entity, entityId: childId, operation: 'delete', newValue: deletionId });
    count += childIds.length + cascadeDelete(ctx, childSpec, childIds, deletionId, at, audit);
  }
  return count;
}

export interface Deleted {
  binEntryId: number;
  label: string;
  rowCount: number;
}

export function softDelete(ctx: ServiceContext, name: ListEntityName, id: number): Deleted {
  const spec = specOf(name);
  const row = getStored(ctx, name, id);
  const deletionId = randomUUID();
  const at = ctx.now().toISOString();
  ctx.db.update(spec.table).set({ deletedAt: at, deletionId }).where(eq(spec.table.id, id)).run();
  const audit: AuditRecord[] = [{ entity: name, entityId: id, operation: 'delete', newValue: deletionId }];
  const rowCount = 1 + cascadeDelete(ctx, spec, [id], deletionId, at, audit);
  const label = spec.label(row);
  const entry = ctx.db
    .insert(binEntries)
    .values({ deletionId, entity: name, entityId: id, label, deletedAt: at, author: ctx.author(), rowCount })
    .returning({ id: binEntries.id })
    .get();
  writeAudit(ctx, audit);
  return { binEntryId: entry.id, label, rowCount };
}

export function restoreDeletion(ctx: ServiceContext, binEntryId: number): { entity: string; entityId: number; rowCount: number } {
  const entry = ctx.db.select().from(binEntries).where(eq(binEntries.id, binEntryId)).get();
  if (!entry || entry.restoredAt) {
    throw new ServiceError('not_found', 'That item is no longer in the Bin: it may have been restored already.');
  }
  const spec = specOf(entry.entity as EntityName);
  const row: Record<string, unknown> | undefined = ctx.db.select().from(spec.table).where(eq(spec.table.id, entry.entityId)).get();
  if (!row) throw new ServiceError('not_found', 'That item can no longer be restored.');
  if (spec.parent) {
    const parentId = row[spec.parent.field];
    if (typeof parentId === 'number' && !isLive(ctx, spec.parent.entity, parentId)) {
      const parentSpec = specOf(spec.parent.entity);
      throw new ServiceError(
        'not_allowed',
        `“${entry.label}” belongs to a ${parentSpec.noun} that is also in the Bin. Restore the ${parentSpec.noun} first.`,
      );
    }
  }
  const audit: AuditRecord[] = [];
  let rowCount = 0;
  for (const s of Object.values(ENTITIES)) {
    const ids: { id: number }[] = ctx.db
      .update(s.table)
      .set({ deletedAt: null, deletionId: null })
      .where(eq(s.table.deletionId, entry.deletionId))
      .returning({ id: s.table.id })
      .all();
    for (const r of ids) audit.push({ entity: s.name, entityId: r.id, operation: 'restore', oldValue: entry.deletionId });
    rowCount += ids.length;
  }
  ctx.db.update(binEntries).set({ restoredAt: ctx.now().toISOString() }).where(eq(binEntries.id, binEntryId)).run();
  writeAudit(ctx, audit);
  return { entity: entry.entity, entityId: entry.entityId, rowCount };
}
