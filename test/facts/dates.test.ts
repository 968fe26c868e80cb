/**
 * Dates that make sense (issue #13), through dispatch: every cross-field rule is refused with a
 * message naming both fields and both dates, on create and on an update that changes one date
 * against the other as stored; things that happened cannot be dated in the future.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { planWorkbook, sheetRows } from './helpers';

let t: TestWorkbook;
let priorityId: number;
let actionId: number;
let eventId: number;
let planId: number;

beforeAll(async () => {
  t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z' });
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA', status: 'approved', startsOn: '2026-01-01' });
  planId = plan.id;
  priorityId = (await t.api.call('priority:create', { planId, reference: '1', title: 'P' })).id;
  actionId = (await t.api.call('action:create', { priorityId, reference: '1.1', what: 'Work', startsOn: '2026-05-01', dueOn: '2027-01-31' })).id;
  eventId = (await t.api.call('event:create', { kind: 'full_inspection', frameworkId: 'area-send-2025', title: 'Inspection', onsiteStartOn: '2026-03-09', onsiteEndOn: '2026-03-13' })).id;
});
afterAll(() => t.cleanup());

async function refused(channel: string, input: unknown, path: string, ...words: string[]) {
  const r = await t.dispatch(channel as never, input as never);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.issues?.[0]?.path).toBe(path);
  for (const w of words) expect(r.error.message).toContain(w);
}

describe('end on or after start, both fields and dates named', () => {
  test('inspection on-site dates', async () => {
    await refused('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'R', onsiteStartOn: '2022-11-09', onsiteEndOn: '2022-11-07' }, 'onsiteEndOn', 'on-site end (07/11/2022)', 'on-site start (09/11/2022)');
    // Only the end date sent: checked against the stored start.
    await refused('event:update', { id: eventId, onsiteEndOn: '2026-03-01' }, 'onsiteEndOn', 'on-site end (01/03/2026)', 'on-site start (09/03/2026)');
  });
  test('plan start and end', async () => {
    await refused('plan:create', { type: 'wsoa', title: 'W', startsOn: '2026-06-01', endsOn: '2026-01-01' }, 'endsOn', 'end date (01/01/2026)', 'start date (01/06/2026)');
    await refused('plan:update', { id: planId, endsOn: '2025-12-31' }, 'endsOn', 'end date (31/12/2025)', 'start date (01/01/2026)');
  });
  test('action due and revised due after its start', async () => {
    await refused('action:create', { priorityId, reference: '1.2', what: 'W', startsOn: '2026-05-01', dueOn: '2026-04-01' }, 'dueOn', 'due date (01/04/2026)', 'start date (01/05/2026)');
    await refused('action:update', { id: actionId, dueOn: '2026-04-30' }, 'dueOn', 'due date (30/04/2026)', 'start date (01/05/2026)');
    await refused('action:update', { id: actionId, revisedDueOn: '2026-04-30', revisedDueReason: 'Board' }, 'revisedDueOn', 'revised due date (30/04/2026)', 'start date (01/05/2026)');
    await refused('action:update', { id: actionId, startsOn: '2027-02-01' }, 'dueOn', 'due date (31/01/2027)', 'start date (01/02/2027)');
  });
});

describe('results and updates that have happened', () => {
  test('a date achieved fits the milestone status and is not in the future', async () => {
    await refused('milestone:create', { actionId, title: 'M', dueOn: '2020-07-31', status: 'not_yet_due', achievedOn: '2020-01-01' }, 'achievedOn', 'date achieved (01/01/2020)', 'milestone status (Not yet due)');
    await refused('milestone:create', { actionId, title: 'M', dueOn: '2027-07-31', status: 'achieved', achievedOn: '2027-01-01' }, 'achievedOn', 'date achieved (01/01/2027)', 'after today (22/11/2026)');
    const m = await t.api.call('milestone:create', { actionId, title: 'M', dueOn: '2026-07-31', status: 'achieved', achievedOn: '2026-07-20' });
    await refused('milestone:update', { id: m.id, status: 'not_yet_due' }, 'achievedOn', 'date achieved (20/07/2026)', 'milestone status (Not yet due)');
  });
  test('a progress update cannot be dated after today', async () => {
    await refused('progress:create', { actionId, reportedOn: '2030-11-22', status: 'complete' }, 'reportedOn', 'Date of the update (22/11/2030)', 'after today (22/11/2026)');
    expect((await t.api.call('action:get', { id: actionId })).status).not.toBe('complete');
  });
  test('the next review of a running plan cannot already be past; an ended plan keeps its last one', async () => {
    await refused('plan:create', { type: 'wsoa', title: 'W', nextReviewOn: '2026-01-01' }, 'nextReviewOn', 'next review (01/01/2026)', 'before today (22/11/2026)');
    await refused('plan:update', { id: planId, nextReviewOn: '2026-10-01' }, 'nextReviewOn', 'next review (01/10/2026)');
    const closed = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA 2020', status: 'closed', startsOn: '2020-03-01', endsOn: '2021-07-31', nextReviewOn: '2021-03-16' });
    expect(closed.nextReviewOn).toBe('2021-03-16');
  });
  test('hostile shapes are refused without echoing zod', async () => {
    for (const input of [
      { priorityId, reference: '9', what: 'W', startsOn: '2026-13-01', dueOn: '2026-01-01' },
      { priorityId, reference: '9', what: 'W', startsOn: 20260101, dueOn: '2026-01-01' },
      { priorityId, reference: '9', what: 'W', startsOn: '2026-05-01', dueOn: '2026-04-30', revisedDueOn: '2026-04-01' },
    ]) {
      const r = await t.dispatch('action:create', input as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).not.toMatch(/Invalid|expected|ZodError/);
    }
  });
});

describe('as at a date', () => {
  test('the same workbook read at two dates gives different overdue counts and staleness', async () => {
    const a = (await t.api.call('action:create', { priorityId, reference: '2.1', what: 'Second', startsOn: '2026-01-01', dueOn: '2027-12-31' })).id;
    await t.api.call('milestone:create', { actionId: a, title: 'Spring audit', dueOn: '2027-03-31' });
    const ind = await t.api.call('indicator:create', { code: 'K', title: 'Annual reviews on time', periodType: 'calendar_year' });
    await t.api.call('value:set', { indicatorId: ind.id, periodLabel: '2024', periodStart: '2024-01-01', geography: 'local', value: 70 });

    const overdue = async () => {
      const summary = (await planWorkbook(t.api, planId)).getWorksheet('Summary')!;
      let n = -1;
      summary.eachRow((row) => {
        const [, name, count] = row.values as unknown[];
        if (name === 'Overdue' && n < 0) n = count as number;
      });
      const kpi = sheetRows((await planWorkbook(t.api, planId)).getWorksheet('KPIs')!, 4).find((r) => r.Code === 'K')!;
      const overview = await t.api.call('overview:get', { planId });
      return { excel: n, overview: overview.milestones.byStatus.find((s) => s.key === 'overdue')!.count, onTarget: kpi['On target'] };
    };
    const now = await overdue();
    t.setNow('2027-06-01T10:00:00Z');
    const later = await overdue();
    t.setNow('2026-11-22T10:00:00Z');
    expect(now).toEqual({ excel: 0, overview: 0, onTarget: '' });
    expect(later).toEqual({ excel: 1, overview: 1, onTarget: 'Out of date' });
    const early = await t.api.call('overview:get', { planId, asOf: '2026-11-22' });
    const late = await t.api.call('overview:get', { planId, asOf: '2027-06-01' });
    expect([early.overdue.length < late.overdue.length, late.overdue.some((o) => o.title === 'Spring audit')]).toEqual([true, true]);
    expect((await t.api.call('indicator:status', { indicatorId: ind.id, asOf: '2027-06-01' }))[0]!.stale).toBe(true);
  });
});

describe('the plan the Overview follows', () => {
  test('defaults to the approved plan, never a new draft, and remembers the user’s choice in the workbook', async () => {
    const draft = await t.api.call('plan:create', { type: 'improvement', title: 'Draft partnership plan' });
    expect((await t.api.call('overview:get', {})).plan?.id).toBe(planId);
    expect(await t.api.call('overview:choosePlan', { planId: draft.id })).toEqual({ planId: draft.id });
    const chosen = await t.api.call('overview:get', {});
    expect([chosen.plan?.id, chosen.plan?.chosenByUser]).toEqual([draft.id, true]);
    await t.api.call('overview:choosePlan', { planId: null });
    expect((await t.api.call('overview:get', {})).plan?.id).toBe(planId);
    const bad = await t.dispatch('overview:choosePlan', { planId: 999_999 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const hostile = await t.dispatch('overview:choosePlan', { planId: '1; DROP TABLE plans' } as never);
    expect(hostile).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
