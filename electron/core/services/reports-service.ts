/** Read models for the Overview and the exports: roll-ups, overdue items and evidence coverage. */
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { actions, areaProfile, evidenceItems, findingAssessments, findings, indicators, inspectionEvents, plans, priorities, priorityFindings, sefSections, selfEvaluations } from '../../../db/schema';
import { ACTION_STATUSES, label, RAG_CODES, VOICE_KINDS } from '../../contract/enums';
import { daysBetween, sharesOf, ukDate } from '../../contract/format';
import type * as r from '../../contract/schemas/reports';
import { today, type ServiceContext } from './context';
import { getLive } from './entity-store';
import { writeAudit } from './audit-log';
import type { RowOf } from './entity-registry';
import { indicatorStatuses } from './indicator-service';
import { MILESTONE_STATES, milestoneState, MILESTONE_STATE_WORDS } from '../facts';
import { timelineFor } from '../inspection-week/timeline-service';
import { findFramework } from '../reference/load-reference';
import { eventVerdicts } from './inspection-service';
import { actionViews } from './plan-service';
import { sectionViews } from './sef-service';
import { invalidField } from './service-error';
import { allForIds, codecOf } from './statement-cache';
import { rememberedUntilChanged, shelf, type Input } from './until-changed';

type Out<T extends z.ZodType> = z.output<T>;

/**
 * What each read model of the Overview reads (issue #17): each is remembered until one of these
 * changes (services/until-changed), so an edit of an action recomputes the plan's progress but not
 * the indicators, and an indicator value recomputes only the indicators. A table named with columns
 * counts inserts, deletes and updates of those columns only. test/perf/overview-inputs.test.ts
 * checks that every table and column each part's queries read is listed here, and that an edit of
 * each kind changes the answer: a missing input would leave a stale Overview.
 */
export const OVERVIEW_INPUTS = {
  /** The plan's roll-up: priorities, actions, milestones, RAG, overdue items. */
  progress: ['plans', 'area_profile', 'priorities', 'actions', 'milestones', 'progress_updates', 'people', 'partners'],
  /** Indicators off target or out of date. */
  indicators: ['indicators', 'indicator_values', 'indicator_targets'],
  /** Readiness: the SEF in force, findings still open, verdicts, an inspection under way. */
  readiness: ['self_evaluations', 'findings', 'inspection_events', 'finding_assessments', 'tracked_children'],
  /** The workbook's counts. */
  counts: ['evidence_items(deleted_at, contains_personal_data)', 'findings(deleted_at)', 'actions(deleted_at)', 'indicators(deleted_at)'],
  /** Evidence coverage of the findings a plan answers (or of an event's findings). */
  findingCoverage: [
    'plans',
    'inspection_events(deleted_at)',
    'findings',
    'priority_findings',
    'priorities(deleted_at, plan_id, position)',
    'actions(deleted_at, priority_id, position)',
    'milestones(deleted_at, action_id, position)',
    'evidence_links',
    'evidence_items(deleted_at, kind, level, effective_from, effective_to)',
  ],
  /** Evidence coverage of a self-evaluation's sections. */
  sectionCoverage: [
    'self_evaluations',
    'sef_sections',
    'sef_section_actions',
    'actions(deleted_at)',
    'milestones(deleted_at, action_id, position)',
    'evidence_links',
    'evidence_items(deleted_at, kind, level, effective_from, effective_to)',
  ],
} as const satisfies Record<string, readonly Input[]>;

/** Read models remembered until what they read changes (at most this many kept). */
const READ_MODELS = shelf(64);

/**
 * A read model kept until its inputs change (issue #17): the Overview and its coverage panel are
 * asked for again on every visit. The key holds the input and today's date. Callers must treat
 * the result as read-only: it is shared by every caller until the next change.
 */
