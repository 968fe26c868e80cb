import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { actions, milestones, plans, priorities, priorityFindings, progressUpdates } from '../../../db/schema';
import type * as s from '../../contract/schemas/plan';
import { writeAudit } from './audit-log';
import { getArea, partnerNames, personNames } from './area-service';
import { today, type ServiceContext } from './context';
import { getLive, insertRow, isLive, nextPosition, softDelete, updateRow } from './entity-store';
import type { RowOf } from './entity-registry';
import { listLive, publicRow } from './list-query';
import { actionRag, latestUpdate, milestoneState, supersededIds } from '../facts';
import { invalidField } from './service-error';
import { checkMergedDates, checkMergedMilestone, checkNotAfterToday, checkNotBeforeToday, merged } from './date-checks';
import { ACTION_DATE_RULES, PLAN_DATE_RULES } from '../../contract/schemas/date-rules';
import { ukDate } from '../../contract/format';
import { allForIds } from './statement-cache';

type Out<T extends z.ZodType> = z.output<T>;

export function checkPlanType(ctx: ServiceContext, type: string | undefined): void {
  if (type !== undefined && !ctx.reference.planTypes.some((p) => p.id === type)) {
    throw invalidField('type', `Choose a plan type: ${ctx.reference.planTypes.map((p) => p.shortName).join(', ')}.`);
  }
}

/**
 * A plan still running needs its next review ahead of it. A plan that has ended (closed,
 * superseded or past its end date) may be entered with the review dates it had, for the record.
 */
function checkNextReview(ctx: ServiceContext, nextReviewOn: string | null | undefined, plan: { status?: string | null; endsOn?: string | null }): void {
  const ended = ['closed', 'superseded'].includes(plan.status ?? '') || (plan.endsOn != null && plan.endsOn < today(ctx));
  if (ended) return;
  checkNotBeforeToday(ctx, 'nextReviewOn', 'The next review', nextReviewOn, 'Enter the date of the next review still to come (a plan that has ended can keep its last review date: give its end date first).');
}

export const planService = {
  create(ctx: ServiceContext, input: Out<typeof s.planCreate>): Out<typeof s.plan> {
    checkPlanType(ctx, input.type);
    checkNextReview(ctx, input.nextReviewOn, input);
    return publicRow(insertRow(ctx, 'plan', input));
  },
  get: (ctx: ServiceContext, id: number): Out<typeof s.plan> => publicRow(getLive(ctx, 'plan', id)),
  list(ctx: ServiceContext, input: Out<typeof s.planList>): { items: Out<typeof s.plan>[]; total: number } {
    const { rows, total } = listLive(ctx, 'plan', [input.status ? eq(plans.status, input.status) : undefined], [desc(plans.createdAt), desc(plans.id)], input);
    return { items: rows.map(publicRow), total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.planUpdate>): Out<typeof s.plan> {
    const { id, expectedVersion, ...patch } = input;
    checkPlanType(ctx, patch.type);
    const current = getLive(ctx, 'plan', id);
    checkMergedDates(current, patch, PLAN_DATE_RULES);
    if (patch.nextReviewOn !== undefined && patch.nextReviewOn !== current.nextReviewOn) checkNextReview(ctx, patch.nextReviewOn, merged(current, patch));
    return publicRow(updateRow(ctx, 'plan', id, patch, expectedVersion).row);
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'plan', id),
};

function setPriorityFindings(ctx: ServiceContext, priorityId: number, findingIds: number[]): void {
  const wanted = [...new Set(findingIds)];
  for (const fid of wanted) {
    if (!isLive(ctx, 'finding', fid)) throw invalidField('findingIds', 'One of the findings chosen no longer exists. Choose again.');
  }
  const current = ctx.db.select().from(priorityFindings).where(eq(priorityFindings.priorityId, priorityId)).all().map((r) => r.findingId);
  const removed = current.filter((f) => !wanted.includes(f));
  const added = wanted.filter((f) => !current.includes(f));
  if (removed.length) {
    ctx.db.delete(priorityFindings).where(and(eq(priorityFindings.priorityId, priorityId), inArray(priorityFindings.findingId, removed))).run();
  }
  for (const f of added) ctx.db.insert(priorityFindings).values({ priorityId, findingId: f }).run();
  writeAudit(ctx, [
    ...added.map((f) => ({ entity: 'priority', entityId: priorityId, operation: 'link' as const, field: 'findingIds', newValue: f })),
    ...removed.map((f) => ({ entity: 'priority', entityId: priorityId, operation: 'unlink' as const, field: 'findingIds', oldValue: f })),
  ]);
}

function priorityViews(ctx: ServiceContext, rows: RowOf<'priority'>[]): Out<typeof s.priority>[] {
  const ids = rows.map((r) => r.id);
  const byPriority = new Map<number, number[]>();
  if (ids.length) {
    for (const l of ctx.db.select().from(priorityFindings).where(inArray(priorityFindings.priorityId, ids)).all()) {
      byPriority.set(l.priorityId, [...(byPriority.get(l.priorityId) ?? []), l.findingId]);
    }
  }
  return rows.map((r) => ({ ...publicRow(r), findingIds: byPriority.get(r.id) ?? [] }));
}

export const priorityService = {
  create(ctx: ServiceContext, input: Out<typeof s.priorityCreate>) {
    const { findingIds, ...values } = input;
    const row = insertRow(ctx, 'priority', { ...values, position: values.position ?? nextPosition(ctx, 'priority', 'planId', input.planId) });
    if (findingIds.length) setPriorityFindings(ctx, row.id, findingIds);
    return priorityViews(ctx, [row])[0]!;
  },
  get: (ctx: ServiceContext, id: number) => priorityViews(ctx, [getLive(ctx, 'priority', id)])[0]!,
  list(ctx: ServiceContext, input: Out<typeof s.priorityList>) {
    const { rows, total } = listLive(
      ctx,
      'priority',
      [input.planId ? eq(priorities.planId, input.planId) : undefined],
      [asc(priorities.planId), asc(priorities.position), asc(priorities.id)],
      input,
    );
    return { items: priorityViews(ctx, rows), total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.priorityUpdate>) {
    const { id, expectedVersion, findingIds, ...patch } = input;
    const { row } = updateRow(ctx, 'priority', id, patch, expectedVersion);
    if (findingIds !== undefined) setPriorityFindings(ctx, id, findingIds);
    return priorityViews(ctx, [row])[0]!;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'priority', id),
};

interface StoneFacts {
  actionId: number;
  title: string;
  dueOn: string | null;
  status: string;
  achievedOn: string | null;
}

interface UpdateFacts {
  id: number;
  actionId: number;
  reportedOn: string;
  status: string;
  rag: string | null;
  supersedesId: number | null;
}

function groupBy<T extends { actionId: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.actionId);
    if (list) list.push(r);
    else out.set(r.actionId, [r]);
  }
  return out;
}

