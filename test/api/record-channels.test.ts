/**
 * Channel guard for the records group (issue #15): bulk verdicts and worded history, each with a
 * happy path and a rejection through dispatch (output validated); fails when a channel is added
 * without a case. Plus what an officer would notice: one transaction, corrections not duplicates,
 * history in words.
 */
import { recordChannels } from '../../electron/contract/groups/records';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildFixture, type Fixture } from './fixture';

type Case = { ok: (f: Fixture) => unknown; bad: (f: Fixture) => unknown; badCode?: string };

const cases: Record<keyof typeof recordChannels, Case> = {
  'assessment:saveMany': {
    ok: (f) => ({ eventId: f.eventId, assessedOn: '2022-11-25', verdicts: [{ findingId: f.findingId, result: 'sufficient_progress', commentary: 'Much improved.' }] }),
    bad: (f) => ({ eventId: f.eventId, assessedOn: '2022-11-25', verdicts: [{ findingId: f.findingId, result: 'positive' }] }),
  },
  'history:changes': { ok: (f) => ({ entity: 'action', id: f.actionId }), bad: () => ({ entity: 'spaceship' }) },
};

let t: TestWorkbook;
let f: Fixture;
beforeEach(async () => {
  t = makeTestWorkbook();
  f = await buildFixture(t.api);
});
afterEach(() => t.cleanup());

test('every records channel has a test case', () => {
  expect(Object.keys(cases).sort()).toEqual(Object.keys(recordChannels).sort());
});

test.each(Object.keys(cases) as (keyof typeof recordChannels)[])('%s: valid input is answered, invalid refused in words', async (channel) => {
  const c = cases[channel];
  const good = await t.dispatch(channel, c.ok(f));
  expect(good.ok, good.ok ? '' : good.error.message).toBe(true);
  const bad = await t.dispatch(channel, c.bad(f));
  expect(bad.ok).toBe(false);
  if (!bad.ok) {
    expect(bad.error.code).toBe(c.badCode ?? 'invalid_input');
    expect(bad.error.message.length).toBeGreaterThan(10);
  }
});

async function revisitWithTwoWeaknesses() {
  const revisit = await t.api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit 2022', publishedOn: '2022-11-25' });
  const sw2 = await t.api.call('finding:create', { eventId: f.eventId, type: 'significant_weakness', reference: 'SW2', title: 'Joint commissioning' });
  return { revisit, sw2 };
}

test('bulk verdicts: one save adds a verdict per finding; saving again corrects them instead of adding more', async () => {
  const { revisit, sw2 } = await revisitWithTwoWeaknesses();
  const first = await t.api.call('assessment:saveMany', {
    eventId: revisit.id,
    assessedOn: '2022-11-25',
    verdicts: [
      { findingId: f.findingId, result: 'sufficient_progress' },
      { findingId: sw2.id, result: 'not_sufficient_progress', commentary: 'Too recent to have an impact.' },
    ],
  });
  expect(first).toMatchObject({ created: 2, updated: 0 });
  const again = await t.api.call('assessment:saveMany', { eventId: revisit.id, assessedOn: '2022-11-26', verdicts: [{ findingId: sw2.id, result: 'sufficient_progress' }] });
  expect(again).toMatchObject({ created: 0, updated: 1 });
  const sw2Verdicts = (await t.api.call('assessment:list', { findingId: sw2.id })).items;
  expect(sw2Verdicts).toHaveLength(1);
  expect(sw2Verdicts[0]).toMatchObject({ result: 'sufficient_progress', assessedOn: '2022-11-26', eventId: revisit.id });
});

test('bulk verdicts are all or nothing: a bad row names its row and saves none of the others', async () => {
  const { revisit, sw2 } = await revisitWithTwoWeaknesses();
  const r = await t.dispatch('assessment:saveMany', {
    eventId: revisit.id,
    assessedOn: '2022-11-25',
    verdicts: [
      { findingId: sw2.id, result: 'sufficient_progress' },
      { findingId: f.findingId, result: 'outstanding' },
    ],
  });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.issues?.[0]?.path).toBe('verdicts.1.result');
  expect((await t.api.call('assessment:list', { findingId: sw2.id })).items).toHaveLength(0);
});

test('bulk verdicts refuse hostile input in words: duplicates, an empty list, a finding that does not exist, a bad date', async () => {
  const { revisit } = await revisitWithTwoWeaknesses();
  const tries = [
    { eventId: revisit.id, assessedOn: '2022-11-25', verdicts: [] },
    { eventId: revisit.id, assessedOn: '2022-11-25', verdicts: [{ findingId: f.findingId, result: 'sufficient_progress' }, { findingId: f.findingId, result: 'not_sufficient_progress' }] },
    { eventId: revisit.id, assessedOn: '2022-11-25', verdicts: [{ findingId: 999_999, result: 'sufficient_progress' }] },
    { eventId: revisit.id, assessedOn: '31/02/2022', verdicts: [{ findingId: f.findingId, result: 'sufficient_progress' }] },
    { eventId: revisit.id, assessedOn: '2022-11-25', verdicts: [{ findingId: f.findingId, result: 'sufficient_progress', extra: '<script>' }] },
  ];
  for (const input of tries) {
    const r = await t.dispatch('assessment:saveMany', input);
    expect(r.ok, JSON.stringify(input)).toBe(false);
    if (!r.ok) expect(r.error.message).not.toMatch(/zod|undefined|Expected/);
  }
});

test('history in words: labels, names instead of ids, UK dates, statuses by label, grouped per save, with the plan and a link', async () => {
  const action = await t.api.call('action:get', { id: f.actionId });
  await t.api.call('action:update', { id: f.actionId, expectedVersion: action.version, status: 'delayed', startsOn: '2023-04-01', leadPersonId: null });
  const h = await t.api.call('history:changes', { entity: 'action', id: f.actionId });
  const [latest] = h.items;
  expect(latest!.headline).toBe('Changed 3 fields');
  expect(latest!.record).toBe('Action 1.1 Quality assure EHC plans (Written Statement of Action)');
  expect(latest!.path).toBe(`/actions/${f.actionId}`);
  expect(latest!.when).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  expect(latest!.lines).toEqual(
    expect.arrayContaining([
      { field: 'Status', from: 'In progress, on track', to: 'Delayed' },
      { field: 'Start date', from: null, to: '01/04/2023' },
      { field: 'Lead officer', from: 'Head of SEND', to: null },
    ]),
  );
  const created = h.items.at(-1)!;
  expect(created.headline).toBe('Created');
  expect(created.lines).toEqual(expect.arrayContaining([{ field: 'Priority', from: null, to: 'Priority 1 EHC plans (Written Statement of Action)' }, { field: 'Due date', from: null, to: '31/03/2027' }]));
  expect(JSON.stringify(h.items)).not.toMatch(/priorityId|on_track|2027-03-31/);
});

test('history filters by person, and lists who has made changes', async () => {
  const all = await t.api.call('history:changes', { limit: 500 });
  expect(all.authors).toEqual(['Test Officer']);
  const none = await t.api.call('history:changes', { author: 'Somebody Else' });
  expect(none.items).toHaveLength(0);
});
