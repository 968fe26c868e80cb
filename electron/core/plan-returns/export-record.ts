/**
 * The record of each Excel export of a plan (issue #14): which rows the file held, so a returned
 * file's Row IDs can be checked against what was actually sent, and how many, so its size can be
 * checked before it is read.
 *
 * Written by the export itself (a query channel): one INSERT, atomic on its own, and nothing
 * else in the workbook changes. A read-only workbook exports without a record; its returns are
 * then bound to the plan only.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { planExports } from '../../../db/schema';
import type { ServiceContext } from '../services/context';

export interface ExportedRows {
  action: number[];
  milestone: number[];
  progress: number[];
}

export interface PlanExportRecord {
  id: string;
  planId: number;
  exportedAt: string;
  counts: { actions: number; milestones: number; updates: number };
  rows: { action: Set<number>; milestone: Set<number>; progress: Set<number> };
}

/** Records an export and returns its id, or null when the workbook cannot be written. */
export function recordPlanExport(ctx: ServiceContext, planId: number, exportedAt: string, rows: ExportedRows): string | null {
  if (ctx.workbook.readOnly) return null;
  const id = randomBytes(9).toString('base64url');
  try {
    ctx.db
      .insert(planExports)
      .values({
        id,
        planId,
        exportedAt,
        actionCount: rows.action.length,
        milestoneCount: rows.milestone.length,
        updateCount: rows.progress.length,
        rowIds: JSON.stringify(rows),
      })
      .run();
  } catch {
    // A connection that cannot write (read-only medium, a reader connection): the export still
    // goes out, and its return is bound to the plan only, with a warning in the preview.
    return null;
  }
  return id;
}

const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((n): n is number => Number.isInteger(n)) : []);

export function findPlanExport(ctx: ServiceContext, exportId: string): PlanExportRecord | null {
  const row = ctx.db.select().from(planExports).where(eq(planExports.id, exportId)).get();
  if (!row) return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(row.rowIds) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  return {
    id: row.id,
    planId: row.planId,
    exportedAt: row.exportedAt,
    counts: { actions: row.actionCount, milestones: row.milestoneCount, updates: row.updateCount },
    rows: { action: new Set(ids(parsed.action)), milestone: new Set(ids(parsed.milestone)), progress: new Set(ids(parsed.progress)) },
  };
}