/** The status key's "complete" colour (green in RAG, blue in BRAG). */
export function completeAsOf(ctx: ServiceContext): 'green' | 'blue' {
  return ctx.reference.statusKeys.find((k) => k.id === getArea(ctx).statusKeyId)?.completeAs ?? 'green';
}

/** Milestones and progress updates of these actions, as the facts functions take them. */
export function actionFacts(ctx: ServiceContext, actionIds: number[]): { stones: Map<number, StoneFacts[]>; updates: Map<number, UpdateFacts[]> } {
  const stones = groupBy(
    allForIds<StoneFacts>(
      ctx.workbook.sqlite,
      'SELECT action_id AS actionId, title, due_on AS dueOn, status, achieved_on AS achievedOn FROM milestones WHERE action_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
      actionIds,
    ),
  );
  const updates = groupBy(
    allForIds<UpdateFacts>(
      ctx.workbook.sqlite,
      'SELECT id, action_id AS actionId, reported_on AS reportedOn, status, rag, supersedes_id AS supersedesId FROM progress_updates WHERE action_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
      actionIds,
    ),
  );
  return { stones, updates };
}

/**
 * Completes action rows with names, their priority and plan, and the RAG as at the date (today
 * by default), decided by the one actionRag function.
 */
export function actionViews(ctx: ServiceContext, rows: RowOf<'action'>[], asOf?: string): Out<typeof s.action>[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const { stones, updates } = actionFacts(ctx, ids);
  const prios = new Map(
    allForIds<{ id: number; planId: number; reference: string }>(
      ctx.workbook.sqlite,
      'SELECT id, plan_id AS planId, reference FROM priorities WHERE id IN (SELECT value FROM json_each(?))',
      rows.map((r) => r.priorityId),
    ).map((p) => [p.id, p]),
  );
  const names = personNames(ctx, rows.flatMap((r) => [r.leadPersonId, r.sroPersonId]));
  const orgs = partnerNames(ctx, rows.map((r) => r.partnerId));
  const day = asOf ?? today(ctx);
  const completeAs = completeAsOf(ctx);
  return rows.map((r) => {
    const fact = actionRag(r, stones.get(r.id) ?? [], updates.get(r.id) ?? [], day, completeAs);
    const prio = prios.get(r.priorityId);
    return {
      ...publicRow(r),
      planId: prio?.planId ?? 0,
      priorityReference: prio?.reference ?? '',
      leadName: r.leadPersonId == null ? null : (names.get(r.leadPersonId) ?? null),
      sroName: r.sroPersonId == null ? null : (names.get(r.sroPersonId) ?? null),
      partnerName: r.partnerId == null ? null : (orgs.get(r.partnerId) ?? null),
      ragDerived: fact.derived.rag,
      ragDerivedReason: fact.derived.reason,
      rag: fact.rag,
      ragSource: fact.source,
      ragReason: fact.reason,
      ragSourceWords: fact.sourceWords,
      statusAsOf: fact.status,
      asOf: day,
    };
  });
}

