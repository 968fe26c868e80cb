/**
 * Builds the demo workbook through the real contract (validation, services, audit log), so the
 * demo is exactly what an officer could have typed in.
 */
import { createWorkbook } from '../../../db/open-workbook';
import { createDispatcher } from '../api/dispatch';
import { WorkbookSession } from '../api/workbook-session';
import type { ChannelName } from '../../contract/channels';
import { createClient, type Client } from '../../contract/client';
import {
  AREA,
  EVIDENCE,
  INDICATORS,
  PARTNERS,
  PARTNERSHIP_PRIORITIES,
  PEOPLE,
  REVISIT_COMMENTARY,
  SEF_SECTIONS,
  WEAKNESSES,
  WSOA_PRIORITIES,
  type DemoPriority,
} from './demo-content';

export interface DemoOptions {
  now?: () => Date;
  /** The better-sqlite3 build to use (the Electron app passes its own; Node uses the default). */
  nativeBinding?: string;
}

interface Ids {
  partners: Map<string, number>;
  people: Map<string, number>;
  findings: Map<string, number>;
  actions: Map<string, number>;
  priorities: Map<string, number>;
  indicators: Map<string, number>;
  sections: Map<string, number>;
}

async function addPlanContent(api: Client, ids: Ids, planId: number, prefix: string, priorities: DemoPriority[], update: { on: string; period: string } | null) {
  for (const p of priorities) {
    const weakness = WEAKNESSES[p.weakness]!;
    const priority = await api.call('priority:create', {
      planId,
      reference: p.ref,
      title: p.title,
      findingIds: [ids.findings.get(weakness.ref)!],
      leadPersonId: ids.people.get('director')!,
    });
    ids.priorities.set(`${prefix}:P${p.ref}`, priority.id);
    for (const a of p.actions) {
      const action = await api.call('action:create', {
        priorityId: priority.id,
        reference: a.ref,
        what: a.what,
        how: a.how ?? '',
        leadPersonId: ids.people.get(a.lead)!,
        sroPersonId: ids.people.get(a.sro ?? 'director')!,
        partnerId: ids.partners.get(a.partner)!,
        startsOn: a.startsOn,
        dueOn: a.dueOn,
        revisedDueOn: a.revisedDueOn ?? null,
        revisedDueReason: a.revisedDueReason ?? '',
        status: 'not_started',
        successMeasures: a.success ?? '',
        referencesText: a.references ?? '',
      });
      ids.actions.set(`${prefix}:${a.ref}`, action.id);
      const span = (Date.parse(a.dueOn) - Date.parse(a.startsOn)) / (a.milestones.length || 1);
      for (const [i, status] of a.milestones.entries()) {
        const due = update ? a.dueOn : new Date(Date.parse(a.startsOn) + span * (i + 1)).toISOString().slice(0, 10);
        await api.call('milestone:create', {
          actionId: action.id,
          title: `${a.what.split(/[,;(]/)[0]!.trim()}: milestone ${i + 1}`,
          dueOn: due,
          periodLabel: update ? update.period : '',
          status,
          achievedOn: status === 'achieved' ? due : null,
        });
      }
      await api.call('progress:create', {
        actionId: action.id,
        reportedOn: update?.on ?? '2026-10-15',
        periodLabel: update?.period ?? 'October 2026 board',
        status: a.status,
        highlights: a.highlights,
        issues: a.issues ?? '',
        mitigation: a.mitigation ?? '',
        author: 'SEND Improvement Lead',
      });
    }
  }
}

/** What a new demo workbook file is created with, before fillDemoWorkbook adds its content. */
export const DEMO_WORKBOOK = { areaName: AREA.areaName, authorName: AREA.authorName } as const;

export async function buildDemoWorkbook(file: string, options: DemoOptions = {}): Promise<void> {
  const workbook = createWorkbook(file, { ...DEMO_WORKBOOK, now: options.now, nativeBinding: options.nativeBinding });
  const session = new WorkbookSession({ now: options.now });
  session.use(workbook);
  const dispatch = createDispatcher(session);
  const api = createClient((channel: ChannelName, input: unknown) => dispatch(channel, input));
  try {
    await fillDemoWorkbook(api);
    workbook.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    session.close();
  }
}

