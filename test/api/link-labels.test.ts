/**
 * An evidence item's links name what they point at as a person reads it (issue #15): actions,
 * priorities and milestones with their plan (numbers repeat between plans), and a self-evaluation
 * section by its framework's own wording rather than a code such as "needs_identified".
 */
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
beforeEach(() => {
  t = makeTestWorkbook();
});
afterEach(() => t.cleanup());

test('links name actions, priorities and milestones with their plan, and sections in the framework’s words', async () => {
  const wsoa = await t.api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action 2020' });
  const app = await t.api.call('plan:create', { type: 'wsoa', title: 'Accelerated progress plan 2024' });
  const p1 = await t.api.call('priority:create', { planId: wsoa.id, reference: '3', title: 'Inclusion' });
  const p2 = await t.api.call('priority:create', { planId: app.id, reference: '3', title: 'Inclusion again' });
  const a1 = await t.api.call('action:create', { priorityId: p1.id, reference: '3.2', what: 'Recruit coordinators' });
  const a2 = await t.api.call('action:create', { priorityId: p2.id, reference: '3.2', what: 'Recruit coordinators' });
  const m = await t.api.call('milestone:create', { actionId: a2.id, title: 'Coordinators in post', dueOn: '2025-03-31' });
  const sef = await t.api.call('sef:create', { title: 'Self-evaluation, autumn 2026', frameworkId: 'area-send-2023', scaleId: 'edee', asOf: '2026-11-01' });
  const sections = await t.api.call('section:list', { sefId: sef.id });
  const needs = sections.find((x) => x.criterionId === 'needs_identified')!;
  const e = await t.api.call('evidence:create', { title: 'Board minutes', kind: 'board_paper', level: 'impact' });
  for (const target of [
    { type: 'action' as const, id: a1.id },
    { type: 'action' as const, id: a2.id },
    { type: 'priority' as const, id: p2.id },
    { type: 'milestone' as const, id: m.id },
    { type: 'sefSection' as const, id: needs.id },
  ]) {
    await t.api.call('evidence:link', { evidenceId: e.id, target });
  }
  const labels = (await t.api.call('evidence:links', { evidenceId: e.id })).map((l) => l.targetLabel);
  expect(labels).toEqual([
    'Action 3.2 Recruit coordinators — Written Statement of Action 2020',
    'Action 3.2 Recruit coordinators — Accelerated progress plan 2024',
    'Priority 3 Inclusion again — Accelerated progress plan 2024',
    'Milestone: Coordinators in post (action 3.2) — Accelerated progress plan 2024',
    'Identifying and assessing needs (Self-evaluation, autumn 2026)',
  ]);
  // The same words from the other end (the list of evidence for one target).
  const fromSection = await t.api.call('evidence:links', { target: { type: 'sefSection', id: needs.id } });
  expect(fromSection[0]!.targetLabel).toBe('Identifying and assessing needs (Self-evaluation, autumn 2026)');
});
