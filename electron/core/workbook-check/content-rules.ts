/**
 * The input rules dispatch applies, run over stored rows (issue #14, failure 5: `import-json`
 * accepted a tracked child named with an NHS number, a 1.1 MB narrative and control characters,
 * and `check` said "No problems found"). One function, `rowProblems`, used by `import-json`
 * before anything is written and by `workbook check` over a workbook's contents:
 *
 * - each field is parsed with the contract's own zod schema for it (the create schema of the
 *   record kind: text length caps, choices, formats), so the limits cannot drift from dispatch's;
 * - text holds no control characters (dispatch strips them; a stored one came in another way);
 * - pseudonymised text passes the identifier guard (inspection-week/identifier-guard.ts).
 *
 * Rules that depend on the day or on other records (a review date still to come, one pseudonym
 * per child) are for the forms, not for stored history, and are not re-run here.
 */
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { stripControlCharacters } from '../../contract/fields';
import * as inspectionWeek from '../../contract/groups/inspection-week';
import * as area from '../../contract/schemas/area';
import * as evidence from '../../contract/schemas/evidence';
import * as indicator from '../../contract/schemas/indicator';
import * as inspection from '../../contract/schemas/inspection';
import * as plan from '../../contract/schemas/plan';
import * as sef from '../../contract/schemas/sef';
import { identifierProblems, type GuardedEntity } from '../inspection-week/identifier-guard';
import type { EntityName } from '../../contract/schemas/history';
import { ENTITIES } from '../services/entity-registry';

type Shape = Record<string, z.ZodType>;
const shapeOf = (...schemas: unknown[]): Shape =>
  Object.assign({}, ...schemas.map((s) => ((s as { shape?: Shape }).shape ?? {}) as Shape)) as Shape;

/** The schemas dispatch parses each record kind's fields with (create, plus any other way in). */
const FIELD_SCHEMAS: Partial<Record<EntityName, Shape>> = {
  partner: shapeOf(area.partnerCreate),
  person: shapeOf(area.personCreate),
  event: shapeOf(inspection.eventCreate),
  finding: shapeOf(inspection.findingCreate),
  assessment: shapeOf(inspection.assessmentCreate),
  plan: shapeOf(plan.planCreate),
  priority: shapeOf(plan.priorityCreate),
  action: shapeOf(plan.actionCreate),
  milestone: shapeOf(plan.milestoneCreate),
  progress: shapeOf(plan.progressCreate),
  indicator: shapeOf(indicator.indicatorCreate),
  target: shapeOf(indicator.targetCreate),
  indicatorValue: shapeOf(indicator.valueSet),
  evidence: shapeOf(evidence.evidenceCreate),
  sef: shapeOf(sef.sefCreate),
  section: shapeOf(sef.sectionCreate, sef.sectionUpdate),
  signoff: shapeOf(sef.signoffCreate),
  infoRequest: shapeOf(inspectionWeek.infoRequestCreate),
  trackedChild: shapeOf(inspectionWeek.trackedChildCreate),
  caseTheme: shapeOf(inspectionWeek.caseThemeCreate),
  inspectorRequest: shapeOf(inspectionWeek.inspectorRequestCreate, inspectionWeek.inspectorRequestAnswer),
};

const GUARDED = new Set<string>(['trackedChild', 'inspectorRequest', 'evidence']);

/** Dates are checked for their form by their schema when sent; stored ones may lawfully be in the past. */
const DATE_COLUMN = /(On|At|From|To|Date)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?/;

export interface RowProblem {
  entity: string;
  id: number | string;
  field: string;
  message: string;
}

