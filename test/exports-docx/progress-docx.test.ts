import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '../../electron/contract/enums';
import { buildProgressDocx } from '../../electron/core/exports/docx/progress-document';
import { buildProgressModel, GROUPED_STATUSES } from '../../electron/core/exports/docx/progress-model';
import { makeTestWorkbook } from '../helpers/temp-workbook';
import { headings, makeFixture, plainText, unzipDocx, type Fixture } from './fixture';

let f: Fixture;
let parts: Record<string, string>;
let text: string;

async function exportText(input: Parameters<typeof f.api.call<'export:progressDocx'>>[1], api = f.api): Promise<string> {
  const out = await api.call('export:progressDocx', input);
  return plainText(unzipDocx(Buffer.from(out.base64, 'base64'))['word/document.xml']!);
}

beforeAll(async () => {
  f = await makeFixture();
  const out = await f.api.call('export:progressDocx', { periodLabel: 'November 2020', asOf: '2020-11-30' });
  parts = unzipDocx(Buffer.from(out.base64, 'base64'));
  text = plainText(parts['word/document.xml']!);
});
afterAll(() => f.cleanup());

describe('plan progress report', () => {
  it('opens with the milestone summary, percentages adding up to 100', () => {
    expect(text).toContain('Written Statement of Action: progress update November 2020');
    expect(text).toContain(
      'The Written Statement of Action has 6 milestones due by November 2020: 3 (50%) largely achieved, 2 (33%) partially achieved and on track, 1 (17%) not yet achieved.',
    );
  });

  it('words the Bristol November 2020 summary as Bristol did (66 milestones: 50%, 39%, 11%)', async () => {
    const t = makeTestWorkbook({ now: '2020-11-30T12:00:00Z' });
    try {
      const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'Bristol WSOA' });
      const p = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'Accountability' });
      const a = await t.api.call('action:create', { priorityId: p.id, reference: '1.1', what: 'Everything' });
      const statuses = [...Array(33).fill('achieved'), ...Array(26).fill('partially_achieved'), ...Array(7).fill('not_achieved')] as ('achieved' | 'partially_achieved' | 'not_achieved')[];
      for (const [i, status] of statuses.entries()) {
        await t.api.call('milestone:create', { actionId: a.id, title: `Milestone ${i + 1}`, dueOn: '2020-11-16', periodLabel: 'November 2020', status });
      }
      expect(await exportText({ periodLabel: 'November 2020' }, t.api)).toContain(
        '66 milestones due by November 2020: 33 (50%) largely achieved, 26 (39%) partially achieved and on track, 7 (11%) not yet achieved.',
      );
    } finally {
      t.cleanup();
    }
  });

  it('gives each priority its completed, delayed and not-achieved actions with their latest highlights and issues', () => {
    const h = headings(parts['word/document.xml']!);
    expect(h.filter(([l]) => l === 1).map(([, t]) => t)).toEqual([
      'Summary of progress against the milestones',
      'Priority 1: Accountability',
      'Priority 2: EHC plans',
      'Key indicators',
      'Next steps',
      'Glossary of abbreviations',
    ]);
    expect(text).toMatch(/Priority 1: Accountability[\s\S]*?Actions completed\s*\n\s*1\.1 Publish a local data set monthly[\s\S]*?A local data set is updated monthly and available online\.[\s\S]*?Delayed actions\s*\n\s*1\.2 Agree a joint commissioning framework\s*\n\s*Status: Delayed; RAG:\s+Amber\s*; Due 30\/11\/2020[\s\S]*?Issues\s*\n\s*ICB sign-off moved to January\./);
    expect(text).toMatch(/Priority 2: EHC plans[\s\S]*?Actions not achieved\s*\n\s*2\.1 Clear the backlog[\s\S]*?RAG:\s+Red[\s\S]*?EP vacancies\./);
  });

  it('repeats the summary table header and lists key indicators and next steps', () => {
    const doc = parts['word/document.xml']!;
    expect((doc.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThanOrEqual(3);
    // The report is as at 30/11/2020: values for periods starting later did not exist yet (issue #13).
    expect(text).toMatch(/KPI1 EHC plans issued within 20 weeks\s*\n\s*No data yet/);
    expect(text).toContain('The next review of the plan is on 16/03/2021 (every 4 months).');
    expect(text).toMatch(/Milestones carried forward[\s\S]*?3 milestones are not yet fully achieved and carry forward/);
    expect(text).toMatch(/Milestones for March 2021\s*\n\s*2\.1 New EHC template in use \(due 16\/03\/2021; Not yet due\)/);
    const headerXml = Object.entries(parts).filter(([n]) => /^word\/header\d*\.xml$/.test(n)).map(([, x]) => x).join('');
    expect(plainText(headerXml)).toContain('OFFICIAL-SENSITIVE');
    expect(parts['docProps/core.xml']).toContain('<dc:language>en-GB</dc:language>');
  });

  it('an update with status and RAG but no words is reported as such, not as no update', async () => {
    const t = makeTestWorkbook({ now: '2020-11-30T12:00:00Z' });
    try {
      const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'Imported WSOA' });
      const p = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'Accountability' });
      const a = await t.api.call('action:create', { priorityId: p.id, reference: '1.1', what: 'Publish the strategy' });
      await t.api.call('action:create', { priorityId: p.id, reference: '1.2', what: 'Train leaders' });
      await t.api.call('progress:create', { actionId: a.id, reportedOn: '2020-11-20', status: 'delayed', rag: 'red' });
      const report = await exportText({}, t.api);
      expect(report).toContain('The latest update (20/11/2020) recorded status and RAG only, with no commentary.');
      expect(report.match(/No progress update has been recorded for this action yet\./g)).toHaveLength(1);
      // Milestones outside "due by" are accounted for, so the figures reconcile with the Excel plan's 3.
      await t.api.call('milestone:create', { actionId: a.id, title: 'Draft agreed', dueOn: '2020-10-31', status: 'achieved' });
      await t.api.call('milestone:create', { actionId: a.id, title: 'Consultation', dueOn: '2021-01-31' });
      await t.api.call('milestone:create', { actionId: a.id, title: 'Charter signed', status: 'achieved' });
      const withMilestones = await exportText({}, t.api);
      expect(withMilestones).toContain('has 1 milestone due by 30/11/2020: 1 (100%) largely achieved.');
      expect(withMilestones).toContain('Not counted above: 1 milestone due after 30/11/2020 and 1 milestone with no due date (1 (100%) largely achieved). The plan has 3 milestones in all.');
    } finally {
      t.cleanup();
    }
  });

  it('reports the status as at the report date, not later changes', async () => {
    const actions = await f.api.call('action:list', { planId: f.planId });
    const a12 = actions.items.find((a) => a.reference === '1.2')!;
    await f.api.call('progress:create', { actionId: a12.id, reportedOn: '2021-01-20', periodLabel: 'March 2021', status: 'complete', highlights: 'Framework agreed by the ICB board.' });
    const then = await exportText({ periodLabel: 'November 2020', asOf: '2020-11-30' });
    expect(then).toMatch(/Delayed actions\s*\n\s*1\.2 Agree/);
    expect(then).not.toContain('Framework agreed by the ICB board.');
    const now = await exportText({ periodLabel: 'March 2021', asOf: '2021-03-31' });
    expect(now).toMatch(/Actions completed[\s\S]*?1\.2 Agree a joint commissioning framework[\s\S]*?Framework agreed by the ICB board\./);
  });

  it('for a named period, is as at the end of that period unless a date is given', async () => {
    const t = await exportText({ periodLabel: 'November 2020' });
    expect(t).toContain('Report as at 16/11/2020.');
    expect(t).toMatch(/Delayed actions\s*\n\s*1\.2 Agree/);
  });

  it('without a period, counts the milestones due by the report date', () => {
    const m = buildProgressModel(f.session.context()!, { asOf: '2021-12-31' });
    expect(m.milestones.total).toBe(7);
    expect(m.plan.id).toBe(f.planId);
  });

  it('says so when the period has no milestones, and names the periods that do', async () => {
    const t = await exportText({ periodLabel: 'July 2019' });
    expect(t).toContain('The Written Statement of Action has no milestones due by July 2019, so there is no milestone progress to report.');
    expect(t).toContain('Reporting periods that do have milestones: November 2020, March 2021.');
  });

  it('exports a plan with no priorities or milestones as a document that says so', async () => {
    const t = makeTestWorkbook();
    try {
      const r = await t.api.result('export:progressDocx', {});
      expect(!r.ok && r.error.message).toMatch(/^Create an action plan first/);
      await t.api.call('plan:create', { type: 'improvement', title: 'SEND improvement plan' });
      const bytes = await buildProgressDocx(t.session.context()!, {});
      const doc = plainText(unzipDocx(bytes)['word/document.xml']!);
      expect(doc).toContain('The plan has no milestones due by 22/11/2026, so there is no milestone progress to report.');
      expect(doc).toContain('This plan has no priorities yet.');
      expect(doc).toContain('No key indicators are recorded in this workbook yet.');
    } finally {
      t.cleanup();
    }
  });

  it('puts every action status in a group, so no action is missing from the report', () => {
    expect([...ACTION_STATUSES].sort()).toEqual([...GROUPED_STATUSES].sort());
  });
});
