/**
 * One action, one RAG; one milestone, one state (issue #13). A workbook with actions covering
 * every RAG path and milestones in every effective state, read as at one date by the Overview
 * read model, the action read model, the Word SEF, the Word progress report and the Excel plan
 * (files read back with real readers): every surface says the same for every action.
 */
import { label } from '../../electron/contract/enums';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Client } from '../../electron/contract/client';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { planWorkbook, progressText, RAG_BY_LABEL, sefText, sheetRows } from './helpers';

const AS_OF = '2026-11-22';
let t: TestWorkbook;
let api: Client;
let planId: number;
let sefId: number;
const expected = new Map<string, { rag: string; source: string }>();

beforeAll(async () => {
  t = makeTestWorkbook({ now: `${AS_OF}T10:00:00Z` });
  api = t.api;
  const plan = await api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action', status: 'approved', startsOn: '2026-01-01', endsOn: '2027-12-31' });
  planId = plan.id;
  const p = await api.call('priority:create', { planId, reference: '1', title: 'Identification of needs' });
  const action = (reference: string, what: string, extra: Record<string, unknown> = {}) =>
    api.call('action:create', { priorityId: p.id, reference, what, startsOn: '2026-01-01', dueOn: '2027-06-30', ...extra });

  // 1.1 derived green: nothing missed.
  await action('1.1', 'Publish the local offer');
  expected.set('1.1', { rag: 'green', source: 'derived' });
  // 1.2 derived red: due date passed.
  await action('1.2', 'Agree the joint commissioning framework', { dueOn: '2026-10-31' });
  expected.set('1.2', { rag: 'red', source: 'derived' });
  // 1.3 override with a reason beats the derived red.
  await action('1.3', 'Clear the assessment backlog', { dueOn: '2026-09-30', ragOverride: 'amber', ragOverrideReason: 'Recovery plan agreed by the board on 15/11/2026' });
  expected.set('1.3', { rag: 'amber', source: 'override' });
  // 1.4 the latest update's RAG beats the derived amber from an overdue milestone.
  const a14 = await action('1.4', 'Train SENCos in the graduated approach');
  await api.call('milestone:create', { actionId: a14.id, title: 'First cohort trained', dueOn: '2026-10-01' });
  await api.call('progress:create', { actionId: a14.id, reportedOn: '2026-11-10', status: 'on_track', rag: 'green', highlights: 'Cohort trained; register late.' });
  expected.set('1.4', { rag: 'green', source: 'update' });
  // 1.5 a red update corrected by an amber one: the correction supersedes it.
  const a15 = await action('1.5', 'Improve EHC plan quality');
  const wrong = await api.call('progress:create', { actionId: a15.id, reportedOn: '2026-11-12', status: 'delayed', rag: 'red', highlights: 'Typed against the wrong action.' });
  await api.call('progress:create', { actionId: a15.id, reportedOn: '2026-11-01', status: 'on_track', rag: 'amber', highlights: 'Audit under way.', supersedesId: wrong.id });
  expected.set('1.5', { rag: 'amber', source: 'update' });
  // 1.6 complete.
  const a16 = await action('1.6', 'Launch the SENDIASS helpline', { dueOn: '2026-06-30' });
  await api.call('progress:create', { actionId: a16.id, reportedOn: '2026-07-01', status: 'complete', highlights: 'Helpline live.' });
  expected.set('1.6', { rag: 'green', source: 'derived' });

  // Milestones in every effective state, on 1.2 (already red because its due date has passed).
  const a12 = (await api.call('action:list', { planId })).items.find((a) => a.reference === '1.2')!;
  await api.call('milestone:create', { actionId: a12.id, title: 'Draft agreed', dueOn: '2026-03-31', status: 'achieved', achievedOn: '2026-03-20' });
  await api.call('milestone:create', { actionId: a12.id, title: 'Consultation', dueOn: '2026-05-31', status: 'partially_achieved', achievedOn: '2026-06-02' });
  await api.call('milestone:create', { actionId: a12.id, title: 'ICB sign-off', dueOn: '2026-07-31', status: 'not_achieved' });
  await api.call('milestone:create', { actionId: a12.id, title: 'Cabinet decision', dueOn: '2026-09-30' });
  await api.call('milestone:create', { actionId: a12.id, title: 'Go live', dueOn: '2027-01-31' });

  const sef = await api.call('sef:create', { title: 'SEF 2026', frameworkId: 'area-send-2025', scaleId: 'predicted-outcome', asOf: AS_OF });
  sefId = sef.id;
  const section = (await api.call('section:list', { sefId }))[0]!;
  for (const a of (await api.call('action:list', { planId })).items) await api.call('section:linkAction', { sectionId: section.id, actionId: a.id });
});
afterAll(() => t.cleanup());