function untilChanged<T>(ctx: ServiceContext, part: keyof typeof OVERVIEW_INPUTS, key: string, read: () => T): T {
  return rememberedUntilChanged(ctx.workbook.sqlite, READ_MODELS, `${part} ${key}\u0000${today(ctx)}`, read, OVERVIEW_INPUTS[part]);
}

/** Counts per key with whole percentages adding up to 100. */
export function rollUp(keys: readonly string[], values: string[]): Out<typeof r.rollUp> {
  const counts = keys.map((k) => values.filter((v) => v === k).length);
  const shares = sharesOf(counts);
  return {
    total: values.length,
    byStatus: keys.map((key, i) => ({ key, label: key === 'overdue' ? 'Overdue' : label(key), count: counts[i]!, percent: shares[i]! })),
  };
}

function ragShares(values: string[]) {
  return rollUp(RAG_CODES, values).byStatus;
}

const IN_FORCE = ['approved', 'published'];

/**
 * The plan the Overview and the exports follow when none is named: the one the user chose on the
 * Overview (kept in the workbook), else the newest approved or published plan, else the newest
 * submitted one. Never a draft by default: creating a draft must not switch what leaders read.
 */
export function followedPlanId(ctx: ServiceContext): { id: number | null; chosenByUser: boolean } {
  const live = ctx.db
    .select({ id: plans.id, status: plans.status })
    .from(plans)
    .where(isNull(plans.deletedAt))
    .orderBy(desc(sql`coalesce(${plans.publishedOn}, ${plans.approvedOn}, ${plans.submittedOn}, ${plans.createdAt})`), desc(plans.id))
    .all();
  const chosen = ctx.db.select({ id: areaProfile.overviewPlanId }).from(areaProfile).where(eq(areaProfile.id, 1)).get()?.id ?? null;
  if (chosen != null && live.some((p) => p.id === chosen)) return { id: chosen, chosenByUser: true };
  const byDefault = live.find((p) => IN_FORCE.includes(p.status)) ?? live.find((p) => p.status === 'submitted');
  return { id: byDefault?.id ?? null, chosenByUser: false };
}

/** The plan exports use when none is named: the Overview's, else the newest still in force (a lone draft included). */
export function currentPlanId(ctx: ServiceContext): number | null {
  const followed = followedPlanId(ctx).id;
  if (followed != null) return followed;
  const live = ctx.db.select({ id: plans.id, status: plans.status }).from(plans).where(isNull(plans.deletedAt)).orderBy(desc(plans.createdAt), desc(plans.id)).all();
  return (live.find((p) => !['superseded', 'closed'].includes(p.status)) ?? live[0])?.id ?? null;
}

/** Remembers (in the workbook) the plan the Overview follows; null goes back to the default. */
export function chooseOverviewPlan(ctx: ServiceContext, input: Out<typeof r.overviewPlanChoice>): { planId: number | null } {
  if (input.planId != null) getLive(ctx, 'plan', input.planId);
  const current = ctx.db.select().from(areaProfile).where(eq(areaProfile.id, 1)).get();
  if (!current) throw invalidField('planId', 'This workbook has no settings record. Run “workbook check” on it.');
  if (current.overviewPlanId !== input.planId) {
    ctx.db.update(areaProfile).set({ overviewPlanId: input.planId, updatedAt: ctx.now().toISOString(), version: current.version + 1 }).where(eq(areaProfile.id, 1)).run();
    writeAudit(ctx, [{ entity: 'area', entityId: 1, operation: 'update', field: 'overviewPlanId', oldValue: current.overviewPlanId, newValue: input.planId }]);
  }
  return { planId: followedPlanId(ctx).id };
}

interface OverdueCandidate {
  id: number;
  actionId: number;
  reference: string;
  title: string;
  due: string;
  owner: string | null;
  pref: string;
  planId: number;
}

/**
 * Overdue milestones (effective state "overdue": due date passed with no result) and overdue
 * actions (due date passed, not complete or superseded as at the date). SQL narrows to those
 * due before the date; the facts functions decide.
 */