/** Every rule a stored row of `entity` breaks; `row` is keyed by the schema's (camelCase) field names. */
export function rowProblems(entity: EntityName, row: Record<string, unknown>, today: string): RowProblem[] {
  const problems: RowProblem[] = [];
  const id = (row.id as number | string | undefined) ?? '?';
  const shape = FIELD_SCHEMAS[entity] ?? {};
  for (const [field, value] of Object.entries(row)) {
    if (typeof value !== 'string') continue;
    if (stripControlCharacters(value) !== value) {
      problems.push({ entity, id, field, message: 'contains control characters (invisible codes that are not text); retype the value.' });
      continue;
    }
    if (DATE_COLUMN.test(field)) {
      if (value !== '' && !ISO_DATE.test(value)) problems.push({ entity, id, field, message: `“${value.slice(0, 40)}” is not a date.` });
      continue;
    }
    const schema = shape[field];
    if (!schema) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'is not accepted.';
      // A required field may be stored empty where the form allows clearing it later; only limits and choices count.
      if (value === '' && /^Enter /.test(message)) continue;
      problems.push({ entity, id, field, message });
    }
  }
  if (GUARDED.has(entity)) {
    for (const p of identifierProblems(entity as GuardedEntity, row, today)) problems.push({ entity, id, field: p.field, message: p.message });
  }
  return problems;
}

/** "trackedChild 3, pseudonym: …" for a list an officer reads. */
export function describeProblem(p: RowProblem): string {
  const noun = (ENTITIES as Record<string, { noun: string } | undefined>)[p.entity]?.noun ?? p.entity;
  return `${noun} ${p.id}, ${p.field}: ${p.message}`;
}

let mappingCache: Map<string, { entity: EntityName; fields: Map<string, string> }> | undefined;

/** Table name → entity, and column name → field name, for rows read straight from SQLite. */
function tableEntities(): Map<string, { entity: EntityName; fields: Map<string, string> }> {
  if (mappingCache) return mappingCache;
  const out = new Map<string, { entity: EntityName; fields: Map<string, string> }>();
  for (const spec of Object.values(ENTITIES)) {
    const fields = new Map(Object.entries(getTableColumns(spec.table) as Record<string, { name: string }>).map(([key, col]) => [col.name, key]));
    out.set(getTableConfig(spec.table).name, { entity: spec.name, fields });
  }
  mappingCache = out;
  return out;
}

/** Rows of a table as the rules read them: keyed by field name. */
export function rowsByField(tableName: string, columns: string[], rows: unknown[][]): { entity: EntityName; rows: Record<string, unknown>[] } | null {
  const mapping = tableEntities().get(tableName);
  if (!mapping) return null;
  const keys = columns.map((c) => mapping.fields.get(c) ?? c);
  return { entity: mapping.entity, rows: rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]]))) };
}

/** Sentences for `check`: each broken rule by record and field, at most `shown`, then a count. */
export function contentProblemSentences(sqlite: Database.Database, today: string, shown = 20): string[] {
  const { problems, total } = contentProblems(sqlite, today, shown);
  if (total === 0) return [];
  const more = total > problems.length ? ` (and ${total - problems.length} more)` : '';
  return [`${total} stored value${total === 1 ? ' breaks' : 's break'} the rules the app applies when a value is entered${more}:`, ...problems.map(describeProblem)];
}

/** The same rules over every record of an open workbook (live and in the Bin), for `check`. */
export function contentProblems(sqlite: Database.Database, today: string, limit = 200): { problems: RowProblem[]; total: number } {
  const problems: RowProblem[] = [];
  let total = 0;
  const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
  for (const [table] of tableEntities()) {
    if (!tables.has(table)) continue;
    const statement = sqlite.prepare(`SELECT * FROM "${table}"`).raw();
    const columns = statement.columns().map((c) => c.name);
    for (const raw of statement.iterate() as Iterable<unknown[]>) {
      const mapped = rowsByField(table, columns, [raw])!;
      const found = rowProblems(mapped.entity, mapped.rows[0]!, today);
      total += found.length;
      for (const p of found) if (problems.length < limit) problems.push(p);
    }
  }
  return { problems, total };
}
