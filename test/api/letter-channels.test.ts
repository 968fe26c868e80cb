/**
 * Channel guard for the letter import group (issue #16, part 3): every channel has a happy path
 * and a rejection through dispatch with output validation on; the coverage test fails when one
 * is added without.
 */
import { letterChannels } from '../../electron/contract/groups/letters';
import { proposalOf } from '../../electron/transports/cli/commands/letters';
import { REVISIT_LETTER } from '../imports/letters-fixtures';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

type Case = { ok: () => unknown; bad: () => unknown; badCode?: string };

let proposal: ReturnType<typeof proposalOf>;

const cases: Record<keyof typeof letterChannels, Case> = {
  'letter:preview': {
    ok: () => ({ source: { text: REVISIT_LETTER, fileName: 'revisit.txt' } }),
    bad: () => ({ source: { text: REVISIT_LETTER, uploadId: '00000000-0000-0000-0000-000000000000' } }),
  },
  'letter:apply': {
    ok: () => proposal,
    bad: () => ({ ...proposal, items: proposal.items.map((i) => ({ ...i, verdict: 'outstanding' })) }),
  },
};

let t: TestWorkbook;
beforeAll(async () => {
  t = makeTestWorkbook();
  const preview = await t.api.call('letter:preview', { source: { text: REVISIT_LETTER } });
  proposal = proposalOf(preview, { text: REVISIT_LETTER });
});
afterAll(() => t.cleanup());

test('every letter channel has a test case', () => {
  expect(Object.keys(cases).sort()).toEqual(Object.keys(letterChannels).sort());
});

test.each(Object.keys(cases) as (keyof typeof letterChannels)[])('%s: valid input is answered, invalid refused in words', async (channel) => {
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
