import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { findingAssessments, findingPartners, findings, inspectionEvents } from '../../../db/schema';
import type * as s from '../../contract/schemas/inspection';
import type { Framework } from '../../contract/reference';
import { findFramework } from '../reference/load-reference';
import { writeAudit } from './audit-log';
import type { ServiceContext } from './context';
import { checkReferences, getLive, insertRow, isLive, nextPosition, softDelete, updateRow } from './entity-store';
import { ENTITIES, type RowOf } from './entity-registry';
import { listLive, publicRow } from './list-query';
import { invalidField } from './service-error';
import { verdictSummary, type VerdictSummary } from '../facts';
import { checkMergedDates } from './date-checks';
import { EVENT_DATE_RULES } from '../../contract/schemas/date-rules';

function frameworkOrFail(ctx: ServiceContext, id: string): Framework {
  const fw = findFramework(ctx.reference, id);
  if (!fw) throw invalidField('frameworkId', 'Choose a framework from the list.');
  return fw;
}

function checkOutcome(fw: Framework, outcome: string | null | undefined): void {
  if (outcome == null) return;
  if (!fw.outcomes.some((o) => o.id === outcome)) {
    throw invalidField(
      'outcome',
      fw.outcomes.length === 0
        ? `The ${fw.shortName} gives no overall outcome: leave the outcome empty.`
        : `Choose one of the ${fw.shortName}'s outcomes.`,
    );
  }
}

/** The findings and assessments an event's verdict summary needs, in three queries for any number of events. */
export function eventVerdicts(ctx: ServiceContext, eventIds: number[]): Map<number, VerdictSummary> {
  const out = new Map<number, VerdictSummary>();
  if (eventIds.length === 0) return out;
  const given = ctx.db
    .select()
    .from(findingAssessments)
    .where(and(inArray(findingAssessments.eventId, eventIds), isNull(findingAssessments.deletedAt)))
    .all();
  const judgedIds = [...new Set(given.map((a) => a.findingId))];
  const judged = judgedIds.length ? ctx.db.select().from(findings).where(and(inArray(findings.id, judgedIds), isNull(findings.deletedAt))).all() : [];
  const sourceEvents = [...new Set(judged.map((f) => f.eventId))];
  const related = sourceEvents.length
    ? ctx.db.select().from(findings).where(and(inArray(findings.eventId, sourceEvents), isNull(findings.deletedAt))).orderBy(asc(findings.eventId), asc(findings.position), asc(findings.id)).all()
    : [];
  const frameworks = new Map(
    sourceEvents.length
      ? ctx.db.select({ id: inspectionEvents.id, frameworkId: inspectionEvents.frameworkId }).from(inspectionEvents).where(inArray(inspectionEvents.id, sourceEvents)).all().map((e) => [e.id, e.frameworkId])
      : [],
  );
  for (const eventId of eventIds) {
    const mine = given.filter((a) => a.eventId === eventId);
    const firstSource = judged.find((f) => mine.some((a) => a.findingId === f.id))?.eventId;
    const framework = firstSource != null ? findFramework(ctx.reference, frameworks.get(firstSource) ?? '') : undefined;
    out.set(eventId, verdictSummary({ id: eventId }, related, mine, framework));
  }
  return out;
}

function eventView(ctx: ServiceContext, rows: RowOf<'event'>[]): z.output<typeof s.inspectionEvent>[] {
  const ids = rows.map((r) => r.id);
  const counts = new Map<number, number>();
  if (ids.length > 0) {
    for (const c of ctx.db
      .select({ eventId: findings.eventId, n: sql<number>`count(*)` })
      .from(findings)
      .where(and(inArray(findings.eventId, ids), isNull(findings.deletedAt)))
      .groupBy(findings.eventId)
      .all())
      counts.set(c.eventId, c.n);
  }
  const verdicts = eventVerdicts(ctx, ids);
  return rows.map((r) => ({ ...publicRow(r), findingCount: counts.get(r.id) ?? 0, verdicts: verdicts.get(r.id)! }));
}