export function overdueItems(ctx: ServiceContext, input: Out<typeof r.overdueInput>): Out<typeof r.overdueItem>[] {
  const asOf = input.asOf ?? today(ctx);
  const planFilter = input.planId ? sql`AND p.plan_id = ${input.planId}` : sql``;
  const live = sql`a.deleted_at IS NULL AND p.deleted_at IS NULL AND pl.deleted_at IS NULL`;
  const actionRows = ctx.db.all<OverdueCandidate>(sql`
    SELECT a.id, a.id AS actionId, a.reference, a.what AS title, coalesce(a.revised_due_on, a.due_on) AS due, pe.name AS owner, p.reference AS pref, p.plan_id AS planId
    FROM actions a JOIN priorities p ON p.id = a.priority_id JOIN plans pl ON pl.id = p.plan_id
    LEFT JOIN people pe ON pe.id = a.lead_person_id
    WHERE ${live} ${planFilter} AND coalesce(a.revised_due_on, a.due_on) < ${asOf}
    ORDER BY due, a.id`);
  const milestoneRows = ctx.db.all<OverdueCandidate & { status: string; achievedOn: string | null }>(sql`
    SELECT m.id, a.id AS actionId, a.reference, m.title, m.due_on AS due, m.status, m.achieved_on AS achievedOn, pe.name AS owner, p.reference AS pref, p.plan_id AS planId
    FROM milestones m JOIN actions a ON a.id = m.action_id JOIN priorities p ON p.id = a.priority_id JOIN plans pl ON pl.id = p.plan_id
    LEFT JOIN people pe ON pe.id = a.lead_person_id
    WHERE m.deleted_at IS NULL AND ${live} ${planFilter} AND m.due_on < ${asOf}
    ORDER BY m.due_on, m.id`);
  const statusOf = new Map<number, string>();
  if (actionRows.length) {
    const codec = codecOf(actions);
    const rows = allForIds<Record<string, unknown>>(ctx.workbook.sqlite, 'SELECT * FROM actions WHERE id IN (SELECT value FROM json_each(?))', actionRows.map((a) => a.id)).map(
      (raw) => codec.fromRow(raw) as RowOf<'action'>, // raw SQL: the codec maps the table's own columns
    );
    for (const v of actionViews(ctx, rows, asOf)) statusOf.set(v.id, v.statusAsOf);
  }
  const item = (kind: 'action' | 'milestone', x: OverdueCandidate) => ({
    kind,
    id: x.id,
    actionId: x.actionId,
    reference: x.reference,
    title: x.title,
    dueOn: x.due,
    daysOverdue: daysBetween(x.due, asOf),
    ownerName: x.owner,
    priorityReference: x.pref,
    planId: x.planId,
  });
  return [
    ...milestoneRows.filter((m) => milestoneState({ dueOn: m.due, status: m.status, achievedOn: m.achievedOn }, asOf) === 'overdue').map((m) => item('milestone', m)),
    ...actionRows.filter((a) => !['complete', 'superseded'].includes(statusOf.get(a.id) ?? '')).map((a) => item('action', a)),
  ].sort((x, y) => y.daysOverdue - x.daysOverdue || x.reference.localeCompare(y.reference, 'en-GB', { numeric: true }));
}

/** Evidence counts reaching one target, by kind and level, with how many are stale. */
interface CoverageGroup {
  targetId: number;
  kind: string;
  level: string;
  n: number;
  stale: number;
}

/** Evidence counts as at a date: items whose period starts after it did not exist yet. */
function aggregate(reach: ReturnType<typeof sql>, staleBefore: string, asOf: string) {
  return sql`
    SELECT r.target_id AS targetId, e.kind, e.level, count(*) AS n,
           sum(coalesce(e.effective_to, e.effective_from, '9999-12-31') < ${staleBefore}) AS stale
    FROM (${reach}) r JOIN evidence_items e ON e.id = r.evidence_id AND e.deleted_at IS NULL
    WHERE e.effective_from IS NULL OR e.effective_from <= ${asOf}
    GROUP BY r.target_id, e.kind, e.level`;
}

