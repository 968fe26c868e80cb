/** A small, complete workbook built through the contract: one of everything, for channel tests. */
import type { Client } from '../../electron/contract/client';

export interface Fixture {
  partnerId: number;
  personId: number;
  eventId: number;
  findingId: number;
  assessmentId: number;
  planId: number;
  priorityId: number;
  actionId: number;
  milestoneId: number;
  progressId: number;
  indicatorId: number;
  targetId: number;
  valueId: number;
  evidenceId: number;
  sefId: number;
  sectionId: number;
  signoffId: number;
}

export async function buildFixture(api: Client): Promise<Fixture> {
  const partner = await api.call('partner:create', { name: 'Testshire County Council', kind: 'council' });
  const person = await api.call('person:create', { name: 'Head of SEND', role: 'Lead officer', partnerId: partner.id });
  const event = await api.call('event:create', { kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Joint inspection 2019', onsiteStartOn: '2019-09-30' });
  const finding = await api.call('finding:create', {
    eventId: event.id,
    type: 'significant_weakness',
    reference: 'SW1',
    title: 'EHC plan quality',
    text: 'The dysfunctional EHC plan process, and inadequate quality of EHC plans.',
    partnerIds: [partner.id],
  });
  const assessment = await api.call('assessment:create', { findingId: finding.id, result: 'sufficient_progress', assessedOn: '2022-11-25' });
  const plan = await api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action', status: 'approved', eventId: event.id });
  const priority = await api.call('priority:create', { planId: plan.id, reference: '1', title: 'EHC plans', findingIds: [finding.id] });
  const action = await api.call('action:create', {
    priorityId: priority.id,
    reference: '1.1',
    what: 'Quality assure EHC plans',
    leadPersonId: person.id,
    partnerId: partner.id,
    dueOn: '2027-03-31',
  });
  const milestone = await api.call('milestone:create', { actionId: action.id, title: 'QA framework agreed', dueOn: '2026-12-31' });
  const progress = await api.call('progress:create', { actionId: action.id, reportedOn: '2026-11-01', status: 'on_track', highlights: 'Audits started.' });
  const indicator = await api.call('indicator:create', { code: 'EHC20', title: 'EHC plans issued within 20 weeks', polarity: 'higher_is_better', periodType: 'calendar_year' });
  const target = await api.call('target:create', { indicatorId: indicator.id, periodLabel: '2024', targetValue: 60 });
  const value = await api.call('value:set', { indicatorId: indicator.id, periodLabel: '2024', periodStart: '2024-01-01', geography: 'local', value: 55 });
  const evidence = await api.call('evidence:create', { title: 'EHC plan audit summary', kind: 'audit', level: 'output' });
  await api.call('evidence:link', { evidenceId: evidence.id, target: { type: 'action', id: action.id } });
  const sef = await api.call('sef:create', { title: 'Self-evaluation 2026', frameworkId: 'area-send-2025', scaleId: 'predicted-outcome', asOf: '2026-10-01' });
  const sections = await api.call('section:list', { sefId: sef.id });
  const signoff = await api.call('signoff:create', { sefId: sef.id, partnerId: partner.id, signatoryName: 'Director of Children’s Services' });
  return {
    partnerId: partner.id,
    personId: person.id,
    eventId: event.id,
    findingId: finding.id,
    assessmentId: assessment.id,
    planId: plan.id,
    priorityId: priority.id,
    actionId: action.id,
    milestoneId: milestone.id,
    progressId: progress.id,
    indicatorId: indicator.id,
    targetId: target.id,
    valueId: value.id,
    evidenceId: evidence.id,
    sefId: sef.id,
    sectionId: sections[0]!.id,
    signoffId: signoff.id,
  };
}
