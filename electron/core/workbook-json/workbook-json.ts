/**
 * The whole workbook as JSON: a documented, versioned format (see README "Workbook JSON format").
 *
 * {
 *   "format": "evidence-workbook", "formatVersion": 1, "schemaVersion": <migrations applied>,
 *   "tables": { "<sqlite table>": { "columns": ["id", ...], "rows": [[1, ...], ...] } }
 * }
 *
 * Tables and columns use their SQLite names; rows are in primary-key order, so export → import →
 * export gives identical bytes. BLOB values are written as {"$base64": "..."}. Deleted rows, the
 * bin and the audit log are included: the JSON is a complete copy, not a report. The audit log is
 * written as its logical entries (the columns it had before it was stored compactly, migration
 * 0011: text times and values, hex hashes and each entry's previous hash), whatever the schema
 * version, and an import stores them through db/audit-storage.ts.
 */
import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { createWorkbook, knownMigrations, WorkbookError, type CreateOptions } from '../../../db/open-workbook';
import { insertAuditEntry, iterateAuditEntries } from '../../../db/audit-storage';
import * as schema from '../../../db/schema';
import { londonDate } from '../services/context';
import { describeProblem, rowProblems, rowsByField } from '../workbook-check/content-rules';
import { schemaVersionProblem } from '../imports/workbook/json-version';
import { usabilityProblems } from '../imports/workbook/usable';
import { loadReferenceData } from '../reference/load-reference';

export const FORMAT = 'evidence-workbook';
export const FORMAT_VERSION = 1;

type Cell = string | number | null | { $base64: string };

const cell: z.ZodType<Cell> = z.union([z.string(), z.number(), z.null(), z.strictObject({ $base64: z.string() })]);

export const workbookJsonSchema = z.strictObject({
  format: z.literal(FORMAT, { error: 'This is not an Evidence Workbook JSON export.' }),
  formatVersion: z.literal(FORMAT_VERSION, { error: 'This JSON export was made by a different version of Evidence Workbook.' }),
  schemaVersion: z.number().int().positive(),
  tables: z.record(z.string(), z.strictObject({ columns: z.array(z.string()), rows: z.array(z.array(cell)) })),
});

export type WorkbookJson = z.infer<typeof workbookJsonSchema>;

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  dependsOn: string[];
}

/** Every table of the schema, parents before children (foreign keys), so inserts never dangle. */
export function tablesInDependencyOrder(): TableInfo[] {
  const infos = (Object.values(schema) as unknown[])
    .filter((v): v is SQLiteTable => is(v, SQLiteTable))
    .map((table) => {
      const config = getTableConfig(table);
      const pk = config.columns.filter((c) => c.primary).map((c) => c.name);
      const compositePk = config.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
      return {
        name: config.name,
        columns: config.columns.map((c) => c.name),
        primaryKey: pk.length ? pk : compositePk,
        dependsOn: config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== config.name),
      };
    });
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.filter((t) => !placed.has(t.name) && t.dependsOn.every((d) => placed.has(d)));
    if (next.length === 0) throw new Error('Circular foreign keys in the schema');
    for (const t of next.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}

function encode(value: unknown): Cell {
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value as Cell;
}

function decode(value: Cell): unknown {
  return value !== null && typeof value === 'object' ? Buffer.from(value.$base64, 'base64') : value;
}

/** The audit log's columns in the JSON, the same at every schema version. */
export const HISTORY_TABLE = 'audit_log';
export const HISTORY_COLUMNS = ['id', 'at', 'author', 'entity', 'entity_id', 'operation', 'field', 'old_value', 'new_value', 'prev_hash', 'hash'];

function exportHistory(sqlite: Database.Database): WorkbookJson['tables'][string] {
  const rows: Cell[][] = [];
  for (const e of iterateAuditEntries(sqlite)) rows.push([e.id, e.at, e.author, e.entity, e.entityId, e.operation, e.field, e.oldValue, e.newValue, e.prevHash, e.hash]);
  return { columns: HISTORY_COLUMNS, rows };
}

function importHistory(sqlite: Database.Database, table: WorkbookJson['tables'][string]): void {
  const at = (name: string) => table.columns.indexOf(name);
  const index = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c, at(c)]));
  const missing = HISTORY_COLUMNS.filter((c) => c !== 'prev_hash' && index[c]! < 0);
  if (missing.length > 0) throw new WorkbookError('not_a_workbook', `The export's history (${HISTORY_TABLE}) lacks the column ${missing[0]}, so it was not imported.`);
  const text = (row: Cell[], c: string): string | null => {
    const v = row[index[c]!];
    if (v === null || v === undefined) return null;
    if (typeof v === 'object') throw new WorkbookError('not_a_workbook', `The export's history has bytes where ${c} should be text, so it was not imported.`);
    return String(v);
  };
  for (const row of table.rows) {
    insertAuditEntry(sqlite, {
      id: Number(row[index.id!]),
      at: text(row, 'at') ?? '',
      author: text(row, 'author') ?? '',
      entity: text(row, 'entity') ?? '',
      entityId: Number(row[index.entity_id!]),
      operation: text(row, 'operation') ?? '',
      field: text(row, 'field'),
      oldValue: text(row, 'old_value'),
      newValue: text(row, 'new_value'),
      hash: text(row, 'hash') ?? '',
    });
  }
}

