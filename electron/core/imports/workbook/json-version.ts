/**
 * A workbook JSON says which schema version it was exported at. Issue #16: a file marked 3 whose
 * tables were those of a later version was accepted, so the claim meant nothing. The tables and
 * columns each version had are learnt by applying that many migrations to an empty in-memory
 * database, and an export whose columns do not fit its claimed version is refused, naming the
 * first column that does not fit and the version that would.
 */
import Database from 'better-sqlite3';
import { knownMigrations, runMigrations } from '../../../../db/open-workbook';

type Columns = Map<string, Set<string>>;
const cache = new Map<number, Columns>();

/** The tables and their columns after the first `version` migrations. */
export function columnsAtVersion(version: number): Columns {
  const hit = cache.get(version);
  if (hit) return hit;
  const sqlite = new Database(':memory:');
  try {
    runMigrations(sqlite, knownMigrations().slice(0, version));
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    const columns: Columns = new Map(
      tables.map((t) => [t.name, new Set((sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(t.name) as { name: string }[]).map((c) => c.name))]),
    );
    cache.set(version, columns);
    return columns;
  } finally {
    sqlite.close();
  }
}

function fits(columns: Columns, tables: Record<string, { columns: string[] }>): { table: string; column?: string } | null {
  for (const [name, table] of Object.entries(tables)) {
    const known = columns.get(name);
    if (!known) return { table: name };
    const extra = table.columns.find((c) => !known.has(c));
    if (extra) return { table: name, column: extra };
  }
  return null;
}

/** A sentence saying why the claimed schema version does not match the data, or null. */
export function schemaVersionProblem(json: { schemaVersion: number; tables: Record<string, { columns: string[] }> }): string | null {
  const latest = knownMigrations().length;
  if (json.schemaVersion > latest) return null; // refused elsewhere as "newer version"
  const misfit = fits(columnsAtVersion(json.schemaVersion), json.tables);
  if (!misfit) return null;
  let matching: number | null = null;
  for (let v = json.schemaVersion + 1; v <= latest; v++) {
    if (!fits(columnsAtVersion(v), json.tables)) {
      matching = v;
      break;
    }
  }
  const what = misfit.column ? `the column ${misfit.table}.${misfit.column}` : `the table ${misfit.table}`;
  return `The export says it was made at schema version ${json.schemaVersion}, but it has ${what}, which that version did not have${
    matching ? `: its tables are those of version ${matching}. Correct "schemaVersion" to ${matching}` : '. Export it again from the app'
  }. Nothing was imported.`;
}
