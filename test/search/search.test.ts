import { searchWorkbook } from '../../electron/core/search/search-workbook';
import { attach, fileTestWorkbook, newEvidence } from '../files/helpers';
import { makeDocx, utf8 } from '../files/fixtures';

let t: ReturnType<typeof fileTestWorkbook>;
beforeEach(() => {
  t = fileTestWorkbook();
});
afterEach(() => t.cleanup());

const titles = (out: { results: { title: { text: string }[] }[] }) => out.results.map((r) => r.title.map((p) => p.text).join(''));
const search = (q: string, extra: Record<string, unknown> = {}) => t.api.call('search:query', { q, ...extra });

async function plan() {
  const ev = await t.api.call('event:create', { kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Joint local area SEND inspection 2019', publishedOn: '2019-05-20' });
  const finding = await t.api.call('finding:create', { eventId: ev.id, type: 'significant_weakness', reference: 'SW3', title: 'Exclusions of children with SEND', text: 'High rates of fixed-term exclusion.' });
  const p = await t.api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action' });
  const priority = await t.api.call('priority:create', { planId: p.id, reference: '3', title: 'Inclusion', findingIds: [finding.id] });
  const action = await t.api.call('action:create', { priorityId: priority.id, reference: '3.1', what: 'Reduce exclusions through an inclusion charter', dueOn: '2020-07-31' });
  return { ev, finding, plan: p, priority, action };
}

describe('search finds what an officer types', () => {
  test('ranks a title match above a passing mention, with highlighted snippets', async () => {
    await newEvidence(t, 'Minutes of the schools forum', { summary: 'Item 4 touched on exclusions briefly among many other things discussed at length.' });
    await newEvidence(t, 'Exclusions data report 2023/24', { summary: 'Permanent exclusions of pupils with SEND fell.' });
    const out = await search('exclusions');
    expect(titles(out)).toEqual(['E-002 Exclusions data report 2023/24', 'E-001 Minutes of the schools forum']);
    expect(out.results[0]!.title).toContainEqual({ text: 'Exclusions', hit: true });
    expect(out.results[1]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['exclusions']);
    expect(out.results[0]!.context).toBe('Evidence · Board paper · Impact');
    expect(out.total).toBe(2);
  });

  test('each result on the page carries its own highlights, also for a long prefix and rows skipped between', async () => {
    await newEvidence(t, 'Exclusions panel terms of reference', { summary: 'How the panel works.' });
    await newEvidence(t, 'Minutes of the schools forum', { summary: 'Among other items the forum noted exclusionary practice.' });
    await newEvidence(t, 'Exclusions dashboard', { summary: 'Monthly exclusions by setting.' });
    const out = await search('exclusi', { limit: 2 });
    // The body-only mention (the middle record) is ranked last and left off the page.
    expect(titles(out)).toEqual(['E-003 Exclusions dashboard', 'E-001 Exclusions panel terms of reference']);
    expect(out.total).toBe(3);
    expect(out.results.map((r) => r.title.filter((p) => p.hit).map((p) => p.text))).toEqual([['Exclusions'], ['Exclusions']]);
    expect(out.results[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['exclusions']);
    expect(out.results[1]!.snippet.map((p) => p.text).join('').trim()).toBe('How the panel works.');
  });

  test('matches as you type (prefixes) and ignores case and accents both ways', async () => {
    await newEvidence(t, 'Café conversations with Zoë and the PCF');
    await newEvidence(t, 'NAÏVE survey of cafe staff');
    expect(titles(await search('exclu'))).toEqual([]);
    expect(titles(await search('conver'))).toEqual(['E-001 Café conversations with Zoë and the PCF']);
    expect(titles(await search('cafe')).sort()).toEqual(['E-001 Café conversations with Zoë and the PCF', 'E-002 NAÏVE survey of cafe staff']);
    expect(titles(await search('CAFÉ'))).toHaveLength(2);
    expect(titles(await search('zoe'))).toEqual(['E-001 Café conversations with Zoë and the PCF']);
    expect(titles(await search('naive'))).toEqual(['E-002 NAÏVE survey of cafe staff']);
  });

  test('"quoted words" are searched as a phrase', async () => {
    await newEvidence(t, 'Annual review timeliness');
    await newEvidence(t, 'Review of annual budgets');
    expect(titles(await search('"annual review"'))).toEqual(['E-001 Annual review timeliness']);
    expect(titles(await search('annual review'))).toHaveLength(2);
  });

  test('covers findings, actions, milestones, progress, SEF narratives, indicators, people and file text', async () => {
    const { action } = await plan();
    await t.api.call('milestone:create', { actionId: action.id, title: 'Inclusion charter signed by all secondaries', dueOn: '2020-03-31' });
    await t.api.call('progress:create', { actionId: action.id, reportedOn: '2020-11-15', status: 'on_track', highlights: 'Charter launched; exclusions down 12%.' });
    await t.api.call('indicator:create', { code: 'KPI-7', title: 'Fixed-term exclusions of pupils with SEND' });
    await t.api.call('person:create', { name: 'Jo Inclusion-Lead', role: 'Head of exclusions and inclusion' });
    const sef = await t.api.call('sef:create', { title: 'SEF 2026', frameworkId: 'area-send-2025', scaleId: 'edee', asOf: '2026-11-01' });
    const [section] = await t.api.call('section:list', { sefId: sef.id });
    await t.api.call('section:update', { id: section!.id, whatWeKnow: 'Exclusions are falling but remain above England.' });
    const item = await newEvidence(t, 'Board pack');
    await attach(t, item.id, 'pack.docx', await makeDocx(['The exclusions panel met monthly.']));
    await t.textReady();

    const out = await search('exclusion', { limit: 50 });
    expect(Object.keys(out.counts).sort()).toEqual(['action', 'evidenceFile', 'finding', 'indicator', 'person', 'progress', 'section'].sort());
    const types = new Set(out.results.map((r) => r.type));
    expect(types.size).toBe(7);
    const file = out.results.find((r) => r.type === 'evidenceFile')!;
    expect(file.openAt).toEqual({ type: 'evidence', id: item.id });
    expect(file.context).toBe('File in E-001 Board pack');
    const sectionHit = out.results.find((r) => r.type === 'section')!;
    expect(sectionHit.title.map((p) => p.text).join('')).not.toBe('');
    const progress = out.results.find((r) => r.type === 'progress')!;
    expect(progress.openAt).toEqual({ type: 'action', id: action.id });
    expect(progress.context).toBe('Progress update of 15/11/2020 on action 3.1 — Written Statement of Action');
    // Actions and milestones carry their plan: action numbers repeat between plans (issue #15).
    expect(out.results.find((r) => r.type === 'action')!.context).toBe('Action in priority 3 — Written Statement of Action · In progress, on track');
    const milestone = (await search('charter', { types: ['milestone'] })).results[0]!;
    expect(milestone.context).toMatch(/^Milestone of action 3\.1 — Written Statement of Action · /);
    expect(titles(await search('charter', { types: ['milestone'] }))).toEqual(['Inclusion charter signed by all secondaries']);
  });

  test('filters by type, kind, level, date and linked item', async () => {
    const { action, finding } = await plan();
    const a = await newEvidence(t, 'Inclusion audit', { kind: 'audit', level: 'impact', effectiveFrom: '2021-09-01' });
    const b = await newEvidence(t, 'Inclusion survey', { kind: 'survey', level: 'output', effectiveFrom: '2023-09-01' });
    await t.api.call('evidence:link', { evidenceId: a.id, target: { type: 'action', id: action.id } });
    await t.api.call('evidence:link', { evidenceId: b.id, target: { type: 'finding', id: finding.id } });

    expect(titles(await search('inclusion', { types: ['priority'] }))).toEqual(['3 Inclusion']);
    expect(titles(await search('inclusion', { kind: 'survey' }))).toEqual(['E-002 Inclusion survey']);
    expect(titles(await search('inclusion', { level: 'impact' }))).toEqual(['E-001 Inclusion audit']);
    expect(titles(await search('inclusion', { from: '2022-01-01', types: ['evidence'] }))).toEqual(['E-002 Inclusion survey']);
    expect(titles(await search('inclusion', { to: '2022-01-01', types: ['evidence', 'action'] })).sort()).toEqual(['3.1 Reduce exclusions through an inclusion charter', 'E-001 Inclusion audit']);
    expect(titles(await search('inclusion', { linkedTo: { type: 'finding', id: finding.id } }))).toEqual(['E-002 Inclusion survey']);
    expect(titles(await search('inclusion', { linkedTo: { type: 'action', id: action.id } }))).toEqual(['E-001 Inclusion audit']);
    const counted = await search('inclusion', { types: ['evidence'] });
    expect(counted.total).toBe(2);
    expect(counted.counts.priority).toBe(1);
  });

  test('the plain function the benchmark calls gives the same answer as the channel', async () => {
    await newEvidence(t, 'Exclusions data report');
    const viaChannel = await search('exclusions');
    expect(searchWorkbook(t.ctx, { q: 'exclusions' })).toEqual(viaChannel);
  });
});

describe('the index stays in step', () => {
  test('after edits, deletes to the Bin and restores', async () => {
    const item = await newEvidence(t, 'Tribunal appeals analysis');
    expect(titles(await search('tribunal'))).toHaveLength(1);
    await t.api.call('evidence:update', { id: item.id, title: 'Mediation outcomes analysis' });
    expect(titles(await search('tribunal'))).toEqual([]);
    expect(titles(await search('mediation'))).toEqual(['E-001 Mediation outcomes analysis']);
    const binned = await t.api.call('evidence:delete', { id: item.id });
    expect(titles(await search('mediation'))).toEqual([]);
    await t.api.call('bin:restore', { binEntryId: binned.binEntryId });
    expect(titles(await search('mediation'))).toEqual(['E-001 Mediation outcomes analysis']);
  });

  test('binning a plan hides its actions; restoring it brings them back', async () => {
    const { plan: p } = await plan();
    expect(titles(await search('charter'))).toHaveLength(1);
    const binned = await t.api.call('plan:delete', { id: p.id });
    expect((await search('charter')).total).toBe(0);
    await t.api.call('bin:restore', { binEntryId: binned.binEntryId });
    expect(titles(await search('charter'))).toEqual(['3.1 Reduce exclusions through an inclusion charter']);
  });

  test('file text follows its file into the Bin and back', async () => {
    const item = await newEvidence(t, 'Pack');
    const { file } = await attach(t, item.id, 'notes.txt', utf8('Speech and language therapy waiting times'));
    await t.textReady();
    expect((await search('therapy')).results.map((r) => r.type)).toEqual(['evidenceFile']);
    const binned = await t.api.call('file:delete', { id: file.id });
    expect((await search('therapy')).total).toBe(0);
    await t.api.call('bin:restore', { binEntryId: binned.binEntryId });
    expect((await search('therapy')).total).toBe(1);
  });

  test('a date taken from the parent follows the parent', async () => {
    const { ev } = await plan();
    expect(titles(await search('exclusions', { types: ['finding'], from: '2019-01-01', to: '2019-12-31' }))).toHaveLength(1);
    await t.api.call('event:update', { id: ev.id, publishedOn: '2020-02-01' });
    expect(titles(await search('exclusions', { types: ['finding'], from: '2019-01-01', to: '2019-12-31' }))).toHaveLength(0);
  });
});
