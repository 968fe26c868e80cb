/** A small but realistic WSOA built through the API (Bristol-style wording), owned by each test. */
import type { Client } from '../../electron/contract/client';

export interface PlanFixture {
  planId: number;
  partners: { council: number; icb: number };
  people: { lead: number; sro: number; dco: number };
  actions: { a11: number; a12: number; a21: number };
  milestones: { m111: number; m112: number; m211: number };
  indicatorId: number;
}

export async function buildPlanFixture(api: Client): Promise<PlanFixture> {
  const council = await api.call('partner:create', { name: 'Bristol City Council', kind: 'council' });
  const icb = await api.call('partner:create', { name: 'BNSSG ICB', kind: 'health' });
  const lead = await api.call('person:create', { name: 'Sam Patel', role: 'Head of SEND', partnerId: council.id });
  const sro = await api.call('person:create', { name: 'Alex Morgan', role: 'Director of Education', partnerId: council.id });
  const dco = await api.call('person:create', { name: 'Jo Reid', role: 'Designated Clinical Officer', partnerId: icb.id });
  const event = await api.call('event:create', { kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Joint local area SEND inspection, 2019' });
  const f1 = await api.call('finding:create', {
    eventId: event.id,
    type: 'significant_weakness',
    reference: 'SW1',
    title: 'Quality of EHC plans',
    text: 'The quality of EHC plans is poor, and the process for checking their quality is weak.',
  });
  const f2 = await api.call('finding:create', {
    eventId: event.id,
    type: 'significant_weakness',
    reference: 'SW2',
    title: 'Waiting times',
    text: 'Long waiting times for assessment by health services, including for autism spectrum disorder.',
  });
  const plan = await api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action 2019' });
  const p1 = await api.call('priority:create', { planId: plan.id, reference: 'P1', title: 'Improve the quality of EHC plans', findingIds: [f1.id] });
  const p2 = await api.call('priority:create', { planId: plan.id, reference: 'P2', title: 'Reduce waiting times for health assessments', findingIds: [f2.id] });
  const a11 = await api.call('action:create', {
    priorityId: p1.id,
    reference: '1.1',
    what: 'Introduce a multi-agency quality assurance framework for EHC plans.',
    how: 'Monthly audits of a sample of plans by education, health and care leads.\nFindings reported to the SEND board.',
    leadPersonId: lead.id,
    sroPersonId: sro.id,
    partnerId: council.id,
    startsOn: '2026-01-06',
    dueOn: '2027-03-31',
    status: 'on_track',
    successMeasures: '80% of audited plans rated good or better.',
  });
  const a12 = await api.call('action:create', {
    priorityId: p1.id,
    reference: '1.2',
    what: 'Train all EHC coordinators in outcome writing.',
    leadPersonId: lead.id,
    partnerId: council.id,
    dueOn: '2027-01-31',
    status: 'not_started',
  });
  const a21 = await api.call('action:create', {
    priorityId: p2.id,
    reference: '2.1',
    what: 'Reduce the wait for an autism assessment to 18 weeks.',
    how: 'Commission additional assessment capacity.',
    leadPersonId: dco.id,
    partnerId: icb.id,
    dueOn: '2027-06-30',
    status: 'on_track',
  });
  const m111 = await api.call('milestone:create', { actionId: a11.id, title: 'Framework agreed by the SEND board', dueOn: '2026-09-30', status: 'achieved', achievedOn: '2026-09-15' });
  const m112 = await api.call('milestone:create', { actionId: a11.id, title: 'First quarterly audit reported', dueOn: '2027-01-31', periodLabel: 'Q4 2026/27' });
  const m211 = await api.call('milestone:create', { actionId: a21.id, title: 'Additional capacity commissioned', dueOn: '2027-02-28' });
  await api.call('progress:create', {
    actionId: a11.id,
    reportedOn: '2026-10-01',
    periodLabel: 'October 2026',
    status: 'on_track',
    rag: 'green',
    highlights: 'Framework agreed; first audit scheduled.',
  });
  await api.call('progress:create', { actionId: a21.id, reportedOn: '2026-10-03', status: 'on_track', highlights: 'Procurement under way.', issues: 'Workforce shortages.' });
  const ev = await api.call('evidence:create', { title: 'EHC plan audit report, September 2026', kind: 'audit', level: 'output' });
  await api.call('evidence:link', { evidenceId: ev.id, target: { type: 'action', id: a11.id } });
  const ind = await api.call('indicator:create', { code: 'EHC20', title: 'EHC plans issued within 20 weeks', unit: '%', baselineValue: 40.1, baselinePeriod: '2022' });
  await api.call('target:create', { indicatorId: ind.id, periodLabel: '2024', targetValue: 60 });
  await api.call('value:set', { indicatorId: ind.id, periodLabel: '2024', periodStart: '2024-01-01', geography: 'local', value: 52.3 });
  await api.call('value:set', { indicatorId: ind.id, periodLabel: '2024', periodStart: '2024-01-01', geography: 'england', value: 46.4 });
  return {
    planId: plan.id,
    partners: { council: council.id, icb: icb.id },
    people: { lead: lead.id, sro: sro.id, dco: dco.id },
    actions: { a11: a11.id, a12: a12.id, a21: a21.id },
    milestones: { m111: m111.id, m112: m112.id, m211: m211.id },
    indicatorId: ind.id,
  };
}
