import { and, isNull, sql, type SQL } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { EntityName } from '../../contract/schemas/history';
import type { ServiceContext } from './context';
import { specOf, type Row } from './entity-registry';
import { cachedStatement } from './statement-cache';

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

/** Totals remembered per query and parameters until anything is written (at most this many kept). */
const COUNT_CACHE_SIZE = 64;
const counts = new WeakMap<Database.Database, { token: string; values: Map<string, number> }>();

/**
 * A list's total from a cheap source (issue #17): a virtualised list asks for page after page with
 * the same filter, and counting every match again for each page cost more than the page itself.
 * The count is kept until the workbook changes: this connection's change counter (every insert,
 * update and delete it makes) and SQLite's data version (a commit by any other connection).
 */
export function cachedCount(ctx: ServiceContext, sql: string, params: unknown[]): number {
  const sqlite = ctx.workbook.sqlite;
  const token = `${cachedStatement(sqlite, 'SELECT total_changes()').pluck().get() as number}:${sqlite.pragma('data_version', { simple: true }) as number}`;
  let cache = counts.get(sqlite);
  if (!cache || cache.token !== token) counts.set(sqlite, (cache = { token, values: new Map() }));
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  let n = cache.values.get(key);
  if (n === undefined) {
    n = cachedStatement(sqlite, sql).pluck().get(...params) as number;
    if (cache.values.size >= COUNT_CACHE_SIZE) cache.values.clear();
    cache.values.set(key, n);
  }
  return n;
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