/** Evidence reaching each finding: linked to it, or to the priorities, actions and milestones answering it. */
function findingEvidence(ctx: ServiceContext, findingIds: number[], staleBefore: string, asOf: string): CoverageGroup[] {
  if (findingIds.length === 0) return [];
  const ids = sql.join(findingIds.map((i) => sql`${i}`), sql`, `);
  const answering = sql`SELECT pf.finding_id, p.id AS priority_id FROM priority_findings pf
      JOIN priorities p ON p.id = pf.priority_id AND p.deleted_at IS NULL WHERE pf.finding_id IN (${ids})`;
  const reach = sql`
      SELECT el.finding_id AS target_id, el.evidence_id FROM evidence_links el WHERE el.deleted_at IS NULL AND el.finding_id IN (${ids})
      UNION SELECT a.finding_id, el.evidence_id FROM (${answering}) a JOIN evidence_links el ON el.priority_id = a.priority_id AND el.deleted_at IS NULL
      UNION SELECT a.finding_id, el.evidence_id FROM (${answering}) a JOIN actions ac ON ac.priority_id = a.priority_id AND ac.deleted_at IS NULL
        JOIN evidence_links el ON el.action_id = ac.id AND el.deleted_at IS NULL
      UNION SELECT a.finding_id, el.evidence_id FROM (${answering}) a JOIN actions ac ON ac.priority_id = a.priority_id AND ac.deleted_at IS NULL
        JOIN milestones m ON m.action_id = ac.id AND m.deleted_at IS NULL JOIN evidence_links el ON el.milestone_id = m.id AND el.deleted_at IS NULL`;
  return ctx.db.all<CoverageGroup>(aggregate(reach, staleBefore, asOf));
}

/** Evidence reaching each SEF section: linked to it, or to the actions it cites and their milestones. */
function sectionEvidence(ctx: ServiceContext, sectionIds: number[], staleBefore: string, asOf: string): CoverageGroup[] {
  if (sectionIds.length === 0) return [];
  const ids = sql.join(sectionIds.map((i) => sql`${i}`), sql`, `);
  const reach = sql`
      SELECT el.sef_section_id AS target_id, el.evidence_id FROM evidence_links el WHERE el.deleted_at IS NULL AND el.sef_section_id IN (${ids})
      UNION SELECT sa.section_id, el.evidence_id FROM sef_section_actions sa JOIN actions ac ON ac.id = sa.action_id AND ac.deleted_at IS NULL
        JOIN evidence_links el ON el.action_id = ac.id AND el.deleted_at IS NULL WHERE sa.section_id IN (${ids})
      UNION SELECT sa.section_id, el.evidence_id FROM sef_section_actions sa JOIN milestones m ON m.action_id = sa.action_id AND m.deleted_at IS NULL
        JOIN evidence_links el ON el.milestone_id = m.id AND el.deleted_at IS NULL WHERE sa.section_id IN (${ids})`;
  return ctx.db.all<CoverageGroup>(aggregate(reach, staleBefore, asOf));
}

function twoYearsBefore(iso: string): string {
  return `${Number(iso.slice(0, 4)) - 2}${iso.slice(4)}`;
}

