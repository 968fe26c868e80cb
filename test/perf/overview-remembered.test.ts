/**
 * The Overview and its coverage panel are remembered until the workbook changes (issue #17). A
 * remembered answer must never outlive a change: one made through the app, one committed by
 * another connection to the same file, or the date moving on.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
let planId: number;
let actionId: number;

beforeAll(async () => {
  t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z' });
  const event = await t.api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit' });
  const finding = await t.api.call('finding:create', { eventId: event.id, type: 'significant_weakness', reference: 'SW1', title: 'Waiting times' });
  const plan = await t.api.call('plan:create', { type: 'app', title: 'APP', status: 'approved' });
  planId = plan.id;
  const priority = await t.api.call('priority:create', { planId, reference: '1', title: 'P', findingIds: [finding.id] });
  actionId = (await t.api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Work', dueOn: '2026-12-31' })).id;
});
afterAll(() => t.cleanup());

test('a change through the app is seen by the next Overview and coverage', async () => {
  const before = await t.api.call('overview:get', {});
  expect(await t.api.call('overview:get', {})).toEqual(before);
  expect(before.counts.evidence).toBe(0);
  const coverageBefore = await t.api.call('report:coverage', { scope: 'finding', planId });
  expect(coverageBefore[0]!.total).toBe(0);

  const evidence = await t.api.call('evidence:create', { title: 'Survey', kind: 'parent_carer_voice', level: 'impact' });
  await t.api.call('evidence:link', { evidenceId: evidence.id, target: { type: 'action', id: actionId } });
  expect((await t.api.call('overview:get', {})).counts.evidence).toBe(1);
  expect((await t.api.call('report:coverage', { scope: 'finding', planId }))[0]!.total).toBe(1);

  // An indicator that goes off target shows on the Overview at once.
  const indicator = await t.api.call('indicator:create', { code: 'K1', title: 'Plans on time', unit: '%', polarity: 'higher_is_better', periodType: 'calendar_year' });
  await t.api.call('value:set', { indicatorId: indicator.id, periodLabel: '2026', periodStart: '2026-01-01', geography: 'local', value: 40, provisional: false });
  expect((await t.api.call('overview:get', {})).indicatorsOffTarget).toEqual([]);
  await t.api.call('target:create', { indicatorId: indicator.id, periodLabel: '2026', targetValue: 60 });
  expect((await t.api.call('overview:get', {})).indicatorsOffTarget.map((i) => i.code)).toEqual(['K1']);
});

test('a change committed by another connection to the same file is seen too', async () => {
  const before = (await t.api.call('overview:get', {})).counts.findings;
  const other = new Database(t.file);
  try {
    const eventId = (other.prepare('SELECT id FROM inspection_events LIMIT 1').pluck().get() as number) ?? 0;
    other
      .prepare(
        `INSERT INTO findings (event_id, type, reference, title, text, position, created_at, updated_at, version)
         VALUES (?, 'significant_weakness', 'SW2', 'Written elsewhere', '', 2, '2026-11-22T10:00:00Z', '2026-11-22T10:00:00Z', 1)`,
      )
      .run(eventId);
  } finally {
    other.close();
  }
  expect((await t.api.call('overview:get', {})).counts.findings).toBe(before + 1);
});

test('the next day is a new Overview: the date it is read as at moves on', async () => {
  const today = await t.api.call('overview:get', {});
  expect(today.asOf).toBe('2026-11-22');
  t.setNow('2027-01-05T10:00:00Z');
  const later = await t.api.call('overview:get', {});
  expect(later.asOf).toBe('2027-01-05');
  // The action due on 31/12/2026 is overdue by then.
  expect(later.overdue.map((o) => o.reference)).toContain('1.1');
  expect(today.overdue.map((o) => o.reference)).not.toContain('1.1');
  t.setNow('2026-11-22T10:00:00Z');
});