/** A revised due date and a RAG override each need a reason: the plan is read by inspectors. */
function checkReasons(merged: { revisedDueOn?: string | null; revisedDueReason?: string; ragOverride?: string | null; ragOverrideReason?: string }, revisedChanged: boolean, overrideChanged: boolean): void {
  if (revisedChanged && merged.revisedDueOn && !merged.revisedDueReason?.trim()) {
    throw invalidField('revisedDueReason', 'Say why the due date was revised, and who agreed it.');
  }
  if (overrideChanged && merged.ragOverride && !merged.ragOverrideReason?.trim()) {
    throw invalidField('ragOverrideReason', 'Say why you are overriding the RAG worked out from the milestones.');
  }
}

export const actionService = {
  create(ctx: ServiceContext, input: Out<typeof s.actionCreate>) {
    checkReasons(input, true, true);
    const row = insertRow(ctx, 'action', { ...input, position: input.position ?? nextPosition(ctx, 'action', 'priorityId', input.priorityId) });
    return actionViews(ctx, [row])[0]!;
  },
  get: (ctx: ServiceContext, id: number) => actionViews(ctx, [getLive(ctx, 'action', id)])[0]!,
  list(ctx: ServiceContext, input: Out<typeof s.actionList>) {
    const planPriorities = input.planId
      ? ctx.db
          .select({ id: priorities.id })
          .from(priorities)
          .where(and(eq(priorities.planId, input.planId), isNull(priorities.deletedAt)))
          .all()
          .map((p) => p.id)
      : undefined;
    const { rows, total } = listLive(
      ctx,
      'action',
      [
        input.priorityId ? eq(actions.priorityId, input.priorityId) : undefined,
        planPriorities ? inArray(actions.priorityId, planPriorities.length ? planPriorities : [-1]) : undefined,
        input.leadPersonId ? eq(actions.leadPersonId, input.leadPersonId) : undefined,
        input.status ? eq(actions.status, input.status) : undefined,
      ],
      [asc(actions.priorityId), asc(actions.position), asc(actions.id)],
      input,
    );
    return { items: actionViews(ctx, rows), total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.actionUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    const current = getLive(ctx, 'action', id);
    checkMergedDates(current, patch, ACTION_DATE_RULES);
    // The patch's fields (zod-checked, the row's own types) over the stored row.
    const merged: Parameters<typeof checkReasons>[0] = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    checkReasons(
      merged,
      patch.revisedDueOn !== undefined && patch.revisedDueOn !== current.revisedDueOn,
      patch.ragOverride !== undefined && patch.ragOverride !== current.ragOverride,
    );
    // Clearing an override clears its reason, so a stale reason is never shown.
    if (patch.ragOverride === null) patch.ragOverrideReason = '';
    return actionViews(ctx, [updateRow(ctx, 'action', id, patch, expectedVersion).row])[0]!;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'action', id),
};

function checkAchievedOn(ctx: ServiceContext, achievedOn: string | null | undefined): void {
  checkNotAfterToday(ctx, 'achievedOn', 'The date achieved', achievedOn, 'A milestone is achieved once it has happened: leave the date empty until then.');
}

/** A milestone with its effective state as at today (the one milestoneState function). */
function milestoneView(ctx: ServiceContext, row: RowOf<'milestone'>): Out<typeof s.milestone> {
  const m = publicRow(row);
  return { ...m, state: milestoneState(m, today(ctx)) };
}

export const milestoneService = {
  create(ctx: ServiceContext, input: Out<typeof s.milestoneCreate>) {
    checkAchievedOn(ctx, input.achievedOn);
    const row = insertRow(ctx, 'milestone', { ...input, position: input.position ?? nextPosition(ctx, 'milestone', 'actionId', input.actionId) });
    return milestoneView(ctx, row);
  },
  get: (ctx: ServiceContext, id: number) => milestoneView(ctx, getLive(ctx, 'milestone', id)),
  list(ctx: ServiceContext, input: Out<typeof s.milestoneList>) {
    const { rows, total } = listLive(
      ctx,
      'milestone',
      [input.actionId ? eq(milestones.actionId, input.actionId) : undefined, input.status ? eq(milestones.status, input.status) : undefined],
      [asc(milestones.actionId), asc(milestones.position), asc(milestones.id)],
      input,
    );
    return { items: rows.map((r) => milestoneView(ctx, r)), total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.milestoneUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    const current = getLive(ctx, 'milestone', id);
    checkMergedMilestone(current, patch);
    if (patch.achievedOn !== undefined && patch.achievedOn !== current.achievedOn) checkAchievedOn(ctx, patch.achievedOn);
    return milestoneView(ctx, updateRow(ctx, 'milestone', id, patch, expectedVersion).row);
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'milestone', id),
};

function progressViews(ctx: ServiceContext, rows: RowOf<'progress'>[]): Out<typeof s.progressUpdate>[] {
  const actionIds = [...new Set(rows.map((r) => r.actionId))];
  const by = new Map<number, number>();
  for (const c of allForIds<{ id: number; supersedesId: number }>(
    ctx.workbook.sqlite,
    'SELECT id, supersedes_id AS supersedesId FROM progress_updates WHERE action_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL AND supersedes_id IS NOT NULL',
    actionIds,
  )) {
    by.set(c.supersedesId, c.id);
  }
  return rows.map((r) => ({ ...publicRow(r), supersededById: by.get(r.id) ?? null }));
}

/** The action's status follows its newest update that is not superseded (whatever the dates say). */
function syncActionStatus(ctx: ServiceContext, actionId: number): void {
  const action = getLive(ctx, 'action', actionId);
  const { updates } = actionFacts(ctx, [actionId]);
  const newest = latestUpdate(updates.get(actionId) ?? [], '9999-12-31');
  if (newest && newest.status !== action.status) updateRow(ctx, 'action', actionId, { status: newest.status });
}

export const progressService = {
  /**
   * Appends a dated update; the newest update that is not superseded sets the action's status.
   * A correction names the update it supersedes: the old one stays in history, marked superseded.
   */
  create(ctx: ServiceContext, input: Out<typeof s.progressCreate>, source = 'app') {
    getLive(ctx, 'action', input.actionId);
    if (input.milestoneId != null) {
      const m = getLive(ctx, 'milestone', input.milestoneId);
      if (m.actionId !== input.actionId) throw invalidField('milestoneId', 'That milestone belongs to another action.');
    }
    checkNotAfterToday(ctx, 'reportedOn', 'Date of the update', input.reportedOn, 'Record progress once it has happened; to put right a wrong update, add a correction that supersedes it.');
    if (input.supersedesId != null) {
      const old = getLive(ctx, 'progress', input.supersedesId);
      if (old.actionId !== input.actionId) throw invalidField('supersedesId', 'The update being corrected belongs to another action.');
      const { updates } = actionFacts(ctx, [input.actionId]);
      if (supersededIds(updates.get(input.actionId) ?? []).has(old.id)) {
        throw invalidField('supersedesId', `The update of ${ukDate(old.reportedOn)} has already been corrected: correct the newest version instead.`);
      }
    }
    const row = insertRow(ctx, 'progress', { ...input, supersedesId: input.supersedesId ?? null, author: input.author || ctx.author(), source });
    syncActionStatus(ctx, input.actionId);
    return progressViews(ctx, [row])[0]!;
  },
  list(ctx: ServiceContext, input: Out<typeof s.progressList>) {
    getLive(ctx, 'action', input.actionId);
    const { rows, total } = listLive(
      ctx,
      'progress',
      [eq(progressUpdates.actionId, input.actionId)],
      [desc(progressUpdates.reportedOn), desc(progressUpdates.id)],
      input,
    );
    return { items: progressViews(ctx, rows), total };
  },
  delete(ctx: ServiceContext, id: number) {
    const row = getLive(ctx, 'progress', id);
    const result = softDelete(ctx, 'progress', id);
    syncActionStatus(ctx, row.actionId);
    return result;
  },
};
