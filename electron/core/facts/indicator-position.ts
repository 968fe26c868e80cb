/**
 * Where an indicator stands as at a date, and the sentence an officer would write about it
 * (issue #13). National and regional figures are published a year or more after local ones, so
 * each comparator keeps its own period and the sentence shows periods whenever they differ.
 */
export const COMPARATORS = ['england', 'region', 'statistical_neighbours'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export type Direction = 'improving' | 'worsening' | 'no_change' | 'not_enough_data';

export interface IndicatorFacts {
  polarity: string;
  periodType: string;
  unit: string;
  decimals: number;
  seriesBreakNotes?: string;
}

export interface ValueFacts {
  periodLabel: string;
  periodStart: string;
  geography: string;
  value: number;
  provisional: boolean;
}

export interface TargetFacts {
  periodLabel: string;
  targetValue: number;
}

export interface PointOut {
  period: string;
  periodStart: string;
  value: number;
  provisional: boolean;
}

export interface ComparatorPosition extends PointOut {
  /** Local minus comparator, when both exist. */
  gap: number | null;
  relation: 'above' | 'below' | 'level' | null;
  /** Whether the local value is better than this comparator, in the indicator's polarity (null: no polarity or no local value). */
  better: boolean | null;
  /** The comparator is for a different period from the latest local value. */
  otherPeriod: boolean;
}

export interface IndicatorPosition {
  indicator: IndicatorFacts;
  asOf: string;
  latest: PointOut | null;
  previous: PointOut | null;
  direction: Direction;
  /** Up to six local values, oldest first. */
  recent: PointOut[];
  comparators: Record<Comparator, ComparatorPosition | null>;
  /** The target for the latest local value's period, if one was set. */
  target: { period: string; value: number } | null;
  /** Null when there is no target for that period, no polarity, or the value is out of date. */
  onTarget: boolean | null;
  stale: boolean;
  /** Months a value of this period type stays current (from the start of its period). */
  staleAfterMonths: number;
}

/** How long after its period starts a value still describes where the area is now. */
export const STALE_AFTER_MONTHS: Record<string, number> = {
  calendar_year: 36,
  academic_year: 36,
  financial_year: 36,
  term: 12,
  quarter: 9,
  month: 4,
};

const RECENT = 6;

/**
 * Which values indicatorPosition reads, so a caller can read only those (issue #17): of the local
 * series, the newest `localValuesUsed(directionOver)` on or before the date; of each comparator,
 * the value with the latest local value's period label, the newest on or before the latest local
 * value's period start, and the newest on or before the date. Given those (or more), in the order
 * of their period start and then the order they were recorded, the position is the same as from
 * every value of the indicator.
 */
export function localValuesUsed(directionOver = 2): number {
  return Math.max(RECENT, directionOver);
}

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function point(v: ValueFacts): PointOut {
  return { period: v.periodLabel, periodStart: v.periodStart, value: v.value, provisional: v.provisional };
}

// ISO dates order as plain strings; localeCompare would run the locale's collation for each pair.
function byStart(a: ValueFacts, b: ValueFacts): number {
  return a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0;
}

function rounded(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(Math.max(decimals, 0), 6)));
}

/**
 * @param directionOver the direction of travel compares the latest local value with the one this
 *   many periods earlier (2 = the previous period).
 */
export function indicatorPosition(values: readonly ValueFacts[], targets: readonly TargetFacts[], indicator: IndicatorFacts, asOf: string, directionOver = 2): IndicatorPosition {
  const known = values.filter((v) => v.periodStart <= asOf);
  const local = known.filter((v) => v.geography === 'local').sort(byStart);
  const latestRow = local.at(-1) ?? null;
  const previousRow = local.length >= directionOver ? local[local.length - directionOver]! : null;
  const polar = indicator.polarity === 'higher_is_better' || indicator.polarity === 'lower_is_better';
  const better = (a: number, b: number) => (indicator.polarity === 'lower_is_better' ? a < b : a > b);
  const d = indicator.decimals;

  let direction: Direction = 'not_enough_data';
  if (latestRow && previousRow && polar) {
    const a = rounded(latestRow.value, d);
    const b = rounded(previousRow.value, d);
    direction = a === b ? 'no_change' : better(a, b) ? 'improving' : 'worsening';
  }

  const comparators = Object.fromEntries(
    COMPARATORS.map((geo) => {
      const mine = known.filter((v) => v.geography === geo).sort(byStart);
      const chosen =
        (latestRow && mine.find((v) => v.periodLabel === latestRow.periodLabel)) ??
        (latestRow ? mine.filter((v) => v.periodStart <= latestRow.periodStart).at(-1) : undefined) ??
        mine.at(-1);
      if (!chosen) return [geo, null];
      let gap: number | null = null;
      let relation: ComparatorPosition['relation'] = null;
      let isBetter: boolean | null = null;
      if (latestRow) {
        gap = latestRow.value - chosen.value;
        const a = rounded(latestRow.value, d);
        const b = rounded(chosen.value, d);
        relation = a === b ? 'level' : a > b ? 'above' : 'below';
        isBetter = polar && relation !== 'level' ? better(a, b) : null;
      }
      return [geo, { ...point(chosen), gap, relation, better: isBetter, otherPeriod: latestRow != null && chosen.periodLabel !== latestRow.periodLabel }];
    }),
  ) as Record<Comparator, ComparatorPosition | null>;

  const staleAfterMonths = STALE_AFTER_MONTHS[indicator.periodType] ?? 36;
  const stale = latestRow != null && addMonths(latestRow.periodStart, staleAfterMonths) < asOf;
  const targetRow = latestRow ? [...targets].reverse().find((t) => t.periodLabel.trim() === latestRow.periodLabel.trim()) : undefined;
  const target = targetRow ? { period: targetRow.periodLabel, value: targetRow.targetValue } : null;
  const onTarget =
    latestRow && target && polar && !stale ? rounded(latestRow.value, d) === rounded(target.value, d) || better(latestRow.value, target.value) : null;

  return {
    indicator,
    asOf,
    latest: latestRow ? point(latestRow) : null,
    previous: previousRow ? point(previousRow) : null,
    direction,
    recent: local.slice(-RECENT).map(point),
    comparators,
    target,
    onTarget,
    stale,
    staleAfterMonths,
  };
}

