/** Case sampling: the themes inspectors sample (e.g. EHC plan quality), samples requested and supplied. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { caseSamplingThemes } from '../../../db/schema';
import type * as s from '../../contract/groups/inspection-week';
import type { ServiceContext } from '../services/context';
import { getLive, insertRow, softDelete, updateRow } from '../services/entity-store';
import type { RowOf } from '../services/entity-registry';
import { publicRow } from '../services/list-query';

export type CaseThemeView = z.output<typeof s.caseTheme>;

export function progressText(requested: number, supplied: number): string {
  if (requested === 0) return supplied === 0 ? 'No samples requested yet.' : `${supplied} supplied (none recorded as requested).`;
  if (supplied >= requested) return `All ${requested} supplied${supplied > requested ? ` (${supplied - requested} more than requested)` : ''}.`;
  return `${supplied} of ${requested} supplied; ${requested - supplied} still to send.`;
}

export function caseThemeViews(rows: RowOf<'caseTheme'>[]): CaseThemeView[] {
  return rows.map((r) => ({ ...publicRow(r), progress: progressText(r.samplesRequested, r.samplesSupplied) }));
}

export const caseThemeService = {
  list(ctx: ServiceContext, eventId: number): CaseThemeView[] {
    getLive(ctx, 'event', eventId);
    return caseThemeViews(
      ctx.db
        .select()
        .from(caseSamplingThemes)
        .where(and(eq(caseSamplingThemes.eventId, eventId), isNull(caseSamplingThemes.deletedAt)))
        .orderBy(asc(caseSamplingThemes.id))
        .all(),
    );
  },
  create(ctx: ServiceContext, input: z.output<typeof s.caseThemeCreate>): CaseThemeView {
    getLive(ctx, 'event', input.eventId);
    return caseThemeViews([insertRow(ctx, 'caseTheme', input)])[0]!;
  },
  update(ctx: ServiceContext, input: z.output<typeof s.caseThemeUpdate>): CaseThemeView {
    const { id, expectedVersion, ...patch } = input;
    return caseThemeViews([updateRow(ctx, 'caseTheme', id, patch, expectedVersion).row])[0]!;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'caseTheme', id),
};
