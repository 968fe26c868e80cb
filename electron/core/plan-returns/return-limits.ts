/**
 * How large a returned file may be, derived from the plan it came from (issue #14): never more
 * rows than the export held plus a margin for the rows partners add, so a 3.6 MB file with
 * 700,000 rows is refused before it is read. The export's own record gives the counts; a file
 * exported before exports were recorded is measured against the plan as it is now.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { actions, evidenceItems, milestones, plans, priorities, progressUpdates } from '../../../db/schema';
import { workbookIdOf } from '../exports/xlsx/plan-data';
import type { ServiceContext } from '../services/context';
import { findPlanExport } from './export-record';
import type { ReturnPlanIdentity, ReturnSheet } from './read-return';

export interface ReturnReadLimits {
  /** Highest row number (header rows included) each sheet may reach. */
  rows: Record<ReturnSheet, number>;
  sharedStrings: number;
  /** What the limits were derived from, in words ("the plan “WSOA 2019” as exported, with 3 actions"). */
  basis: string;
  counts: { actions: number; milestones: number; updates: number } | null;
}

/** Rows above the records: a title row and the header row. */
const HEADER_ROWS = 2;
/** The blank rows an export leaves for partners to fill in (build-plan-xlsx NEW_ROWS). */
const BLANK_ROWS = { Plan: 0, Milestones: 100, Updates: 200 } as const;
/** Rows a partner may add beyond the blank ones: generous for a return, tiny for an attack. */
export const ROW_MARGIN = 1_000;
/** Different texts per row is bounded by the columns; lists and headings add a few thousand. */
const STRINGS_PER_ROW = 30;
const STRINGS_BASE = 5_000;

/** Used when the file names no plan of this workbook: the largest plan the app is built for (XL scale) and more. */
export const ABSOLUTE_LIMITS: ReturnReadLimits = {
  rows: { Plan: 20_000, Milestones: 60_000, Updates: 60_000 },
  sharedStrings: 600_000,
  basis: 'any action plan',
  counts: null,
};

/** The hidden Lists sheet holds the people, partners and choices: a few thousand rows at most. */
export const LIST_ROWS_LIMIT = 50_000;

/** The read-only Evidence sheet lists the workbook's evidence: a few texts per item. */
const STRINGS_PER_EVIDENCE_ITEM = 8;

export function limitsFromCounts(counts: { actions: number; milestones: number; updates: number }, basis: string, evidenceItems = 0): ReturnReadLimits {
  const allowed = (records: number, sheet: ReturnSheet) => Math.min(HEADER_ROWS + records + BLANK_ROWS[sheet] + ROW_MARGIN + Math.ceil(records / 10), ABSOLUTE_LIMITS.rows[sheet]);
  const rows = {
    Plan: allowed(counts.actions, 'Plan'),
    Milestones: allowed(counts.milestones, 'Milestones'),
    Updates: allowed(counts.updates, 'Updates'),
  };
  const sharedStrings = Math.min(
    STRINGS_BASE + STRINGS_PER_ROW * (rows.Plan + rows.Milestones + rows.Updates) + STRINGS_PER_EVIDENCE_ITEM * evidenceItems,
    ABSOLUTE_LIMITS.sharedStrings,
  );
  return { rows, sharedStrings, basis, counts };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The sentence's second half: what the sheet could have held. */
export function describeLimit(sheet: ReturnSheet, limits: ReturnReadLimits): string {
  const max = (limits.rows[sheet] - HEADER_ROWS).toLocaleString('en-GB');
  if (!limits.counts) return `no action plan return can have more than ${max} rows on it.`;
  const held = sheet === 'Plan' ? plural(limits.counts.actions, 'action') : sheet === 'Milestones' ? plural(limits.counts.milestones, 'milestone') : plural(limits.counts.updates, 'update');
  return `${limits.basis} had ${held}, so its returned ${sheet} sheet can have at most ${max} rows (with room for the rows partners add).`;
}

function count(ctx: ServiceContext, planId: number) {
  const actionIds = ctx.db
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(priorities, eq(priorities.id, actions.priorityId))
    .where(and(eq(priorities.planId, planId), isNull(actions.deletedAt), isNull(priorities.deletedAt)))
    .all()
    .map((a) => a.id);
  const n = (table: typeof milestones | typeof progressUpdates) =>
    actionIds.length === 0
      ? 0
      : (ctx.db
          .select({ n: sql<number>`count(*)` })
          .from(table)
          .where(and(inArray(table.actionId, actionIds), isNull(table.deletedAt)))
          .get()?.n ?? 0);
  return { actions: actionIds.length, milestones: n(milestones), updates: n(progressUpdates) };
}

/** The limits for a file naming `plan`; the absolute ceiling when it names none of this workbook's. */
export function returnLimitsFor(ctx: ServiceContext, plan: ReturnPlanIdentity | null): ReturnReadLimits {
  if (!plan || plan.workbookId !== workbookIdOf(ctx)) return ABSOLUTE_LIMITS;
  const planRow = ctx.db.select({ title: plans.title }).from(plans).where(eq(plans.id, plan.planId)).get();
  if (!planRow) return ABSOLUTE_LIMITS;
  const evidence = ctx.db.select({ n: sql<number>`count(*)` }).from(evidenceItems).get()?.n ?? 0;
  const record = plan.exportId ? findPlanExport(ctx, plan.exportId) : null;
  if (record && record.planId === plan.planId) return limitsFromCounts(record.counts, `the plan “${planRow.title}” as exported`, evidence);
  return limitsFromCounts(count(ctx, plan.planId), `the plan “${planRow.title}”`, evidence);
}
