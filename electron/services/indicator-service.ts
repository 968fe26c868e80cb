import { and, asc, eq, isNull, like, or } from 'drizzle-orm';
import type { z } from 'zod';
import { indicators, indicatorTargets, indicatorValues } from '../../db/schema';
import type * as s from '../contract/schemas/indicator';
import type * as r from '../contract/schemas/reports';
import type { ServiceContext } from './context';
import { getLive, insertRow, softDelete, updateRow } from './entity-store';
import { listLive, publicRow } from './list-query';

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
  const rows = ctx.workbook.sqlite
    .prepare(
      `WITH ranked AS (
         SELECT indicator_id, period_label, value, provisional,
                ROW_NUMBER() OVER (PARTITION BY indicator_id ORDER BY period_start DESC, id DESC) AS rn
         FROM indicator_values WHERE geography = 'local' AND deleted_at IS NULL
       ),
       latest AS (SELECT * FROM ranked WHERE rn = 1),
       previous AS (SELECT * FROM ranked WHERE rn = 2),
       chosen_target AS (
         SELECT t.indicator_id, t.period_label, t.target_value,
                ROW_NUMBER() OVER (PARTITION BY t.indicator_id ORDER BY (t.period_label = l.period_label) DESC, t.id DESC) AS rn
         FROM indicator_targets t LEFT JOIN latest l ON l.indicator_id = t.indicator_id
         WHERE t.deleted_at IS NULL
       )
       SELECT i.id AS indicatorId, i.code, i.title, i.unit, i.polarity,
              l.period_label AS latestPeriod, l.value AS latestValue, l.provisional,
              p.value AS previousValue,
              (SELECT value FROM indicator_values v WHERE v.indicator_id = i.id AND v.geography = 'england' AND v.period_label = l.period_label AND v.deleted_at IS NULL) AS england,
              (SELECT value FROM indicator_values v WHERE v.indicator_id = i.id AND v.geography = 'region' AND v.period_label = l.period_label AND v.deleted_at IS NULL) AS region,
              (SELECT value FROM indicator_values v WHERE v.indicator_id = i.id AND v.geography = 'statistical_neighbours' AND v.period_label = l.period_label AND v.deleted_at IS NULL) AS statisticalNeighbours,
              ct.target_value AS target, ct.period_label AS targetPeriod
       FROM indicators i
       LEFT JOIN latest l ON l.indicator_id = i.id
       LEFT JOIN previous p ON p.indicator_id = i.id
       LEFT JOIN chosen_target ct ON ct.indicator_id = i.id AND ct.rn = 1
       WHERE i.deleted_at IS NULL
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
