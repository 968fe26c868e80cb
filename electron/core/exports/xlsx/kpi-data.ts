/**
 * The KPIs sheet's rows: one per indicator, as an officer reads a scorecard (latest local value
 * against target and comparators, direction of travel, recent values), not one row per period
 * and geography. The latest/target/direction/comparator logic is the one indicatorPosition (through
 * indicatorStatuses), so the spreadsheet agrees with the Indicators screen and the Word reports.
 */
import { asc, isNull } from 'drizzle-orm';
import { indicators, indicatorTargets } from '../../../../db/schema';
import type { ServiceContext } from '../../services/context';
import { indicatorStatuses } from '../../services/indicator-service';

/** Local values shown in the "recent" column, newest last. */
export const RECENT_PERIODS = 6;

export interface KpiRow {
  code: string;
  title: string;
  unit: string;
  polarity: string;
  source: string;
  baselineValue: number | null;
  baselinePeriod: string;
  latestPeriod: string | null;
  latest: number | null;
  provisional: boolean;
  england: number | null;
  region: number | null;
  statisticalNeighbours: number | null;
  /** Each comparator's own period (national and regional data lag local data). */
  englandPeriod: string | null;
  regionPeriod: string | null;
  statisticalNeighboursPeriod: string | null;
  /** "52% in 2024 (provisional), up from 47% in 2023; below England (61%, 2023) …" */
  sentence: string;
  stale: boolean;
  target: number | null;
  targetPeriod: string | null;
  onTarget: boolean | null;
  direction: 'improving' | 'worsening' | 'no_change' | 'not_enough_data';
  /** Up to RECENT_PERIODS local values, oldest first. */
  recent: { period: string; value: number }[];
  /** Every target, in the order they were set. */
  targets: { period: string; value: number }[];
  seriesBreakNotes: string;
  /** Decimal places the indicator is shown with. */
  decimals: number;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function loadKpiRows(ctx: ServiceContext, asOf?: string): KpiRow[] {
  const meta = new Map(
    ctx.db
      .select({
        id: indicators.id,
        source: indicators.source,
        baselineValue: indicators.baselineValue,
        baselinePeriod: indicators.baselinePeriod,
        seriesBreakNotes: indicators.seriesBreakNotes,
        decimals: indicators.decimals,
      })
      .from(indicators)
      .where(isNull(indicators.deletedAt))
      .all()
      .map((m) => [m.id, m]),
  );
  const targets = new Map<number, KpiRow['targets']>();
  for (const t of ctx.db
    .select({ indicatorId: indicatorTargets.indicatorId, period: indicatorTargets.periodLabel, value: indicatorTargets.targetValue })
    .from(indicatorTargets)
    .where(isNull(indicatorTargets.deletedAt))
    .orderBy(asc(indicatorTargets.id))
    .all()) {
    pushTo(targets, t.indicatorId, { period: t.period, value: t.value });
  }
  // The last few local values of every indicator in one pass over the series index.
  const recent = new Map<number, KpiRow['recent']>();
  const rows = ctx.workbook.sqlite
    .prepare(
      `SELECT indicator_id AS indicatorId, period_label AS period, value FROM (
         SELECT indicator_id, period_label, period_start, id, value,
                row_number() OVER (PARTITION BY indicator_id ORDER BY period_start DESC, id DESC) AS n
         FROM indicator_values WHERE geography = 'local' AND deleted_at IS NULL)
       WHERE n <= ? ORDER BY indicator_id, period_start, id`,
    )
    .all(RECENT_PERIODS) as { indicatorId: number; period: string; value: number }[];
  for (const r of rows) pushTo(recent, r.indicatorId, { period: r.period, value: r.value });

  return indicatorStatuses(ctx, { asOf }).map((s) => {
    const m = meta.get(s.indicatorId);
    return {
      code: s.code,
      title: s.title,
      unit: s.unit,
      polarity: s.polarity,
      source: m?.source ?? '',
      baselineValue: m?.baselineValue ?? null,
      baselinePeriod: m?.baselinePeriod ?? '',
      latestPeriod: s.latestPeriod,
      latest: s.latestValue,
      provisional: s.provisional,
      england: s.england,
      region: s.region,
      statisticalNeighbours: s.statisticalNeighbours,
      englandPeriod: s.englandPeriod,
      regionPeriod: s.regionPeriod,
      statisticalNeighboursPeriod: s.statisticalNeighboursPeriod,
      sentence: s.sentence,
      stale: s.stale,
      target: s.target,
      targetPeriod: s.targetPeriod,
      onTarget: s.onTarget,
      direction: s.direction,
      recent: recent.get(s.indicatorId) ?? [],
      targets: targets.get(s.indicatorId) ?? [],
      seriesBreakNotes: m?.seriesBreakNotes ?? '',
      decimals: m?.decimals ?? 1,
    };
  });
}
