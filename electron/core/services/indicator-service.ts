import { and, asc, eq, isNull, like, or } from 'drizzle-orm';
import type { z } from 'zod';
import { indicators, indicatorTargets, indicatorValues } from '../../../db/schema';
import type * as s from '../../contract/schemas/indicator';
import type * as r from '../../contract/schemas/reports';
import type { ServiceContext } from './context';
import { getLive, insertRow, softDelete, updateRow } from './entity-store';
import { listLive, publicRow } from './list-query';
import { cachedStatement } from './statement-cache';

type Out<T extends z.ZodType> = z.output<T>;

export const indicatorService = {
  create: (ctx: ServiceContext, input: Out<typeof s.indicatorCreate>) => publicRow(insertRow(ctx, 'indicator', input)) as Out<typeof s.indicator>,
  get: (ctx: ServiceContext, id: number) => publicRow(getLive(ctx, 'indicator', id)) as Out<typeof s.indicator>,
  list(ctx: ServiceContext, input: Out<typeof s.indicatorList>) {
    const term = input.search ? `%${input.search.replace(/[%_]/g, '')}%` : undefined;
    const { rows, total } = listLive(
      ctx,
      'indicator',
      [term ? or(like(indicators.title, term), like(indicators.code, term)) : undefined],
      [asc(indicators.code), asc(indicators.title)],
      input,
    );
    return { items: rows.map(publicRow) as Out<typeof s.indicator>[], total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.indicatorUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    return publicRow(updateRow(ctx, 'indicator', id, patch, expectedVersion).row) as Out<typeof s.indicator>;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'indicator', id),
};

export const targetService = {
  create: (ctx: ServiceContext, input: Out<typeof s.targetCreate>) => publicRow(insertRow(ctx, 'target', input)) as Out<typeof s.target>,
  list(ctx: ServiceContext, indicatorId: number) {
    getLive(ctx, 'indicator', indicatorId);
    return ctx.db
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, indicatorId), isNull(indicatorTargets.deletedAt)))
      .orderBy(asc(indicatorTargets.id))
      .all()
      .map(publicRow) as Out<typeof s.target>[];
  },
  update(ctx: ServiceContext, input: Out<typeof s.targetUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    return publicRow(updateRow(ctx, 'target', id, patch, expectedVersion).row) as Out<typeof s.target>;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'target', id),
};

export const valueService = {
  /** One value per indicator, period and geography: setting it again replaces it (audited). */
  set(ctx: ServiceContext, input: Out<typeof s.valueSet>) {
    getLive(ctx, 'indicator', input.indicatorId);
    const existing = ctx.db
      .select({ id: indicatorValues.id })
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.indicatorId, input.indicatorId),
          eq(indicatorValues.periodLabel, input.periodLabel),
          eq(indicatorValues.geography, input.geography),
          isNull(indicatorValues.deletedAt),
        ),
      )
      .get();
    const row = existing ? updateRow(ctx, 'indicatorValue', existing.id, input).row : insertRow(ctx, 'indicatorValue', input);
    return publicRow(row) as Out<typeof s.indicatorValue>;
  },
  list(ctx: ServiceContext, input: Out<typeof s.valueList>) {
    getLive(ctx, 'indicator', input.indicatorId);
    const { rows, total } = listLive(
      ctx,
      'indicatorValue',
      [eq(indicatorValues.indicatorId, input.indicatorId), input.geography ? eq(indicatorValues.geography, input.geography) : undefined],
      [asc(indicatorValues.periodStart), asc(indicatorValues.geography)],
      input,
    );
    return { items: rows.map(publicRow) as Out<typeof s.indicatorValue>[], total };
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'indicatorValue', id),
};

interface LatestRow {
  indicatorId: number;
  code: string;
  title: string;
  unit: string;
  polarity: string;
  latestPeriod: string | null;
  latestValue: number | null;
  provisional: number | null;
  previousValue: number | null;
  england: number | null;
  region: number | null;
  statisticalNeighbours: number | null;
  target: number | null;
  targetPeriod: string | null;
}

/**
 * Latest local value of every indicator against its target and comparators, in one query
 * (window functions over the (indicator, geography, period) index).
 */
export function indicatorStatuses(ctx: ServiceContext, onlyOffTarget = false): Out<typeof r.indicatorStatus>[] {
  // One index seek per indicator for its latest and previous local values (index on indicator,
  // geography, period start), and the live-unique index for comparators of the same period.
  const rows = cachedStatement(
    ctx.workbook.sqlite,
    `WITH latest AS (
         SELECT i.id AS indicator_id,
                (SELECT v.id FROM indicator_values v WHERE v.indicator_id = i.id AND v.geography = 'local' AND v.deleted_at IS NULL
                  ORDER BY v.period_start DESC, v.id DESC LIMIT 1) AS latest_id,
                (SELECT v.id FROM indicator_values v WHERE v.indicator_id = i.id AND v.geography = 'local' AND v.deleted_at IS NULL
                  ORDER BY v.period_start DESC, v.id DESC LIMIT 1 OFFSET 1) AS previous_id
         FROM indicators i WHERE i.deleted_at IS NULL
       )
       SELECT i.id AS indicatorId, i.code, i.title, i.unit, i.polarity,
              l.period_label AS latestPeriod, l.value AS latestValue, l.provisional,
              p.value AS previousValue,
              (SELECT value FROM indicator_values v WHERE v.indicator_id = i.id AND v.period_label = l.period_label AND v.geography = 'england' AND v.deleted_at IS NULL) AS england,
              (SELECT value FROM indicator_values v WHERE v.indicator_id = i.id AND v.period_label = l.period_label AND v.geography = 'region' AND v.deleted_at IS NULL) AS region,
              (SELECT value FROM indicator_values v WHERE v.indicator_id = i.id AND v.period_label = l.period_label AND v.geography = 'statistical_neighbours' AND v.deleted_at IS NULL) AS statisticalNeighbours,
              t.target_value AS target, t.period_label AS targetPeriod
       FROM latest x
       JOIN indicators i ON i.id = x.indicator_id
       LEFT JOIN indicator_values l ON l.id = x.latest_id
       LEFT JOIN indicator_values p ON p.id = x.previous_id
       LEFT JOIN indicator_targets t ON t.id = coalesce(
         (SELECT t2.id FROM indicator_targets t2 WHERE t2.indicator_id = i.id AND t2.period_label = l.period_label AND t2.deleted_at IS NULL ORDER BY t2.id DESC LIMIT 1),
         (SELECT t3.id FROM indicator_targets t3 WHERE t3.indicator_id = i.id AND t3.deleted_at IS NULL ORDER BY t3.id DESC LIMIT 1))
       ORDER BY i.code, i.title`,
  )
    .all() as LatestRow[];
  const result = rows.map((row) => {
    const better = (a: number, b: number) => (row.polarity === 'lower_is_better' ? a < b : a > b);
    const onTarget =
      row.latestValue == null || row.target == null || row.polarity === 'neutral'
        ? null
        : row.latestValue === row.target || better(row.latestValue, row.target);
    let direction: Out<typeof r.indicatorStatus>['direction'] = 'not_enough_data';
    if (row.latestValue != null && row.previousValue != null && row.polarity !== 'neutral') {
      direction = row.latestValue === row.previousValue ? 'no_change' : better(row.latestValue, row.previousValue) ? 'improving' : 'worsening';
    }
    return { ...row, provisional: row.provisional === 1, onTarget, direction };
  });
  return onlyOffTarget ? result.filter((x) => x.onTarget === false) : result;
}
