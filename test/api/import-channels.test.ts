/**
 * Channel guard for the import group (issue #16): every channel has a happy path and a rejection
 * through dispatch with output validation on; the coverage test fails when one is added without.
 */
import { importChannels } from '../../electron/contract/groups/imports';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

type Case = { ok: () => unknown; bad: () => unknown; badCode?: string };

const cases: Record<keyof typeof importChannels, Case> = {
  'setup:save': {
    ok: () => ({ areaName: 'Testshire', laCode: '801', statisticalNeighbours: ['E06000022'], partners: [{ name: 'Testshire ICB', kind: 'health' }] }),
    bad: () => ({ areaName: 'Testshire', statisticalNeighbours: ['not a code'] }),
  },
  'statistics:sample': { ok: () => ({ uploadId: csvUpload }), bad: () => ({ uploadId: '00000000-0000-0000-0000-000000000000' }), badCode: 'not_found' },
  'statistics:preview': {
    ok: () => ({ uploadId: csvUpload, jobId: 'guard-job-1', indicatorColumn: 'percent', filters: [] }),
    bad: () => ({ uploadId: csvUpload, jobId: '../x', indicatorColumn: 'percent' }),
  },
  'statistics:progress': { ok: () => ({ jobId: 'guard-job-1' }), bad: () => ({ jobId: '' }) },
  'statistics:cancel': { ok: () => ({ jobId: 'guard-job-1' }), bad: () => ({ jobId: 42 }) },
  'statistics:apply': {
    ok: () => ({ newIndicator: { title: 'Guard' }, values: [{ geography: 'england', periodLabel: '2023/24', periodStart: '2023-09-01', value: 46.4 }] }),
    bad: () => ({ indicatorId: 1, values: [{ geography: 'england', periodLabel: '2023/24', periodStart: '2023-09-01', value: 'high' }] }),
  },
};

let csvUpload = '';
const CSV = 'time_period,time_identifier,geographic_level,country_code,region_code,region_name,old_la_code,new_la_code,la_name,percent\n202324,Academic year,National,E92000001,,,,,,46.4\n202324,Academic year,Local authority,E92000001,E12000009,South West,801,E06000023,Bristol,c\n';

let t: TestWorkbook;
beforeAll(async () => {
  t = makeTestWorkbook();
  await t.api.call('area:update', { laCode: '801' });
  const { uploadId } = await t.api.call('file:uploadBegin', { fileName: 'guard.csv', size: Buffer.byteLength(CSV) });
  await t.api.call('file:uploadChunk', { uploadId, seq: 0, base64: Buffer.from(CSV).toString('base64') });
  csvUpload = uploadId;
});
afterAll(() => t.cleanup());

test('every import channel has a test case', () => {
  expect(Object.keys(cases).sort()).toEqual(Object.keys(importChannels).sort());
});

test.each(Object.keys(cases) as (keyof typeof importChannels)[])('%s: valid input is answered, invalid refused in words', async (channel) => {
  const c = cases[channel];
  const good = await t.dispatch(channel, c.ok());
  expect(good.ok, good.ok ? '' : good.error.message).toBe(true);
  const bad = await t.dispatch(channel, c.bad());
  expect(bad.ok).toBe(false);
  if (!bad.ok) {
    expect(bad.error.code).toBe(c.badCode ?? 'invalid_input');
    expect(bad.error.message.length).toBeGreaterThan(10);
  }
});
