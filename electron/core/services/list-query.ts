import { and, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { EntityName } from '../../contract/schemas/history';
import type { ServiceContext } from './context';
import { specOf, type Row } from './entity-registry';

export interface Paging {
  offset: number;
  limit: number;
}

/** One page of live rows matching `where`, with the total for the pager. */
export function listLive(
  ctx: ServiceContext,
  name: EntityName,
  where: (SQL | undefined)[],
  orderBy: (SQLiteColumn | SQL)[],
  paging: Paging,
): { rows: Row[]; total: number } {
  const spec = specOf(name);
  const condition = and(isNull(spec.table.deletedAt), ...where);
  const rows = ctx.db
    .select()
    .from(spec.table)
    .where(condition)
    .orderBy(...orderBy)
    .limit(paging.limit)
    .offset(paging.offset)
    .all() as Row[];
  const total =
    paging.offset === 0 && rows.length < paging.limit
      ? rows.length
      : (ctx.db.select({ n: sql<number>`count(*)` }).from(spec.table).where(condition).get() as { n: number }).n;
  return { rows, total };
}

/**
 * Drops storage-only columns from a row before it crosses the contract. Rows come from the
 * generic store untyped; the contract's output schemas (checked in tests) are their real type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function publicRow(row: Row): any {
  const { deletedAt: _d, deletionId: _i, ...rest } = row;
  return rest;
}
