import { and, asc, eq, isNull, like, or } from 'drizzle-orm';
import type { z } from 'zod';
import { indicators, indicatorTargets, indicatorValues } from '../../../db/schema';
import type * as s from '../../contract/schemas/indicator';
import type * as r from '../../contract/schemas/reports';
import { today, type ServiceContext } from './context';
import { indicatorPosition, indicatorSentence, type IndicatorPosition, type TargetFacts, type ValueFacts } from '../facts';
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

/**
 * Every live indicator with its position as at the date, decided by the one indicatorPosition
 * function (values, targets, the indicator and the date in; latest local value, comparators with
 * their own periods, direction, target and staleness out). Three queries for any number.
 */
export function indicatorPositions(ctx: ServiceContext, asOf: string, indicatorId?: number): { meta: IndicatorMeta; position: IndicatorPosition }[] {
  const metas = ctx.db
    .select({
      id: indicators.id,
      code: indicators.code,
      title: indicators.title,
      unit: indicators.unit,
      polarity: indicators.polarity,
      periodType: indicators.periodType,
      decimals: indicators.decimals,
      source: indicators.source,
      baselineValue: indicators.baselineValue,
      baselinePeriod: indicators.baselinePeriod,
      seriesBreakNotes: indicators.seriesBreakNotes,
    })
    .from(indicators)
    .where(and(isNull(indicators.deletedAt), indicatorId ? eq(indicators.id, indicatorId) : undefined))
    .orderBy(asc(indicators.code), asc(indicators.title))
    .all();
  const values = new Map<number, ValueFacts[]>();
  for (const v of ctx.db
    .select({
      indicatorId: indicatorValues.indicatorId,
      periodLabel: indicatorValues.periodLabel,
      periodStart: indicatorValues.periodStart,
      geography: indicatorValues.geography,
      value: indicatorValues.value,
      provisional: indicatorValues.provisional,
    })
    .from(indicatorValues)
    .where(and(isNull(indicatorValues.deletedAt), indicatorId ? eq(indicatorValues.indicatorId, indicatorId) : undefined))
    .orderBy(asc(indicatorValues.periodStart), asc(indicatorValues.id))
    .all()) {
    const list = values.get(v.indicatorId);
    const row = { ...v, provisional: Boolean(v.provisional) };
    if (list) list.push(row);
    else values.set(v.indicatorId, [row]);
  }
  const targets = new Map<number, TargetFacts[]>();
  for (const t of ctx.db
    .select({ indicatorId: indicatorTargets.indicatorId, periodLabel: indicatorTargets.periodLabel, targetValue: indicatorTargets.targetValue })
    .from(indicatorTargets)
    .where(and(isNull(indicatorTargets.deletedAt), indicatorId ? eq(indicatorTargets.indicatorId, indicatorId) : undefined))
    .orderBy(asc(indicatorTargets.id))
    .all()) {
    const list = targets.get(t.indicatorId);
    if (list) list.push(t);
    else targets.set(t.indicatorId, [t]);
  }
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
  const result = indicatorPositions(ctx, o.asOf ?? today(ctx), o.indicatorId).map(({ meta, position }) => statusOf(meta, position));
  return o.onlyOffTarget ? result.filter((x) => x.onTarget === false || x.stale) : result;
}
