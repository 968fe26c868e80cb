/**
 * Comparators published later than local data (issue #13): each keeps its own period in Word and
 * Excel, and the sentence reads right for higher-is-better and lower-is-better indicators.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { indicatorPosition, indicatorSentence, type ValueFacts } from '../../electron/core/facts';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { planWorkbook, progressText, sefText, sheetRows } from './helpers';

const values: ValueFacts[] = [
  { periodLabel: '2022', periodStart: '2022-01-01', geography: 'local', value: 44, provisional: false },
  { periodLabel: '2023', periodStart: '2023-01-01', geography: 'local', value: 47, provisional: false },
  { periodLabel: '2024', periodStart: '2024-01-01', geography: 'local', value: 52, provisional: true },
  { periodLabel: '2022', periodStart: '2022-01-01', geography: 'england', value: 58, provisional: false },
  { periodLabel: '2023', periodStart: '2023-01-01', geography: 'england', value: 61, provisional: false },
  // The region is missing 2022.
  { periodLabel: '2021', periodStart: '2021-01-01', geography: 'region', value: 60, provisional: false },
  { periodLabel: '2023', periodStart: '2023-01-01', geography: 'region', value: 63, provisional: false },
];
const higher = { polarity: 'higher_is_better', periodType: 'calendar_year', unit: '%', decimals: 1 };
const lower = { ...higher, polarity: 'lower_is_better' };

test('the sentence shows each comparator with its own period, in the indicator’s polarity', () => {
  const up = indicatorPosition(values, [{ periodLabel: '2024', targetValue: 55 }], higher, '2026-11-22');
  expect(indicatorSentence(up)).toBe(
    '52% in 2024 (provisional), up from 47% in 2023; below England (61%, 2023) and the region (63%, 2023). Improving; worse than England and the region; off target (55% for 2024).',
  );
  expect([up.comparators.england?.period, up.comparators.region?.period, up.comparators.statistical_neighbours]).toEqual(['2023', '2023', null]);
  const down = indicatorPosition(values, [{ periodLabel: '2024', targetValue: 55 }], lower, '2026-11-22');
  expect(indicatorSentence(down)).toBe(
    '52% in 2024 (provisional), up from 47% in 2023; below England (61%, 2023) and the region (63%, 2023). Getting worse; better than England and the region; on target (55% for 2024).',
  );
  // Same period: no period repeated.
  const same = indicatorPosition(values, [], higher, '2023-12-31');
  expect(indicatorSentence(same)).toBe('47% in 2023, up from 44% in 2022; below England (61%) and the region (63%). Improving; worse than England and the region.');
});

test('a value older than its period type allows is out of date and never "on target"', () => {
  const old = indicatorPosition(values, [{ periodLabel: '2024', targetValue: 50 }], higher, '2028-06-01');
  expect([old.stale, old.onTarget]).toEqual([true, null]);
  expect(indicatorSentence(old)).toContain('out of date: the latest value is for 2024');
  const current = indicatorPosition(values, [{ periodLabel: '2024', targetValue: 50 }], higher, '2026-06-01');
  expect([current.stale, current.onTarget]).toEqual([false, true]);
});

let t: TestWorkbook;
let planId: number;
let sefId: number;
beforeAll(async () => {
  t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z' });
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA', status: 'approved' });
  planId = plan.id;
  sefId = (await t.api.call('sef:create', { title: 'SEF', frameworkId: 'area-send-2025', scaleId: 'predicted-outcome', asOf: '2026-11-22' })).id;
  for (const [code, polarity] of [
    ['HIB', 'higher_is_better'],
    ['LIB', 'lower_is_better'],
  ] as const) {
    const ind = await t.api.call('indicator:create', {
      code,
      title: `EHC plans ${code}`,
      unit: '%',
      polarity,
      periodType: 'calendar_year',
      seriesBreakNotes: 'From 2023 the return counts people, not plans.',
    });
    for (const v of values) await t.api.call('value:set', { indicatorId: ind.id, ...v, geography: v.geography as 'local' });
  }
});
afterAll(() => t.cleanup());

test('Word SEF and progress report print lagging comparators with their periods, and the sentence', async () => {
  for (const text of [await sefText(t.api, sefId), await progressText(t.api, planId)]) {
    expect(text).toMatch(/HIB EHC plans HIB\s*\n\s*52% \(provisional\)\s*\n\s*2024\s*\n\s*\n\s*61% \(2023\)\s*\n\s*63% \(2023\)/);
    expect(text).toContain('52% in 2024 (provisional), up from 47% in 2023; below England (61%, 2023) and the region (63%, 2023). Improving; worse than England and the region.');
    expect(text).toContain('52% in 2024 (provisional), up from 47% in 2023; below England (61%, 2023) and the region (63%, 2023). Getting worse; better than England and the region.');
  }
});

test('the Excel KPIs sheet gives each comparator its own period, the sentence and the series break', async () => {
  const rows = sheetRows((await planWorkbook(t.api, planId)).getWorksheet('KPIs')!, 4);
  const hib = rows.find((r) => r.Code === 'HIB')!;
  expect([hib.Local, hib.Provisional, hib['Latest period'], hib.England, hib['England period'], hib.Region, hib['Region period']]).toEqual(['52', 'Yes', '2024', '61', '2023', '63', '2023']);
  expect(hib['Where we stand']).toContain('below England (61%, 2023) and the region (63%, 2023). Improving');
  expect(rows.find((r) => r.Code === 'LIB')!['Where we stand']).toContain('Getting worse; better than England and the region');
  expect(hib['Series break notes']).toBe('From 2023 the return counts people, not plans.');
});

test('the indicator status channel carries the sentence and periods for one indicator', async () => {
  const all = await t.api.call('indicator:status', {});
  const one = await t.api.call('indicator:status', { indicatorId: all[0]!.indicatorId });
  expect(one).toHaveLength(1);
  expect(one[0]).toMatchObject({ englandPeriod: '2023', regionPeriod: '2023', latestPeriod: '2024', stale: false });
  expect(one[0]!.sentence).toContain('(61%, 2023)');
});
