/** Export then import: untouched files change nothing; partners' edits come back exactly. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture, type PlanFixture } from './plan-fixture';
import { b64, editWorkbook, exportPlan, findRow, firstBlankRow, preview, setCell } from './xlsx-helpers';

let t: TestWorkbook;
let fx: PlanFixture;

beforeEach(async () => {
  t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z' });
  fx = await buildPlanFixture(t.api);
});
afterEach(() => t.cleanup());

describe('round trip', () => {
  it('an untouched export imports with zero changes', async () => {
    const bytes = await exportPlan(t.api);
    const p = await preview(t.api, bytes);
    expect(p.rows).toEqual([]);
    expect(p.rejected).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 0, newMilestones: 0, newUpdates: 0, conflicts: 0, rejected: 0 });
    expect(p.counts.unchanged).toBe(3 + 3 + 2);
    expect(p.planId).toBe(fx.planId);
  });

  it('an untouched file re-saved by exceljs still imports with zero changes', async () => {
    const bytes = await editWorkbook(await exportPlan(t.api), () => {});
    const p = await preview(t.api, bytes);
    expect(p.rows).toEqual([]);
    expect(p.rejected).toEqual([]);
  });

  it('edits made in the spreadsheet come back as exactly those changes, applied once', async () => {
    const edited = await editWorkbook(await exportPlan(t.api), (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      const r12 = findRow(plan, 'Action ref', '1.2');
      setCell(plan, r12, 'Status', 'Delayed');
      setCell(plan, r12, 'New update: progress and highlights', 'Trainer recruited; sessions start in January.');
      setCell(plan, r12, 'New update: issues and risks', 'Two coordinators on long-term leave.\r\n');
      const r21 = findRow(plan, 'Action ref', '2.1');
      setCell(plan, r21, 'Lead officer', 'sam  patel');
      setCell(plan, r21, 'Revised due', new Date(Date.UTC(2027, 8, 30)));
      setCell(plan, r21, 'Reason for revised date', 'Agreed by the SEND board on 10/11/2026.');
      const stones = wb.getWorksheet('Milestones')!;
      const m = findRow(stones, 'Milestone', 'First quarterly audit reported');
      setCell(stones, m, 'Due', '28/02/2027');
      const added = firstBlankRow(stones);
      setCell(stones, added, 'Action ref', '1.2');
      setCell(stones, added, 'Milestone', 'All coordinators trained');
      setCell(stones, added, 'Due', new Date(Date.UTC(2027, 2, 31)));
      const updates = wb.getWorksheet('Updates')!;
      const u = firstBlankRow(updates);
      setCell(updates, u, 'Action ref', '1.1');
      setCell(updates, u, 'Date of update', '20/11/2026');
      setCell(updates, u, 'Highlights', 'Second audit complete: 62% of plans good or better.');
    });
    const p = await preview(t.api, edited, 'Bristol City Council');
    expect(p.rejected).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 3, newMilestones: 1, conflicts: 0 });
    const byKey = Object.fromEntries(p.rows.map((r) => [r.rowKey, r]));
    expect(byKey[`action:${fx.actions.a12}`]!.changes).toEqual([{ field: 'status', label: 'Status', from: 'Not started', to: 'Delayed', conflict: false }]);
    expect(byKey[`action:${fx.actions.a12}`]!.newUpdate).toContain('Trainer recruited');
    expect(byKey[`action:${fx.actions.a21}`]!.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['lead', 'Jo Reid', 'Sam Patel'],
      ['revisedDueOn', '(blank)', '30/09/2027'],
      ['revisedDueReason', '(blank)', 'Agreed by the SEND board on 10/11/2026.'],
    ]);
    expect(byKey[`milestone:${fx.milestones.m112}`]!.changes).toEqual([{ field: 'dueOn', label: 'Due', from: '31/01/2027', to: '28/02/2027', conflict: false }]);
    expect(p.rows.filter((r) => r.kind === 'new_update')).toHaveLength(1);

    const auditBefore = (await t.api.call('history:recent', { limit: 500 })).total;
    const summary = await t.api.call('import:planApply', { base64: b64(edited), fileName: 'return.xlsx', returnedBy: 'Bristol City Council', decisions: [] });
    expect(summary).toMatchObject({ actionsChanged: 2, milestonesChanged: 1, milestonesAdded: 1, updatesAdded: 2, rejected: 0 });
    expect((await t.api.call('history:recent', { limit: 500 })).total).toBeGreaterThan(auditBefore);

    const a12 = await t.api.call('action:get', { id: fx.actions.a12 });
    expect(a12.status).toBe('delayed');
    const updates12 = await t.api.call('progress:list', { actionId: fx.actions.a12 });
    expect(updates12.items).toHaveLength(1);
    expect(updates12.items[0]).toMatchObject({
      reportedOn: '2026-11-22',
      status: 'delayed',
      source: 'import:Bristol City Council',
      author: 'Bristol City Council',
      highlights: 'Trainer recruited; sessions start in January.',
      issues: 'Two coordinators on long-term leave.',
    });
    const a21 = await t.api.call('action:get', { id: fx.actions.a21 });
    expect(a21).toMatchObject({ leadPersonId: fx.people.lead, revisedDueOn: '2027-09-30', revisedDueReason: 'Agreed by the SEND board on 10/11/2026.' });
    expect((await t.api.call('progress:list', { actionId: fx.actions.a21 })).items).toHaveLength(1);
    const m112 = await t.api.call('milestone:get', { id: fx.milestones.m112 });
    expect(m112.dueOn).toBe('2027-02-28');
    const stones12 = await t.api.call('milestone:list', { actionId: fx.actions.a12 });
    expect(stones12.items.map((m) => [m.title, m.dueOn, m.status])).toEqual([['All coordinators trained', '2027-03-31', 'not_yet_due']]);
    const updates11 = await t.api.call('progress:list', { actionId: fx.actions.a11 });
    expect(updates11.items[0]).toMatchObject({ reportedOn: '2026-11-20', highlights: 'Second audit complete: 62% of plans good or better.', source: 'import:Bristol City Council' });

    // The same file again, a day later: nothing new.
    t.setNow('2026-11-23T09:00:00Z');
    const again = await preview(t.api, edited, 'Bristol City Council');
    expect(again.rows).toEqual([]);
    expect(again.rejected).toEqual([]);
    expect(again.counts.alreadyPresent).toBe(3);
    const second = await t.api.call('import:planApply', { base64: b64(edited), fileName: 'return.xlsx', returnedBy: 'Bristol City Council', decisions: [] });
    expect(second).toMatchObject({ actionsChanged: 0, milestonesAdded: 0, updatesAdded: 0, fieldsChanged: 0 });
    expect((await t.api.call('progress:list', { actionId: fx.actions.a12 })).items).toHaveLength(1);

    // And a fresh export of the result round-trips clean.
    const p2 = await preview(t.api, await exportPlan(t.api));
    expect(p2.rows).toEqual([]);
  });

  it('a RAG set by a partner becomes the action’s RAG with a reason, and survives the next export', async () => {
    const edited = await editWorkbook(await exportPlan(t.api), (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      const r = findRow(plan, 'Action ref', '2.1');
      setCell(plan, r, 'RAG', 'Amber');
      setCell(plan, r, 'RAG reason', 'Recruitment to the assessment team is slower than planned.');
    });
    const p = await preview(t.api, edited, 'BNSSG ICB');
    expect(p.rows[0]!.changes.map((c) => [c.field, c.to])).toEqual([
      ['rag', 'Amber'],
      ['ragReason', 'Recruitment to the assessment team is slower than planned.'],
    ]);
    await t.api.call('import:planApply', { base64: b64(edited), returnedBy: 'BNSSG ICB', decisions: [] });
    const a = await t.api.call('action:get', { id: fx.actions.a21 });
    expect(a).toMatchObject({ rag: 'amber', ragOverride: 'amber', ragOverrideReason: 'Recruitment to the assessment team is slower than planned.' });
    const u = await t.api.call('progress:list', { actionId: fx.actions.a21 });
    expect(u.items[0]).toMatchObject({ rag: 'amber', source: 'import:BNSSG ICB' });
    expect((await preview(t.api, edited, 'BNSSG ICB')).rows).toEqual([]);
    expect((await preview(t.api, await exportPlan(t.api))).rows).toEqual([]);
  });

  it('rejects rows with unknown statuses, bad dates and unknown people, with the reason', async () => {
    const edited = await editWorkbook(await exportPlan(t.api), (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      setCell(plan, findRow(plan, 'Action ref', '1.1'), 'Status', 'Nearly there');
      setCell(plan, findRow(plan, 'Action ref', '1.2'), 'Due', 'next week');
      setCell(plan, findRow(plan, 'Action ref', '2.1'), 'Lead officer', 'Pat Nobody');
    });
    const p = await preview(t.api, edited);
    expect(p.rows).toEqual([]);
    expect(p.rejected.map((r) => r.reason)).toEqual([
      'Status “Nearly there” is not one of the choices in the list.',
      'Due: “next week” is not a date. Write it as 22/11/2026.',
      'Lead officer “Pat Nobody” is not in the workbook’s list of people. Choose a name from the list, or add the person in the app first.',
    ]);
    const summary = await t.api.call('import:planApply', { base64: b64(edited), decisions: [] });
    expect(summary).toMatchObject({ actionsChanged: 0, rejected: 3 });
    expect((await t.api.call('action:get', { id: fx.actions.a11 })).status).toBe('on_track');
  });
});

describe('conflicts', () => {
  it('a field changed in the app and in the file is never silently overwritten', async () => {
    const exported = await exportPlan(t.api);
    await t.api.call('action:update', { id: fx.actions.a11, what: 'Introduce a QA framework for EHC plans (revised by the board).' });
    await t.api.call('action:update', { id: fx.actions.a11, successMeasures: '85% of audited plans rated good or better.' });
    const edited = await editWorkbook(exported, (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      const r = findRow(plan, 'Action ref', '1.1');
      setCell(plan, r, 'What we will do', 'Introduce a multi-agency QA framework, with health and care auditors.');
      setCell(plan, r, 'How we will do it', 'Monthly audits.');
    });
    const p = await preview(t.api, edited);
    expect(p.counts.conflicts).toBe(1);
    const row = p.rows[0]!;
    expect(row.rowKey).toBe(`action:${fx.actions.a11}`);
    // Only the field both sides changed is a conflict; the app's own change elsewhere is not touched.
    expect(row.changes.map((c) => [c.field, c.conflict])).toEqual([
      ['what', true],
      ['how', false],
    ]);
    expect(row.changes[0]!.from).toBe('Introduce a QA framework for EHC plans (revised by the board).');

    const refused = await t.api.result('import:planApply', { base64: b64(edited), decisions: [] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'conflict' });
    expect((await t.api.call('action:get', { id: fx.actions.a11 })).how).toContain('Monthly audits of a sample');

    await t.api.call('import:planApply', { base64: b64(edited), decisions: [{ rowKey: row.rowKey, resolution: 'keep_mine' }] });
    let a = await t.api.call('action:get', { id: fx.actions.a11 });
    expect(a.what).toBe('Introduce a QA framework for EHC plans (revised by the board).');
    expect(a.how).toBe('Monthly audits.');
    expect(a.successMeasures).toBe('85% of audited plans rated good or better.');

    await t.api.call('import:planApply', { base64: b64(edited), decisions: [{ rowKey: row.rowKey, resolution: 'take_theirs' }] });
    a = await t.api.call('action:get', { id: fx.actions.a11 });
    expect(a.what).toBe('Introduce a multi-agency QA framework, with health and care auditors.');
  });

  it('skip leaves a row out entirely', async () => {
    const edited = await editWorkbook(await exportPlan(t.api), (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      setCell(plan, findRow(plan, 'Action ref', '1.2'), 'Status', 'Complete');
    });
    expect((await preview(t.api, edited)).counts.changed).toBe(1);
    const summary = await t.api.call('import:planApply', { base64: b64(edited), decisions: [{ rowKey: `action:${fx.actions.a12}`, resolution: 'skip' }] });
    expect(summary).toMatchObject({ skipped: 1, actionsChanged: 0 });
    expect((await t.api.call('action:get', { id: fx.actions.a12 })).status).toBe('not_started');
  });

  it('apply refuses bytes that were never previewed', async () => {
    const bytes = await exportPlan(t.api);
    const r = await t.api.result('import:planApply', { base64: b64(Buffer.concat([bytes, Buffer.from([0])])), decisions: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Preview this file again');
  });
});
