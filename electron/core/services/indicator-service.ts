import { and, asc, eq, isNull, like, or } from 'drizzle-orm';
import type { z } from 'zod';
import { indicators, indicatorTargets, indicatorValues } from '../../../db/schema';
import type * as s from '../../contract/schemas/indicator';
import type * as r from '../../contract/schemas/reports';
import { today, type ServiceContext } from './context';
import { COMPARATORS, indicatorPosition, indicatorSentence, localValuesUsed, type IndicatorPosition, type TargetFacts, type ValueFacts } from '../facts';
import { getLive, insertRow, softDelete, updateRow } from './entity-store';
import { listLive, publicRow } from './list-query';
import { cachedStatement } from './statement-cache';

type Out<T extends z.ZodType> = z.output<T>;

export const indicatorService = {
  create: (ctx: ServiceContext, input: Out<typeof s.indicatorCreate>) => publicRow(insertRow(ctx, 'indicator', input)),
  get: (ctx: ServiceContext, id: number) => publicRow(getLive(ctx, 'indicator', id)),
  list(ctx: ServiceContext, input: Out<typeof s.indicatorList>) {
    const term = input.search ? `%${input.search.replace(/[%_]/g, '')}%` : undefined;
    const { rows, total } = listLive(
      ctx,
      'indicator',
      [term ? or(like(indicators.title, term), like(indicators.code, term)) : undefined],
      [asc(indicators.code), asc(indicators.title)],
      input,
    );
    return { items: rows.map(publicRow), total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.indicatorUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    return publicRow(updateRow(ctx, 'indicator', id, patch, expectedVersion).row);
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'indicator', id),
};

export const targetService = {
  create: (ctx: ServiceContext, input: Out<typeof s.targetCreate>) => publicRow(insertRow(ctx, 'target', input)),
  list(ctx: ServiceContext, indicatorId: number) {
    getLive(ctx, 'indicator', indicatorId);
    return ctx.db
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.indicatorId, indicatorId), isNull(indicatorTargets.deletedAt)))
      .orderBy(asc(indicatorTargets.id))
      .all()
      .map(publicRow);
  },
  update(ctx: ServiceContext, input: Out<typeof s.targetUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    return publicRow(updateRow(ctx, 'target', id, patch, expectedVersion).row);
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
    return publicRow(row);
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
    return { items: rows.map(publicRow), total };
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'indicatorValue', id),
};

export interface IndicatorMeta {
  id: number;
  code: string;
  title: string;
  unit: string;
  polarity: string;
  periodType: string;
  decimals: number;
  source: string;
  baselineValue: number | null;
  baselinePeriod: string;
  seriesBreakNotes: string;
}

/** A value as indicatorPosition takes it, with the id that orders values of the same period start. */
const VALUE_COLUMNS = 'v.id, v.indicator_id AS indicatorId, v.period_label AS periodLabel, v.period_start AS periodStart, v.geography, v.value, v.provisional';

/** The newest local values on or before the date, for each indicator: one index search each. */
const LOCAL_VALUES = `SELECT ${VALUE_COLUMNS} FROM json_each(@ids) s JOIN indicator_values v ON v.id IN (
  SELECT w.id FROM indicator_values w
  WHERE w.indicator_id = s.value AND w.geography = 'local' AND w.period_start <= @asOf AND w.deleted_at IS NULL
  ORDER BY w.period_start DESC, w.id DESC LIMIT @k)`;

/**
 * The comparator values indicatorPosition can choose, for each indicator and comparator: the
 * newest on or before the date, the newest on or before the latest local value's period start,
 * and the one with the latest local value's period label. Index searches only.
 */
const NEWEST_COMPARATOR = (bound: string) =>
  `SELECT x.id FROM indicator_values x WHERE x.indicator_id = s.iid AND x.geography = s.geo AND x.period_start <= ${bound} AND x.deleted_at IS NULL ORDER BY x.period_start DESC, x.id DESC LIMIT 1`;
const COMPARATOR_VALUES = `WITH g(geo) AS (VALUES ${COMPARATORS.map((c) => `('${c}')`).join(', ')}),
  s AS (
    SELECT i.value AS iid, g.geo, l.period_start AS ls, l.period_label AS ll FROM json_each(@ids) i CROSS JOIN g
    LEFT JOIN indicator_values l ON l.id = (
      SELECT y.id FROM indicator_values y WHERE y.indicator_id = i.value AND y.geography = 'local' AND y.period_start <= @asOf AND y.deleted_at IS NULL
      ORDER BY y.period_start DESC, y.id DESC LIMIT 1))
  SELECT ${VALUE_COLUMNS} FROM indicator_values v WHERE v.id IN (
    SELECT (${NEWEST_COMPARATOR('@asOf')}) FROM s
    UNION SELECT (${NEWEST_COMPARATOR('s.ls')}) FROM s WHERE s.ls IS NOT NULL
    UNION SELECT (SELECT x.id FROM indicator_values x WHERE x.indicator_id = s.iid AND x.geography = s.geo AND x.period_label = s.ll AND x.period_start <= @asOf AND x.deleted_at IS NULL)
      FROM s WHERE s.ll IS NOT NULL)`;

const INDICATOR_METAS = `SELECT id, code, title, unit, polarity, period_type AS periodType, decimals, source, baseline_value AS baselineValue,
  baseline_period AS baselinePeriod, series_break_notes AS seriesBreakNotes
  FROM indicators WHERE deleted_at IS NULL AND (@id IS NULL OR id = @id) ORDER BY code, title`;

