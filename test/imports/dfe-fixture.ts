/**
 * A generated DfE "tidy data" CSV in the published layout (time_period, time_identifier,
 * geographic_level, country/region/LA codes, a filter column, indicator columns), with suppression
 * symbols, several periods and geographies, and a region that lags a year behind.
 */
export const PERIODS = ['202122', '202223', '202324'] as const;

export const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,sen_provision,percent_in_20_weeks,number_issued';

interface La {
  old: string;
  new: string;
  name: string;
  region: [string, string];
}

const SOUTH_WEST: [string, string] = ['E12000009', 'South West'];
const SOUTH_EAST: [string, string] = ['E12000008', 'South East'];

export const AREA: La = { old: '801', new: 'E06000023', name: 'Bristol, City of', region: SOUTH_WEST };
export const NEIGHBOURS: La[] = [
  { old: '800', new: 'E06000022', name: 'Bath and North East Somerset', region: SOUTH_WEST },
  { old: '878', new: 'E10000008', name: 'Devon', region: SOUTH_WEST },
  { old: '846', new: 'E06000043', name: 'Brighton and Hove', region: SOUTH_EAST },
];
const OTHER: La = { old: '802', new: 'E06000024', name: 'North Somerset', region: SOUTH_WEST };

/** Percent issued within 20 weeks, by geography and period index (deterministic). */
export function percent(key: string, p: number): number {
  const base: Record<string, number> = { england: 50, sw: 44, se: 55, '801': 30, '800': 60, '878': 40, '846': 70, '802': 65 };
  return Math.round(((base[key] ?? 50) + p * 2.5) * 10) / 10;
}

function q(s: string): string {
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(tp: string, level: string, region: [string, string] | null, la: La | null, provision: string, pct: string, num: string): string {
  return [tp, 'Academic year', level, 'E92000001', 'England', region?.[0] ?? '', region?.[1] ?? '', la?.old ?? '', la?.new ?? '', la?.name ?? '', provision, pct, num].map(q).join(',');
}

/** One period's rows for every geography and both provision values. */
export function rowsFor(periodIndex: number, options: { lagRegion?: boolean; bump?: number } = {}): string[] {
  const tp = PERIODS[periodIndex]!;
  const out: string[] = [];
  for (const provision of ['EHC plan', 'Total']) {
    const shift = provision === 'Total' ? 1 : 0;
    const v = (key: string) => String(percent(key, periodIndex) + shift + (key === '801' ? (options.bump ?? 0) : 0));
    out.push(row(tp, 'National', null, null, provision, v('england'), '12000'));
    if (!(options.lagRegion && periodIndex === PERIODS.length - 1)) out.push(row(tp, 'Regional', SOUTH_WEST, null, provision, v('sw'), '1500'));
    out.push(row(tp, 'Regional', SOUTH_EAST, null, provision, v('se'), '1800'));
    out.push(row(tp, 'Local authority', AREA.region, AREA, provision, v('801'), '300'));
    // Suppression: Devon is "c" in the latest period, Brighton "x" in the first.
    out.push(row(tp, 'Local authority', NEIGHBOURS[0]!.region, NEIGHBOURS[0]!, provision, v('800'), '80'));
    out.push(row(tp, 'Local authority', NEIGHBOURS[1]!.region, NEIGHBOURS[1]!, provision, periodIndex === 2 ? 'c' : v('878'), 'c'));
    out.push(row(tp, 'Local authority', NEIGHBOURS[2]!.region, NEIGHBOURS[2]!, provision, periodIndex === 0 ? 'x' : v('846'), 'low'));
    out.push(row(tp, 'Local authority', OTHER.region, OTHER, provision, v('802'), 'z'));
  }
  return out;
}

export function tidyCsv(options: { lagRegion?: boolean; bump?: number } = {}): string {
  return `${[HEADER, ...PERIODS.flatMap((_, i) => rowsFor(i, options))].join('\r\n')}\r\n`;
}
