/**
 * Statistical neighbours are LA codes wherever they are entered (issue #16): Settings (area:update)
 * and the first-run set-up (setup:save) apply one rule and refuse a name with the same words.
 */
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
beforeEach(() => {
  t = makeTestWorkbook();
});
afterEach(() => t.cleanup());

async function refusal(channel: 'area:update' | 'setup:save', input: Record<string, unknown>): Promise<{ message: string; paths: string[] }> {
  const r = await t.dispatch(channel, channel === 'setup:save' ? { areaName: 'Testshire', ...input } : input);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  return { message: r.error.message, paths: (r.error.issues ?? []).map((i) => i.path) };
}

test.each([
  [['Leeds'], /Statistical neighbour “Leeds” is not an LA code: enter the 3-digit code \(for example 801\)/],
  [['801', ''], /Enter each statistical neighbour’s LA code, or remove the empty line/],
  [Array.from({ length: 21 }, () => '801'), /at most 20 statistical neighbours/],
  ['801', /Statistical neighbours must be a list of LA codes/],
])('%j is refused by Settings and by set-up in the same words', async (statisticalNeighbours, words) => {
  const settings = await refusal('area:update', { statisticalNeighbours });
  const setup = await refusal('setup:save', { statisticalNeighbours });
  expect(settings.message).toMatch(words);
  expect(settings.message).toBe(setup.message);
  expect(settings.paths).toEqual(setup.paths);
  expect((await t.api.call('area:get', {})).statisticalNeighbours).toEqual([]);
});

test('Settings stores codes the standard way, as set-up does', async () => {
  const saved = await t.api.call('area:update', { statisticalNeighbours: ['e06000022', ' 878 ', '801/E06000023'] });
  expect(saved.statisticalNeighbours).toEqual(['E06000022', '878', '801 E06000023']);
});
