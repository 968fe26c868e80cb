import { verifyAuditChain } from '../../electron/core/services/audit-log';
import { makeTestWorkbook } from '../helpers/temp-workbook';

test('every create, update, delete and restore is in the history, field by field, with author and time', async () => {
  const t = makeTestWorkbook({ now: '2026-11-22T09:00:00Z' });
  const partner = await t.api.call('partner:create', { name: 'ICB', kind: 'health' });
  t.setNow('2026-11-22T09:05:00Z');
  await t.api.call('partner:update', { id: partner.id, name: 'BNSSG ICB', notes: 'Health partner' });
  const del = await t.api.call('partner:delete', { id: partner.id });
  await t.api.call('bin:restore', { binEntryId: del.binEntryId });
  const history = await t.api.call('history:get', { entity: 'partner', id: partner.id });
  const rows = history.items.reverse().map((h) => [h.operation, h.field, h.oldValue, h.newValue === null ? null : h.operation === 'update' ? h.newValue : 'x']);
  expect(rows).toEqual([
    ['create', null, null, 'x'],
    ['update', 'name', 'ICB', 'BNSSG ICB'],
    ['update', 'notes', '', 'Health partner'],
    ['delete', null, null, 'x'],
    ['restore', null, expect.any(String), null],
  ]);
  expect(history.items.every((h) => h.author === 'Test Officer')).toBe(true);
  expect(history.items.find((h) => h.operation === 'update')!.at).toBe('2026-11-22T09:05:00.000Z');
  expect(verifyAuditChain(t.workbook.sqlite)).toMatchObject({ intact: true });
  t.cleanup();
});

test('deleting a plan bins its priorities, actions, milestones and updates; one restore brings them all back', async () => {
  const t = makeTestWorkbook();
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA 2020' });
  const priority = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'Accountability' });
  const action = await t.api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Data set' });
  await t.api.call('milestone:create', { actionId: action.id, title: 'Published' });
  await t.api.call('progress:create', { actionId: action.id, reportedOn: '2026-11-01', status: 'on_track' });
  const evidence = await t.api.call('evidence:create', { title: 'Data set', kind: 'data_report', level: 'output' });
  await t.api.call('evidence:link', { evidenceId: evidence.id, target: { type: 'action', id: action.id } });

  const deleted = await t.api.call('plan:delete', { id: plan.id });
  expect(deleted.rowCount).toBe(6);
  expect((await t.api.call('action:list', {})).total).toBe(0);
  expect((await t.api.call('evidence:get', { id: evidence.id })).linkCount).toBe(0);
  const bin = await t.api.call('bin:list', {});
  expect(bin.items).toEqual([expect.objectContaining({ label: 'WSOA 2020', rowCount: 6, entity: 'plan' })]);

  // A child cannot come back before its parent.
  const actionOnly = await t.api.call('bin:list', {});
  expect(actionOnly.total).toBe(1);

  await t.api.call('bin:restore', { binEntryId: deleted.binEntryId });
  expect((await t.api.call('action:list', { planId: plan.id })).total).toBe(1);
  expect((await t.api.call('milestone:list', { actionId: action.id })).total).toBe(1);
  expect((await t.api.call('evidence:get', { id: evidence.id })).linkCount).toBe(1);
  expect((await t.api.call('bin:list', {})).total).toBe(0);
  t.cleanup();
});

test('an item whose parent is in the bin cannot be restored first', async () => {
  const t = makeTestWorkbook();
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA' });
  const priority = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'P1' });
  const delPriority = await t.api.call('priority:delete', { id: priority.id });
  const delPlan = await t.api.call('plan:delete', { id: plan.id });
  const refused = await t.dispatch('bin:restore', { binEntryId: delPriority.binEntryId });
  expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringMatching(/Restore the plan first/) } });
  await t.api.call('bin:restore', { binEntryId: delPlan.binEntryId });
  await t.api.call('bin:restore', { binEntryId: delPriority.binEntryId });
  expect((await t.api.call('priority:get', { id: priority.id })).title).toBe('P1');
  t.cleanup();
});

test('evidence references are never reused, even after a delete', async () => {
  const t = makeTestWorkbook();
  const first = await t.api.call('evidence:create', { title: 'One', kind: 'document', level: 'activity' });
  await t.api.call('evidence:delete', { id: first.id });
  const second = await t.api.call('evidence:create', { title: 'Two', kind: 'document', level: 'activity' });
  expect([first.reference, second.reference]).toEqual(['E-001', 'E-002']);
  t.cleanup();
});

