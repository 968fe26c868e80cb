/**
 * Issue #16, national statistics: a generated DfE tidy-data CSV (suppression symbols, several
 * periods and geographies, a lagging region) previewed and imported from the CLI and through the
 * channels the Indicators screen uses; re-importing changes nothing; cancel stops a long read.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dfePeriod } from '../../electron/core/imports/indicators/dfe-periods';
import { scanDfeCsv } from '../../electron/core/imports/indicators/dfe-tidy';
import { runCli } from '../../electron/transports/cli/run-cli';
import { makeTestWorkbook, tempDir, type TestWorkbook } from '../helpers/temp-workbook';
import { AREA, HEADER, NEIGHBOURS, percent, rowsFor, tidyCsv } from './dfe-fixture';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const bristolArea = { laCode: '801', region: 'South West', neighbours: NEIGHBOURS.map((n) => n.new) };

function writeCsv(dir: string, text: string, name = 'ehcp.csv'): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function setUpBristol(t: TestWorkbook) {
  await t.api.call('setup:save', { areaName: 'Bristol', laCode: `${AREA.old} ${AREA.new}`, region: 'South West', statisticalNeighbours: NEIGHBOURS.map((n) => (n.old === '878' ? '878' : n.new)) });
}

describe('DfE periods', () => {
  it('are labelled the way DfE writes them', () => {
    expect(dfePeriod('202324', 'Academic year')).toEqual({ label: '2023/24', start: '2023-09-01' });
    expect(dfePeriod('202324', 'Financial year')).toEqual({ label: '2023-24', start: '2023-04-01' });
    expect(dfePeriod('2023', 'Calendar year')).toEqual({ label: '2023', start: '2023-01-01' });
    expect(dfePeriod('202324', 'Spring term')).toEqual({ label: '2023/24 Spring term', start: '2024-01-01' });
    expect(dfePeriod('202399', 'Academic year')).toBeNull();
    expect(dfePeriod('23', 'Academic year')).toBeNull();
  });
});

describe('reading the file', () => {
  it('takes this area, England, its region and the neighbours’ mean per period, skipping and counting suppressed cells', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, tidyCsv({ lagRegion: true }));
    const scan = await scanDfeCsv(file, 0, { indicatorColumn: 'percent_in_20_weeks', filters: [{ column: 'sen_provision', value: 'EHC plan' }], area: bristolArea });
    const v = (geo: string, period: string) => scan.series.find((s) => s.geography === geo && s.periodLabel === period);
    expect(v('local', '2023/24')?.value).toBe(percent('801', 2));
    expect(v('england', '2021/22')?.value).toBe(percent('england', 0));
    expect(v('region', '2022/23')?.value).toBe(percent('sw', 1));
    // The region lags: no 2023/24 row, so no regional value for it (and nothing invented).
    expect(v('region', '2023/24')).toBeUndefined();
    expect(scan.regionName).toBe('South West');
    // 2021/22: Brighton is "x", so the mean is of 2 of 3; 2023/24: Devon is "c".
    expect(v('statistical_neighbours', '2021/22')).toMatchObject({ contributed: 2, listed: 3 });
    expect(v('statistical_neighbours', '2021/22')?.value).toBeCloseTo((percent('800', 0) + percent('878', 0)) / 2, 5);
    expect(v('statistical_neighbours', '2022/23')).toMatchObject({ contributed: 3 });
    expect(v('statistical_neighbours', '2022/23')?.value).toBeCloseTo((percent('800', 1) + percent('878', 1) + percent('846', 1)) / 3, 5);
    expect(v('statistical_neighbours', '2023/24')).toMatchObject({ contributed: 2 });
    expect(scan.suppressed).toEqual({ x: 1, c: 1 });
    expect(scan.series.filter((s) => s.geography === 'local')).toHaveLength(3);
  });

  it('asks for a filter when more than one row matches a place and period', async () => {
    const file = writeCsv(tempDir(), tidyCsv());
    await expect(scanDfeCsv(file, 0, { indicatorColumn: 'percent_in_20_weeks', filters: [], area: bristolArea })).rejects.toThrow(/More than one row .* Choose a value for a filter column \(for example sen_provision/);
  });

  it('refuses a file that is not in the DfE layout, and an area with no LA code, in words', async () => {
    const dir = tempDir();
    await expect(scanDfeCsv(writeCsv(dir, 'a,b\n1,2\n', 'x.csv'), 0, { indicatorColumn: 'b', filters: [], area: bristolArea })).rejects.toThrow(/does not have the DfE open data columns time_period/);
    await expect(scanDfeCsv(writeCsv(dir, tidyCsv()), 0, { indicatorColumn: 'nope', filters: [], area: bristolArea })).rejects.toThrow(/column nope/);
    await expect(scanDfeCsv(writeCsv(dir, tidyCsv()), 0, { indicatorColumn: 'percent_in_20_weeks', filters: [], area: { ...bristolArea, laCode: '' } })).rejects.toThrow(/no LA code/);
    await expect(scanDfeCsv(writeCsv(dir, `${HEADER}\n"unterminated,1\n`, 'bad.csv'), 0, { indicatorColumn: 'percent_in_20_weeks', filters: [], area: bristolArea })).rejects.toThrow(/could not be read as CSV/);
  });
});

describe('workbook import-indicators', () => {
  it('previews without writing, applies into a new indicator, and a re-import is a no-op', async () => {
    const t = makeTestWorkbook();
    await setUpBristol(t);
    t.session.close();
    const dir = tempDir();
    const file = writeCsv(dir, tidyCsv({ lagRegion: true }));
    const args = ['import-indicators', '--workbook', t.file, '--in', file, '--indicator-column', 'percent_in_20_weeks', '--filter', 'sen_provision=EHC plan'];

    const preview = await cli(...args);
    expect(preview.code, preview.err).toBe(0);
    expect(preview.out).toMatch(/2023\/24\s+Local area\s+35\s+new/);
    expect(preview.out).toMatch(/11 new, 0 changed, 0 already the same; 2 suppressed cell\(s\) skipped \(1 “c”, 1 “x”\)/);
    expect(preview.out).toMatch(/no South West figures for 2023\/24/);
    expect(preview.out).toMatch(/Mean of 2 of 3 statistical neighbours/);
    expect(preview.out).toMatch(/Nothing was changed/);

    const applied = await cli(...args, '--apply');
    expect(applied.code, applied.err).toBe(0);
    expect(applied.out).toMatch(/a new indicator \(number (\d+)\): 11 value\(s\) added, 0 changed/);
    const id = /number (\d+)/.exec(applied.out)![1]!;

    const again = await cli(...args, '--into', id, '--apply');
    expect(again.out).toMatch(/0 new, 0 changed, 11 already the same/);
    expect(again.out).toMatch(/Nothing to import/);

    // A revised file changes only the revised value.
    const revised = writeCsv(dir, tidyCsv({ lagRegion: true, bump: 0.4 }), 'revised.csv');
    const update = await cli('import-indicators', '--workbook', t.file, '--in', revised, '--indicator-column', 'percent_in_20_weeks', '--filter', 'sen_provision=EHC plan', '--into', id, '--apply');
    expect(update.out).toMatch(/0 value\(s\) added, 3 changed, 8 already the same/);
  });

  it('refuses a bad --filter, a missing file and an unknown --into in words', async () => {
    const t = makeTestWorkbook();
    await setUpBristol(t);
    t.session.close();
    const file = writeCsv(tempDir(), tidyCsv());
    expect((await cli('import-indicators', '--workbook', t.file, '--in', file, '--indicator-column', 'percent_in_20_weeks', '--filter', 'nonsense')).err).toMatch(/--filter needs the form column=value/);
    expect((await cli('import-indicators', '--workbook', t.file, '--in', '/nope.csv', '--indicator-column', 'x')).err).toMatch(/There is no file/);
    expect((await cli('import-indicators', '--workbook', t.file, '--in', file, '--indicator-column', 'percent_in_20_weeks', '--filter', 'sen_provision=Total', '--into', 'KPI-99')).err).toMatch(/There is no indicator “KPI-99”/);
  });
});

async function upload(t: TestWorkbook, text: string): Promise<string> {
  const bytes = Buffer.from(text);
  const { uploadId, chunkBytes } = await t.api.call('file:uploadBegin', { fileName: 'ehcp.csv', size: bytes.length });
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += chunkBytes) {
    await t.api.call('file:uploadChunk', { uploadId, seq, base64: bytes.subarray(at, at + chunkBytes).toString('base64') });
  }
  return uploadId;
}

describe('the channels the Indicators screen uses', () => {
  it('sample → preview → apply into an existing indicator; only changes are written; undo by the Bin', async () => {
    const t = makeTestWorkbook();
    await setUpBristol(t);
    const indicator = await t.api.call('indicator:create', { code: 'KPI-1', title: 'EHC plans issued within 20 weeks', unit: '%' });
    // A value already there and right, and one already there but different.
    await t.api.call('value:set', { indicatorId: indicator.id, periodLabel: '2021/22', periodStart: '2021-09-01', geography: 'england', value: percent('england', 0) });
    await t.api.call('value:set', { indicatorId: indicator.id, periodLabel: '2022/23', periodStart: '2022-09-01', geography: 'local', value: 1 });
    const uploadId = await upload(t, tidyCsv());

    const sample = await t.api.call('statistics:sample', { uploadId });
    expect(sample.indicatorColumns).toEqual(['percent_in_20_weeks', 'number_issued']);
    expect(sample.filterColumns).toEqual([{ column: 'sen_provision', values: ['EHC plan', 'Total'] }]);

    const preview = await t.api.call('statistics:preview', { uploadId, jobId: 'job-00000001', indicatorColumn: 'percent_in_20_weeks', filters: [{ column: 'sen_provision', value: 'EHC plan' }], indicatorId: indicator.id });
    expect(preview.counts).toEqual({ new: 10, changed: 1, unchanged: 1, suppressed: 2 });
    expect(preview.values.find((v) => v.geography === 'local' && v.periodLabel === '2022/23')).toMatchObject({ change: 'changed', from: 1, value: percent('801', 1) });
    expect((await t.api.call('statistics:progress', { jobId: 'job-00000001' })).running).toBe(false);

    const toWrite = preview.values.filter((v) => v.change !== 'same').map(({ geography, periodLabel, periodStart, value, note }) => ({ geography: geography as 'local', periodLabel, periodStart, value, note }));
    const applied = await t.api.call('statistics:apply', { indicatorId: indicator.id, sourceNote: 'DfE open data: ehcp.csv', values: toWrite });
    expect(applied).toMatchObject({ created: 10, updated: 1, unchanged: 0, indicatorCreated: false });
    const sn = (await t.api.call('value:list', { indicatorId: indicator.id, geography: 'statistical_neighbours' })).items;
    expect(sn.map((v) => v.sourceNote)).toContain('DfE open data: ehcp.csv. Mean of 2 of 3 statistical neighbours');

    // Applying the same values again writes nothing.
    const auditBefore = (t.workbook.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(await t.api.call('statistics:apply', { indicatorId: indicator.id, values: toWrite })).toMatchObject({ created: 0, updated: 0, unchanged: 11 });
    expect((t.workbook.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);

    // Into a new indicator: deleting it takes the import to the Bin, and restoring brings it back.
    const fresh = await t.api.call('statistics:apply', { newIndicator: { title: 'Imported', unit: '%' }, values: toWrite });
    expect(fresh.indicatorCreated).toBe(true);
    await t.api.call('indicator:delete', { id: fresh.indicatorId });
    const bin = await t.api.call('bin:list', {});
    const entry = bin.items.find((b) => b.label.includes('Imported'));
    expect(entry?.rowCount).toBeGreaterThan(1);
    await t.api.call('bin:restore', { binEntryId: entry!.id });
    expect((await t.api.call('value:list', { indicatorId: fresh.indicatorId })).total).toBe(11);
    t.cleanup();
  });

  it('refuses hostile apply input, changing nothing', async () => {
    const t = makeTestWorkbook();
    const indicator = await t.api.call('indicator:create', { title: 'X' });
    const good = { geography: 'local', periodLabel: '2023/24', periodStart: '2023-09-01', value: 1 };
    const cases: [unknown, RegExp][] = [
      [{ indicatorId: indicator.id, values: [] }, /no values/],
      [{ indicatorId: indicator.id, newIndicator: { title: 'Y' }, values: [good] }, /not both/],
      [{ values: [good] }, /Choose the indicator/],
      [{ indicatorId: indicator.id, values: [good, good] }, /listed twice/],
      [{ indicatorId: indicator.id, values: [{ ...good, geography: 'mars' }] }, /geography/i],
      [{ indicatorId: indicator.id, values: [{ ...good, value: 'NaN' }] }, /must be a number/],
      [{ indicatorId: indicator.id, values: [{ ...good, periodStart: '2023-02-30' }] }, /not a real date/],
      [{ indicatorId: 999_999, values: [good] }, /.+/],
      [{ indicatorId: indicator.id, values: Array.from({ length: 20_001 }, () => good) }, /at most 20,000/],
    ];
    for (const [input, message] of cases) {
      const r = await t.dispatch('statistics:apply', input);
      expect(r.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect((await t.api.call('value:list', { indicatorId: indicator.id })).total).toBe(0);
    for (const bad of [{ uploadId: '../../etc/passwd' }, { uploadId: '00000000-0000-0000-0000-000000000000' }]) {
      const r = await t.dispatch('statistics:sample', bad);
      expect(r.ok).toBe(false);
    }
    t.cleanup();
  });

  it('a long read reports progress and can be cancelled, writing nothing', async () => {
    const t = makeTestWorkbook();
    await setUpBristol(t);
    const lines = [HEADER];
    for (let i = 0; i < 4000; i++) lines.push(...rowsFor(i % 3));
    const uploadId = await upload(t, `${lines.join('\n')}\n`);
    const running = t.api.call('statistics:preview', { uploadId, jobId: 'job-cancel-1', indicatorColumn: 'percent_in_20_weeks', filters: [{ column: 'sen_provision', value: 'Total' }], indicatorId: null });
    let progress = await t.api.call('statistics:progress', { jobId: 'job-cancel-1' });
    for (let i = 0; i < 200 && progress.rowsRead === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
      progress = await t.api.call('statistics:progress', { jobId: 'job-cancel-1' });
    }
    expect(progress.running).toBe(true);
    expect(progress.rowsRead).toBeGreaterThan(0);
    expect(await t.api.call('statistics:cancel', { jobId: 'job-cancel-1' })).toEqual({ cancelled: true });
    await expect(running).rejects.toThrow(/cancelled/);
    t.cleanup();
  });
});
