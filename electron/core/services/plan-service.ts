import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { actions, milestones, plans, priorities, priorityFindings, progressUpdates } from '../../../db/schema';
import type * as s from '../../contract/schemas/plan';
import { writeAudit } from './audit-log';
import { getArea, partnerNames, personNames } from './area-service';
import { today, type ServiceContext } from './context';
import { getLive, insertRow, isLive, nextPosition, softDelete, updateRow } from './entity-store';
import type { Row } from './entity-registry';
import { listLive, publicRow } from './list-query';
import { deriveRag } from './rag';
import { invalidField } from './service-error';
import { allForIds } from './statement-cache';

type Out<T extends z.ZodType> = z.output<T>;

function checkPlanType(ctx: ServiceContext, type: string | undefined): void {
  if (type !== undefined && !ctx.reference.planTypes.some((p) => p.id === type)) {
    throw invalidField('type', `Choose a plan type: ${ctx.reference.planTypes.map((p) => p.shortName).join(', ')}.`);
  }
}

export const planService = {
  create(ctx: ServiceContext, input: Out<typeof s.planCreate>) {
    checkPlanType(ctx, input.type);
    return publicRow(insertRow(ctx, 'plan', input)) as Out<typeof s.plan>;
  },
  get: (ctx: ServiceContext, id: number) => publicRow(getLive(ctx, 'plan', id)) as Out<typeof s.plan>,
  list(ctx: ServiceContext, input: Out<typeof s.planList>) {
    const { rows, total } = listLive(ctx, 'plan', [input.status ? eq(plans.status, input.status) : undefined], [desc(plans.createdAt), desc(plans.id)], input);
    return { items: rows.map(publicRow) as Out<typeof s.plan>[], total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.planUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    checkPlanType(ctx, patch.type);
    return publicRow(updateRow(ctx, 'plan', id, patch, expectedVersion).row) as Out<typeof s.plan>;
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

function priorityViews(ctx: ServiceContext, rows: Row[]): Out<typeof s.priority>[] {
  const ids = rows.map((r) => r.id);
  const byPriority = new Map<number, number[]>();
  if (ids.length) {
    for (const l of ctx.db.select().from(priorityFindings).where(inArray(priorityFindings.priorityId, ids)).all()) {
      byPriority.set(l.priorityId, [...(byPriority.get(l.priorityId) ?? []), l.findingId]);
    }
  }
  return rows.map((r) => ({ ...(publicRow(r) as unknown as Out<typeof s.priority>), findingIds: byPriority.get(r.id) ?? [] }));
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

/** Completes action rows with names, their priority and plan, and the derived RAG. */
export function actionViews(ctx: ServiceContext, rows: Row[]): Out<typeof s.action>[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const stones = new Map<number, { title: string; dueOn: string | null; status: string }[]>();
  for (const m of allForIds<{ actionId: number; title: string; dueOn: string | null; status: string }>(
    ctx.workbook.sqlite,
    'SELECT action_id AS actionId, title, due_on AS dueOn, status FROM milestones WHERE action_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
    ids,
  )) {
    const list = stones.get(m.actionId);
    if (list) list.push(m);
    else stones.set(m.actionId, [m]);
  }
  const prios = new Map(
    allForIds<{ id: number; planId: number; reference: string }>(
      ctx.workbook.sqlite,
      'SELECT id, plan_id AS planId, reference FROM priorities WHERE id IN (SELECT value FROM json_each(?))',
      rows.map((r) => r.priorityId as number),
    ).map((p) => [p.id, p]),
  );
  const names = personNames(ctx, rows.flatMap((r) => [r.leadPersonId, r.sroPersonId]));
  const orgs = partnerNames(ctx, rows.map((r) => r.partnerId));
  const day = today(ctx);
  const completeAs = ctx.reference.statusKeys.find((k) => k.id === getArea(ctx).statusKeyId)?.completeAs ?? 'green';
  return rows.map((r) => {
    const derived = deriveRag(r as never, stones.get(r.id) ?? [], day, completeAs);
    const prio = prios.get(r.priorityId);
    return {
      ...(publicRow(r) as unknown as Out<typeof s.action>),
      planId: prio?.planId ?? 0,
      priorityReference: prio?.reference ?? '',
      leadName: r.leadPersonId == null ? null : (names.get(r.leadPersonId) ?? null),
      sroName: r.sroPersonId == null ? null : (names.get(r.sroPersonId) ?? null),
      partnerName: r.partnerId == null ? null : (orgs.get(r.partnerId) ?? null),
      ragDerived: derived.rag,
      ragDerivedReason: derived.reason,
      rag: (r.ragOverride as Out<typeof s.action>['rag'] | null) ?? derived.rag,
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
    const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Parameters<typeof checkReasons>[0];
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

export const milestoneService = {
  create(ctx: ServiceContext, input: Out<typeof s.milestoneCreate>) {
    const row = insertRow(ctx, 'milestone', { ...input, position: input.position ?? nextPosition(ctx, 'milestone', 'actionId', input.actionId) });
    return publicRow(row) as Out<typeof s.milestone>;
  },
  get: (ctx: ServiceContext, id: number) => publicRow(getLive(ctx, 'milestone', id)) as Out<typeof s.milestone>,
  list(ctx: ServiceContext, input: Out<typeof s.milestoneList>) {
    const { rows, total } = listLive(
      ctx,
      'milestone',
      [input.actionId ? eq(milestones.actionId, input.actionId) : undefined, input.status ? eq(milestones.status, input.status) : undefined],
      [asc(milestones.actionId), asc(milestones.position), asc(milestones.id)],
      input,
    );
    return { items: rows.map(publicRow) as Out<typeof s.milestone>[], total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.milestoneUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    return publicRow(updateRow(ctx, 'milestone', id, patch, expectedVersion).row) as Out<typeof s.milestone>;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'milestone', id),
};

export const progressService = {
  /** Appends a dated update; the newest update's status becomes the action's status. */
  create(ctx: ServiceContext, input: Out<typeof s.progressCreate>, source = 'app') {
    const action = getLive(ctx, 'action', input.actionId);
    if (input.milestoneId != null) {
      const m = getLive(ctx, 'milestone', input.milestoneId);
      if (m.actionId !== input.actionId) throw invalidField('milestoneId', 'That milestone belongs to another action.');
    }
    const newest = ctx.db
      .select({ reportedOn: progressUpdates.reportedOn })
      .from(progressUpdates)
      .where(and(eq(progressUpdates.actionId, input.actionId), isNull(progressUpdates.deletedAt)))
      .orderBy(desc(progressUpdates.reportedOn))
      .limit(1)
      .get();
    const row = insertRow(ctx, 'progress', { ...input, author: input.author || ctx.author(), source });
    if ((!newest || input.reportedOn >= newest.reportedOn) && action.status !== input.status) {
      updateRow(ctx, 'action', action.id, { status: input.status });
    }
    return publicRow(row) as Out<typeof s.progressUpdate>;
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
    return { items: rows.map(publicRow) as Out<typeof s.progressUpdate>[], total };
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'progress', id),
};
