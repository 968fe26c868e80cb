/**
 * The Excel plan export, part by part, against a copy kept beside this test: every cell's value
 * and style, the row heights, data validations, conditional formatting, protection, print setup
 * and the Row IDs with their fingerprints (issue #17: the export was made faster and must write
 * exactly what it wrote before). The only parts that differ between runs are masked: the
 * workbook's own id and the export record's id.
 *
 * A deliberate change to the export changes the copy: review the diff, then run this file with
 * `npx vitest run test/exports-xlsx/export-golden.test.ts -u`.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture, type PlanFixture } from './plan-fixture';
import { exportPlan } from './xlsx-helpers';

let t: TestWorkbook;
let fixture: PlanFixture;
let parts: Record<string, string>;

/** More of what a real plan holds: evidence shared between records, every kind of update, overdue work. */
async function addVariety(f: PlanFixture): Promise<void> {
  const api = t.api;
  const [p1, p2] = (await api.call('priority:list', { planId: f.planId })).items.map((p) => p.id);
  const item = (title: string, extra: Record<string, unknown> = {}) =>
    api.call('evidence:create', { title, kind: 'board_paper', level: 'impact', ...extra });
  const link = (evidenceId: number, type: 'priority' | 'action' | 'milestone', id: number) =>
    api.call('evidence:link', { evidenceId, target: { type, id } });
  const shared = await item('SEND board minutes, October 2026', { effectiveFrom: '2026-10-01', effectiveTo: '2026-10-31', location: 'https://example.org/board/2026-10' });
  const personal = await item('Case file sample & audit notes <restricted>', { kind: 'case_study', level: 'output', containsPersonalData: true, location: 'S:\\SEND\\Audit\\2026' });
  const later = await item('Parent carer survey, autumn 2026', { kind: 'survey', level: 'activity' });
  // One item linked to a priority, an action and a milestone; another to two actions.
  await link(shared.id, 'priority', p1!);
  await link(shared.id, 'action', f.actions.a11);
  await link(shared.id, 'milestone', f.milestones.m112);
  await link(personal.id, 'action', f.actions.a12);
  await link(personal.id, 'action', f.actions.a21);
  await link(personal.id, 'milestone', f.milestones.m211);
  await link(later.id, 'priority', p2!);
  await link(later.id, 'milestone', f.milestones.m111);
  // Updates with every field, the newest first on the Plan sheet, and a milestone now overdue.
  await api.call('progress:create', {
    actionId: f.actions.a11,
    reportedOn: '2026-11-01',
    periodLabel: 'November 2026',
    status: 'delayed',
    rag: 'amber',
    highlights: 'Second audit done.\nThree plans of ten rated good.',
    issues: 'Health advice often late.',
    mitigation: 'Escalated to the DCO; weekly tracker.',
  });
  await api.call('progress:create', { actionId: f.actions.a12, reportedOn: '2026-09-12', status: 'not_started' });
  await api.call('milestone:create', { actionId: f.actions.a12, title: 'Training programme designed', dueOn: '2026-10-31', periodLabel: 'Q3 2026/27' });
  await api.call('value:set', { indicatorId: f.indicatorId, periodLabel: '2023', periodStart: '2023-01-01', geography: 'local', value: 48 });
  await api.call('value:set', { indicatorId: f.indicatorId, periodLabel: '2023', periodStart: '2023-01-01', geography: 'england', value: 45.1 });
}

/** Each part of the file as text, one element a line, with the ids that differ between runs masked. */
function readable(bytes: Buffer, workbookId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)).sort(([a], [b]) => a.localeCompare(b))) {
    out[name] = strFromU8(data)
      .split(workbookId)
      .join('WORKBOOK-ID')
      .replace(/:x:[A-Za-z0-9_-]+/g, ':x:EXPORT-ID')
      .replace(/></g, '>\n<');
  }
  return out;
}

beforeAll(async () => {
  t = makeTestWorkbook();
  fixture = await buildPlanFixture(t.api);
  await addVariety(fixture);
  const workbookId = t.workbook.sqlite.prepare('SELECT workbook_id FROM workbook_info WHERE id = 1').pluck().get() as string;
  parts = readable(await exportPlan(t.api, fixture.planId), workbookId);
});
afterAll(() => t.cleanup());

describe('Excel plan export, part by part', () => {
  it('holds the same parts as before', () => {
    expect(Object.keys(parts)).toMatchSnapshot();
  });

  it('masks only the two ids that change between runs', () => {
    const lists = Object.entries(parts).find(([, text]) => text.includes(':plan:'))?.[1] ?? '';
    expect(lists).toMatch(/ewb:WORKBOOK-ID:plan:\d+:at:2026-11-22T10:00:00.000Z:x:EXPORT-ID/);
    expect(Object.values(parts).join('')).toMatch(/ewb:WORKBOOK-ID:action:\d+:v\d+:(?:[A-Za-z0-9_-]{6}){13}</);
  });

  it('writes every part exactly as before', async () => {
    for (const [name, text] of Object.entries(parts)) {
      await expect(text, name).toMatchFileSnapshot(`./__snapshots__/export-golden/${name.replace(/\//g, '__')}.txt`);
    }
  });
});
