/**
 * Values remembered per workbook connection until what they were read from changes (issue #17): a
 * list's total, the parts of the Overview. Each kind of value has its own shelf, with a cap; a full
 * shelf is emptied, not evicted piecemeal. Callers must treat a remembered value as read-only:
 * every caller shares it.
 *
 * Without inputs, a value is kept until the workbook changes at all: this connection's change
 * counter (every insert, update and delete it makes, rolled-back ones too) and SQLite's data
 * version (a commit by any other connection).
 *
 * With inputs (the tables it reads, e.g. `['actions', 'milestones(deleted_at, action_id)']`), it is
 * kept until one of those changes, so an edit of an action does not recompute indicator positions.
 * This connection's writes to each input are counted by TEMP triggers (they live only in this
 * connection, never in the file) calling a JS counter; a table named with columns counts inserts,
 * deletes and updates of those columns only. The counter only goes up, so a write that is rolled
 * back still counts (a wasted recomputation, never a stale answer). A commit by another connection
 * (SQLite's data version) or a change of schema (its schema version: a dropped table drops its
 * triggers) makes every value stale. Nothing is remembered while a transaction is open: what it
 * reads may yet be rolled back.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from './statement-cache';

interface Entry {
  token: string;
  value: unknown;
}

export interface Shelf {
  readonly max: number;
  readonly byConnection: WeakMap<Database.Database, Map<string, Entry>>;
}

export function shelf(max: number): Shelf {
  return { max, byConnection: new WeakMap() };
}

/** An input: a table, or a table with the columns whose updates matter, e.g. `actions(deleted_at, priority_id)`. */
export type Input = string;

const INPUT = /^([a-z_][a-z0-9_]*)(?:\(\s*([a-z_][a-z0-9_]*(?:\s*,\s*[a-z_][a-z0-9_]*)*)\s*\))?$/;

/** The table and columns an input names (no columns: every update counts). */
export function parseInput(input: Input): { table: string; columns: string[] } {
  const m = INPUT.exec(input);
  if (!m) throw new Error(`Not a read-model input: ${input}`);
  return { table: m[1]!, columns: m[2] ? m[2].split(',').map((c) => c.trim()) : [] };
}

interface Tracker {
  /** Index of each input's counter, in the order its triggers were made. */
  readonly index: Map<Input, number>;
  readonly counts: number[];
  /** Main's schema version when the triggers were made. */
  schema: number;
  /** Moves whenever triggers are remade, so no token from before matches. */
  epoch: number;
  /** The triggers could not be made (e.g. a connection that cannot write TEMP): fall back to any change. */
  coarse: boolean;
}

const trackers = new WeakMap<Database.Database, Tracker>();
const FUNCTION = 'ewb_read_model_input_changed';
const TRIGGER = 'ewb_read_model_input_';

function schemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('main.schema_version', { simple: true }) as number;
}

function dataVersion(sqlite: Database.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

function trackerOf(sqlite: Database.Database): Tracker {
  let t = trackers.get(sqlite);
  if (!t) {
    const made: Tracker = { index: new Map(), counts: [], schema: schemaVersion(sqlite), epoch: 0, coarse: false };
    try {
      sqlite.function(FUNCTION, { deterministic: false, varargs: false }, (i: unknown) => {
        made.counts[Number(i)] = (made.counts[Number(i)] ?? 0) + 1;
        return null;
      });
    } catch {
      made.coarse = true;
    }
    trackers.set(sqlite, (t = made));
  }
  return t;
}

function makeTriggers(sqlite: Database.Database, input: Input, i: number): void {
  const { table, columns } = parseInput(input);
  const call = `BEGIN SELECT ${FUNCTION}(${i}); END`;
  const of = columns.length ? ` OF ${columns.map((c) => `"${c}"`).join(', ')}` : '';
  sqlite.exec(
    [
      `CREATE TEMP TRIGGER IF NOT EXISTS "${TRIGGER}${i}_i" AFTER INSERT ON main."${table}" ${call}`,
      `CREATE TEMP TRIGGER IF NOT EXISTS "${TRIGGER}${i}_u" AFTER UPDATE${of} ON main."${table}" ${call}`,
      `CREATE TEMP TRIGGER IF NOT EXISTS "${TRIGGER}${i}_d" AFTER DELETE ON main."${table}" ${call}`,
    ].join(';\n'),
  );
}

/** Remakes every trigger after a schema change (a table rebuilt by a migration loses its triggers). */
function remake(sqlite: Database.Database, t: Tracker): void {
  const ours = sqlite.prepare(`SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE '${TRIGGER}%'`).pluck().all() as string[];
  for (const name of ours) sqlite.exec(`DROP TRIGGER IF EXISTS temp."${name}"`);
  for (const [input, i] of t.index) makeTriggers(sqlite, input, i);
  t.schema = schemaVersion(sqlite);
  t.epoch++;
}

/** The token of these inputs now: equal tokens mean none of them changed in between. */
function inputsToken(sqlite: Database.Database, inputs: readonly Input[]): string | null {
  const t = trackerOf(sqlite);
  if (t.coarse) return null;
  try {
    if (schemaVersion(sqlite) !== t.schema) remake(sqlite, t);
    const parts: number[] = [];
    for (const input of inputs) {
      let i = t.index.get(input);
      if (i === undefined) {
        i = t.counts.length;
        makeTriggers(sqlite, input, i);
        t.index.set(input, i);
        t.counts[i] = 0;
      }
      parts.push(t.counts[i]!);
    }
    return `${dataVersion(sqlite)}:${t.epoch}:${parts.join(',')}`;
  } catch {
    t.coarse = true;
    return null;
  }
}

function changeToken(sqlite: Database.Database): string {
  return `${cachedStatement(sqlite, 'SELECT total_changes()').pluck().get() as number}:${dataVersion(sqlite)}`;
}

export function rememberedUntilChanged<T>(sqlite: Database.Database, on: Shelf, key: string, read: () => T, inputs?: readonly Input[]): T {
  if (sqlite.inTransaction) return read();
  const token = (inputs && inputsToken(sqlite, inputs)) ?? `any:${changeToken(sqlite)}`;
  let values = on.byConnection.get(sqlite);
  if (!values) on.byConnection.set(sqlite, (values = new Map()));
  const hit = values.get(key);
  if (hit && hit.token === token) return hit.value as T;
  const value = read();
  if (values.size >= on.max && !hit) values.clear();
  values.set(key, { token, value });
  return value;
}