test('every surface reads the same RAG for every action, and says which source won', async () => {
  const actions = (await api.call('action:list', { planId })).items;
  const overview = await api.call('overview:get', { planId, asOf: AS_OF });
  const sef = await sefText(api, sefId);
  const progress = await progressText(api, planId, AS_OF);
  const plan = sheetRows((await planWorkbook(api, planId)).getWorksheet('Plan')!, 2);

  for (const a of actions) {
    const want = expected.get(a.reference)!;
    const onScreen = await api.call('action:get', { id: a.id });
    expect([a.reference, onScreen.rag, onScreen.ragSource]).toEqual([a.reference, want.rag, want.source]);
    expect(onScreen.ragSourceWords.length).toBeGreaterThan(20);
    expect(overview.actionRags!.find((x) => x.actionId === a.id)?.rag).toBe(want.rag);
    const inSef = new RegExp(`${a.reference.replace('.', '\\.')} ${a.what}[^\\n]*RAG:\\s*(\\w+)`).exec(sef);
    expect([a.reference, RAG_BY_LABEL[inSef?.[1] ?? '']]).toEqual([a.reference, want.rag]);
    const inProgress = new RegExp(`${a.reference.replace('.', '\\.')} ${a.what}\\s*\\n\\s*Status:[^\\n]*?RAG:\\s*(\\w+)`).exec(progress);
    expect([a.reference, RAG_BY_LABEL[inProgress?.[1] ?? '']]).toEqual([a.reference, want.rag]);
    const row = plan.find((r) => r['Action ref'] === a.reference);
    expect([a.reference, RAG_BY_LABEL[row?.RAG ?? '']]).toEqual([a.reference, want.rag]);
  }
  // The overridden RAG still shows what the dates say.
  const overridden = actions.find((a) => a.reference === '1.3')!;
  expect(overridden.ragDerived).toBe('red');
  const reported = actions.find((a) => a.reference === '1.4')!;
  expect(reported.ragSourceWords).toContain('Worked out from the dates it would be Amber');
});

test('milestones read the same effective state on the Overview, the progress report and the Excel summary', async () => {
  const overview = await api.call('overview:get', { planId, asOf: AS_OF });
  const count = (key: string) => overview.milestones.byStatus.find((s) => s.key === key)!.count;
  // 1.4's milestone is overdue too: two overdue, one of each result, one not yet due.
  expect([count('achieved'), count('partially_achieved'), count('not_achieved'), count('overdue'), count('not_yet_due')]).toEqual([1, 1, 1, 2, 1]);
  expect(overview.overdue.filter((o) => o.kind === 'milestone').map((o) => o.title).sort()).toEqual(['Cabinet decision', 'First cohort trained']);

  const progress = await progressText(api, planId, AS_OF);
  // The five milestones due by the date, with their states in words (Bristol's wording for results).
  expect(progress).toContain('has 5 milestones due by 22/11/2026: 1 (20%) largely achieved, 1 (20%) partially achieved and on track, 1 (20%) not yet achieved, 2 (40%) overdue (due date passed with no result recorded).');
  expect(progress).toMatch(/1\.2 Cabinet decision \(due 30\/09\/2026; Overdue\)/);

  const summary = (await planWorkbook(api, planId)).getWorksheet('Summary')!;
  const words: Record<string, number> = {};
  summary.eachRow((row) => {
    const [, name, n] = row.values as unknown[];
    if (typeof name === 'string' && typeof n === 'number' && !(name in words)) words[name] = n;
  });
  expect([words['Largely achieved'], words['Partially achieved and on track'], words['Not achieved'], words.Overdue, words['Not yet due']]).toEqual([1, 1, 1, 2, 1]);

  // The Milestones sheet keeps the recorded status editable and shows the effective state beside it.
  const milestoneRows = sheetRows((await planWorkbook(api, planId)).getWorksheet('Milestones')!, 2).filter((m) => m.Milestone);
  const cabinet = milestoneRows.find((m) => m.Milestone === 'Cabinet decision')!;
  expect([cabinet['Milestone status'], cabinet['State at export']]).toEqual(['Not yet due', label('overdue')]);
  expect(milestoneRows.filter((m) => m['State at export'] === label('overdue'))).toHaveLength(2);
});

test('a correction supersedes the update it corrects: the old stays in history, marked, and no longer counts', async () => {
  const a15 = (await api.call('action:list', { planId })).items.find((a) => a.reference === '1.5')!;
  expect(a15.status).toBe('on_track');
  const history = (await api.call('progress:list', { actionId: a15.id })).items;
  expect(history).toHaveLength(2);
  const old = history.find((u) => u.rag === 'red')!;
  const correction = history.find((u) => u.rag === 'amber')!;
  expect([old.supersededById, correction.supersedesId]).toEqual([correction.id, old.id]);
  // Correcting it again, or from another action, is refused in words.
  const again = await t.dispatch('progress:create', { actionId: a15.id, reportedOn: '2026-11-20', status: 'on_track', supersedesId: old.id });
  expect(again).toMatchObject({ ok: false, error: { message: expect.stringContaining('has already been corrected') } });
  const other = (await api.call('action:list', { planId })).items.find((a) => a.reference === '1.1')!;
  const stray = await t.dispatch('progress:create', { actionId: other.id, reportedOn: '2026-11-20', status: 'on_track', supersedesId: correction.id });
  expect(stray).toMatchObject({ ok: false, error: { issues: [{ path: 'supersedesId' }] } });
});