export const eventService = {
  create(ctx: ServiceContext, input: z.output<typeof s.eventCreate>) {
    checkOutcome(frameworkOrFail(ctx, input.frameworkId), input.outcome);
    return eventView(ctx, [insertRow(ctx, 'event', input)])[0]!;
  },
  get: (ctx: ServiceContext, id: number) => eventView(ctx, [getLive(ctx, 'event', id)])[0]!,
  list(ctx: ServiceContext, input: z.output<typeof s.eventList>) {
    const { rows, total } = listLive(
      ctx,
      'event',
      [input.kind ? eq(inspectionEvents.kind, input.kind) : undefined],
      [desc(sql`coalesce(${inspectionEvents.publishedOn}, ${inspectionEvents.onsiteStartOn}, ${inspectionEvents.notifiedOn}, ${inspectionEvents.createdAt})`)],
      input,
    );
    return { items: eventView(ctx, rows), total };
  },
  update(ctx: ServiceContext, input: z.output<typeof s.eventUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    const current = getLive(ctx, 'event', id);
    checkMergedDates(current, patch, EVENT_DATE_RULES);
    const fw = frameworkOrFail(ctx, patch.frameworkId ?? current.frameworkId);
    checkOutcome(fw, patch.outcome === undefined ? current.outcome : patch.outcome);
    return eventView(ctx, [updateRow(ctx, 'event', id, patch, expectedVersion).row])[0]!;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'event', id),
};

function findingFramework(ctx: ServiceContext, eventId: number): Framework {
  const event = getLive(ctx, 'event', eventId);
  return frameworkOrFail(ctx, event.frameworkId);
}

function checkFindingType(fw: Framework, type: string): void {
  if (!fw.findingTypes.some((t) => t.id === type)) {
    throw invalidField('type', `Choose a finding type used by the ${fw.shortName}: ${fw.findingTypes.map((t) => t.label.toLowerCase()).join(', ')}.`);
  }
}

function setFindingPartners(ctx: ServiceContext, findingId: number, partnerIds: number[]): void {
  const wanted = [...new Set(partnerIds)];
  for (const pid of wanted) {
    if (!isLive(ctx, 'partner', pid)) throw invalidField('partnerIds', 'One of the partners chosen no longer exists. Choose again.');
  }
  const current = ctx.db.select().from(findingPartners).where(eq(findingPartners.findingId, findingId)).all().map((r) => r.partnerId);
  const removed = current.filter((p) => !wanted.includes(p));
  const added = wanted.filter((p) => !current.includes(p));
  if (removed.length) ctx.db.delete(findingPartners).where(and(eq(findingPartners.findingId, findingId), inArray(findingPartners.partnerId, removed))).run();
  for (const p of added) ctx.db.insert(findingPartners).values({ findingId, partnerId: p }).run();
  writeAudit(ctx, [
    ...added.map((p) => ({ entity: 'finding', entityId: findingId, operation: 'link' as const, field: 'partnerIds', newValue: p })),
    ...removed.map((p) => ({ entity: 'finding', entityId: findingId, operation: 'unlink' as const, field: 'partnerIds', oldValue: p })),
  ]);
}

export function findingViews(ctx: ServiceContext, rows: RowOf<'finding'>[]): z.output<typeof s.finding>[] {
  const ids = rows.map((r) => r.id);
  const partnersBy = new Map<number, number[]>();
  const latest = new Map<number, { result: string; assessedOn: string; eventId: number | null }>();
  if (ids.length > 0) {
    for (const p of ctx.db.select().from(findingPartners).where(inArray(findingPartners.findingId, ids)).all()) {
      partnersBy.set(p.findingId, [...(partnersBy.get(p.findingId) ?? []), p.partnerId]);
    }
    for (const a of ctx.db
      .select()
      .from(findingAssessments)
      .where(and(inArray(findingAssessments.findingId, ids), isNull(findingAssessments.deletedAt)))
      .orderBy(asc(findingAssessments.assessedOn), asc(findingAssessments.id))
      .all()) {
      latest.set(a.findingId, { result: a.result, assessedOn: a.assessedOn, eventId: a.eventId });
    }
  }
  return rows.map((r) => ({
    ...publicRow(r),
    partnerIds: partnersBy.get(r.id) ?? [],
    latestAssessment: latest.get(r.id) ?? null,
  }));
}