function coverageRows(
  targetType: 'finding' | 'sefSection',
  targets: { id: number; label: string }[],
  groups: CoverageGroup[],
  staleBefore: string,
): Out<typeof r.coverageRow>[] {
  const byTarget = new Map<number, CoverageGroup[]>();
  for (const g of groups) byTarget.set(g.targetId, [...(byTarget.get(g.targetId) ?? []), g]);
  return targets.map((t) => {
    const mine = byTarget.get(t.id) ?? [];
    const byKind: Record<string, number> = {};
    const byLevel = { activity: 0, output: 0, impact: 0 };
    let total = 0;
    let olderThanCutoff = 0;
    for (const g of mine) {
      byKind[g.kind] = (byKind[g.kind] ?? 0) + g.n;
      if (g.level in byLevel) byLevel[g.level as keyof typeof byLevel] += g.n;
      total += g.n;
      olderThanCutoff += g.stale;
    }
    const voicePresent = mine.some((g) => (VOICE_KINDS as readonly string[]).includes(g.kind));
    const warnings: string[] = [];
    if (total === 0) warnings.push('No evidence linked yet.');
    else {
      if (byLevel.impact === 0) warnings.push('No evidence of impact: only activity or output.');
      if (!voicePresent) warnings.push('No voice of children, young people or families.');
      if (olderThanCutoff > 0) warnings.push(`${olderThanCutoff} item(s) evidence only a period before ${ukDate(staleBefore)}.`);
    }
    return { targetType, targetId: t.id, label: t.label, total, byKind, byLevel, voicePresent, olderThanCutoff, warnings };
  });
}

/** The findings a plan's live priorities answer. */
function findingsAnsweredBy(ctx: ServiceContext, planId: number): number[] {
  getLive(ctx, 'plan', planId);
  return [
    ...new Set(
      ctx.db
        .select({ id: priorityFindings.findingId })
        .from(priorityFindings)
        .innerJoin(priorities, eq(priorities.id, priorityFindings.priorityId))
        .where(and(eq(priorities.planId, planId), isNull(priorities.deletedAt)))
        .all()
        .map((r) => r.id),
    ),
  ];
}

/**
 * Evidence coverage of findings or SEF sections. Kept out of the Overview roll-up: on a large
 * workbook it joins tens of thousands of links, so the Overview loads it as its own panel.
 */
export function coverage(ctx: ServiceContext, input: Out<typeof r.coverageInput>): Out<typeof r.coverageRow>[] {
  return untilChanged(ctx, input.scope === 'finding' ? 'findingCoverage' : 'sectionCoverage', JSON.stringify(input), () => readCoverage(ctx, input));
}

export function readCoverage(ctx: ServiceContext, input: Out<typeof r.coverageInput>): Out<typeof r.coverageRow>[] {
  // A self-evaluation is read as at its own date: staleness and what evidence existed then.
  const sefAsOf = input.scope === 'sefSection' && input.sefId ? (getLive(ctx, 'sef', input.sefId).asOf as string) : null;
  const asOf = input.asOf ?? sefAsOf ?? today(ctx);
  const staleBefore = input.staleBefore ?? twoYearsBefore(asOf);
  if (input.scope === 'finding') {
    if (input.eventId) getLive(ctx, 'event', input.eventId);
    const findingIds = input.planId ? findingsAnsweredBy(ctx, input.planId) : undefined;
    const rows = ctx.db
      .select({ id: findings.id, reference: findings.reference, title: findings.title, type: findings.type })
      .from(findings)
      .where(
        and(
          isNull(findings.deletedAt),
          input.eventId ? eq(findings.eventId, input.eventId) : undefined,
          findingIds ? inArray(findings.id, findingIds.length ? findingIds : [-1]) : undefined,
          ne(findings.type, 'strength'),
        ),
      )
      .orderBy(asc(findings.eventId), asc(findings.position))
      .all();
    const targets = rows.map((f) => ({ id: f.id, label: f.reference ? `${f.reference} ${f.title}` : f.title }));
    return coverageRows('finding', targets, findingEvidence(ctx, targets.map((t) => t.id), staleBefore, asOf), staleBefore);
  }
  if (!input.sefId) {
    throw invalidField('sefId', 'Choose which self-evaluation to check.');
  }
  getLive(ctx, 'sef', input.sefId);
  const rows = sectionViews(
    ctx,
    ctx.db
      .select()
      .from(sefSections)
      .where(and(eq(sefSections.sefId, input.sefId), isNull(sefSections.deletedAt)))
      .orderBy(asc(sefSections.position))
      .all(),
  );
  const targets = rows.map((x) => ({ id: x.id, label: x.criterionLabel }));
  return coverageRows('sefSection', targets, sectionEvidence(ctx, targets.map((t) => t.id), staleBefore, asOf), staleBefore);
}