test('an edit made elsewhere since the record was opened is a conflict, not a silent overwrite', async () => {
  const t = makeTestWorkbook();
  const partner = await t.api.call('partner:create', { name: 'Council', kind: 'council' });
  await t.api.call('partner:update', { id: partner.id, notes: 'Changed in another window', expectedVersion: partner.version });
  const stale = await t.dispatch('partner:update', { id: partner.id, notes: 'Mine', expectedVersion: partner.version });
  expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect((await t.api.call('partner:get', { id: partner.id })).notes).toBe('Changed in another window');
  t.cleanup();
});

test('progress updates are append-only and the newest sets the action status', async () => {
  const t = makeTestWorkbook();
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA' });
  const priority = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'P1' });
  const action = await t.api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Work' });
  await t.api.call('progress:create', { actionId: action.id, reportedOn: '2026-09-01', status: 'on_track', highlights: 'September' });
  await t.api.call('progress:create', { actionId: action.id, reportedOn: '2026-11-01', status: 'delayed', highlights: 'November' });
  await t.api.call('progress:create', { actionId: action.id, reportedOn: '2026-10-01', status: 'on_track', highlights: 'Late entry for October' });
  const list = await t.api.call('progress:list', { actionId: action.id });
  expect(list.items.map((u) => u.highlights)).toEqual(['November', 'Late entry for October', 'September']);
  expect((await t.api.call('action:get', { id: action.id })).status).toBe('delayed');
  expect(Object.keys(await import('../../electron/contract/channels').then((m) => m.contract))).not.toContain('progress:update');
  t.cleanup();
});

test('an update changes only the fields it sends (defaults never reset other fields)', async () => {
  const t = makeTestWorkbook();
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA', status: 'approved', nextReviewOn: '2026-12-01' });
  const priority = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'P1' });
  const action = await t.api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Work', dueOn: '2027-01-31', status: 'on_track', successMeasures: 'Audits' });
  const updated = await t.api.call('action:update', { id: action.id, how: 'Through SENCo networks' });
  expect(updated).toMatchObject({ dueOn: '2027-01-31', status: 'on_track', successMeasures: 'Audits', how: 'Through SENCo networks' });
  const planAfter = await t.api.call('plan:update', { id: plan.id, title: 'WSOA 2020' });
  expect(planAfter).toMatchObject({ status: 'approved', nextReviewOn: '2026-12-01', reviewCadence: 'quarterly' });
  const history = await t.api.call('history:get', { entity: 'action', id: action.id });
  expect(history.items.filter((h) => h.operation === 'update').map((h) => h.field)).toEqual(['how']);
  t.cleanup();
});

test('settings changes are audited field by field, and saving the same settings again records nothing', async () => {
  const t = makeTestWorkbook();
  await t.api.call('area:update', { areaName: 'Northshire', statisticalNeighbours: ['E06000022', '878'] });
  await t.api.call('area:update', { statisticalNeighbours: ['E06000022', '878'], areaName: 'Northshire' });
  const history = await t.api.call('history:get', { entity: 'area', id: 1 });
  expect(history.items.map((h) => [h.field, h.oldValue, h.newValue]).sort()).toEqual([
    ['areaName', 'Testshire', 'Northshire'],
    ['statisticalNeighbours', '[]', '["E06000022","878"]'],
  ]);
  t.cleanup();
});

test('binning a revisit takes its verdicts on the first inspection’s findings with it; one restore brings them back', async () => {
  const t = makeTestWorkbook();
  const first = await t.api.call('event:create', { kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Inspection, March 2019', onsiteStartOn: '2019-03-11', onsiteEndOn: '2019-03-15' });
  const revisit = await t.api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit, November 2022', onsiteStartOn: '2022-11-07', onsiteEndOn: '2022-11-09' });
  const finding = await t.api.call('finding:create', { eventId: first.id, type: 'significant_weakness', reference: 'SW1', title: 'Weak leadership' });
  await t.api.call('assessment:create', { findingId: finding.id, eventId: revisit.id, result: 'sufficient_progress', assessedOn: '2022-11-09' });
  expect((await t.api.call('assessment:list', { findingId: finding.id })).total).toBe(1);

  const deleted = await t.api.call('event:delete', { id: revisit.id });
  expect(deleted.rowCount).toBe(2);
  expect((await t.api.call('assessment:list', { findingId: finding.id })).total).toBe(0);
  expect((await t.api.call('finding:get', { id: finding.id })).title).toBe('Weak leadership');

  await t.api.call('bin:restore', { binEntryId: deleted.binEntryId });
  expect((await t.api.call('assessment:list', { findingId: finding.id })).total).toBe(1);
  expect(verifyAuditChain(t.workbook.sqlite)).toMatchObject({ intact: true });
  t.cleanup();
});
