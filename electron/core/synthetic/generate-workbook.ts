/**
 * The synthetic workbook generator (issue #9): a deterministic, seeded ten-year history of a
 * large local area partnership, at scale S, L or XL.
 *
 * The structural records (partners, people, inspections, findings, plans, priorities, actions,
 * indicators, SEFs and their sections, deletions) go through the real contract, so validation,
 * services and the audit log are exercised exactly as an officer would. The bulk tables
 * (milestones, progress updates, evidence items and links, indicator values) are written with
 * prepared statements in one transaction each, with the same audit entries the services write:
 * through dispatch, L would take minutes instead of seconds.
 *
 * Same seed, same content: every record's fields are drawn from the seeded source. Only what the
 * app itself makes random (the workbook id, deletion ids, and so the audit hashes) differs.
 */
import { createWorkbook, type Workbook } from '../../../db/open-workbook';
import { evidenceItems, evidenceLinks, indicatorValues, milestones, progressUpdates } from '../../../db/schema';
import { createDispatcher } from '../api/dispatch';
import { WorkbookSession } from '../api/workbook-session';
import type { ChannelName } from '../../contract/channels';
import { createClient, type Client } from '../../contract/client';
import { EVIDENCE_KINDS, type ActionStatus, type EvidenceKind, type LinkTarget, type MilestoneStatus, type RagCode } from '../../contract/enums';
import { formatEvidenceReference } from '../services/evidence-service';
import { AuditChain, EntityInserter } from './bulk-writer';
import { attachGeneratedFiles, type FilesOutcome } from './generated-files';
import { addDays, daysFrom, officeMoment, Random } from './random';
import { SCALES, type ScaleName, type ScaleSpec } from './scales';
import { clipTo, paragraphs, sentence, sentences } from './text';
import {
  AREA,
  EVIDENCE_TITLE_STEMS,
  FIRST_NAMES,
  IMPACT_PHRASES,
  ISSUE_PHRASES,
  KPI_STEMS,
  MITIGATIONS,
  PARTNERS,
  PERIOD_SUFFIXES,
  ROLES,
  SURNAMES,
  WEAKNESS_THEMES,
} from './vocabulary';

/** Bump when the generated content changes, so cached benchmark workbooks are rebuilt. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20_161_101;

/** Ten years of history, ending shortly before "today". */
const HISTORY_START = '2016-11-01';
const DEFAULT_NOW = '2026-11-22T10:00:00Z';

export interface GenerateOptions {
  scale: ScaleName;
  seed?: number;
  /** Also store generated documents as evidence files (needs the files feature). */
  withFiles?: boolean;
  /** "Today" for the workbook: due dates before it are past. */
  now?: Date;
  log?: (line: string) => void;
}

export interface GenerateSummary {
  file: string;
  scale: ScaleName;
  seed: number;
  generatorVersion: number;
  seconds: number;
  counts: Record<string, number>;
  files: FilesOutcome;
}

interface Ctx {
  rng: Random;
  spec: ScaleSpec;
  api: Client;
  workbook: Workbook;
  today: string;
  setDay(iso: string): void;
  author: string;
}

interface ActionInfo {
  id: number;
  priorityId: number;
  startsOn: string;
  dueOn: string;
  status: ActionStatus;
  leadName: string;
}

