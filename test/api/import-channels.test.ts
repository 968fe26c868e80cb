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
};

let t: TestWorkbook;
beforeAll(() => {
  t = makeTestWorkbook();
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
