/**
 * Thousands of seeded random and hostile payloads to every channel through dispatch: only typed
 * errors, never a crash, and a refused request (or any query) leaves every table byte-for-byte
 * as it was.
 */
import { channelNames, contract } from '../../electron/contract/channels';
import { buildFixture } from '../api/fixture';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { contentHash, rowsWritten, expectNoPollution, expectTypedRefusal, HOSTILE_CHANNEL_NAMES, hostilePayload, prng, SEED } from './hostile';

const PER_CHANNEL = Number(process.env.ADVERSARIAL_PER_CHANNEL ?? 25);
let t: TestWorkbook;

beforeAll(async () => {
  t = makeTestWorkbook();
  await buildFixture(t.api);
});
afterAll(() => t.cleanup());

test(`${PER_CHANNEL} hostile payloads to each channel get typed errors and change nothing (seed ${SEED})`, async () => {
  const random = prng(SEED);
  let hash = contentHash(t.workbook.sqlite);
  let sent = 0;
  const accepted: string[] = [];
  for (const channel of channelNames) {
    for (let i = 0; i < PER_CHANNEL; i++) {
      const payload = hostilePayload(channel, random);
      const where = `seed ${SEED}, ${channel} #${i}`;
      const written = rowsWritten(t.workbook.sqlite);
      let result;
      try {
        result = await t.dispatch(channel, payload);
      } catch (e) {
        throw new Error(`${where}: dispatch threw ${(e as Error).message}`, { cause: e });
      }
      sent++;
      // Hash everything only when a row may have been written (even one rolled back).
      const after = rowsWritten(t.workbook.sqlite) === written ? hash : contentHash(t.workbook.sqlite);
      if (result.ok) {
        // A hostile-looking payload can still be a valid request (optional fields left out).
        // A query must still change nothing; a mutation is counted and becomes the new baseline.
        if (!contract[channel].mutates) expect(after, `${where}: a query changed the workbook`).toBe(hash);
        else accepted.push(channel);
        hash = after;
      } else {
        expectTypedRefusal(result, where, payload);
        expect(after, `${where}: a refused request changed the workbook`).toBe(hash);
      }
      expectNoPollution();
    }
  }
  expect(sent).toBeGreaterThanOrEqual(channelNames.length * PER_CHANNEL);
  expect(sent).toBeGreaterThan(2_000);
  // Valid-by-accident mutations are rare; if many get through, the generator is too gentle.
  expect(accepted.length, accepted.join(', ')).toBeLessThan(sent / 50);
  expect(t.workbook.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  if (accepted.length === 0) expect(contentHash(t.workbook.sqlite)).toBe(hash);
  expect((await t.api.call('audit:verify', {})).intact).toBe(true);
}, 120_000);

test('names that are not channels, including Object.prototype members, are refused as unknown', async () => {
  const before = contentHash(t.workbook.sqlite);
  for (const name of HOSTILE_CHANNEL_NAMES) {
    const result = await t.dispatch(name, {});
    expect(result, String(name)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  }
  expect(contentHash(t.workbook.sqlite)).toBe(before);
  expectNoPollution();
});