/** Unresolved findings (no positive verdict yet) and the headline of each event that gave verdicts. */
function findingsReadiness(ctx: ServiceContext, asOf: string): Out<typeof r.readiness>['findings'] {
  const rows = ctx.db
    .select({ f: findings, eventTitle: inspectionEvents.title, frameworkId: inspectionEvents.frameworkId })
    .from(findings)
    .innerJoin(inspectionEvents, and(eq(inspectionEvents.id, findings.eventId), isNull(inspectionEvents.deletedAt)))
    .where(and(isNull(findings.deletedAt), ne(findings.type, 'strength')))
    .orderBy(asc(findings.eventId), asc(findings.position), asc(findings.id))
    .all()
    .filter((x) => findFramework(ctx.reference, x.frameworkId)?.findingTypes.find((t) => t.id === x.f.type)?.requiresPlanType != null);
  const ids = rows.map((x) => x.f.id);
  const verdicts = ids.length
    ? ctx.db
        .select({ a: findingAssessments, eventTitle: inspectionEvents.title })
        .from(findingAssessments)
        .leftJoin(inspectionEvents, eq(inspectionEvents.id, findingAssessments.eventId))
        .where(and(inArray(findingAssessments.findingId, ids), isNull(findingAssessments.deletedAt), sql`${findingAssessments.assessedOn} <= ${asOf}`))
        .orderBy(asc(findingAssessments.assessedOn), asc(findingAssessments.id))
        .all()
    : [];
  const latestFormal = new Map<number, (typeof verdicts)[number]>();
  for (const v of verdicts) if (v.a.eventId != null && v.a.result !== 'commentary') latestFormal.set(v.a.findingId, v);
  const resolved = new Set(['sufficient_progress', 'improved']);
  return rows
    .filter((x) => !resolved.has(latestFormal.get(x.f.id)?.a.result ?? ''))
    .map((x) => {
      const v = latestFormal.get(x.f.id);
      const fw = findFramework(ctx.reference, x.frameworkId);
      return {
        findingId: x.f.id,
        eventId: x.f.eventId,
        reference: x.f.reference,
        title: x.f.title,
        eventTitle: x.eventTitle,
        latestVerdict: v ? { result: v.a.result, label: fw?.assessmentResults.find((a) => a.id === v.a.result)?.label ?? label(v.a.result), on: v.a.assessedOn, eventTitle: v.eventTitle ?? '' } : null,
      };
    });
}

/** The inspection-week state when an event is under way: notified and not yet past its on-site week. */
function runningInspection(ctx: ServiceContext, asOf: string): Out<typeof r.readiness>['inspectionWeek'] {
  const four = new Date(`${asOf}T00:00:00Z`);
  four.setUTCDate(four.getUTCDate() - 28);
  const since = four.toISOString().slice(0, 10);
  const event = ctx.db
    .select()
    .from(inspectionEvents)
    .where(
      and(
        isNull(inspectionEvents.deletedAt),
        sql`${inspectionEvents.notifiedOn} <= ${asOf}`,
        sql`coalesce(${inspectionEvents.onsiteEndOn}, ${inspectionEvents.notifiedOn}) >= ${since}`,
        sql`(${inspectionEvents.onsiteEndOn} IS NULL OR ${inspectionEvents.onsiteEndOn} >= ${asOf})`,
      ),
    )
    .orderBy(desc(inspectionEvents.notifiedOn), desc(inspectionEvents.id))
    .get();
  if (!event) return null;
  let position: string;
  try {
    position = timelineFor(ctx, event.id, asOf).position;
  } catch {
    // An event whose framework the app no longer knows still shows as running, without its day count.
    position = '';
  }
  return { eventId: event.id, title: event.title, notifiedOn: event.notifiedOn, onsiteStartOn: event.onsiteStartOn, onsiteEndOn: event.onsiteEndOn, position };
}

