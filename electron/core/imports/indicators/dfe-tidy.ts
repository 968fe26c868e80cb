/**
 * Reads a DfE "tidy data" CSV (Explore education statistics open data; /work/shared/domain.md)
 * as a stream, so a file of several hundred MB never sits in memory: csv-parse yields one row at a
 * time and only the rows for this area, England, regions and the statistical neighbours are kept.
 * Suppression symbols (c, x, z, low, u, :) are skipped and counted, never read as numbers.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Geography } from '../../../contract/enums';
import { parseLaCodes, sameAuthority } from '../../../contract/la-code';
import { ServiceError } from '../../services/service-error';
import { dfePeriod } from './dfe-periods';

/** DfE's symbols for a value that is not published (issue #16). */
export const SUPPRESSION_SYMBOLS = ['c', 'x', 'z', 'low', 'u', ':'] as const;
const SUPPRESSED = new Set<string>(SUPPRESSION_SYMBOLS);

/** Columns that say when and where a row is, not what it measures or how it is filtered. */
export const STANDARD_COLUMNS = new Set([
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
  'lad_code',
  'lad_name',
  'pcon_code',
  'pcon_name',
  'english_devolved_area_code',
  'english_devolved_area_name',
  'opportunity_area_code',
  'opportunity_area_name',
  'local_enterprise_partnership_code',
  'local_enterprise_partnership_name',
  'school_laestab',
  'school_urn',
  'school_name',
]);

export interface AreaForImport {
  /** The area profile's LA code ("801", "E06000023" or both). */
  laCode: string;
  /** The area profile's region name, used if the file's own rows for the area do not say. */
  region: string;
  /** LA codes (or, in older workbooks, names) of the statistical neighbours. */
  neighbours: string[];
}

export interface ScanRequest {
  indicatorColumn: string;
  filters: { column: string; value: string }[];
  area: AreaForImport;
}

export interface SeriesValue {
  geography: Geography;
  periodLabel: string;
  periodStart: string;
  value: number;
  /** For the statistical-neighbour mean: how many neighbours had a value, of how many listed. */
  contributed?: number;
  listed?: number;
}

export interface ScanResult {
  fileColumns: string[];
  rowsRead: number;
  rowsUsed: number;
  series: SeriesValue[];
  /** Cells skipped because DfE suppressed them, by symbol. */
  suppressed: Record<string, number>;
  suppressedTotal: number;
  regionName: string | null;
  /** Neighbours named in the area profile that no row of the file matched. */
  neighboursNotFound: string[];
  warnings: string[];
}

export interface ScanProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}

export interface ScanOptions {
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
}

function cancelled(): ServiceError {
  return new ServiceError('conflict', 'The import was cancelled. Nothing was changed.');
}

/** Thrown by a row handler to stop reading early (enough rows sampled). */
class StopReading extends Error {}

/**
 * Calls `onRow` for each row of a CSV file, header first, as it streams past; bytes read are
 * passed along for progress. Rows are handled synchronously in csv-parse's 'data' events rather
 * than through an async iterator per row, which was several times slower on a 300 MB file.
 */
function eachCsvRow(file: string, totalBytes: number, options: ScanOptions, onRow: (row: string[], bytesRead: number) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
    let bytesRead = 0;
    let settled = false;
    stream.on('data', (chunk) => (bytesRead += chunk.length));
    const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false, max_record_size: 1024 * 1024 });
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      stream.destroy();
      parser.destroy();
      if (error === undefined || error instanceof StopReading) resolve();
      else if (options.signal?.aborted) reject(cancelled());
      else if (error instanceof ServiceError) reject(error);
      else reject(new ServiceError('invalid_input', `The file could not be read as CSV: ${(error as Error).message.slice(0, 200)}. Check it is the “tidy data” CSV downloaded from Explore education statistics.`));
    };
    const abort = () => finish(cancelled());
    options.signal?.addEventListener('abort', abort, { once: true });
    parser.on('data', (row: string[]) => {
      if (settled) return;
      try {
        onRow(row, Math.min(bytesRead, totalBytes || bytesRead));
      } catch (e) {
        finish(e);
      }
    });
    parser.on('end', () => finish());
    parser.on('error', (e) => finish(e));
    stream.on('error', (e) => finish(e));
    stream.pipe(parser);
  });
}