/** Numbers as the indicator is kept: 49.2%, 1,234 days. */
// toLocaleString with options builds a new formatter on every call (~150 ms of CPU per Overview
// at scale L, issue #17); one cached Intl.NumberFormat per precision gives the same text.
const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  const digits = Math.min(Math.max(decimals, 0), 6);
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(digits, format);
  }
  return format;
}

export function formatIndicatorValue(value: number | null, unit: string, decimals = 1): string {
  if (value == null) return '';
  const number = numberFormat(decimals).format(value);
  if (unit === '%') return `${number}%`;
  return unit && unit !== 'count' && unit !== 'number' ? `${number} ${unit}` : number;
}

const COMPARATOR_WORDS: Record<Comparator, string> = {
  england: 'England',
  region: 'the region',
  statistical_neighbours: 'statistical neighbours',
};

export const DIRECTION_WORDS: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Getting worse',
  no_change: 'No change',
  not_enough_data: 'Not enough data yet',
};

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * "52% in 2024 (provisional), up from 47% in 2023; below England (61%, 2023) and the region
 * (63%, 2023). Improving; worse than England and the region." Periods are shown beside a
 * comparator whenever they differ from the local value's; the second sentence reads the numbers
 * in the indicator's polarity.
 */
export function indicatorSentence(p: IndicatorPosition): string {
  const f = (v: number) => formatIndicatorValue(v, p.indicator.unit, p.indicator.decimals);
  const present = COMPARATORS.map((g) => [g, p.comparators[g]] as const).filter((x): x is readonly [Comparator, ComparatorPosition] => x[1] != null);
  if (!p.latest) {
    if (present.length === 0) return 'No values recorded yet.';
    return `No local value recorded yet; ${listWords(present.map(([g, c]) => `${COMPARATOR_WORDS[g]} ${f(c.value)} (${c.period}${c.provisional ? ', provisional' : ''})`))}.`;
  }
  const latest = p.latest;
  let first = `${f(latest.value)} in ${latest.period}${latest.provisional ? ' (provisional)' : ''}`;
  if (p.previous) {
    const a = rounded(latest.value, p.indicator.decimals);
    const b = rounded(p.previous.value, p.indicator.decimals);
    const move = a === b ? 'the same as' : a > b ? 'up from' : 'down from';
    first += a === b ? `, the same as in ${p.previous.period}` : `, ${move} ${f(p.previous.value)} in ${p.previous.period}`;
  }
  const groups: string[] = [];
  for (const relation of ['below', 'above', 'level'] as const) {
    const mine = present.filter(([, c]) => c.relation === relation);
    if (mine.length === 0) continue;
    const items = mine.map(([g, c]) => `${COMPARATOR_WORDS[g]} (${f(c.value)}${c.otherPeriod ? `, ${c.period}` : ''}${c.provisional ? ', provisional' : ''})`);
    groups.push(`${relation === 'level' ? 'level with' : relation} ${listWords(items)}`);
  }
  if (groups.length) first += `; ${groups.join(' but ')}`;

  const second: string[] = [];
  if (p.direction !== 'not_enough_data') second.push(DIRECTION_WORDS[p.direction]);
  const betterThan = present.filter(([, c]) => c.better === true).map(([g]) => COMPARATOR_WORDS[g]);
  const worseThan = present.filter(([, c]) => c.better === false).map(([g]) => COMPARATOR_WORDS[g]);
  if (worseThan.length) second.push(`worse than ${listWords(worseThan)}`);
  if (betterThan.length) second.push(`better than ${listWords(betterThan)}`);
  if (p.stale) {
    second.push(`out of date: the latest value is for ${latest.period}`);
  } else if (p.target && p.onTarget != null) {
    second.push(`${p.onTarget ? 'on target' : 'off target'} (${f(p.target.value)} for ${p.target.period})`);
  }
  if (second.length === 0) return `${first}.`;
  const text = second.join('; ');
  return `${first}. ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** "On target", "Off target", "Out of date" or "" for the tables' short column. */
export function targetWords(p: IndicatorPosition): string {
  if (p.stale) return 'Out of date';
  if (p.onTarget == null) return '';
  return p.onTarget ? 'On target' : 'Off target';
}
