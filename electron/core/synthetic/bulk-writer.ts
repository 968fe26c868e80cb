/**
 * Fast writes for the large synthetic tables: prepared INSERTs run inside one transaction by the
 * caller, each row followed by the same audit entry the services would write (a 'create' with the
 * row's fields), chained by hash so `verifyAuditChain` holds. The services are the model; this
 * only skips their per-row validation and look-ups, which the generator makes unnecessary by
 * construction (and a test checks a sample against the contract's output schemas).
 */
import type Database from 'better-sqlite3';
import { getTableName } from 'drizzle-orm';
import type { SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { auditHead, insertAuditEntry } from '../../../db/audit-storage';
import { auditValue, chainHash, GENESIS_HASH, type ChainFields } from '../services/audit-log';

// Any of the schema's tables; columns are looked up by property name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTable = SQLiteTableWithColumns<any>;

export class AuditChain {
  private prevHash: string;
  count = 0;

  constructor(private readonly sqlite: Database.Database) {
    this.prevHash = auditHead(sqlite)?.hash ?? GENESIS_HASH;
  }

  write(e: Omit<ChainFields, 'prevHash' | 'oldValue' | 'newValue' | 'field'> & { field?: string | null; oldValue?: unknown; newValue?: unknown }): void {
    const fields: ChainFields = {
      at: e.at,
      author: e.author,
      entity: e.entity,
      entityId: e.entityId,
      operation: e.operation,
      field: e.field ?? null,
      oldValue: auditValue(e.oldValue),
      newValue: auditValue(e.newValue),
      prevHash: this.prevHash,
    };
    const hash = chainHash(fields);
    insertAuditEntry(this.sqlite, { ...fields, id: null, hash });
    this.prevHash = hash;
    this.count++;
  }
}

type Value = string | number | boolean | null;

function sqlValue(v: Value): string | number | null {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** Inserts rows of one entity table (given as the schema's property names) and audits each. */
export class EntityInserter {
  private readonly statement: Database.Statement;

  constructor(
    sqlite: Database.Database,
    table: AnyTable,
    private readonly entity: string,
    private readonly keys: readonly string[],
    private readonly audit: AuditChain,
    private readonly author: string,
  ) {
    const columns = keys.map((k) => {
      const column = table[k] as { name?: string } | undefined;
      if (!column?.name) throw new Error(`${getTableName(table)} has no field ${k}`);
      return column.name;
    });
    this.statement = sqlite.prepare(
      `INSERT INTO ${getTableName(table)} (${columns.join(', ')}, created_at, updated_at, version) VALUES (${columns.map(() => '?').join(', ')}, ?, ?, 1)`,
    );
  }

  /** `values` holds every key in order; `at` is the moment of creation (ISO). Returns the new id. */
  insert(values: Record<string, Value>, at: string): number {
    const params = this.keys.map((k) => sqlValue(values[k] ?? null));
    const id = Number(this.statement.run(...params, at, at).lastInsertRowid);
    // The same snapshot insertRow writes: the row's own fields, without id, times and version.
    const snapshot = Object.fromEntries(this.keys.map((k) => [k, values[k] ?? null]));
    this.audit.write({ at, author: this.author, entity: this.entity, entityId: id, operation: 'create', newValue: snapshot });
    return id;
  }
}
