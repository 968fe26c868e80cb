/** Read models for the Overview and the exports: roll-ups, overdue items and evidence coverage. */
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { actions, evidenceItems, findings, indicators, plans, priorities, priorityFindings, sefSections } from '../../../db/schema';
import { ACTION_STATUSES, label, MILESTONE_STATUSES, RAG_CODES, VOICE_KINDS } from '../../contract/enums';
import { daysBetween, sharesOf, ukDate } from '../../contract/format';
import type * as r from '../../contract/schemas/reports';
import { today, type ServiceContext } from './context';
import { getLive } from './entity-store';
import type { Row } from './entity-registry';
import { indicatorStatuses } from './indicator-service';
import { actionViews } from './plan-service';
import { sectionViews } from './sef-service';
import { invalidField } from './service-error';
import { allForIds, codecOf } from './statement-cache';

type Out<T extends z.ZodType> = z.output<T>;

/** Counts per key with whole percentages adding up to 100. */
export function rollUp(keys: readonly string[], values: string[]): Out<typeof r.rollUp> {
  const counts = keys.map((k) => values.filter((v) => v === k).length);
  const shares = sharesOf(counts);
  return {
    total: values.length,
    byStatus: keys.map((key, i) => ({ key, label: label(key), count: counts[i]!, percent: shares[i]! })),
  };
}

function ragShares(values: string[]) {
  return rollUp(RAG_CODES, values).byStatus;
}

/** The plan the Overview shows by default: the newest one still in force. */
export function currentPlanId(ctx: ServiceContext): number | null {
  const live = ctx.db
    .select({ id: plans.id, status: plans.status })
    .from(plans)
    .where(isNull(plans.deletedAt))
    .orderBy(desc(plans.createdAt), desc(plans.id))
    .all();
  return (live.find((p) => !['superseded', 'closed'].includes(p.status)) ?? live[0])?.id ?? null;
}

