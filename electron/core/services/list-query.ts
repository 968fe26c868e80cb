import { and, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ServiceContext } from './context';
import { specOf, type ListEntityName, type RowOf, type StoredRow } from './entity-registry';
import { cachedStatement } from './statement-cache';
import { rememberedUntilChanged, shelf } from './until-changed';

export interface Paging {
  offset: number;
  limit: number;
}

/** One page of live rows matching `where`, with the total for the pager. */
export function listLive<N extends ListEntityName>(
  ctx: ServiceContext,
  name: N,
  where: (SQL | undefined)[],
  orderBy: (SQLiteColumn | SQL)[],
  paging: Paging,
): { rows: RowOf<N>[]; total: number } {
  const spec = specOf(name);
  const condition = and(isNull(spec.table.deletedAt), ...where);
  // The store queries any entity table (AnyEntityTable); the row type is the entity's own.
  const rows = ctx.db
    .select()
    .from(spec.table)
    .where(condition)
    .orderBy(...orderBy)
    .limit(paging.limit)
    .offset(paging.offset)
    .all() as RowOf<N>[];
  const total =
    paging.offset === 0 && rows.length < paging.limit
      ? rows.length
      : ctx.db.select({ n: sql<number>`count(*)` }).from(spec.table).where(condition).get()!.n;
  return { rows, total };
}

/** Totals remembered per query and parameters until anything is written (at most this many kept). */
const COUNTS = shelf(64);

/**
 * A list's total from a cheap source (issue #17): a virtualised list asks for page after page with
 * the same filter, and counting every match again for each page cost more than the page itself.
 * The count is kept until the workbook changes: this connection's change counter (every insert,
 * update and delete it makes) and SQLite's data version (a commit by any other connection).
 */
export function cachedCount(ctx: ServiceContext, sql: string, params: unknown[]): number {
  const sqlite = ctx.workbook.sqlite;
  return rememberedUntilChanged(sqlite, COUNTS, `${sql}\u0000${JSON.stringify(params)}`, () => cachedStatement(sqlite, sql).pluck().get(...params) as number);
}

/** A contract type with its enum fields widened to the plain text the database column holds. */
export type WithTextEnums<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends string | null ? string | null : T[K] extends string | null | undefined ? string | null | undefined : T[K];
};

/**
 * A view whose text columns the contract narrows to its enums (status, setting type…). The
 * schema in db/ may not import the contract, so its columns are plain text; services validate
 * every value on the way in, and dispatch checks outputs against the contract in development and
 * tests. Everything else about the view is still checked by the compiler.
 */
export function withContractEnums<T>(view: WithTextEnums<T>): T {
  return view as T;
}

/** A row as it crosses the contract: without the Bin's bookkeeping. */
export type PublicRow<R extends StoredRow> = Omit<R, 'deletedAt' | 'deletionId'>;

/**
 * Drops storage-only columns from a row before it crosses the contract. The result keeps the
 * row's type, so a service's output is checked against the contract by the compiler (and, in
 * development and tests, by dispatch at run time).
 */
export function publicRow<R extends StoredRow>(row: R): PublicRow<R> {
  const { deletedAt: _d, deletionId: _i, ...rest } = row;
  return rest;
}
