/**
 * A small Bristol-like workbook built through the typed API (as an officer would): a 2019
 * inspection with significant weaknesses, a WSOA with milestones and dated updates, a 2022
 * revisit, indicators with England comparators and a SEF with evidence links.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Client } from '../../electron/contract/client';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

export interface Fixture extends TestWorkbook {
  sefId: number;
  planId: number;
  sectionIds: number[];
  evidence: { plain: number; personal: number; unlinked: number };
  /** References of the evidence items, by role. */
  refs: { plain: string; personal: string; unlinked: string };
}

async function seed(api: Client) {
  await api.call('area:update', { areaName: 'Bristol', protectiveMarking: 'OFFICIAL-SENSITIVE', authorName: 'Sam Officer', statisticalNeighbours: ['383', '373'] });
  const council = await api.call('partner:create', { name: 'Bristol City Council', kind: 'council' });
  const icb = await api.call('partner:create', { name: 'BNSSG Integrated Care Board', kind: 'health' });
  await api.call('partner:create', { name: 'Bristol Parent Carer Forum', kind: 'parent_carer_forum' });
  const lead = await api.call('person:create', { name: 'Alex Lead', role: 'Head of SEND', partnerId: council.id });

  const inspection = await api.call('event:create', {
    kind: 'full_inspection',
    frameworkId: 'joint-2016',
    title: 'Joint local area SEND inspection, November 2019',
    onsiteStartOn: '2019-11-04',
    publishedOn: '2019-12-20',
  });
  const revisit = await api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit, July 2022', publishedOn: '2022-07-20' });
  await api.call('finding:create', { eventId: inspection.id, type: 'strength', title: 'Leaders know the area well' });
  const f1 = await api.call('finding:create', {
    eventId: inspection.id,
    type: 'significant_weakness',
    reference: 'ASW1',
    title: 'Accountability of leaders',
    text: 'Leaders across the area do not have an accurate understanding of the effectiveness of the local area.',
  });
  const f2 = await api.call('finding:create', { eventId: inspection.id, type: 'significant_weakness', reference: 'ASW2', title: 'Quality of EHC plans' });
  await api.call('assessment:create', { findingId: f1.id, eventId: revisit.id, result: 'sufficient_progress', assessedOn: '2022-07-20', commentary: 'Leaders now share an accurate view.' });
  await api.call('assessment:create', { findingId: f2.id, eventId: revisit.id, result: 'not_sufficient_progress', assessedOn: '2022-07-20' });
  await api.call('assessment:create', { findingId: f2.id, eventId: null, result: 'commentary', assessedOn: '2026-10-01', commentary: 'Audits show 72% of plans good or better.' });

  const plan = await api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action', status: 'approved', eventId: inspection.id, endsOn: '2021-07-31', reviewCadence: 'four_monthly', nextReviewOn: '2021-03-16' });
  const p1 = await api.call('priority:create', { planId: plan.id, reference: '1', title: 'Accountability', findingIds: [f1.id] });
  const p2 = await api.call('priority:create', { planId: plan.id, reference: '2', title: 'EHC plans', findingIds: [f2.id] });
  const a11 = await api.call('action:create', { priorityId: p1.id, reference: '1.1', what: 'Publish a local data set monthly', leadPersonId: lead.id, dueOn: '2020-11-30', status: 'complete' });
  const a12 = await api.call('action:create', { priorityId: p1.id, reference: '1.2', what: 'Agree a joint commissioning framework', dueOn: '2020-11-30' });
  const a21 = await api.call('action:create', { priorityId: p2.id, reference: '2.1', what: 'Clear the backlog of EHC needs assessments', dueOn: '2020-11-30' });

  // 3 achieved, 2 partially, 1 not achieved in November 2020; one due in March 2021.
  const stones: [number, 'achieved' | 'partially_achieved' | 'not_achieved', string][] = [
    [a11.id, 'achieved', 'Data set online'],
    [a11.id, 'achieved', 'Monthly refresh'],
    [a12.id, 'achieved', 'Framework drafted'],
    [a12.id, 'partially_achieved', 'Framework agreed by ICB'],
    [a21.id, 'partially_achieved', 'Backlog halved'],
    [a21.id, 'not_achieved', 'Backlog cleared'],
  ];
  for (const [actionId, status, title] of stones) {
    await api.call('milestone:create', { actionId, title, dueOn: '2020-11-16', periodLabel: 'November 2020', status });
  }
  await api.call('milestone:create', { actionId: a21.id, title: 'New EHC template in use', dueOn: '2021-03-16', periodLabel: 'March 2021' });
  await api.call('progress:create', { actionId: a11.id, reportedOn: '2020-11-10', periodLabel: 'November 2020', status: 'complete', highlights: 'A local data set is updated monthly and available online.' });
  await api.call('progress:create', { actionId: a12.id, reportedOn: '2020-11-10', periodLabel: 'November 2020', status: 'delayed', rag: 'amber', highlights: 'Framework drafted.', issues: 'ICB sign-off moved to January.' });
  await api.call('progress:create', { actionId: a21.id, reportedOn: '2020-11-10', periodLabel: 'November 2020', status: 'not_achieved', rag: 'red', highlights: 'Backlog halved.', issues: 'EP vacancies.' });

  const ind = await api.call('indicator:create', { code: 'KPI1', title: 'EHC plans issued within 20 weeks', unit: '%', polarity: 'higher_is_better' });
  for (const [periodLabel, periodStart, geography, value] of [
    ['2023', '2023-01-01', 'local', 41.2],
    ['2024', '2024-01-01', 'local', 52.5],
    ['2024', '2024-01-01', 'england', 46.4],
  ] as const) {
    await api.call('value:set', { indicatorId: ind.id, periodLabel, periodStart, geography, value });
  }
  await api.call('target:create', { indicatorId: ind.id, periodLabel: '2024', targetValue: 60 });

  const plain = await api.call('evidence:create', { title: 'SEND partnership board minutes', kind: 'minutes', level: 'activity', effectiveFrom: '2026-01-01', ownerPersonId: lead.id });
  const personal = await api.call('evidence:create', { title: 'Case study: child A', kind: 'case_study', level: 'impact', containsPersonalData: true });
  const unlinked = await api.call('evidence:create', { title: 'Parent survey 2026', kind: 'survey', level: 'impact' });

  const sef = await api.call('sef:create', { title: 'SEND self-evaluation 2026', frameworkId: 'area-send-2025', scaleId: 'predicted-outcome', asOf: '2026-11-01' });
  const sections = await api.call('section:list', { sefId: sef.id });
  const first = sections[0]!;
  await api.call('section:update', {
    id: first.id,
    judgement: 'inconsistent',
    confidence: 'medium',
    isDraft: false,
    whatWeKnow: `EHC plan timeliness is improving.\n- 52.5% within 20 weeks in 2024\n- The PCF reports better communication (${unlinked.reference})`,
    whatWeHaveDone: 'Recruited two EPs.',
    impact: `Parents say plans are clearer (${personal.reference}).`,
    whatNext: 'Reach 60% within 20 weeks.',
    strengths: 'Strong co-production with the PCF.',
    areasForDevelopment: 'Health advice is often late.',
  });
  await api.call('evidence:link', { evidenceId: plain.id, target: { type: 'sefSection', id: first.id } });
  await api.call('evidence:link', { evidenceId: personal.id, target: { type: 'sefSection', id: first.id } });
  await api.call('section:linkAction', { sectionId: first.id, actionId: a21.id });
  await api.call('section:update', { id: sections[1]!.id, isDraft: true, whatWeKnow: 'Draft text not yet agreed.' });
  await api.call('signoff:create', { sefId: sef.id, partnerId: icb.id, signatoryName: 'Dr Jo Chair', signedOn: '2026-11-05' });

  return {
    sefId: sef.id,
    planId: plan.id,
    sectionIds: sections.map((s) => s.id),
    evidence: { plain: plain.id, personal: personal.id, unlinked: unlinked.id },
    refs: { plain: plain.reference, personal: personal.reference, unlinked: unlinked.reference },
  };
}

export async function makeFixture(): Promise<Fixture> {
  const t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z', areaName: 'Bristol' });
  return { ...t, ...(await seed(t.api)) };
}

/** The parts of a .docx, as text. */
export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** Visible text of a WordprocessingML part, paragraphs separated by newlines. */
export function plainText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Heading paragraphs in order, as [level, text]. */
export function headings(documentXml: string): [number, string][] {
  const out: [number, string][] = [];
  for (const p of documentXml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []) {
    const style = /<w:pStyle w:val="Heading(\d)"\/>/.exec(p);
    if (style) out.push([Number(style[1]), plainText(p).trim()]);
  }
  return out;
}