/** Readiness without the SEF's coverage (remembered on its own) and the plan's review date (read on every call). */
export function readReadiness(ctx: ServiceContext, asOf: string) {
  const sef =
    ctx.db
      .select({ id: selfEvaluations.id, title: selfEvaluations.title, asOf: selfEvaluations.asOf, status: selfEvaluations.status })
      .from(selfEvaluations)
      .where(and(isNull(selfEvaluations.deletedAt), sql`${selfEvaluations.asOf} <= ${asOf}`))
      .orderBy(desc(selfEvaluations.asOf), desc(selfEvaluations.id))
      .get() ?? null;
  const verdictEvents = ctx.db
    .selectDistinct({ id: inspectionEvents.id, title: inspectionEvents.title, when: sql<string>`coalesce(${inspectionEvents.publishedOn}, ${inspectionEvents.onsiteStartOn}, ${inspectionEvents.createdAt})` })
    .from(inspectionEvents)
    .innerJoin(findingAssessments, and(eq(findingAssessments.eventId, inspectionEvents.id), isNull(findingAssessments.deletedAt)))
    .where(isNull(inspectionEvents.deletedAt))
    .all()
    .sort((a, b) => b.when.localeCompare(a.when));
  const summaries = eventVerdicts(ctx, verdictEvents.map((e) => e.id));
  return {
    sef,
    findings: findingsReadiness(ctx, asOf),
    verdicts: verdictEvents.map((e) => ({ eventId: e.id, title: e.title, sentence: summaries.get(e.id)?.sentence ?? null })).filter((v) => v.sentence != null),
    inspectionWeek: runningInspection(ctx, asOf),
  };
}

function readiness(ctx: ServiceContext, asOf: string, plan: RowOf<'plan'> | null): Out<typeof r.readiness> {
  const { sef, ...rest } = untilChanged(ctx, 'readiness', asOf, () => readReadiness(ctx, asOf));
  const sefCoverage = sef ? coverage(ctx, { scope: 'sefSection', sefId: sef.id }) : [];
  const nextReviewOn = (plan?.nextReviewOn as string | null | undefined) ?? null;
  const withWarnings = sefCoverage.filter((c) => c.warnings.length > 0);
  return {
    sef: sef ? { ...sef, sections: sefCoverage.length, sectionsWithWarnings: withWarnings.length, warnings: withWarnings.map((c) => `${c.label}: ${c.warnings.join(' ')}`) } : null,
    ...rest,
    nextReviewOn,
    daysToNextReview: nextReviewOn ? daysBetween(asOf, nextReviewOn) : null,
  };
}