export function exportWorkbookJson(sqlite: Database.Database): WorkbookJson {
  const tables: WorkbookJson['tables'] = {};
  for (const t of tablesInDependencyOrder()) {
    if (t.name === HISTORY_TABLE) {
      tables[t.name] = exportHistory(sqlite);
      continue;
    }
    const order = (t.primaryKey.length ? t.primaryKey : ['rowid']).map((c) => `"${c}"`).join(', ');
    const rows = sqlite
      .prepare(`SELECT ${t.columns.map((c) => `"${c}"`).join(', ')} FROM "${t.name}" ORDER BY ${order}`)
      .raw()
      .all() as unknown[][];
    tables[t.name] = { columns: t.columns, rows: rows.map((r) => r.map(encode)) };
  }
  return { format: FORMAT, formatVersion: FORMAT_VERSION, schemaVersion: knownMigrations().length, tables };
}

export function serialiseWorkbookJson(json: WorkbookJson): string {
  return `${JSON.stringify(json, null, 1)}\n`;
}

/** Text exactly as the file holds it: invalid UTF-8 is refused, never stored as U+FFFD (issue #14). */
export function decodeUtf8(bytes: Uint8Array, what = 'The file'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new WorkbookError('not_a_workbook', `${what} has bytes that are not valid UTF-8 text, so it may be damaged or in another encoding. Export it again from Evidence Workbook. Nothing was created.`);
  }
}

/** Problems listed in a refusal; the rest are counted. */
const LISTED_PROBLEMS = 10;

/**
 * Every row of every record table through the rules dispatch applies (issue #14, failure 5):
 * the contract's field schemas, no control characters, the identifier guard.
 */
export function workbookJsonContentProblems(json: WorkbookJson, today: string): string[] {
  const problems: string[] = [];
  let total = 0;
  for (const [name, table] of Object.entries(json.tables)) {
    const mapped = rowsByField(name, table.columns, table.rows);
    if (!mapped) continue;
    for (const row of mapped.rows) {
      for (const p of rowProblems(mapped.entity, row, today)) {
        total += 1;
        if (problems.length < LISTED_PROBLEMS) problems.push(describeProblem(p));
      }
    }
  }
  if (total > problems.length) problems.push(`and ${total - problems.length} more.`);
  return problems;
}

/** Reads and checks an export; every problem is reported in words before anything is written. */
export function parseWorkbookJson(input: string | Uint8Array, options: { today?: string } = {}): WorkbookJson {
  const text = typeof input === 'string' ? input : decodeUtf8(input);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WorkbookError('not_a_workbook', 'That file is not valid JSON, so it cannot be imported.');
  }
  const parsed = workbookJsonSchema.safeParse(raw);
  if (!parsed.success) {
    throw new WorkbookError('not_a_workbook', parsed.error.issues[0]?.message ?? 'That file is not an Evidence Workbook JSON export.');
  }
  const json = parsed.data;
  if (json.schemaVersion > knownMigrations().length) {
    throw new WorkbookError('newer_version', 'This export was made by a newer version of Evidence Workbook. Update the app to import it.');
  }
  // The history's columns are the same at every version (HISTORY_COLUMNS), whatever its storage.
  const { [HISTORY_TABLE]: _history, ...stored } = json.tables;
  const versionProblem = schemaVersionProblem({ schemaVersion: json.schemaVersion, tables: stored });
  if (versionProblem) throw new WorkbookError('not_a_workbook', versionProblem);
  const known = new Map(tablesInDependencyOrder().map((t) => [t.name, new Set(t.name === HISTORY_TABLE ? HISTORY_COLUMNS : t.columns)]));
  for (const [name, table] of Object.entries(json.tables)) {
    const columns = known.get(name);
    if (!columns) throw new WorkbookError('not_a_workbook', `The export has a table this version does not know (${name}).`);
    const unknown = table.columns.find((c) => !columns.has(c));
    if (unknown) throw new WorkbookError('not_a_workbook', `The export has a column this version does not know (${name}.${unknown}).`);
    const bad = table.rows.findIndex((r) => r.length !== table.columns.length);
    if (bad >= 0) throw new WorkbookError('not_a_workbook', `Row ${bad + 1} of ${name} does not match its columns.`);
  }
  const broken = workbookJsonContentProblems(json, options.today ?? londonDate(new Date()));
  if (broken.length > 0) {
    throw new WorkbookError(
      'not_a_workbook',
      `The export holds values the app would refuse if they were typed in, so it was not imported. Nothing was created. ${broken.join(' ')}`,
    );
  }
  return json;
}

/** Creates a new workbook file holding exactly the exported data. Nothing is left behind on failure. */
export function importWorkbookJson(json: WorkbookJson, file: string, options: CreateOptions = {}): void {
  const workbook = createWorkbook(file, options);
  const { sqlite } = workbook;
  try {
    sqlite.pragma('foreign_keys = OFF');
    sqlite.transaction(() => {
      const order = tablesInDependencyOrder();
      for (const t of [...order].reverse()) sqlite.prepare(`DELETE FROM "${t.name}"`).run();
      for (const t of order) {
        const table = json.tables[t.name];
        if (!table || table.rows.length === 0) continue;
        if (t.name === HISTORY_TABLE) {
          importHistory(sqlite, table);
          continue;
        }
        const insert = sqlite.prepare(
          `INSERT INTO "${t.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
        );
        for (const row of table.rows) insert.run(...row.map(decode));
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new WorkbookError('not_a_workbook', `The export has ${violations.length} record(s) pointing at records that are not in it, so it was not imported.`);
      }
      // A file the app could not open is refused here, not discovered later by the officer (issue #16).
      const unusable = usabilityProblems(sqlite, loadReferenceData());
      if (unusable.length > 0) throw new WorkbookError('not_a_workbook', `${unusable.join(' ')} Nothing was created.`);
    })();
    sqlite.pragma('foreign_keys = ON');
    workbook.close();
  } catch (e) {
    workbook.close();
    removeWorkbookFiles(file);
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError('not_a_workbook', `The export could not be imported: ${(e as Error).message}. Nothing was created.`);
  }
}

function removeWorkbookFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