/**
 * Adds the demo content to a new, empty workbook through channels only, so any transport (the
 * CLI's dispatch, a test's) can build it.
 */
export async function fillDemoWorkbook(api: Client): Promise<void> {
  const ids: Ids = {
    partners: new Map(),
    people: new Map(),
    findings: new Map(),
    actions: new Map(),
    priorities: new Map(),
    indicators: new Map(),
    sections: new Map(),
  };
  await api.call('area:update', AREA);
  for (const p of PARTNERS) ids.partners.set(p.key, (await api.call('partner:create', { name: p.name, kind: p.kind })).id);
  for (const p of PEOPLE) {
    ids.people.set(p.key, (await api.call('person:create', { name: p.name, role: p.role, partnerId: ids.partners.get(p.partner)! })).id);
  }

  const inspection = await api.call('event:create', {
    kind: 'full_inspection',
    frameworkId: 'joint-2016',
    title: 'Joint local area SEND inspection (Ofsted and CQC), autumn 2019',
    fieldworkStartOn: '2019-09-30',
    onsiteStartOn: '2019-09-30',
    onsiteEndOn: '2019-10-04',
    summary: 'Her Majesty’s Chief Inspector determined that a Written Statement of Action was required to address five areas of significant weakness.',
  });
  for (const w of WEAKNESSES) {
    const f = await api.call('finding:create', {
      eventId: inspection.id,
      type: 'significant_weakness',
      reference: w.ref,
      title: w.title,
      text: w.text,
      partnerIds: [ids.partners.get('council')!, ids.partners.get('icb')!],
    });
    ids.findings.set(w.ref, f.id);
  }
  await api.call('event:create', {
    kind: 'dfe_nhse_review',
    frameworkId: 'joint-2016',
    title: 'DfE and NHSE WSOA monitoring meeting (November milestone)',
    onsiteStartOn: '2020-11-16',
    onsiteEndOn: '2020-11-16',
    summary: 'Advisers were pleased with partnership working and described progress as “really encouraging”.',
  });
  const revisit = await api.call('event:create', {
    kind: 'revisit',
    frameworkId: 'joint-2016',
    title: 'Revisit (Ofsted and CQC), October 2022',
    fieldworkStartOn: '2022-10-03',
    onsiteStartOn: '2022-10-03',
    onsiteEndOn: '2022-10-07',
    publishedOn: '2022-11-25',
    summary: 'Four of the five areas showing sufficient progress; an Accelerated Progress Plan is required for relationships with parents and carers.',
  });
  for (const [i, w] of WEAKNESSES.entries()) {
    await api.call('assessment:create', {
      findingId: ids.findings.get(w.ref)!,
      eventId: revisit.id,
      result: i === 4 ? 'not_sufficient_progress' : 'sufficient_progress',
      commentary: REVISIT_COMMENTARY[i]!,
      assessedOn: '2022-11-25',
    });
  }

  const wsoa = await api.call('plan:create', {
    type: 'wsoa',
    title: 'Written Statement of Action 2020–2021',
    status: 'closed',
    eventId: inspection.id,
    approver: 'Ofsted and CQC (declared fit for purpose)',
    startsOn: '2020-03-01',
    endsOn: '2021-07-31',
    reviewCadence: 'four_monthly',
  });
  await addPlanContent(api, ids, wsoa.id, 'wsoa', WSOA_PRIORITIES, { on: '2020-11-16', period: 'November 2020' });

  const app = await api.call('plan:create', {
    type: 'app',
    title: 'Accelerated Progress Plan: relationships with parents and carers',
    status: 'approved',
    eventId: revisit.id,
    approver: 'Department for Education',
    startsOn: '2023-02-01',
    endsOn: '2024-07-31',
    reviewCadence: 'six_monthly',
    nextReviewOn: '2024-07-15',
  });
  await addPlanContent(api, ids, app.id, 'app', [PARTNERSHIP_PRIORITIES[4]!], null);

  const plan = await api.call('plan:create', {
    type: 'improvement',
    title: 'SEND Partnership Plan 2023–2027',
    status: 'published',
    eventId: revisit.id,
    approver: 'SEND Partnership Board',
    startsOn: '2023-04-01',
    endsOn: '2027-07-31',
    reviewCadence: 'six_weekly',
    nextReviewOn: '2026-12-03',
  });
  await addPlanContent(api, ids, plan.id, 'plan', PARTNERSHIP_PRIORITIES, null);

  for (const ind of INDICATORS) {
    const created = await api.call('indicator:create', {
      code: ind.code,
      title: ind.title,
      definition: ind.definition,
      unit: ind.unit,
      polarity: ind.polarity,
      source: ind.source,
      periodType: ind.periodType,
      baselineValue: ind.baseline?.value ?? null,
      baselinePeriod: ind.baseline?.period ?? '',
      seriesBreakNotes: ind.seriesBreak ?? '',
    });
    ids.indicators.set(ind.code, created.id);
    for (const [periodLabel, periodStart, local, england] of ind.values) {
      if (local != null) {
        await api.call('value:set', { indicatorId: created.id, periodLabel, periodStart, geography: 'local', value: local, sourceNote: 'Illustrative value for the demo' });
      }
      if (england != null) {
        await api.call('value:set', { indicatorId: created.id, periodLabel, periodStart, geography: 'england', value: england, sourceNote: 'Published DfE figure' });
      }
    }
    for (const [periodLabel, targetValue] of ind.targets) await api.call('target:create', { indicatorId: created.id, periodLabel, targetValue });
  }

  const earlier = await api.call('sef:create', {
    title: 'Local area SEND self-evaluation (spring 2026)',
    frameworkId: 'area-send-2025',
    scaleId: 'predicted-outcome',
    asOf: '2026-03-31',
    status: 'agreed',
  });
  const sef = await api.call('sef:create', {
    title: 'Local area SEND self-evaluation (autumn 2026)',
    frameworkId: 'area-send-2025',
    scaleId: 'predicted-outcome',
    asOf: '2026-10-01',
    status: 'draft',
  });
  for (const [version, target] of [
    ['earlier', earlier.id],
    ['current', sef.id],
  ] as const) {
    const sections = await api.call('section:list', { sefId: target });
    for (const s of SEF_SECTIONS) {
      const section = sections.find((x) => x.criterionId === s.criterion)!;
      if (version === 'current') ids.sections.set(s.criterion, section.id);
      const { criterion: _c, actions, ...narratives } = s;
      await api.call('section:update', {
        id: section.id,
        ...narratives,
        // The spring version was more cautious about EHC plans; the autumn one reflects new data.
        ...(version === 'earlier' && s.criterion === 'needs_identified' ? { confidence: 'low', impact: '' } : {}),
        isDraft: version === 'current' && s.criterion === 'valued_included',
      });
      for (const a of actions) await api.call('section:linkAction', { sectionId: section.id, actionId: ids.actions.get(a)! });
    }
  }
  await api.call('signoff:create', { sefId: earlier.id, partnerId: ids.partners.get('council')!, signatoryName: 'Director of Children’s Services', signedOn: '2026-04-20' });
  await api.call('signoff:create', { sefId: earlier.id, partnerId: ids.partners.get('icb')!, signatoryName: 'ICB Chief Nursing Officer', signedOn: '2026-04-22' });
  await api.call('signoff:create', { sefId: sef.id, partnerId: ids.partners.get('pcf')!, signatoryName: 'Parent Carer Forum Chair', signedOn: null });

  for (const e of EVIDENCE) {
    const item = await api.call('evidence:create', {
      title: e.title,
      kind: e.kind as never,
      level: e.level,
      summary: e.summary,
      ownerPersonId: ids.people.get(e.owner)!,
      effectiveFrom: e.from,
      effectiveTo: e.to ?? null,
      addedOn: e.to && e.to < '2026-11-01' ? e.to : '2026-11-01',
      location: e.location,
      containsPersonalData: e.personal ?? false,
    });
    for (const link of e.links) {
      const targetId =
        link.type === 'finding'
          ? ids.findings.get(link.ref)
          : link.type === 'action'
            ? ids.actions.get(link.ref)
            : link.type === 'priority'
              ? ids.priorities.get(link.ref)
              : link.type === 'indicator'
                ? ids.indicators.get(link.ref)
                : ids.sections.get(link.ref);
      if (targetId === undefined) throw new Error(`Demo evidence ${e.key} links to unknown ${link.type} ${link.ref}`);
      await api.call('evidence:link', { evidenceId: item.id, target: { type: link.type, id: targetId } });
    }
  }
}