export const findingService = {
  create(ctx: ServiceContext, input: z.output<typeof s.findingCreate>) {
    checkFindingType(findingFramework(ctx, input.eventId), input.type);
    const { partnerIds, ...values } = input;
    const row = insertRow(ctx, 'finding', { ...values, position: values.position ?? nextPosition(ctx, 'finding', 'eventId', input.eventId) });
    if (partnerIds.length) setFindingPartners(ctx, row.id, partnerIds);
    return findingViews(ctx, [row])[0]!;
  },
  get: (ctx: ServiceContext, id: number) => findingViews(ctx, [getLive(ctx, 'finding', id)])[0]!,
  list(ctx: ServiceContext, input: z.output<typeof s.findingList>) {
    const { rows, total } = listLive(
      ctx,
      'finding',
      [input.eventId ? eq(findings.eventId, input.eventId) : undefined, input.type ? eq(findings.type, input.type) : undefined],
      [asc(findings.eventId), asc(findings.position), asc(findings.id)],
      input,
    );
    return { items: findingViews(ctx, rows), total };
  },
  update(ctx: ServiceContext, input: z.output<typeof s.findingUpdate>) {
    const { id, expectedVersion, partnerIds, ...patch } = input;
    const current = getLive(ctx, 'finding', id);
    if (patch.type !== undefined) checkFindingType(findingFramework(ctx, current.eventId), patch.type);
    const { row } = updateRow(ctx, 'finding', id, patch, expectedVersion);
    if (partnerIds !== undefined) setFindingPartners(ctx, id, partnerIds);
    return findingViews(ctx, [row])[0]!;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'finding', id),
};

function checkResult(ctx: ServiceContext, findingId: number, result: string): void {
  const finding = getLive(ctx, 'finding', findingId);
  const fw = findingFramework(ctx, finding.eventId);
  if (!fw.assessmentResults.some((r) => r.id === result)) {
    throw invalidField('result', `Choose a result used by the ${fw.shortName}: ${fw.assessmentResults.map((r) => r.label.toLowerCase()).join(', ')}.`);
  }
}

type Assessment = z.output<typeof s.assessment>;

export const assessmentService = {
  create(ctx: ServiceContext, input: z.output<typeof s.assessmentCreate>): Assessment {
    checkResult(ctx, input.findingId, input.result);
    return publicRow(insertRow(ctx, 'assessment', input));
  },
  list(ctx: ServiceContext, input: z.output<typeof s.assessmentList>): { items: Assessment[]; total: number } {
    getLive(ctx, 'finding', input.findingId);
    const { rows, total } = listLive(
      ctx,
      'assessment',
      [eq(findingAssessments.findingId, input.findingId)],
      [asc(findingAssessments.assessedOn), asc(findingAssessments.id)],
      input,
    );
    return { items: rows.map(publicRow), total };
  },
  update(ctx: ServiceContext, input: z.output<typeof s.assessmentUpdate>): Assessment {
    const { id, expectedVersion, ...patch } = input;
    const current = getLive(ctx, 'assessment', id);
    if (patch.result !== undefined) checkResult(ctx, current.findingId, patch.result);
    checkReferences(ctx, ENTITIES.assessment, patch);
    return publicRow(updateRow(ctx, 'assessment', id, patch, expectedVersion).row);
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'assessment', id),
};