/** The same, for a list of indicators (a plan's own, issue #17), in the same order. */
const INDICATOR_METAS_OF = INDICATOR_METAS.replace('(@id IS NULL OR id = @id)', 'id IN (SELECT value FROM json_each(@ids))');

const INDICATOR_TARGETS = `SELECT t.indicator_id AS indicatorId, t.period_label AS periodLabel, t.target_value AS targetValue
  FROM json_each(@ids) s JOIN indicator_targets t ON t.indicator_id = s.value AND t.deleted_at IS NULL ORDER BY t.id`;

interface ValueRow extends Omit<ValueFacts, 'provisional'> {
  id: number;
  indicatorId: number;
  provisional: number;
}

function groupBy<T extends { indicatorId: number }, U>(rows: readonly T[], map: (row: T) => U): Map<number, U[]> {
  const groups = new Map<number, U[]>();
  for (const row of rows) {
    const list = groups.get(row.indicatorId);
    if (list) list.push(map(row));
    else groups.set(row.indicatorId, [map(row)]);
  }
  return groups;
}

/**
 * Every live indicator with its position as at the date, decided by the one indicatorPosition
 * function (values, targets, the indicator and the date in; latest local value, comparators with
 * their own periods, direction, target and staleness out). Four queries for any number of
 * indicators, each reading only the values the position uses (localValuesUsed), by index: the
 * cost grows with the number of indicators, not with how many values each has (issue #17).
 * With options.indicatorIds, only those live indicators (a plan's own), in the same order.
 */
export function indicatorPositions(
  ctx: ServiceContext,
  asOf: string,
  indicatorId?: number,
  options: { indicatorIds?: readonly number[] } = {},
): { meta: IndicatorMeta; position: IndicatorPosition }[] {
  const sqlite = ctx.workbook.sqlite;
  const metas = (
    options.indicatorIds && indicatorId === undefined
      ? cachedStatement(sqlite, INDICATOR_METAS_OF).all({ ids: JSON.stringify(options.indicatorIds) })
      : cachedStatement(sqlite, INDICATOR_METAS).all({ id: indicatorId ?? null })
  ) as IndicatorMeta[];
  if (metas.length === 0) return [];
  const ids = JSON.stringify(metas.map((m) => m.id));
  const rows = [
    ...(cachedStatement(sqlite, LOCAL_VALUES).all({ ids, asOf, k: localValuesUsed() }) as ValueRow[]),
    ...(cachedStatement(sqlite, COMPARATOR_VALUES).all({ ids, asOf }) as ValueRow[]),
  ];
  // The order indicatorPosition expects: period start, then the order the values were recorded.
  rows.sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : a.id - b.id));
  const values = groupBy(rows, (v): ValueFacts => ({
    periodLabel: v.periodLabel,
    periodStart: v.periodStart,
    geography: v.geography,
    value: v.value,
    provisional: Boolean(v.provisional),
  }));
  const targets = groupBy(cachedStatement(sqlite, INDICATOR_TARGETS).all({ ids }) as (TargetFacts & { indicatorId: number })[], (t): TargetFacts => t);
  return metas.map((meta) => ({ meta, position: indicatorPosition(values.get(meta.id) ?? [], targets.get(meta.id) ?? [], meta, asOf) }));
}

/** The status row every surface shows for an indicator, with its sentence. */
export function statusOf(meta: IndicatorMeta, p: IndicatorPosition): Out<typeof r.indicatorStatus> {
  return {
    indicatorId: meta.id,
    code: meta.code,
    title: meta.title,
    unit: meta.unit,
    polarity: meta.polarity,
    decimals: meta.decimals,
    latestPeriod: p.latest?.period ?? null,
    latestValue: p.latest?.value ?? null,
    provisional: p.latest?.provisional ?? false,
    target: p.target?.value ?? null,
    targetPeriod: p.target?.period ?? null,
    onTarget: p.onTarget,
    england: p.comparators.england?.value ?? null,
    englandPeriod: p.comparators.england?.period ?? null,
    region: p.comparators.region?.value ?? null,
    regionPeriod: p.comparators.region?.period ?? null,
    statisticalNeighbours: p.comparators.statistical_neighbours?.value ?? null,
    statisticalNeighboursPeriod: p.comparators.statistical_neighbours?.period ?? null,
    previousValue: p.previous?.value ?? null,
    previousPeriod: p.previous?.period ?? null,
    direction: p.direction,
    stale: p.stale,
    sentence: indicatorSentence(p),
    asOf: p.asOf,
  };
}

/** Latest local value of every indicator against its target and comparators, as at a date. */
export function indicatorStatuses(ctx: ServiceContext, options: boolean | { onlyOffTarget?: boolean; indicatorId?: number; asOf?: string } = false): Out<typeof r.indicatorStatus>[] {
  const o = typeof options === 'boolean' ? { onlyOffTarget: options } : options;
  // Off target or out of date is decided on the position, so only those rows are worded.
  const positions = indicatorPositions(ctx, o.asOf ?? today(ctx), o.indicatorId);
  return (o.onlyOffTarget ? positions.filter(({ position }) => position.onTarget === false || position.stale) : positions).map(({ meta, position }) => statusOf(meta, position));
}