export function overdueItems(ctx: ServiceContext, input: Out<typeof r.overdueInput>): Out<typeof r.overdueItem>[] {
  const asOf = input.asOf ?? today(ctx);
  const planFilter = input.planId ? sql`AND p.plan_id = ${input.planId}` : sql``;
  const live = sql`a.deleted_at IS NULL AND p.deleted_at IS NULL AND pl.deleted_at IS NULL`;
  const actionRows = ctx.db.all<{ id: number; reference: string; what: string; due: string; owner: string | null; pref: string; planId: number }>(sql`
    SELECT a.id, a.reference, a.what, coalesce(a.revised_due_on, a.due_on) AS due, pe.name AS owner, p.reference AS pref, p.plan_id AS planId
    FROM actions a JOIN priorities p ON p.id = a.priority_id JOIN plans pl ON pl.id = p.plan_id
    LEFT JOIN people pe ON pe.id = a.lead_person_id
    WHERE ${live} ${planFilter} AND coalesce(a.revised_due_on, a.due_on) < ${asOf}
      AND a.status NOT IN ('complete', 'superseded')
    ORDER BY due, a.id`);
  const milestoneRows = ctx.db.all<{ id: number; actionId: number; reference: string; title: string; due: string; owner: string | null; pref: string; planId: number }>(sql`
    SELECT m.id, a.id AS actionId, a.reference, m.title, m.due_on AS due, pe.name AS owner, p.reference AS pref, p.plan_id AS planId
    FROM milestones m JOIN actions a ON a.id = m.action_id JOIN priorities p ON p.id = a.priority_id JOIN plans pl ON pl.id = p.plan_id
    LEFT JOIN people pe ON pe.id = a.lead_person_id
    WHERE m.deleted_at IS NULL AND ${live} ${planFilter} AND m.due_on < ${asOf} AND m.status <> 'achieved'
    ORDER BY m.due_on, m.id`);
  return [
    ...milestoneRows.map((m) => ({
      kind: 'milestone' as const,
      id: m.id,
      actionId: m.actionId,
      reference: m.reference,
      title: m.title,
      dueOn: m.due,
      daysOverdue: daysBetween(m.due, asOf),
      ownerName: m.owner,
      priorityReference: m.pref,
      planId: m.planId,
    })),
    ...actionRows.map((a) => ({
      kind: 'action' as const,
      id: a.id,
      actionId: a.id,
      reference: a.reference,
      title: a.what,
      dueOn: a.due,
      daysOverdue: daysBetween(a.due, asOf),
      ownerName: a.owner,
      priorityReference: a.pref,
      planId: a.planId,
    })),
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

function aggregate(reach: ReturnType<typeof sql>, staleBefore: string) {
  return sql`
    SELECT r.target_id AS targetId, e.kind, e.level, count(*) AS n,
           sum(coalesce(e.effective_to, e.effective_from, '9999-12-31') < ${staleBefore}) AS stale
    FROM (${reach}) r JOIN evidence_items e ON e.id = r.evidence_id AND e.deleted_at IS NULL
    GROUP BY r.target_id, e.kind, e.level`;
}

/** Evidence reaching each finding: linked to it, or to the priorities, actions and milestones answering it. */
function findingEvidence(ctx: ServiceContext, findingIds: number[], staleBefore: string): CoverageGroup[] {
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
  return ctx.db.all<CoverageGroup>(aggregate(reach, staleBefore));
}

/** Evidence reaching each SEF section: linked to it, or to the actions it cites and their milestones. */
function sectionEvidence(ctx: ServiceContext, sectionIds: number[], staleBefore: string): CoverageGroup[] {
  if (sectionIds.length === 0) return [];
  const ids = sql.join(sectionIds.map((i) => sql`${i}`), sql`, `);
  const reach = sql`
      SELECT el.sef_section_id AS target_id, el.evidence_id FROM evidence_links el WHERE el.deleted_at IS NULL AND el.sef_section_id IN (${ids})
      UNION SELECT sa.section_id, el.evidence_id FROM sef_section_actions sa JOIN actions ac ON ac.id = sa.action_id AND ac.deleted_at IS NULL
        JOIN evidence_links el ON el.action_id = ac.id AND el.deleted_at IS NULL WHERE sa.section_id IN (${ids})
      UNION SELECT sa.section_id, el.evidence_id FROM sef_section_actions sa JOIN milestones m ON m.action_id = sa.action_id AND m.deleted_at IS NULL
        JOIN evidence_links el ON el.milestone_id = m.id AND el.deleted_at IS NULL WHERE sa.section_id IN (${ids})`;
  return ctx.db.all<CoverageGroup>(aggregate(reach, staleBefore));
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
  const staleBefore = input.staleBefore ?? twoYearsBefore(today(ctx));
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
    return coverageRows('finding', targets, findingEvidence(ctx, targets.map((t) => t.id), staleBefore), staleBefore);
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
      .all() as Row[],
  );
  const targets = rows.map((x) => ({ id: x.id, label: x.criterionLabel }));
  return coverageRows('sefSection', targets, sectionEvidence(ctx, targets.map((t) => t.id), staleBefore), staleBefore);
}

export function overview(ctx: ServiceContext, input: Out<typeof r.overviewInput>): Out<typeof r.overview> {
  const asOf = input.asOf ?? today(ctx);
  const planId = input.planId ?? currentPlanId(ctx);
  const plan = planId ? getLive(ctx, 'plan', planId) : null;
  const prios = plan
    ? ctx.db
        .select()
        .from(priorities)
        .where(and(eq(priorities.planId, plan.id), isNull(priorities.deletedAt)))
        .orderBy(asc(priorities.position), asc(priorities.id))
        .all()
    : [];
  const actionCodec = codecOf(actions);
  const actionRows = allForIds<Record<string, unknown>>(
    ctx.workbook.sqlite,
    'SELECT * FROM actions WHERE priority_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
    prios.map((p) => p.id),
  ).map((raw) => actionCodec.fromRow(raw) as Row);
  const views = actionViews(ctx, actionRows);
  const stoneRows = allForIds<{ actionId: number; status: string }>(
    ctx.workbook.sqlite,
    'SELECT action_id AS actionId, status FROM milestones WHERE action_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
    actionRows.map((a) => a.id),
  );
  const priorityOf = new Map(actionRows.map((a) => [a.id, a.priorityId as number]));
  const counts = ctx.db.get<{ evidence: number; findings: number; actions: number; indicators: number }>(sql`
    SELECT (SELECT count(*) FROM ${evidenceItems} WHERE deleted_at IS NULL) AS evidence,
           (SELECT count(*) FROM ${findings} WHERE deleted_at IS NULL) AS findings,
           (SELECT count(*) FROM ${actions} WHERE deleted_at IS NULL) AS actions,
           (SELECT count(*) FROM ${indicators} WHERE deleted_at IS NULL) AS indicators`);
  return {
    plan: plan ? { id: plan.id, title: plan.title, type: plan.type, status: plan.status, nextReviewOn: plan.nextReviewOn } : null,
    asOf,
    milestones: rollUp(MILESTONE_STATUSES, stoneRows.map((m) => m.status)),
    actions: rollUp(ACTION_STATUSES, views.map((a) => a.status)),
    rag: ragShares(views.map((a) => a.rag)),
    priorities: prios.map((p) => {
      const mine = views.filter((a) => a.priorityId === p.id);
      return {
        priorityId: p.id,
        reference: p.reference,
        title: p.title,
        milestones: rollUp(MILESTONE_STATUSES, stoneRows.filter((m) => priorityOf.get(m.actionId) === p.id).map((m) => m.status)),
        actions: rollUp(ACTION_STATUSES, mine.map((a) => a.status)),
        rag: ragShares(mine.map((a) => a.rag)),
      };
    }),
    overdue: overdueItems(ctx, { planId: plan?.id, asOf }),
    indicatorsOffTarget: indicatorStatuses(ctx, true),
    counts: counts ?? { evidence: 0, findings: 0, actions: 0, indicators: 0 },
  };
}