function requireColumns(header: string[], names: string[]): void {
  const missing = names.filter((n) => !header.includes(n));
  if (missing.length > 0) {
    throw new ServiceError(
      'invalid_input',
      `This file does not have the DfE open data column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. Use the “tidy data” CSV from Explore education statistics (its first columns are time_period, time_identifier, geographic_level…).`,
    );
  }
}

export interface ColumnSample {
  fileColumns: string[];
  /** Columns that look like measures (numbers or suppression symbols). */
  indicatorColumns: string[];
  /** Columns that look like filters, with the values seen (at most 60 each). */
  filterColumns: { column: string; values: string[] }[];
  rowsSampled: number;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Reads the first rows (default 50,000) to offer indicator and filter columns; never the whole file. */
export async function sampleDfeCsv(file: string, totalBytes: number, maxRows = 50_000, options: ScanOptions = {}): Promise<ColumnSample> {
  let header = null as string[] | null;
  const numeric = new Map<string, { numbers: number; words: number }>();
  const values = new Map<string, Set<string>>();
  let rows = 0;
  await eachCsvRow(file, totalBytes, options, (row) => {
    if (!header) {
      header = row.map((h) => h.trim());
      requireColumns(header, ['time_period', 'time_identifier', 'geographic_level']);
      return;
    }
    if (++rows > maxRows) throw new StopReading();
    header.forEach((name, i) => {
      if (STANDARD_COLUMNS.has(name)) return;
      const cell = (row[i] ?? '').trim();
      const n = numeric.get(name) ?? { numbers: 0, words: 0 };
      if (NUMERIC.test(cell.replace(/,/g, '')) || SUPPRESSED.has(cell.toLowerCase())) n.numbers++;
      else if (cell !== '') n.words++;
      numeric.set(name, n);
      const seen = values.get(name) ?? new Set<string>();
      if (seen.size < 60 && cell !== '') seen.add(cell);
      values.set(name, seen);
    });
  });
  if (!header) throw new ServiceError('invalid_input', 'The file is empty.');
  const custom = header.filter((h) => !STANDARD_COLUMNS.has(h));
  const isIndicator = (c: string) => {
    const n = numeric.get(c);
    return !!n && n.numbers > 0 && n.numbers >= n.words * 9;
  };
  return {
    fileColumns: header,
    indicatorColumns: custom.filter(isIndicator),
    filterColumns: custom.filter((c) => !isIndicator(c)).map((c) => ({ column: c, values: [...(values.get(c) ?? [])].sort() })),
    rowsSampled: Math.min(rows, maxRows),
  };
}

interface Cell {
  periodLabel: string;
  periodStart: string;
  value: number | null;
  symbol: string | null;
}

/** Scans the whole file for one indicator column and the chosen filter values. */
export async function scanDfeCsv(file: string, totalBytes: number, request: ScanRequest, options: ScanOptions = {}): Promise<ScanResult> {
  let header = null as string[] | null;
  let col: Record<string, number> = {};
  const areaCodes = parseLaCodes(request.area.laCode);
  if (!areaCodes) {
    throw new ServiceError('invalid_input', 'The area profile has no LA code, so the area’s own figures cannot be found. Add it in Settings (for example 801 or E06000023), then import again.');
  }
  const neighbourCodes = request.area.neighbours.map((n) => ({ entry: n, codes: parseLaCodes(n) }));
  const national = new Map<string, Cell>();
  const local = new Map<string, Cell>();
  const regional = new Map<string, Map<string, Cell>>(); // region code → period → cell
  const regionNames = new Map<string, string>();
  const neighbours = new Map<string, Map<string, Cell>>(); // neighbour entry → period → cell
  let areaRegion = null as string | null;
  const warnings: string[] = [];
  const duplicates = new Set<string>();
  const unreadable: string[] = [];
  let rowsRead = 0;
  let rowsUsed = 0;
  let lastReport = 0;

  const put = (map: Map<string, Cell>, what: string, cell: Cell) => {
    const existing = map.get(cell.periodLabel);
    if (existing) {
      if (existing.value !== cell.value || existing.symbol !== cell.symbol) duplicates.add(`${what}, ${cell.periodLabel}`);
      return;
    }
    map.set(cell.periodLabel, cell);
  };

  await eachCsvRow(file, totalBytes, options, (row, bytesRead) => {
    if (!header) {
      header = row.map((h) => h.trim());
      requireColumns(header, ['time_period', 'time_identifier', 'geographic_level', request.indicatorColumn, ...request.filters.map((f) => f.column)]);
      col = Object.fromEntries(header.map((h, i) => [h, i]));
      return;
    }
    rowsRead++;
    if (options.onProgress && rowsRead - lastReport >= 20_000) {
      lastReport = rowsRead;
      options.onProgress({ bytesRead, totalBytes, rowsRead });
    }
    const get = (name: string) => (col[name] === undefined ? '' : (row[col[name]!] ?? '').trim());
    if (!request.filters.every((f) => get(f.column) === f.value)) return;
    const level = get('geographic_level').toLowerCase();
    if (level !== 'national' && level !== 'regional' && level !== 'local authority') return;
    const period = dfePeriod(get('time_period'), get('time_identifier'));
    if (!period) return;
    const raw = get(request.indicatorColumn);
    const symbol = SUPPRESSED.has(raw.toLowerCase()) ? raw.toLowerCase() : null;
    let value: number | null = null;
    if (!symbol) {
      const n = Number(raw.replace(/,/g, '').replace(/%$/, ''));
      if (raw !== '' && Number.isFinite(n)) value = n;
      else {
        if (unreadable.length < 5) unreadable.push(raw === '' ? '(blank)' : `“${raw.slice(0, 30)}”`);
        return;
      }
    }
    const cell: Cell = { periodLabel: period.label, periodStart: period.start, value, symbol };
    if (level === 'national') {
      const country = get('country_code');
      if (country && country !== 'E92000001') return; // England only, not the UK or Wales
      rowsUsed++;
      put(national, 'England', cell);
    } else if (level === 'regional') {
      const code = get('region_code') || get('region_name');
      regionNames.set(code, get('region_name'));
      const map = regional.get(code) ?? new Map<string, Cell>();
      regional.set(code, map);
      rowsUsed++;
      put(map, get('region_name') || code, cell);
    } else {
      const oldCode = get('old_la_code');
      const newCode = get('new_la_code');
      if (sameAuthority(request.area.laCode, oldCode, newCode)) {
        areaRegion = get('region_code') || get('region_name') || areaRegion;
        rowsUsed++;
        put(local, 'this area', cell);
        return;
      }
      const name = get('la_name').toLowerCase();
      for (const n of neighbourCodes) {
        const match = n.codes ? sameAuthority(n.entry, oldCode, newCode) : name !== '' && n.entry.trim().toLowerCase() === name;
        if (!match) continue;
        const map = neighbours.get(n.entry) ?? new Map<string, Cell>();
        neighbours.set(n.entry, map);
        rowsUsed++;
        put(map, get('la_name') || n.entry, cell);
      }
    }
  });
  if (!header) throw new ServiceError('invalid_input', 'The file is empty.');
  options.onProgress?.({ bytesRead: totalBytes, totalBytes, rowsRead });

  if (duplicates.size > 0) {
    const filterHint = header.filter((h) => !STANDARD_COLUMNS.has(h) && h !== request.indicatorColumn && !request.filters.some((f) => f.column === h));
    throw new ServiceError(
      'invalid_input',
      `More than one row in the file matches ${[...duplicates].slice(0, 3).join('; ')}${duplicates.size > 3 ? ` and ${duplicates.size - 3} more` : ''}, with different values. Choose a value for a filter column${
        filterHint.length ? ` (for example ${filterHint.slice(0, 4).join(', ')})` : ''
      } so there is one row per area and period.`,
    );
  }

  // The area's region: from its own rows; otherwise the region named in the area profile.
  let regionCode = areaRegion && regional.has(areaRegion) ? areaRegion : null;
  if (!regionCode && request.area.region.trim()) {
    const wanted = request.area.region.trim().toLowerCase();
    regionCode = [...regionNames.entries()].find(([, n]) => n.toLowerCase() === wanted)?.[0] ?? null;
  }
  const series: SeriesValue[] = [];
  const suppressed: Record<string, number> = {};
  const add = (geography: Geography, map: Map<string, Cell> | undefined) => {
    for (const c of map?.values() ?? []) {
      if (c.symbol) suppressed[c.symbol] = (suppressed[c.symbol] ?? 0) + 1;
      else if (c.value !== null) series.push({ geography, periodLabel: c.periodLabel, periodStart: c.periodStart, value: c.value });
    }
  };
  add('local', local);
  add('england', national);
  add('region', regionCode ? regional.get(regionCode) : undefined);

  // The statistical-neighbour series: per period, the mean of the neighbours that have a value.
  const periods = new Map<string, { start: string; values: number[] }>();
  for (const map of neighbours.values()) {
    for (const c of map.values()) {
      const p = periods.get(c.periodLabel) ?? { start: c.periodStart, values: [] };
      periods.set(c.periodLabel, p);
      if (c.symbol) suppressed[c.symbol] = (suppressed[c.symbol] ?? 0) + 1;
      else if (c.value !== null) p.values.push(c.value);
    }
  }
  const listed = request.area.neighbours.length;
  for (const [label, p] of periods) {
    if (p.values.length === 0) continue;
    const mean = p.values.reduce((a, b) => a + b, 0) / p.values.length;
    series.push({ geography: 'statistical_neighbours', periodLabel: label, periodStart: p.start, value: Math.round(mean * 1e6) / 1e6, contributed: p.values.length, listed });
  }
  series.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.geography.localeCompare(b.geography));

