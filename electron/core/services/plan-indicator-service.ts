/**
 * The key indicators a plan tracks (issue #17). A plan's progress report and its Excel KPIs sheet
 * show the indicators linked to it; a plan with none linked shows every indicator in the workbook
 * (reportedIndicatorIds is that rule, once). Links live in the plan_indicators join table, like a
 * self-evaluation section's actions: each link and unlink is written to the history on both records.
 */
import type { z } from 'zod';
import type * as p from '../../contract/schemas/plan';
import { writeAudit } from './audit-log';
import type { ServiceContext } from './context';
import { isLive } from './entity-store';
import { invalidField, ServiceError } from './service-error';
import { cachedStatement } from './statement-cache';

type Out<T extends z.ZodType> = z.output<T>;
type Link = Out<typeof p.planIndicator>;

const INSERT = 'INSERT OR IGNORE INTO plan_indicators (plan_id, indicator_id) VALUES (?, ?)';
const DELETE = 'DELETE FROM plan_indicators WHERE plan_id = ? AND indicator_id = ?';

/** A plan's live indicators, in the order every indicator list uses (code, then title). */
const OF_PLAN = `SELECT pi.plan_id AS planId, pi.indicator_id AS indicatorId
  FROM plan_indicators pi JOIN indicators i ON i.id = pi.indicator_id AND i.deleted_at IS NULL
  WHERE pi.plan_id = ? ORDER BY i.code, i.title`;

/** The live plans tracking an indicator, by title. */
const OF_INDICATOR = `SELECT pi.plan_id AS planId, pi.indicator_id AS indicatorId
  FROM plan_indicators pi JOIN plans p ON p.id = pi.plan_id AND p.deleted_at IS NULL
  WHERE pi.indicator_id = ? ORDER BY p.title, p.id`;

function requireLive(ctx: ServiceContext, input: Out<typeof p.planIndicatorLink>): void {
  if (!isLive(ctx, 'plan', input.planId)) throw invalidField('planId', 'That plan does not exist or is in the Bin: choose a plan from the list.');
  if (!isLive(ctx, 'indicator', input.indicatorId)) {
    throw invalidField('indicatorId', 'That indicator does not exist or is in the Bin: choose an indicator from the list.');
  }
}

export const planIndicatorService = {
  /** Links an indicator to a plan; linking one already linked changes nothing and writes no history. */
  link(ctx: ServiceContext, input: Out<typeof p.planIndicatorLink>): Link {
    requireLive(ctx, input);
    const added = cachedStatement(ctx.workbook.sqlite, INSERT).run(input.planId, input.indicatorId);
    if (added.changes > 0) {
      writeAudit(ctx, [
        { entity: 'plan', entityId: input.planId, operation: 'link', field: 'indicatorIds', newValue: input.indicatorId },
        { entity: 'indicator', entityId: input.indicatorId, operation: 'link', field: 'planIds', newValue: input.planId },
      ]);
    }
    return { planId: input.planId, indicatorId: input.indicatorId };
  },

  /** Removes a link; the history keeps what was linked (the old value), so it can be linked again. */
  unlink(ctx: ServiceContext, input: Out<typeof p.planIndicatorLink>): { ok: true } {
    const removed = cachedStatement(ctx.workbook.sqlite, DELETE).run(input.planId, input.indicatorId);
    if (removed.changes === 0) {
      throw new ServiceError('not_found', 'That indicator is not linked to this plan (it may have been unlinked already).');
    }
    writeAudit(ctx, [
      { entity: 'plan', entityId: input.planId, operation: 'unlink', field: 'indicatorIds', oldValue: input.indicatorId },
      { entity: 'indicator', entityId: input.indicatorId, operation: 'unlink', field: 'planIds', oldValue: input.planId },
    ]);
    return { ok: true };
  },

  /** The indicators a plan tracks, or the plans tracking an indicator; records in the Bin are left out. */
  list(ctx: ServiceContext, input: Out<typeof p.planIndicatorsQuery>): Link[] {
    return 'planId' in input
      ? (cachedStatement(ctx.workbook.sqlite, OF_PLAN).all(input.planId) as Link[])
      : (cachedStatement(ctx.workbook.sqlite, OF_INDICATOR).all(input.indicatorId) as Link[]);
  },
};

/**
 * The indicators a plan's reports show: those linked to it, or null when none is linked (or every
 * one linked is in the Bin), meaning every indicator in the workbook.
 */
export function reportedIndicatorIds(ctx: ServiceContext, planId: number): number[] | null {
  const ids = planIndicatorService.list(ctx, { planId }).map((l) => l.indicatorId);
  return ids.length > 0 ? ids : null;
}
