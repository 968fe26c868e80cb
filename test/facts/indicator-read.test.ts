/**
 * The indicator read model reads only the values indicatorPosition uses (issue #17): the newest
 * local values and, per comparator, the few it can choose. Whatever the series look like, the
 * position must be exactly the one indicatorPosition gives from every value of the indicator.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { indicatorPosition, type TargetFacts, type ValueFacts } from '../../electron/core/facts';
import { indicatorPositions } from '../../electron/core/services/indicator-service';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;

type Geo = 'local' | 'england' | 'region' | 'statistical_neighbours';
const year = (y: number) => ({ periodLabel: String(y), periodStart: `${y}-01-01` });

beforeAll(async () => {
  t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z' });
  const make = (code: string, polarity: 'higher_is_better' | 'lower_is_better' | 'neutral' = 'higher_is_better') =>
    t.api.call('indicator:create', { code, title: `Indicator ${code}`, unit: '%', polarity, periodType: 'calendar_year' });
  const set = (indicatorId: number, geography: Geo, v: { periodLabel: string; periodStart: string }, value: number, provisional = false) =>
    t.api.call('value:set', { indicatorId, geography, ...v, value, provisional });

  // A long local series (more values than the position shows) with comparators a year behind.
  const long = await make('LONG');
  for (let y = 2000; y <= 2026; y++) await set(long.id, 'local', year(y), 40 + ((y * 7) % 13), y === 2026);
  for (let y = 2000; y <= 2025; y++) {
    await set(long.id, 'england', year(y), 45 + (y % 5));
    if (y % 2 === 0) await set(long.id, 'region', year(y), 50 - (y % 3));
  }
  await t.api.call('target:create', { indicatorId: long.id, periodLabel: '2024', targetValue: 45 });
  await t.api.call('target:create', { indicatorId: long.id, periodLabel: '2026', targetValue: 48 });

  // Comparators published after the local series stopped: only newer ones, and one of each.
  const ahead = await make('AHEAD', 'lower_is_better');
  for (const y of [2019, 2020]) await set(ahead.id, 'local', year(y), 10 + y - 2019);
  for (const y of [2021, 2022, 2023]) await set(ahead.id, 'england', year(y), 12);
  await set(ahead.id, 'region', year(2018), 11);
  for (const y of [2017, 2021]) await set(ahead.id, 'statistical_neighbours', year(y), 9);

  // A comparator whose value for the local period is recorded under a different start, and two
  // values of one series that start on the same day (recorded order decides).
  const odd = await make('ODD');
  await set(odd.id, 'local', year(2022), 30);
  await set(odd.id, 'local', { periodLabel: '2023', periodStart: '2023-01-01' }, 31);
  await set(odd.id, 'local', { periodLabel: '2023 (revised)', periodStart: '2023-01-01' }, 32);
  await set(odd.id, 'england', { periodLabel: '2023 (revised)', periodStart: '2021-06-01' }, 33);
  await set(odd.id, 'england', year(2022), 34);
  await set(odd.id, 'region', { periodLabel: '2023', periodStart: '2023-01-01' }, 35);
  await set(odd.id, 'region', { periodLabel: '2023 b', periodStart: '2023-01-01' }, 36);
  await set(odd.id, 'region', year(2024), 37);

  // Deleted values are never read: the newest local value and a comparator are deleted.
  const bin = await make('BIN', 'neutral');
  for (const y of [2020, 2021, 2022]) await set(bin.id, 'local', year(y), y - 2000);
  const gone = await set(bin.id, 'local', year(2023), 99);
  await set(bin.id, 'england', year(2021), 5);
  const goneEngland = await set(bin.id, 'england', year(2022), 6);
  await t.api.call('value:delete', { id: gone.id });
  await t.api.call('value:delete', { id: goneEngland.id });

  await make('EMPTY');
  const comparatorOnly = await make('COMPONLY');
  await set(comparatorOnly.id, 'england', year(2020), 70);
});
afterAll(() => t.cleanup());

/** Every live value and target, read the plain way, and indicatorPosition over all of them. */
function fromEveryValue(indicatorId: number) {
  const sqlite = t.workbook.sqlite;
  const values = (
    sqlite
      .prepare(
        `SELECT period_label AS periodLabel, period_start AS periodStart, geography, value, provisional FROM indicator_values
         WHERE indicator_id = ? AND deleted_at IS NULL ORDER BY period_start, id`,
      )
      .all(indicatorId) as (Omit<ValueFacts, 'provisional'> & { provisional: number })[]
  ).map((v) => ({ ...v, provisional: Boolean(v.provisional) }));
  const targets = sqlite
    .prepare('SELECT period_label AS periodLabel, target_value AS targetValue FROM indicator_targets WHERE indicator_id = ? AND deleted_at IS NULL ORDER BY id')
    .all(indicatorId) as TargetFacts[];
  return { values, targets };
}

test('the position from the values read is the position from every value, at any date', () => {
  const ctx = t.session.context()!;
  let compared = 0;
  for (const asOf of ['1999-01-01', '2017-06-01', '2019-12-31', '2021-03-01', '2022-01-01', '2023-01-01', '2023-06-30', '2024-12-31', '2026-11-22', '2031-01-01']) {
    const read = indicatorPositions(ctx, asOf);
    expect(read.map((r) => r.meta.code)).toEqual(['AHEAD', 'BIN', 'COMPONLY', 'EMPTY', 'LONG', 'ODD']);
    for (const { meta, position } of read) {
      const all = fromEveryValue(meta.id);
      expect(position, `${meta.code} as at ${asOf}`).toEqual(indicatorPosition(all.values, all.targets, meta, asOf));
      compared++;
    }
  }
  expect(compared).toBe(60);
});

test('the read picks the comparator values the rules ask for in the awkward cases', () => {
  const ctx = t.session.context()!;
  const at = (code: string, asOf: string) => indicatorPositions(ctx, asOf).find((r) => r.meta.code === code)!.position;
  // Local stopped in 2020, England only has later years: the newest England value is shown.
  expect(at('AHEAD', '2026-11-22').comparators.england).toMatchObject({ period: '2023', otherPeriod: true });
  expect(at('AHEAD', '2026-11-22').comparators.statistical_neighbours).toMatchObject({ period: '2017' });
  // The same label wins over a nearer start; of two local values starting the same day, the later recorded.
  const odd = at('ODD', '2026-11-22');
  expect(odd.latest).toMatchObject({ period: '2023 (revised)', value: 32 });
  expect(odd.comparators.england).toMatchObject({ period: '2023 (revised)', value: 33, otherPeriod: false });
  expect(odd.comparators.region).toMatchObject({ period: '2023 b', value: 36 });
  // Deleted values are not read.
  expect(at('BIN', '2026-11-22').latest).toMatchObject({ period: '2022', value: 22 });
  expect(at('BIN', '2026-11-22').comparators.england).toMatchObject({ period: '2021' });
  expect(at('LONG', '2026-11-22').recent).toHaveLength(6);
});
