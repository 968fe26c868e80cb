/** The Bin names records as History does: a section by its framework's words, dates in UK form, an action with its plan. */
import { makeTestWorkbook } from '../helpers/temp-workbook';

test('deleted records are named in the Bin the way History names them', async () => {
  const t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z' });
  try {
    const sef = await t.api.call('sef:create', { title: 'Self-evaluation autumn 2026', frameworkId: 'area-send-2023', asOf: '2026-11-22' });
    const section = (await t.api.call('section:list', { sefId: sef.id })).find((x) => x.criterionId === 'needs_identified')!;
    const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA 2019' });
    const p = await t.api.call('priority:create', { planId: plan.id, reference: '3', title: 'Timeliness' });
    const a = await t.api.call('action:create', { priorityId: p.id, reference: '3.2', what: 'Recruit coordinators' });
    const u = await t.api.call('progress:create', { actionId: a.id, reportedOn: '2026-11-20', status: 'on_track' });

    await t.api.call('section:delete', { id: section.id });
    await t.api.call('progress:delete', { id: u.id });
    await t.api.call('action:delete', { id: a.id });

    const labels = (await t.api.call('bin:list', {})).items.map((i) => i.label);
    expect(labels).toEqual(['Action 3.2 Recruit coordinators (WSOA 2019)', 'Progress update of 20/11/2026 (WSOA 2019)', 'Section: Identifying and assessing needs']);
    expect(labels.join(' ')).not.toMatch(/needs_identified|2026-11-20|in the Bin/);
  } finally {
    t.cleanup();
  }
});
