/**
 * History names each kind of record and links to where it opens, reading the record's own typed
 * row: a milestone and a progress update open on their action and carry its plan, a target on its
 * indicator, the area profile in Settings; a record in the Bin is marked and has no link.
 */
import { makeTestWorkbook } from '../helpers/temp-workbook';

test('history names records by kind, with their plan, and links each to the page it opens on', async () => {
  const t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z' });
  try {
    const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA 2019' });
    const p = await t.api.call('priority:create', { planId: plan.id, reference: '3', title: 'Timeliness' });
    const a = await t.api.call('action:create', { priorityId: p.id, reference: '3.2', what: 'Recruit coordinators' });
    const m = await t.api.call('milestone:create', { actionId: a.id, title: 'Posts advertised', dueOn: '2027-01-31' });
    const u = await t.api.call('progress:create', { actionId: a.id, reportedOn: '2026-11-20', status: 'on_track' });
    const i = await t.api.call('indicator:create', { title: 'Annual reviews within 12 months', polarity: 'higher_is_better' });
    const target = await t.api.call('target:create', { indicatorId: i.id, periodLabel: '2025', targetValue: 65 });
    await t.api.call('area:update', { areaName: 'Testshire Borough' });

    const latest = async (entity: 'priority' | 'milestone' | 'progress' | 'target' | 'area', id: number) => (await t.api.call('history:changes', { entity, id })).items[0]!;
    expect(await latest('priority', p.id)).toMatchObject({ record: expect.stringMatching(/\(WSOA 2019\)$/), path: `/priorities/${p.id}` });
    expect(await latest('milestone', m.id)).toMatchObject({ record: 'Milestone: Posts advertised (WSOA 2019)', path: `/actions/${a.id}`, kind: 'Milestone' });
    expect(await latest('progress', u.id)).toMatchObject({ record: 'Progress update of 20/11/2026 (WSOA 2019)', path: `/actions/${a.id}` });
    expect(await latest('target', target.id)).toMatchObject({ path: `/indicators/${i.id}` });
    expect((await latest('target', target.id)).record).not.toMatch(/WSOA/);
    const area = (await t.api.call('history:changes', { entity: 'area', id: 1 })).items[0]!;
    expect(area).toMatchObject({ record: 'Settings', path: '/settings' });

    await t.api.call('milestone:delete', { id: m.id });
    const binned = await latest('milestone', m.id);
    expect(binned).toMatchObject({ headline: 'Moved to the Bin', record: 'Milestone: Posts advertised (WSOA 2019) – in the Bin', path: null });
  } finally {
    t.cleanup();
  }
});