  if (local.size === 0) warnings.push(`No row in the file is for this area’s LA code (${request.area.laCode}) with the filters chosen.`);
  if (national.size === 0) warnings.push('No England (national) rows in the file match the filters chosen.');
  if (!regionCode) warnings.push(request.area.region.trim() ? `No rows in the file are for the region “${request.area.region}”.` : 'The area’s region is not known (no row for the area, and no region in Settings), so no regional figures were taken.');
  const regionPeriods = regionCode ? regional.get(regionCode)! : null;
  const lagging = regionPeriods ? [...national.keys()].filter((p) => !regionPeriods.has(p)) : [];
  if (lagging.length > 0) warnings.push(`The file has no ${regionNames.get(regionCode!) || 'regional'} figures for ${lagging.join(', ')}, so the region has no value for ${lagging.length === 1 ? 'that period' : 'those periods'}.`);
  const neighboursNotFound = request.area.neighbours.filter((n) => !neighbours.has(n));
  if (neighboursNotFound.length > 0) warnings.push(`No rows for ${neighboursNotFound.length} statistical neighbour(s): ${neighboursNotFound.slice(0, 10).join(', ')}.`);
  const byName = neighbourCodes.filter((n) => !n.codes && neighbours.has(n.entry));
  if (byName.length > 0) warnings.push(`${byName.length} statistical neighbour(s) were matched by name, not LA code (${byName.map((n) => n.entry).join(', ')}). Give their LA codes in Settings to be sure.`);
  if (unreadable.length > 0) warnings.push(`Some cells of ${request.indicatorColumn} were neither numbers nor DfE symbols and were skipped, for example ${unreadable.join(', ')}.`);

  return {
    fileColumns: header,
    rowsRead,
    rowsUsed,
    series,
    suppressed,
    suppressedTotal: Object.values(suppressed).reduce((a, b) => a + b, 0),
    regionName: regionCode ? (regionNames.get(regionCode) || regionCode) : null,
    neighboursNotFound,
    warnings,
  };
}
