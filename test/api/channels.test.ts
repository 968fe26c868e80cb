/**
 * Every core channel, happy path and rejection, through dispatch with output validation on.
 * The coverage test fails when a channel is added to the core contract without a case here.
 */
import { coreChannels, type ChannelName } from '../../electron/contract/channels';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildFixture, type Fixture } from './fixture';

type Case = { ok: (f: Fixture) => unknown; bad: (f: Fixture) => unknown; badCode?: string };

const MISSING = 999_999;

/** Valid and invalid input for each channel. Mutations run last-to-first safe (deletes at the end). */
const cases: Record<keyof typeof coreChannels, Case> = {
  'reference:get': { ok: () => ({}), bad: () => ({ extra: 1 }) },
  'workbook:info': { ok: () => ({}), bad: () => 'not an object' },
  'area:get': { ok: () => ({}), bad: () => [] },
  'area:update': { ok: () => ({ areaName: 'Testshire', statisticalNeighbours: ['E06000022'] }), bad: () => ({ statusKeyId: 'purple' }) },

  'partner:create': { ok: () => ({ name: 'Parent carer forum', kind: 'parent_carer_forum' }), bad: () => ({ name: '', kind: 'council' }) },
  'partner:get': { ok: (f) => ({ id: f.partnerId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'partner:list': { ok: () => ({ kind: 'council' }), bad: () => ({ kind: 'pirates' }) },
  'partner:update': { ok: (f) => ({ id: f.partnerId, notes: 'Lead partner' }), bad: (f) => ({ id: f.partnerId, kind: 'pirates' }) },
  'partner:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'person:create': { ok: (f) => ({ name: 'Designated Clinical Officer', partnerId: f.partnerId }), bad: () => ({ name: 'X', email: 'not-an-email' }) },
  'person:get': { ok: (f) => ({ id: f.personId }), bad: () => ({ id: -1 }) },
  'person:list': { ok: (f) => ({ partnerId: f.partnerId, search: 'SEND' }), bad: () => ({ limit: 100_000 }) },
  'person:update': { ok: (f) => ({ id: f.personId, role: 'SRO' }), bad: (f) => ({ id: f.personId, partnerId: MISSING }) },
  'person:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'event:create': {
    ok: () => ({ kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit 2022', publishedOn: '2022-11-25' }),
    bad: () => ({ kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit', publishedOn: '2022-02-30' }),
  },
  'event:get': { ok: (f) => ({ id: f.eventId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'event:list': { ok: () => ({ kind: 'full_inspection' }), bad: () => ({ offset: -1 }) },
  'event:update': { ok: (f) => ({ id: f.eventId, leadInspector: 'HMI Example' }), bad: (f) => ({ id: f.eventId, outcome: 'positive' }) },
  'event:delete': { ok: () => null, bad: () => ({ id: 'one' }) },

  'finding:create': {
    ok: (f) => ({ eventId: f.eventId, type: 'strength', title: 'Strong early years identification' }),
    bad: (f) => ({ eventId: f.eventId, type: 'area_for_priority_action', title: 'Wrong framework type' }),
  },
  'finding:get': { ok: (f) => ({ id: f.findingId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'finding:list': { ok: (f) => ({ eventId: f.eventId }), bad: () => ({ eventId: 0 }) },
  'finding:update': { ok: (f) => ({ id: f.findingId, title: 'EHC plan process and quality' }), bad: (f) => ({ id: f.findingId, partnerIds: [MISSING] }) },
  'finding:delete': { ok: () => null, bad: () => ({}) },

  'assessment:create': {
    ok: (f) => ({ findingId: f.findingId, result: 'commentary', commentary: 'Monitoring visit noted progress.', assessedOn: '2023-06-01' }),
    bad: (f) => ({ findingId: f.findingId, result: 'positive', assessedOn: '2023-06-01' }),
  },
  'assessment:list': { ok: (f) => ({ findingId: f.findingId }), bad: () => ({ findingId: MISSING }), badCode: 'not_found' },
  'assessment:update': { ok: (f) => ({ id: f.assessmentId, commentary: 'Four of five showing sufficient progress.' }), bad: (f) => ({ id: f.assessmentId, assessedOn: 'yesterday' }) },
  'assessment:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'plan:create': { ok: () => ({ type: 'app', title: 'Accelerated Progress Plan' }), bad: () => ({ type: 'spreadsheet', title: 'Plan' }) },
  'plan:get': { ok: (f) => ({ id: f.planId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'plan:list': { ok: () => ({ status: 'approved' }), bad: () => ({ status: 'lost' }) },
  'plan:update': { ok: (f) => ({ id: f.planId, nextReviewOn: '2026-12-15' }), bad: (f) => ({ id: f.planId, reviewCadence: 'hourly' }) },
  'plan:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'plan:linkIndicator': { ok: (f) => ({ planId: f.planId, indicatorId: f.indicatorId }), bad: (f) => ({ planId: f.planId, indicatorId: MISSING }) },
  'plan:unlinkIndicator': { ok: (f) => ({ planId: f.planId, indicatorId: f.indicatorId }), bad: (f) => ({ planId: f.planId, indicatorId: MISSING }), badCode: 'not_found' },
  'plan:indicators': { ok: (f) => ({ planId: f.planId }), bad: (f) => ({ planId: f.planId, indicatorId: f.indicatorId }) },

  'priority:create': { ok: (f) => ({ planId: f.planId, reference: '2', title: 'Inclusion' }), bad: (f) => ({ planId: f.planId, reference: '', title: 'No reference' }) },
  'priority:get': { ok: (f) => ({ id: f.priorityId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'priority:list': { ok: (f) => ({ planId: f.planId }), bad: () => ({ planId: 'all' }) },
  'priority:update': { ok: (f) => ({ id: f.priorityId, description: 'Timely, good quality plans' }), bad: (f) => ({ id: f.priorityId, findingIds: [MISSING] }) },
  'priority:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'action:create': {
    ok: (f) => ({ priorityId: f.priorityId, reference: '1.2', what: 'Plain-English letters', dueOn: '2027-01-31' }),
    bad: (f) => ({ priorityId: f.priorityId, reference: '1.2', what: 'Slipped', revisedDueOn: '2027-06-30' }),
  },
  'action:get': { ok: (f) => ({ id: f.actionId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'action:list': { ok: (f) => ({ planId: f.planId }), bad: () => ({ status: 'finished' }) },
  'action:update': { ok: (f) => ({ id: f.actionId, successMeasures: 'Audits rate 80% good or better' }), bad: (f) => ({ id: f.actionId, ragOverride: 'green' }) },
  'action:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'milestone:create': { ok: (f) => ({ actionId: f.actionId, title: 'Audit cycle complete', dueOn: '2027-01-31' }), bad: (f) => ({ actionId: f.actionId, title: 'x', status: 'done' }) },
  'milestone:get': { ok: (f) => ({ id: f.milestoneId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'milestone:list': { ok: (f) => ({ actionId: f.actionId }), bad: () => ({ limit: 0 }) },
  'milestone:update': { ok: (f) => ({ id: f.milestoneId, status: 'achieved', achievedOn: '2026-11-20' }), bad: (f) => ({ id: f.milestoneId, dueOn: '31/12/2026' }) },
  'milestone:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'progress:create': {
    ok: (f) => ({ actionId: f.actionId, reportedOn: '2026-11-20', status: 'on_track', rag: 'green', highlights: 'QA framework agreed.' }),
    bad: (f) => ({ actionId: f.actionId, reportedOn: '2026-11-20', status: 'on_track', milestoneId: MISSING }),
    badCode: 'not_found',
  },
  'progress:list': { ok: (f) => ({ actionId: f.actionId }), bad: () => ({ actionId: MISSING }), badCode: 'not_found' },
  'progress:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'indicator:create': { ok: () => ({ title: 'Annual reviews within 12 months', polarity: 'higher_is_better' }), bad: () => ({ title: 'x', decimals: 9 }) },
  'indicator:get': { ok: (f) => ({ id: f.indicatorId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'indicator:list': { ok: () => ({ search: 'EHC' }), bad: () => ({ search: 42 }) },
  'indicator:update': { ok: (f) => ({ id: f.indicatorId, source: 'DfE SEN2' }), bad: (f) => ({ id: f.indicatorId, baselineValue: 'high' }) },
  'indicator:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'indicator:status': { ok: () => ({ onlyOffTarget: true }), bad: () => ({ onlyOffTarget: 'yes' }) },

  'target:create': { ok: (f) => ({ indicatorId: f.indicatorId, periodLabel: '2025', targetValue: 65 }), bad: (f) => ({ indicatorId: f.indicatorId, periodLabel: '2025', targetValue: Infinity }) },
  'target:list': { ok: (f) => ({ indicatorId: f.indicatorId }), bad: () => ({ indicatorId: MISSING }), badCode: 'not_found' },
  'target:update': { ok: (f) => ({ id: f.targetId, note: 'Agreed by the board' }), bad: (f) => ({ id: f.targetId, targetValue: null }) },
  'target:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'value:set': {
    ok: (f) => ({ indicatorId: f.indicatorId, periodLabel: '2024', periodStart: '2024-01-01', geography: 'england', value: 46.4 }),
    bad: (f) => ({ indicatorId: f.indicatorId, periodLabel: '2024', periodStart: '2024-01-01', geography: 'mars', value: 1 }),
  },
  'value:list': { ok: (f) => ({ indicatorId: f.indicatorId, geography: 'local' }), bad: () => ({ indicatorId: MISSING }), badCode: 'not_found' },
  'value:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'evidence:create': {
    ok: () => ({ title: 'Parent carer survey 2026', kind: 'parent_carer_voice', level: 'impact', effectiveFrom: '2026-03-01', effectiveTo: '2026-04-30' }),
    bad: () => ({ title: 'Backwards period', kind: 'survey', level: 'impact', effectiveFrom: '2026-05-01', effectiveTo: '2026-04-30' }),
  },
  'evidence:get': { ok: (f) => ({ id: f.evidenceId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'evidence:list': { ok: (f) => ({ kind: 'audit', linkedTo: { type: 'action', id: f.actionId } }), bad: () => ({ level: 'excellent' }) },
  'evidence:update': { ok: (f) => ({ id: f.evidenceId, containsPersonalData: true }), bad: (f) => ({ id: f.evidenceId, kind: 'rumour' }) },
  'evidence:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'evidence:link': { ok: (f) => ({ evidenceId: f.evidenceId, target: { type: 'finding', id: f.findingId }, note: 'Shows progress' }), bad: (f) => ({ evidenceId: f.evidenceId, target: { type: 'finding', id: MISSING } }), badCode: 'not_found' },
  'evidence:unlink': { ok: (f) => ({ evidenceId: f.evidenceId, target: { type: 'action', id: f.actionId } }), bad: (f) => ({ evidenceId: f.evidenceId, target: { type: 'indicator', id: f.indicatorId } }), badCode: 'not_found' },
  'evidence:links': { ok: (f) => ({ evidenceId: f.evidenceId }), bad: () => ({ target: { type: 'plan', id: 1 } }) },

  'sef:create': {
    ok: (f) => ({ title: 'Self-evaluation spring 2027', frameworkId: 'area-send-2025', scaleId: 'edee', asOf: '2027-03-31', copyFromSefId: f.sefId }),
    bad: () => ({ title: 'SEF', frameworkId: 'area-send-2025', scaleId: 'stars', asOf: '2027-03-31' }),
  },
  'sef:get': { ok: (f) => ({ id: f.sefId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'sef:list': { ok: () => ({}), bad: () => ({ limit: 'all' }) },
  'sef:update': { ok: (f) => ({ id: f.sefId, status: 'agreed' }), bad: (f) => ({ id: f.sefId, status: 'final' }) },
  'sef:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'sef:compare': { ok: (f) => ({ fromSefId: f.sefId, toSefId: f.sefId }), bad: (f) => ({ fromSefId: f.sefId, toSefId: MISSING }), badCode: 'not_found' },

  'section:create': { ok: () => null, bad: (f) => ({ sefId: f.sefId, criterionId: 'needs_identified' }), badCode: 'conflict' },
  'section:get': { ok: (f) => ({ id: f.sectionId }), bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'section:list': { ok: (f) => ({ sefId: f.sefId }), bad: () => ({ sefId: MISSING }), badCode: 'not_found' },
  'section:update': { ok: (f) => ({ id: f.sectionId, judgement: 'inconsistent', confidence: 'medium', impact: 'Waits are shorter.' }), bad: (f) => ({ id: f.sectionId, judgement: 'outstanding' }) },
  'section:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },
  'section:linkAction': { ok: (f) => ({ sectionId: f.sectionId, actionId: f.actionId }), bad: (f) => ({ sectionId: f.sectionId, actionId: MISSING }), badCode: 'not_found' },
  'section:unlinkAction': { ok: () => null, bad: (f) => ({ sectionId: f.sectionId, actionId: MISSING }), badCode: 'not_found' },

  'signoff:create': { ok: (f) => ({ sefId: f.sefId, signatoryName: 'ICB Chief Nursing Officer', signedOn: '2026-11-20' }), bad: (f) => ({ sefId: f.sefId, signatoryName: '   ' }) },
  'signoff:list': { ok: (f) => ({ sefId: f.sefId }), bad: () => ({ sefId: MISSING }), badCode: 'not_found' },
  'signoff:update': { ok: (f) => ({ id: f.signoffId, signedOn: '2026-11-21' }), bad: (f) => ({ id: f.signoffId, signedOn: '2026-13-01' }) },
  'signoff:delete': { ok: () => null, bad: () => ({ id: MISSING }), badCode: 'not_found' },

  'history:get': { ok: (f) => ({ entity: 'action', id: f.actionId }), bad: () => ({ entity: 'spaceship', id: 1 }) },
  'history:recent': { ok: () => ({ limit: 5 }), bad: () => ({ limit: -5 }) },
  'bin:list': { ok: () => ({}), bad: () => ({ offset: 'x' }) },
  'bin:restore': { ok: () => null, bad: () => ({ binEntryId: MISSING }), badCode: 'not_found' },

  'overview:get': { ok: (f) => ({ planId: f.planId, asOf: '2026-11-22' }), bad: () => ({ planId: MISSING }), badCode: 'not_found' },
  'report:overdue': { ok: (f) => ({ planId: f.planId }), bad: () => ({ asOf: '22/11/2026' }) },
  'report:coverage': { ok: (f) => ({ scope: 'sefSection', sefId: f.sefId }), bad: () => ({ scope: 'sefSection' }) },
};

let t: TestWorkbook;
let f: Fixture;

beforeAll(async () => {
  t = makeTestWorkbook();
  f = await buildFixture(t.api);
});
afterAll(() => t.cleanup());

test('every core channel has a test case', () => {
  expect(Object.keys(cases).sort()).toEqual(Object.keys(coreChannels).sort());
});

describe('happy paths', () => {
  for (const [channel, c] of Object.entries(cases) as [ChannelName, Case][]) {
    if (c.ok({} as Fixture) === null) continue; // covered by the lifecycle tests below
    test(channel, async () => {
      const result = await t.dispatch(channel, c.ok(f));
      expect(result).toMatchObject({ ok: true });
    });
  }
});

describe('rejections', () => {
  for (const [channel, c] of Object.entries(cases) as [ChannelName, Case][]) {
    test(channel, async () => {
      const result = await t.dispatch(channel, c.bad(f));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(c.badCode ?? 'invalid_input');
        expect(result.error.message.length).toBeGreaterThan(10);
        expect(result.error.message).not.toMatch(/at .*\.ts|Error:|undefined|SQLITE/);
      }
    });
  }
});

test('unknown channels are refused in words', async () => {
  const result = await t.dispatch('workbook:drop', {});
  expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
});

test('delete, restore and section channels work end to end', async () => {
  const extra = await t.api.call('partner:create', { name: 'Schools forum', kind: 'education' });
  const removed = await t.api.call('partner:delete', { id: extra.id });
  expect(removed.label).toBe('Schools forum');
  expect((await t.api.call('bin:restore', { binEntryId: removed.binEntryId })).rowCount).toBe(1);

  const sef = await t.api.call('sef:create', { title: 'Thin SEF', frameworkId: 'area-send-2025', scaleId: 'rag', asOf: '2026-01-01' });
  const sections = await t.api.call('section:list', { sefId: sef.id });
  const first = sections[0]!;
  await t.api.call('section:delete', { id: first.id });
  const recreated = await t.api.call('section:create', { sefId: sef.id, criterionId: first.criterionId });
  expect(recreated.criterionLabel).toBe(first.criterionLabel);
  await t.api.call('section:linkAction', { sectionId: recreated.id, actionId: f.actionId });
  expect((await t.api.call('section:unlinkAction', { sectionId: recreated.id, actionId: f.actionId })).actionIds).toEqual([]);

  for (const [channel, id] of [
    ['signoff:delete', f.signoffId],
    ['value:delete', f.valueId],
    ['target:delete', f.targetId],
    ['progress:delete', f.progressId],
    ['milestone:delete', f.milestoneId],
    ['assessment:delete', f.assessmentId],
    ['evidence:delete', f.evidenceId],
    ['person:delete', f.personId],
  ] as const) {
    expect(await t.dispatch(channel, { id })).toMatchObject({ ok: true });
  }
  for (const channel of ['action:delete', 'priority:delete', 'plan:delete', 'finding:delete', 'event:delete', 'indicator:delete', 'sef:delete'] as const) {
    const id = { 'action:delete': f.actionId, 'priority:delete': f.priorityId, 'plan:delete': f.planId, 'finding:delete': f.findingId, 'event:delete': f.eventId, 'indicator:delete': f.indicatorId, 'sef:delete': f.sefId }[channel];
    expect(await t.dispatch(channel, { id })).toMatchObject({ ok: true });
  }
});

test('coverage can be narrowed to the findings one plan answers', async () => {
  const event = await t.api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit' });
  const answered = await t.api.call('finding:create', { eventId: event.id, type: 'significant_weakness', reference: 'SW9', title: 'Answered' });
  await t.api.call('finding:create', { eventId: event.id, type: 'significant_weakness', reference: 'SW10', title: 'Not answered' });
  const plan = await t.api.call('plan:create', { type: 'app', title: 'APP' });
  const priority = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'P', findingIds: [answered.id] });
  const action = await t.api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Work' });
  const evidence = await t.api.call('evidence:create', { title: 'Survey', kind: 'parent_carer_voice', level: 'impact' });
  await t.api.call('evidence:link', { evidenceId: evidence.id, target: { type: 'action', id: action.id } });
  const rows = await t.api.call('report:coverage', { scope: 'finding', planId: plan.id });
  expect(rows).toEqual([expect.objectContaining({ label: 'SW9 Answered', total: 1, voicePresent: true, warnings: [] })]);
});