/** The plan's progress: milestones, actions and RAG overall and by priority, and what is overdue. */
export function readProgress(ctx: ServiceContext, planId: number | null, asOf: string) {
  const prios =
    planId != null
      ? ctx.db
          .select()
          .from(priorities)
          .where(and(eq(priorities.planId, planId), isNull(priorities.deletedAt)))
          .orderBy(asc(priorities.position), asc(priorities.id))
          .all()
      : [];
  const actionCodec = codecOf(actions);
  const actionRows = allForIds<Record<string, unknown>>(
    ctx.workbook.sqlite,
    'SELECT * FROM actions WHERE priority_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
    prios.map((p) => p.id),
  ).map((raw) => actionCodec.fromRow(raw) as RowOf<'action'>); // raw SQL: the codec maps the table's own columns
  const views = actionViews(ctx, actionRows, asOf);
  const stoneRows = allForIds<{ actionId: number; status: string; dueOn: string | null; achievedOn: string | null }>(
    ctx.workbook.sqlite,
    'SELECT action_id AS actionId, status, due_on AS dueOn, achieved_on AS achievedOn FROM milestones WHERE action_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
    actionRows.map((a) => a.id),
  ).map((m) => ({ ...m, state: milestoneState(m, asOf) }));
  const priorityOf = new Map(actionRows.map((a) => [a.id, a.priorityId as number]));
  const milestoneRoll = (states: string[]) => rollUp(MILESTONE_STATES, states);
  return {
    milestones: milestoneRoll(stoneRows.map((m) => m.state)),
    actions: rollUp(ACTION_STATUSES, views.map((a) => a.statusAsOf)),
    rag: ragShares(views.map((a) => a.rag)),
    actionRags: views.map((a) => ({ actionId: a.id, reference: a.reference, rag: a.rag, ragSource: a.ragSource, ragReason: a.ragReason, status: a.statusAsOf })),
    priorities: prios.map((p) => {
      const mine = views.filter((a) => a.priorityId === p.id);
      return {
        priorityId: p.id,
        reference: p.reference,
        title: p.title,
        milestones: milestoneRoll(stoneRows.filter((m) => priorityOf.get(m.actionId) === p.id).map((m) => m.state)),
        actions: rollUp(ACTION_STATUSES, mine.map((a) => a.statusAsOf)),
        rag: ragShares(mine.map((a) => a.rag)),
      };
    }),
    overdue: planId != null ? overdueItems(ctx, { planId, asOf }) : [],
  };
}

/** Indicators off target or out of date, as at the date. */
export function readIndicatorsOffTarget(ctx: ServiceContext, asOf: string) {
  return indicatorStatuses(ctx, { onlyOffTarget: true, asOf });
}

/** How many live evidence items, findings, actions and indicators the workbook holds. */
export function readCounts(ctx: ServiceContext) {
  const counts = ctx.db.get<{ evidence: number; findings: number; actions: number; indicators: number }>(sql`
    SELECT (SELECT count(*) FROM ${evidenceItems} WHERE deleted_at IS NULL) AS evidence,
           (SELECT count(*) FROM ${findings} WHERE deleted_at IS NULL) AS findings,
           (SELECT count(*) FROM ${actions} WHERE deleted_at IS NULL) AS actions,
           (SELECT count(*) FROM ${indicators} WHERE deleted_at IS NULL) AS indicators`);
  return counts ?? { evidence: 0, findings: 0, actions: 0, indicators: 0 };
}

/**
 * The Overview, put together from parts each remembered until its own inputs change
 * (OVERVIEW_INPUTS). Which plan it follows and the plan's own row are read on every call.
 */
export function overview(ctx: ServiceContext, input: Out<typeof r.overviewInput>): Out<typeof r.overview> {
  const asOf = input.asOf ?? today(ctx);
  const followed = followedPlanId(ctx);
  const planId = input.planId ?? followed.id;
  const plan = planId ? getLive(ctx, 'plan', planId) : null;
  const progress = untilChanged(ctx, 'progress', `${plan?.id ?? ''} ${asOf}`, () => readProgress(ctx, plan?.id ?? null, asOf));
  return {
    plan: plan ? { id: plan.id, title: plan.title, type: plan.type, status: plan.status, nextReviewOn: plan.nextReviewOn, chosenByUser: input.planId == null && followed.chosenByUser } : null,
    asOf,
    milestones: progress.milestones,
    milestoneWords: Object.fromEntries(MILESTONE_STATES.map((k) => [k, MILESTONE_STATE_WORDS[k]])),
    actions: progress.actions,
    rag: progress.rag,
    actionRags: progress.actionRags,
    priorities: progress.priorities,
    overdue: progress.overdue,
    indicatorsOffTarget: untilChanged(ctx, 'indicators', asOf, () => readIndicatorsOffTarget(ctx, asOf)),
    readiness: readiness(ctx, asOf, plan),
    counts: untilChanged(ctx, 'counts', '', () => readCounts(ctx)),
  };
}