/** Splits `total` into `parts` near-equal whole shares (the first ones get the remainder). */
function shares(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function frameworkOn(iso: string): string {
  if (iso < '2023-01-01') return 'joint-2016';
  return iso < '2025-06-01' ? 'area-send-2023' : 'area-send-2025';
}

function spread(from: string, to: string, i: number, n: number): string {
  return addDays(from, Math.floor(((i + 0.5) * daysFrom(from, to)) / n));
}

async function addPartnersAndPeople(c: Ctx): Promise<{ partnerIds: number[]; people: { id: number; name: string }[] }> {
  const partnerIds: number[] = [];
  for (let i = 0; i < c.spec.partners; i++) {
    const p = PARTNERS[i % PARTNERS.length]!;
    const name = i < PARTNERS.length ? p.name : `${p.name} (${Math.floor(i / PARTNERS.length) + 1})`;
    partnerIds.push((await c.api.call('partner:create', { name, kind: p.kind })).id);
  }
  const people: { id: number; name: string }[] = [];
  const used = new Set<string>();
  for (let i = 0; i < c.spec.people; i++) {
    let name = `${c.rng.pick(FIRST_NAMES)} ${c.rng.pick(SURNAMES)}`;
    while (used.has(name)) name = `${c.rng.pick(FIRST_NAMES)} ${c.rng.pick(SURNAMES)}`;
    used.add(name);
    const email = `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(' ', '.')}@wexcombe.gov.uk`;
    const person = await c.api.call('person:create', { name, role: c.rng.pick(ROLES), partnerId: c.rng.pick(partnerIds), email });
    people.push({ id: person.id, name });
  }
  return { partnerIds, people };
}

interface EventInfo {
  id: number;
  frameworkId: string;
  publishedOn: string;
  findings: { id: number; type: string }[];
}

const FINDING_TYPES: Record<string, [string, number][]> = {
  'joint-2016': [
    ['strength', 3],
    ['area_for_development', 2],
    ['significant_weakness', 3],
  ],
  'area-send-2023': [
    ['area_for_improvement', 3],
    ['area_for_priority_action', 1],
  ],
};
FINDING_TYPES['area-send-2025'] = FINDING_TYPES['area-send-2023']!;

async function addInspections(c: Ctx, partnerIds: number[]): Promise<EventInfo[]> {
  const events: EventInfo[] = [];
  const findingShares = shares(c.spec.findings, c.spec.events);
  let jointFull = false;
  for (let i = 0; i < c.spec.events; i++) {
    const start = spread(HISTORY_START, addDays(c.today, -120), i, c.spec.events);
    const frameworkId = frameworkOn(start);
    const joint = frameworkId === 'joint-2016';
    // Under the 2016 framework a full inspection is followed by a revisit; later, a full
    // inspection is followed by monitoring.
    const kind = joint ? (jointFull ? 'revisit' : 'full_inspection') : i % 2 === 0 ? 'full_inspection' : 'monitoring_inspection';
    if (joint) jointFull = !jointFull;
    const publishedOn = addDays(start, 40);
    c.setDay(addDays(start, -10));
    const event = await c.api.call('event:create', {
      kind,
      frameworkId,
      title: `${kind === 'revisit' ? 'Revisit' : kind === 'monitoring_inspection' ? 'Monitoring inspection' : 'Local area SEND inspection'} ${start.slice(0, 4)}`,
      notifiedOn: addDays(start, -7),
      fieldworkStartOn: start,
      onsiteStartOn: addDays(start, 14),
      onsiteEndOn: addDays(start, 18),
      publishedOn,
      leadInspector: `${c.rng.pick(FIRST_NAMES)} ${c.rng.pick(SURNAMES)} HMI`,
      outcome: joint ? null : c.rng.pick(['inconsistent', 'widespread_failings']),
      summary: paragraphs(c.rng, 2, 4),
    });
    const info: EventInfo = { id: event.id, frameworkId, publishedOn, findings: [] };
    c.setDay(publishedOn);
    for (let f = 0; f < findingShares[i]!; f++) {
      const type = c.rng.weighted(FINDING_TYPES[frameworkId]!);
      const theme = WEAKNESS_THEMES[(i * 7 + f) % WEAKNESS_THEMES.length]!;
      const finding = await c.api.call('finding:create', {
        eventId: event.id,
        type,
        reference: `${joint ? 'W' : 'AFI'}${f + 1}`,
        title: theme,
        text: paragraphs(c.rng, 1, 3, [2, 5]),
        partnerIds: frameworkId === 'area-send-2025' ? [c.rng.pick(partnerIds)] : [],
      });
      info.findings.push({ id: finding.id, type });
    }
    // A revisit judges each weakness of the inspection before it separately.
    const previous = events.at(-1);
    if (kind === 'revisit' && previous) {
      for (const f of previous.findings.filter((x) => x.type === 'significant_weakness')) {
        await c.api.call('assessment:create', {
          findingId: f.id,
          eventId: event.id,
          result: c.rng.chance(0.5) ? 'sufficient_progress' : 'not_sufficient_progress',
          commentary: sentences(c.rng, 2, 5),
          assessedOn: publishedOn,
        });
      }
    }
    events.push(info);
  }
  return events;
}

const PLAN_TYPES = ['wsoa', 'app', 'improvement', 'pap'] as const;

function actionStatusFor(rng: Random, dueOn: string, today: string, planOpen: boolean): ActionStatus {
  if (!planOpen) return rng.weighted<ActionStatus>([['complete', 8], ['not_achieved', 1], ['superseded', 1]]);
  if (dueOn < today) return rng.weighted<ActionStatus>([['complete', 6], ['delayed', 3], ['not_achieved', 1]]);
  return rng.weighted<ActionStatus>([['on_track', 6], ['not_started', 2], ['delayed', 2]]);
}

async function addPlans(c: Ctx, events: EventInfo[], partnerIds: number[], people: { id: number; name: string }[]): Promise<ActionInfo[]> {
  const actions: ActionInfo[] = [];
  const priorityShares = shares(c.spec.priorities, c.spec.plans);
  const actionShares = shares(c.spec.actions, c.spec.priorities);
  let priorityIndex = 0;
  for (let i = 0; i < c.spec.plans; i++) {
    const event = events[Math.min(events.length - 1, Math.floor((i * events.length) / c.spec.plans))]!;
    const startsOn = addDays(event.publishedOn, 60 + 30 * (i % 3));
    const endsOn = addDays(startsOn, 540 + c.rng.int(0, 365));
    const isLast = i === c.spec.plans - 1;
    const open = isLast || endsOn > c.today;
    c.setDay(addDays(startsOn, -20));
    const type = PLAN_TYPES[i % PLAN_TYPES.length]!;
    const plan = await c.api.call('plan:create', {
      type,
      title: `${type === 'wsoa' ? 'Written Statement of Action' : type === 'app' ? 'Accelerated Progress Plan' : type === 'pap' ? 'Priority action plan' : 'SEND improvement plan'} ${startsOn.slice(0, 4)}–${endsOn.slice(2, 4)}`,
      status: open ? 'approved' : i % 2 ? 'closed' : 'superseded',
      eventId: event.id,
      approver: 'Ofsted and CQC',
      submittedOn: addDays(startsOn, -30),
      approvedOn: addDays(startsOn, -5),
      startsOn,
      endsOn,
      reviewCadence: c.rng.pick(['quarterly', 'four_monthly', 'six_monthly'] as const),
      nextReviewOn: open ? addDays(c.today, c.rng.int(10, 90)) : null,
    });
    const weaknesses = event.findings.filter((f) => f.type !== 'strength');
    for (let p = 0; p < priorityShares[i]!; p++, priorityIndex++) {
      const finding = weaknesses[p % Math.max(1, weaknesses.length)];
      const priority = await c.api.call('priority:create', {
        planId: plan.id,
        reference: String(p + 1),
        title: WEAKNESS_THEMES[(priorityIndex * 5) % WEAKNESS_THEMES.length]!,
        description: sentences(c.rng, 2, 6),
        leadPersonId: c.rng.pick(people).id,
        findingIds: finding ? [finding.id] : [],
      });
      for (let a = 0; a < actionShares[priorityIndex]!; a++) {
        const actStart = addDays(startsOn, c.rng.int(0, 120));
        const dueOn = addDays(actStart, c.rng.int(60, Math.max(90, daysFrom(actStart, endsOn))));
        const revised = dueOn < c.today && c.rng.chance(0.15);
        const lead = c.rng.pick(people);
        const status = actionStatusFor(c.rng, revised ? addDays(dueOn, 90) : dueOn, c.today, open);
        const override = c.rng.chance(0.05);
        const action = await c.api.call('action:create', {
          priorityId: priority.id,
          reference: `${p + 1}.${a + 1}`,
          what: clipTo(sentence(c.rng), 4_000),
          how: sentences(c.rng, 1, 4),
          leadPersonId: lead.id,
          sroPersonId: c.rng.pick(people).id,
          partnerId: c.rng.pick(partnerIds),
          startsOn: actStart,
          dueOn,
          revisedDueOn: revised ? addDays(dueOn, 90) : null,
          revisedDueReason: revised ? `Agreed by the SEND and Inclusion Board: ${sentence(c.rng)}` : '',
          status,
          successMeasures: sentences(c.rng, 1, 3),
          referencesText: `${type.toUpperCase()} ${p + 1}.${a + 1}`,
          ragOverride: override ? c.rng.pick(['red', 'amber'] as const) : null,
          ragOverrideReason: override ? sentence(c.rng) : '',
        });
        actions.push({ id: action.id, priorityId: priority.id, startsOn: actStart, dueOn: revised ? addDays(dueOn, 90) : dueOn, status, leadName: lead.name });
      }
    }
  }
  return actions;
}

function monthLabel(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function milestoneStatusFor(rng: Random, dueOn: string, today: string): MilestoneStatus {
  if (dueOn >= today) return rng.chance(0.85) ? 'not_yet_due' : 'partially_achieved';
  return rng.weighted<MilestoneStatus>([['achieved', 5], ['partially_achieved', 4], ['not_achieved', 1]]);
}

const RAG_OF: Record<ActionStatus, RagCode> = {
  not_started: 'amber',
  on_track: 'green',
  delayed: 'amber',
  complete: 'blue',
  not_achieved: 'red',
  superseded: 'blue',
};

function addMilestonesAndProgress(c: Ctx, actions: ActionInfo[], audit: AuditChain): { milestones: number; progress: number; milestoneIds: number[] } {
  const sqlite = c.workbook.sqlite;
  const stones = new EntityInserter(sqlite, milestones, 'milestone', ['actionId', 'title', 'dueOn', 'periodLabel', 'status', 'achievedOn', 'position'], audit, c.author);
  const updates = new EntityInserter(
    sqlite,
    progressUpdates,
    'progress',
    ['actionId', 'milestoneId', 'reportedOn', 'periodLabel', 'status', 'rag', 'highlights', 'issues', 'mitigation', 'author', 'source'],
    audit,
    c.author,
  );
  const milestoneShares = shares(c.spec.milestones, actions.length);
  const progressShares = shares(c.spec.progressUpdates, actions.length);
  const milestoneIds: number[] = [];
  let progressCount = 0;
  sqlite.transaction(() => {
    actions.forEach((a, i) => {
      const mine: { id: number; dueOn: string }[] = [];
      const span = Math.max(1, daysFrom(a.startsOn, a.dueOn));
      for (let m = 0; m < milestoneShares[i]!; m++) {
        const dueOn = addDays(a.startsOn, Math.floor(((m + 1) * span) / milestoneShares[i]!));
        const status = a.status === 'complete' ? 'achieved' : milestoneStatusFor(c.rng, dueOn, c.today);
        const id = stones.insert(
          {
            actionId: a.id,
            title: clipTo(`${monthLabel(dueOn)}: ${sentence(c.rng)}`, 2_000),
            dueOn,
            periodLabel: `${monthLabel(dueOn)} milestone`,
            status,
            achievedOn: status === 'achieved' ? addDays(dueOn, -c.rng.int(0, 20)) : null,
            position: m,
          },
          officeMoment(a.startsOn, c.rng),
        );
        mine.push({ id, dueOn });
        milestoneIds.push(id);
      }
      // Dated, append-only updates through the life of the action; the newest carries its status.
      const lastDay = a.dueOn < c.today ? addDays(a.dueOn, 60) : addDays(c.today, -7);
      const reportSpan = Math.max(1, daysFrom(a.startsOn, lastDay < c.today ? lastDay : addDays(c.today, -1)));
      const n = progressShares[i]!;
      for (let u = 0; u < n; u++) {
        const reportedOn = addDays(a.startsOn, Math.floor(((u + 1) * reportSpan) / (n + 1)));
        const status: ActionStatus = u === n - 1 ? a.status : c.rng.weighted<ActionStatus>([['on_track', 5], ['delayed', 2], ['not_started', 1]]);
        const stone = mine.length && c.rng.chance(0.4) ? c.rng.pick(mine) : null;
        updates.insert(
          {
            actionId: a.id,
            milestoneId: stone?.id ?? null,
            reportedOn,
            periodLabel: `${monthLabel(reportedOn)} progress update`,
            status,
            rag: RAG_OF[status],
            highlights: sentences(c.rng, 1, 6),
            issues: c.rng.chance(0.6) ? `${c.rng.pick(ISSUE_PHRASES)}. ${sentences(c.rng, 0, 2)}`.trim() : '',
            mitigation: c.rng.chance(0.5) ? `${c.rng.pick(MITIGATIONS)}.` : '',
            author: a.leadName,
            source: c.rng.chance(0.2) ? 'excel' : 'app',
          },
          officeMoment(reportedOn, c.rng),
        );
        progressCount++;
      }
    });
  })();
  return { milestones: milestoneIds.length, progress: progressCount, milestoneIds };
}

const UNITS = [
  { unit: '%', polarity: 'higher_is_better' as const, base: 55, spreadBy: 15 },
  { unit: '%', polarity: 'lower_is_better' as const, base: 25, spreadBy: 10 },
  { unit: 'weeks', polarity: 'lower_is_better' as const, base: 40, spreadBy: 20 },
  { unit: 'number', polarity: 'neutral' as const, base: 300, spreadBy: 150 },
];
const GEOGRAPHIES = ['local', 'england', 'region', 'statistical_neighbours'] as const;

async function addIndicators(c: Ctx, audit: () => AuditChain): Promise<{ indicatorIds: number[]; values: number }> {
  const indicatorIds: number[] = [];
  const profiles: (typeof UNITS)[number][] = [];
  c.setDay(addDays(HISTORY_START, 30));
  const lastPeriod = addDays(c.today, -120);
  for (let i = 0; i < c.spec.indicators; i++) {
    const profile = c.rng.pick(UNITS);
    const stem = KPI_STEMS[i % KPI_STEMS.length]!;
    const variant = Math.floor(i / KPI_STEMS.length);
    const indicator = await c.api.call('indicator:create', {
      code: `KPI-${String(i + 1).padStart(3, '0')}`,
      title: variant ? `${stem} (${['ages 0–5', 'ages 5–16', 'ages 16–25', 'primary', 'secondary', 'special schools'][variant % 6]}, set ${Math.floor(variant / 6) + 1})` : stem,
      definition: sentences(c.rng, 1, 3),
      unit: profile.unit,
      polarity: profile.polarity,
      source: c.rng.pick(['DfE SEN2 return', 'School census', 'Local case management system', 'NHS waiting list data', 'Parent carer survey']),
      periodType: 'quarter',
      baselineValue: Math.round(profile.base * 10) / 10,
      baselinePeriod: 'Q3 2016',
      seriesBreakNotes: stem.startsWith('EHC plans issued') ? 'EHC plan data became person-level in 2023.' : '',
    });
    indicatorIds.push(indicator.id);
    profiles.push(profile);
    for (const year of [2025, 2027]) {
      await c.api.call('target:create', {
        indicatorId: indicator.id,
        periodLabel: `Q4 ${year - 1}`,
        targetValue: Math.round((profile.base + (profile.polarity === 'lower_is_better' ? -5 : 5)) * 10) / 10,
        note: year === 2025 ? 'Improvement plan target' : 'Stretch target agreed by the board',
      });
    }
  }
  const values = new EntityInserter(
    c.workbook.sqlite,
    indicatorValues,
    'indicatorValue',
    ['indicatorId', 'periodLabel', 'periodStart', 'geography', 'value', 'provisional', 'sourceNote'],
    audit(),
    c.author,
  );
  let count = 0;
  const geographies = GEOGRAPHIES.slice(0, c.spec.geographies);
  c.workbook.sqlite.transaction(() => {
    indicatorIds.forEach((indicatorId, i) => {
      const profile = profiles[i]!;
      const level = geographies.map(() => profile.base + c.rng.float() * profile.spreadBy);
      for (let q = 0; q < c.spec.periods; q++) {
        // Quarters counted back from the last complete one.
        const start = new Date(`${lastPeriod.slice(0, 7)}-01T00:00:00Z`);
        start.setUTCMonth(start.getUTCMonth() - 3 * (c.spec.periods - 1 - q) - (start.getUTCMonth() % 3));
        const periodStart = start.toISOString().slice(0, 10);
        const label = `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
        geographies.forEach((geography, g) => {
          level[g] = Math.max(0, level[g]! + (c.rng.float() - 0.5) * profile.spreadBy * 0.2);
          values.insert(
            {
              indicatorId,
              periodLabel: label,
              periodStart,
              geography,
              value: Math.round(level[g]! * 10) / 10,
              provisional: q === c.spec.periods - 1,
              sourceNote: geography === 'local' ? '' : 'Published comparator',
            },
            officeMoment(addDays(periodStart, 100), c.rng),
          );
          count++;
        });
      }
    });
  })();
  return { indicatorIds, values: count };
}

async function addSelfEvaluations(c: Ctx, actions: ActionInfo[]): Promise<number[]> {
  const sectionIds: number[] = [];
  let previous: { id: number; frameworkId: string } | null = null;
  for (let i = 0; i < c.spec.sefVersions; i++) {
    const asOf = spread(addDays(HISTORY_START, 180), c.today, i, c.spec.sefVersions);
    const frameworkId = frameworkOn(asOf);
    const scaleId = frameworkId === 'joint-2016' ? 'edee' : 'predicted-outcome';
    const levels = scaleId === 'edee' ? ['enhanced', 'established', 'developing', 'emerging'] : ['positive', 'inconsistent', 'widespread_failings'];
    const newest = i === c.spec.sefVersions - 1;
    c.setDay(asOf);
    const sef: { id: number } = await c.api.call('sef:create', {
      title: `Local area SEND self-evaluation, ${monthLabel(asOf)}`,
      frameworkId,
      scaleId,
      asOf,
      status: newest ? 'draft' : 'agreed',
      copyFromSefId: previous?.frameworkId === frameworkId ? previous.id : null,
    });
    previous = { id: sef.id, frameworkId };
    const sections = await c.api.call('section:list', { sefId: sef.id });
    for (const section of sections) {
      sectionIds.push(section.id);
      await c.api.call('section:update', {
        id: section.id,
        judgement: c.rng.pick(levels),
        confidence: c.rng.pick(['low', 'medium', 'high'] as const),
        whatWeKnow: paragraphs(c.rng, 2, 5),
        whatWeHaveDone: paragraphs(c.rng, 2, 4),
        impact: `${c.rng.pick(IMPACT_PHRASES)}. ${paragraphs(c.rng, 1, 3)}`,
        whatNext: paragraphs(c.rng, 1, 3),
        strengths: sentences(c.rng, 2, 5),
        areasForDevelopment: sentences(c.rng, 2, 5),
        isDraft: newest && c.rng.chance(0.5),
      });
      for (let k = 0; k < 3; k++) {
        const action = c.rng.pick(actions);
        if (!section.actionIds.includes(action.id)) {
          await c.api.result('section:linkAction', { sectionId: section.id, actionId: action.id });
        }
      }
    }
    if (!newest) {
      await c.api.call('signoff:create', { sefId: sef.id, signatoryName: 'Director of Children’s Services', signedOn: addDays(asOf, 14) });
      await c.api.call('signoff:create', { sefId: sef.id, signatoryName: 'ICB Chief Nursing Officer', signedOn: addDays(asOf, 21) });
    }
  }
  return sectionIds;
}

interface LinkTargets {
  finding: number[];
  priority: number[];
  action: number[];
  milestone: number[];
  indicator: number[];
  sefSection: number[];
}

const LINK_WEIGHTS: [LinkTarget, number][] = [
  ['action', 40],
  ['milestone', 25],
  ['sefSection', 10],
  ['indicator', 10],
  ['finding', 8],
  ['priority', 7],
];
const TARGET_ENTITY: Record<LinkTarget, string> = {
  finding: 'finding',
  priority: 'priority',
  action: 'action',
  milestone: 'milestone',
  indicator: 'indicator',
  sefSection: 'section',
};
const TARGET_FIELD: Record<LinkTarget, string> = {
  finding: 'findingId',
  priority: 'priorityId',
  action: 'actionId',
  milestone: 'milestoneId',
  indicator: 'indicatorId',
  sefSection: 'sefSectionId',
};

const KIND_WEIGHTS: [EvidenceKind, number][] = EVIDENCE_KINDS.map((k) => [k, k === 'document' || k === 'data_report' || k === 'minutes' || k === 'board_paper' ? 4 : 1]);

function addEvidence(c: Ctx, people: { id: number }[], targets: LinkTargets, audit: AuditChain): { items: number; links: number } {
  const sqlite = c.workbook.sqlite;
  const items = new EntityInserter(
    sqlite,
    evidenceItems,
    'evidence',
    ['reference', 'title', 'kind', 'level', 'summary', 'ownerPersonId', 'effectiveFrom', 'effectiveTo', 'addedOn', 'location', 'containsPersonalData'],
    audit,
    c.author,
  );
  const links = new EntityInserter(
    sqlite,
    evidenceLinks,
    'evidenceLink',
    ['evidenceId', 'findingId', 'priorityId', 'actionId', 'milestoneId', 'indicatorId', 'sefSectionId', 'note'],
    audit,
    c.author,
  );
  const linkShares = shares(c.spec.evidenceLinks, c.spec.evidenceItems);
  const historyDays = daysFrom(HISTORY_START, addDays(c.today, -1));
  let linkCount = 0;
  sqlite.transaction(() => {
    for (let i = 0; i < c.spec.evidenceItems; i++) {
      // References follow the order items were added, as the counter does.
      const addedOn = addDays(HISTORY_START, Math.floor((i * historyDays) / c.spec.evidenceItems));
      const reference = formatEvidenceReference(i + 1);
      const kind = c.rng.weighted(KIND_WEIGHTS);
      const stem = c.rng.pick(EVIDENCE_TITLE_STEMS);
      const effectiveFrom = addDays(addedOn, -c.rng.int(30, 365));
      const at = officeMoment(addedOn, c.rng);
      const evidenceId = items.insert(
        {
          reference,
          title: `${stem}, ${c.rng.pick(PERIOD_SUFFIXES)} ${effectiveFrom.slice(0, 4)}`,
          kind,
          level: c.rng.weighted([['activity', 40], ['output', 35], ['impact', 25]] as const),
          summary: sentences(c.rng, 1, 4),
          ownerPersonId: c.rng.pick(people).id,
          effectiveFrom,
          effectiveTo: c.rng.chance(0.7) ? addDays(effectiveFrom, c.rng.int(30, 365)) : null,
          addedOn,
          location: c.rng.chance(0.7)
            ? `https://wexcombe.sharepoint.com/sites/send/evidence/${reference}.pdf`
            : `\\\\wexfs01\\SEND\\Evidence\\${addedOn.slice(0, 4)}\\${reference}.docx`,
          containsPersonalData: c.rng.chance(0.08),
        },
        at,
      );
      const chosen = new Set<string>();
      for (let l = 0; l < linkShares[i]!; l++) {
        let type = c.rng.weighted(LINK_WEIGHTS);
        if (!targets[type].length) type = 'action';
        let targetId = c.rng.pick(targets[type]);
        for (let tries = 0; chosen.has(`${type}:${targetId}`) && tries < 20; tries++) targetId = c.rng.pick(targets[type]);
        if (chosen.has(`${type}:${targetId}`)) continue;
        chosen.add(`${type}:${targetId}`);
        const row: Record<string, number | string | null> = {
          evidenceId,
          findingId: null,
          priorityId: null,
          actionId: null,
          milestoneId: null,
          indicatorId: null,
          sefSectionId: null,
          note: c.rng.chance(0.2) ? sentence(c.rng) : '',
        };
        row[TARGET_FIELD[type]] = targetId;
        links.insert(row, at);
        // evidence:link also records the link on the target's own history.
        audit.write({ at, author: c.author, entity: TARGET_ENTITY[type], entityId: targetId, operation: 'link', field: 'evidence', newValue: reference });
        linkCount++;
      }
    }
    sqlite.prepare('UPDATE workbook_info SET next_evidence_number = ? WHERE id = 1').run(c.spec.evidenceItems + 1);
  })();
  return { items: c.spec.evidenceItems, links: linkCount };
}

/** Deletes to the bin through the contract, as an officer would (cascades and bin entries included). */
async function addDeletions(c: Ctx, actions: ActionInfo[], milestoneIds: number[]): Promise<number> {
  let done = 0;
  c.setDay(addDays(c.today, -3));
  const evidenceIds = Array.from({ length: c.spec.evidenceItems }, (_, i) => i + 1);
  for (let i = 0; i < c.spec.deletions; i++) {
    const what = c.rng.weighted([['evidence', 6], ['milestone', 2], ['action', 1], ['progress', 1]] as const);
    let r;
    if (what === 'evidence') r = await c.api.result('evidence:delete', { id: c.rng.pick(evidenceIds) });
    else if (what === 'milestone') r = await c.api.result('milestone:delete', { id: c.rng.pick(milestoneIds) });
    else if (what === 'action') r = await c.api.result('action:delete', { id: c.rng.pick(actions).id });
    else r = await c.api.result('progress:delete', { id: c.rng.int(1, c.spec.progressUpdates) });
    // Already gone with an earlier cascade: pick again next time round.
    if (r.ok) done++;
  }
  return done;
}

export async function generateWorkbook(file: string, options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const spec = SCALES[options.scale];
  const log = options.log ?? (() => {});
  const rng = new Random(seed);
  const now = options.now ?? new Date(DEFAULT_NOW);
  let clock = new Date(`${HISTORY_START}T09:00:00Z`);
  const workbook = createWorkbook(file, { areaName: AREA.areaName, authorName: AREA.authorName, now: () => clock });
  const session = new WorkbookSession({ now: () => clock });
  session.use(workbook);
  const failures: unknown[] = [];
  const dispatch = createDispatcher(session, { logError: (channel, error) => failures.push({ channel, error }) });
  const api = createClient((channel: ChannelName, input: unknown) => dispatch(channel, input));
  const c: Ctx = {
    rng,
    spec,
    api,
    workbook,
    today: now.toISOString().slice(0, 10),
    setDay: (iso) => {
      clock = new Date(`${iso}T${String(9 + rng.int(0, 8)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`);
    },
    author: AREA.authorName,
  };
  try {
    await api.call('area:update', {
      areaName: AREA.areaName,
      laCode: AREA.laCode,
      icb: AREA.icb,
      region: AREA.region,
      statisticalNeighbours: AREA.statisticalNeighbours,
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      statusKeyId: 'rag',
      defaultFrameworkId: 'area-send-2025',
    });
    const { partnerIds, people } = await addPartnersAndPeople(c);
    log(`${people.length} people in ${partnerIds.length} partner organisations`);
    const events = await addInspections(c, partnerIds);
    const actions = await addPlans(c, events, partnerIds, people);
    log(`${events.length} inspections, ${spec.plans} plans, ${actions.length} actions`);
    const bulk = addMilestonesAndProgress(c, actions, new AuditChain(workbook.sqlite));
    log(`${bulk.milestones} milestones, ${bulk.progress} progress updates`);
    const { indicatorIds, values } = await addIndicators(c, () => new AuditChain(workbook.sqlite));
    log(`${indicatorIds.length} indicators with ${values} values`);
    const sectionIds = await addSelfEvaluations(c, actions);
    const ids = (table: string) => (workbook.sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[]);
    const evidence = addEvidence(
      c,
      people,
      {
        finding: ids('findings'),
        priority: ids('priorities'),
        action: actions.map((a) => a.id),
        milestone: bulk.milestoneIds,
        indicator: indicatorIds,
        sefSection: sectionIds,
      },
      new AuditChain(workbook.sqlite),
    );
    log(`${evidence.items} evidence items with ${evidence.links} links`);
    const deletions = await addDeletions(c, actions, bulk.milestoneIds);
    const files = options.withFiles ? await attachGeneratedFiles(dispatch, rng, spec.files, spec.evidenceItems) : ({ attached: 0, note: null } as FilesOutcome);
    if (files.note) log(files.note);
    if (failures.length) throw new Error(`The generator hit an unexpected error: ${String((failures[0] as { error: unknown }).error)}`);
    const count = (table: string) => (workbook.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
    const counts: Record<string, number> = {};
    for (const table of [
      'partners', 'people', 'inspection_events', 'findings', 'finding_assessments', 'plans', 'priorities', 'actions', 'milestones',
      'progress_updates', 'evidence_items', 'evidence_links', 'indicators', 'indicator_targets', 'indicator_values',
      'self_evaluations', 'sef_sections', 'bin_entries', 'audit_log', 'evidence_files',
    ]) {
      counts[table] = count(table);
    }
    counts.deletions = deletions;
    workbook.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return {
      file: workbook.path,
      scale: options.scale,
      seed,
      generatorVersion: GENERATOR_VERSION,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      counts,
      files,
    };
  } finally {
    session.close();
  }
}
