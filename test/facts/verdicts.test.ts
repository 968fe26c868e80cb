/**
 * A revisit with mixed verdicts (issue #13): counts on the event's own record, the headline
 * sentence on the event, the Overview, the SEF's progress against findings and the progress
 * report of the plan that answers the findings. Area SEND monitoring reads in its own terms.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { progressText, sefText } from './helpers';

const SENTENCE = 'Sufficient progress on 4 of 5 significant areas of weakness; not on 1: SW5';
let t: TestWorkbook;
let revisitId: number;
let planId: number;
let sefId: number;

beforeAll(async () => {
  t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z', areaName: 'Bristol' });
  const api = t.api;
  const inspection = await api.call('event:create', { kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Joint local area SEND inspection, March 2019', onsiteStartOn: '2019-03-11', onsiteEndOn: '2019-03-15' });
  const revisit = await api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit, November 2022', onsiteStartOn: '2022-11-07', onsiteEndOn: '2022-11-09' });
  revisitId = revisit.id;
  const ids: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const f = await api.call('finding:create', { eventId: inspection.id, type: 'significant_weakness', reference: `SW${i}`, title: `Weakness ${i}` });
    ids.push(f.id);
    await api.call('assessment:create', { findingId: f.id, eventId: revisit.id, result: i === 5 ? 'not_sufficient_progress' : 'sufficient_progress', assessedOn: '2022-11-25' });
  }
  await api.call('finding:create', { eventId: inspection.id, type: 'strength', title: 'Strong co-production' });
  const plan = await api.call('plan:create', { type: 'app', title: 'Accelerated Progress Plan', status: 'approved', eventId: revisit.id });
  planId = plan.id;
  const p = await api.call('priority:create', { planId, reference: '1', title: 'Relationships with parents', findingIds: [ids[4]!] });
  await api.call('action:create', { priorityId: p.id, reference: '1.1', what: 'Co-produce the communication strategy', dueOn: '2027-03-31' });
  sefId = (await api.call('sef:create', { title: 'SEF 2026', frameworkId: 'joint-2016', asOf: '2026-11-22' })).id;
});
afterAll(() => t.cleanup());

test('the revisit’s own record carries the counts per result and the sentence', async () => {
  const event = await t.api.call('event:get', { id: revisitId });
  expect(event.findingCount).toBe(0);
  expect(event.verdicts?.counts).toEqual([
    { result: 'sufficient_progress', label: 'Sufficient progress', count: 4 },
    { result: 'not_sufficient_progress', label: 'Not made sufficient progress', count: 1 },
  ]);
  expect(event.verdicts?.sentence).toBe(SENTENCE);
  const listed = (await t.api.call('event:list', {})).items.find((e) => e.id === revisitId)!;
  expect(listed.verdicts?.sentence).toBe(SENTENCE);
});

test('the Overview, the SEF and the progress report say it too', async () => {
  const overview = await t.api.call('overview:get', { planId });
  expect(overview.readiness?.verdicts).toEqual([{ eventId: revisitId, title: 'Revisit, November 2022', sentence: SENTENCE }]);
  expect(overview.readiness?.findings.map((f) => [f.reference, f.latestVerdict?.label])).toEqual([['SW5', 'Not made sufficient progress']]);
  expect(await sefText(t.api, sefId)).toContain(`Revisit, November 2022: ${SENTENCE}.`);
  expect(await progressText(t.api, planId)).toContain(`Revisit, November 2022: ${SENTENCE}.`);
});

test('a 2016-framework SEF defaults to a scale that framework uses, not the Area SEND predicted outcome', async () => {
  const sef = await t.api.call('sef:get', { id: sefId });
  expect(sef.scaleId).not.toBe('predicted-outcome');
  const chosen = await t.api.call('sef:create', { title: 'SEF chosen scale', frameworkId: 'joint-2016', scaleId: 'edee', asOf: '2026-11-22' });
  expect(chosen.scaleId).toBe('edee');
});

test('an Area SEND monitoring inspection reads in its own terms', async () => {
  const api = t.api;
  const full = await api.call('event:create', { kind: 'full_inspection', frameworkId: 'area-send-2023', title: 'Area SEND inspection 2023', outcome: 'widespread_failings' });
  const monitoring = await api.call('event:create', { kind: 'monitoring_inspection', frameworkId: 'area-send-2023', title: 'Monitoring inspection 2025' });
  for (let i = 1; i <= 3; i++) {
    const f = await api.call('finding:create', { eventId: full.id, type: 'area_for_priority_action', reference: `APA${i}`, title: `Priority ${i}` });
    if (i < 3) await api.call('assessment:create', { findingId: f.id, eventId: monitoring.id, result: i === 1 ? 'improved' : 'not_improved', assessedOn: '2025-06-20' });
  }
  const event = await api.call('event:get', { id: monitoring.id });
  expect(event.verdicts?.sentence).toBe('Improvement seen in 1 of 3 areas for priority action; not improved enough in 1: APA2; no verdict recorded on 1: APA3');
});
