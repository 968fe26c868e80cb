/**
 * Values remembered per workbook connection until the workbook changes (issue #17): a list's total,
 * the Overview's read model. What invalidates them: this connection's change counter (every insert,
 * update and delete it makes, rolled-back ones too) and SQLite's data version (a commit by any other
 * connection). Each kind of value has its own shelf, with a cap; a full shelf is emptied, not evicted
 * piecemeal. Callers must treat a remembered value as read-only: every caller shares it.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from './statement-cache';

export interface Shelf {
  readonly max: number;
  readonly byConnection: WeakMap<Database.Database, { token: string; values: Map<string, unknown> }>;
}

export function shelf(max: number): Shelf {
  return { max, byConnection: new WeakMap() };
}

function changeToken(sqlite: Database.Database): string {
  return `${cachedStatement(sqlite, 'SELECT total_changes()').pluck().get() as number}:${sqlite.pragma('data_version', { simple: true }) as number}`;
}

export function rememberedUntilChanged<T>(sqlite: Database.Database, on: Shelf, key: string, read: () => T): T {
  const token = changeToken(sqlite);
  let cache = on.byConnection.get(sqlite);
  if (!cache || cache.token !== token) on.byConnection.set(sqlite, (cache = { token, values: new Map() }));
  if (cache.values.has(key)) return cache.values.get(key) as T;
  const value = read();
  if (cache.values.size >= on.max) cache.values.clear();
  cache.values.set(key, value);
  return value;
}
