/**
 * The KPIs sheet's rows: one per indicator, as an officer reads a scorecard (latest local value
 * against target and comparators, direction of travel, recent values), not one row per period
 * and geography. The latest/target/direction/comparator logic is the one indicatorPosition (through
 * statusOf), so the spreadsheet agrees with the Indicators screen and the Word reports.
 */
import { today, type ServiceContext } from '../../services/context';
import { indicatorPositions, statusOf } from '../../services/indicator-service';
import { allForIds } from '../../services/statement-cache';

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

const TARGETS = `SELECT t.indicator_id AS indicatorId, t.period_label AS period, t.target_value AS value
  FROM json_each(?) s JOIN indicator_targets t ON t.indicator_id = s.value AND t.deleted_at IS NULL ORDER BY t.id`;

/**
 * One row per indicator from its position (indicatorPositions: the values it uses, read by
 * index), worded by statusOf as on every other surface; the recent values are the position's own.
 * With indicatorIds, only those (a plan's own, issue #17); without, every indicator.
 */
export function loadKpiRows(ctx: ServiceContext, asOf: string = today(ctx), indicatorIds?: readonly number[]): KpiRow[] {
  const positions = indicatorPositions(ctx, asOf, undefined, { indicatorIds });
  const targets = new Map<number, KpiRow['targets']>();
  for (const t of allForIds<{ indicatorId: number; period: string; value: number }>(
    ctx.workbook.sqlite,
    TARGETS,
    positions.map((p) => p.meta.id),
  )) {
    pushTo(targets, t.indicatorId, { period: t.period, value: t.value });
  }
  return positions.map(({ meta, position }) => {
    const s = statusOf(meta, position);
    return {
      code: s.code,
      title: s.title,
      unit: s.unit,
      polarity: s.polarity,
      source: meta.source,
      baselineValue: meta.baselineValue,
      baselinePeriod: meta.baselinePeriod,
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
      recent: position.recent.slice(-RECENT_PERIODS).map((v) => ({ period: v.period, value: v.value })),
      targets: targets.get(meta.id) ?? [],
      seriesBreakNotes: meta.seriesBreakNotes,
      decimals: meta.decimals,
    };
  });
}
