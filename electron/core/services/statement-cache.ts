/**
 * Prepared statements kept per connection, and a codec per table that maps SQLite rows to the
 * drizzle-shaped objects the services use (snake_case ↔ camelCase, booleans, JSON). The generic
 * store is the hottest path in the app (every create, update and import row goes through it), and
 * building and preparing a query per call cost more than the write itself.
 */
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function cachedStatement(sqlite: Database.Database, source: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let statement = cache.get(source);
  if (!statement) {
    statement = sqlite.prepare(source);
    cache.set(source, statement);
  }
  return statement;
}

export interface TableCodec {
  name: string;
  /** Property key (camelCase) → column. */
  byKey: Map<string, SQLiteColumn>;
  /** A SQLite row (column names) → the object drizzle would return (property keys, mapped values). */
  fromRow(raw: Record<string, unknown>): Record<string, unknown>;
  /** A property value → what SQLite stores. */
  toDriver(key: string, value: unknown): unknown;
}

const codecs = new WeakMap<SQLiteTable, TableCodec>();

export function codecOf(table: SQLiteTable): TableCodec {
  let codec = codecs.get(table);
  if (codec) return codec;
  const entries: [string, SQLiteColumn][] = Object.entries(getTableColumns(table));
  const byKey = new Map(entries);
  const byName = entries.map(([key, column]) => ({ key, name: column.name, column }));
  codec = {
    name: getTableConfig(table).name,
    byKey,
    fromRow(raw) {
      const out: Record<string, unknown> = {};
      for (const { key, name, column } of byName) {
        const value = raw[name];
        out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      }
      return out;
    },
    toDriver(key, value) {
      const column = byKey.get(key);
      if (!column) throw new Error(`Unknown column ${key}`);
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    },
  };
  codecs.set(table, codec);
  return codec;
}

/**
 * Rows for a list of ids through ONE cached statement: the ids travel as a JSON array read with
 * json_each, so a variable-length IN list does not need a new prepare each time. `source` uses
 * `IN (SELECT value FROM json_each(?))` where the list goes.
 */
export function allForIds<T>(sqlite: Database.Database, source: string, ids: readonly number[], ...rest: unknown[]): T[] {
  if (ids.length === 0) return [];
  return cachedStatement(sqlite, source).all(JSON.stringify([...new Set(ids)]), ...rest) as T[];
}
