/** The requests log: every ad hoc request from inspectors, who owns it, and how it was answered. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { inspectorRequests } from '../../../db/schema';
import type * as s from '../../contract/groups/inspection-week';
import { personNames } from '../services/area-service';
import { today, type ServiceContext } from '../services/context';
import { getLive, insertRow, softDelete, updateRow } from '../services/entity-store';
import type { PatchOf, RowOf } from '../services/entity-registry';
import { publicRow, withContractEnums } from '../services/list-query';
import { invalidField } from '../services/service-error';
import { loadBankHolidays } from './bank-holidays';
import { evidenceFor, linkEvidence, unlinkEvidence } from './evidence-joins';
import { guardRecord } from './identifier-guard';
import { londonDateTime } from './week-context';
import { explainNonWorkingDay } from './working-days';

export type InspectorRequestView = z.output<typeof s.inspectorRequest>;

/** … by order of entry; deleted requests keep their number so references never move. */
function references(ctx: ServiceContext, eventId: number): Map<number, string> {
  const ids = ctx.db
    .select({ id: inspectorRequests.id })
    .from(inspectorRequests)
    .where(eq(inspectorRequests.eventId, eventId))
    .orderBy(asc(inspectorRequests.id))
    .all();
  return new Map(ids.map((r, i) => [r.id, `R-${String(i + 1).padStart(2, '0')}`]));
}

export function inspectorRequestViews(ctx: ServiceContext, rows: RowOf<'inspectorRequest'>[]): InspectorRequestView[] {
  const evidence = evidenceFor(ctx, 'inspectorRequest', rows.map((r) => r.id));
  const owners = personNames(ctx, rows.map((r) => r.ownerPersonId));
  const refs = new Map<number, string>();
  for (const eventId of new Set(rows.map((r) => r.eventId))) for (const [k, v] of references(ctx, eventId)) refs.set(k, v);
  const holidays = loadBankHolidays();
  return rows.map((r) =>
    withContractEnums<InspectorRequestView>({
      ...publicRow(r),
      reference: refs.get(r.id) ?? '',
      ownerName: r.ownerPersonId == null ? null : (owners.get(r.ownerPersonId) ?? null),
      evidence: evidence.get(r.id) ?? [],
      dueNote: r.dueAt ? explainNonWorkingDay(r.dueAt.slice(0, 10), holidays) : null,
    }),
  );
}

function checkTimes(receivedAt: string, dueAt: string | null): void {
  if (dueAt && dueAt < receivedAt) throw invalidField('dueAt', 'The time it is due is before the time it was received. Check both.');
}

export function liveRequests(ctx: ServiceContext, eventId: number): RowOf<'inspectorRequest'>[] {
  return ctx.db
    .select()
    .from(inspectorRequests)
    .where(and(eq(inspectorRequests.eventId, eventId), isNull(inspectorRequests.deletedAt)))
    .orderBy(asc(inspectorRequests.receivedAt), asc(inspectorRequests.id))
    .all();
}

const one = (ctx: ServiceContext, id: number) => inspectorRequestViews(ctx, [getLive(ctx, 'inspectorRequest', id)])[0]!;

export const inspectorRequestService = {
  list(ctx: ServiceContext, eventId: number): InspectorRequestView[] {
    getLive(ctx, 'event', eventId);
    return inspectorRequestViews(ctx, liveRequests(ctx, eventId));
  },

  create(ctx: ServiceContext, input: z.output<typeof s.inspectorRequestCreate>): InspectorRequestView {
    getLive(ctx, 'event', input.eventId);
    guardRecord('inspectorRequest', input, today(ctx));
    const receivedAt = input.receivedAt ?? londonDateTime(ctx.now());
    checkTimes(receivedAt, input.dueAt);
    const answeredAt = input.status === 'answered' ? londonDateTime(ctx.now()) : null;
    return inspectorRequestViews(ctx, [insertRow(ctx, 'inspectorRequest', { ...input, receivedAt, answeredAt })])[0]!;
  },

  update(ctx: ServiceContext, input: z.output<typeof s.inspectorRequestUpdate>): InspectorRequestView {
    const { id, expectedVersion, ...patch } = input;
    const current = getLive(ctx, 'inspectorRequest', id);
    guardRecord('inspectorRequest', patch, today(ctx));
    checkTimes(patch.receivedAt ?? current.receivedAt, patch.dueAt === undefined ? current.dueAt : patch.dueAt);
    const changes: PatchOf<'inspectorRequest'> = { ...patch };
    if (patch.status === 'answered' && current.status !== 'answered') changes.answeredAt = londonDateTime(ctx.now());
    if (patch.status !== undefined && patch.status !== 'answered') changes.answeredAt = null;
    return inspectorRequestViews(ctx, [updateRow(ctx, 'inspectorRequest', id, changes, expectedVersion).row])[0]!;
  },

  /** Records the response and the evidence supplied, and marks the request answered, in one step. */
  answer(ctx: ServiceContext, input: z.output<typeof s.inspectorRequestAnswer>): InspectorRequestView {
    const current = getLive(ctx, 'inspectorRequest', input.id);
    guardRecord('inspectorRequest', { response: input.response }, today(ctx));
    for (const evidenceId of new Set(input.evidenceIds)) linkEvidence(ctx, 'inspectorRequest', input.id, evidenceId);
    const answeredAt = current.status === 'answered' && current.answeredAt ? current.answeredAt : londonDateTime(ctx.now());
    updateRow(ctx, 'inspectorRequest', input.id, { response: input.response, status: 'answered', answeredAt }, input.expectedVersion);
    return one(ctx, input.id);
  },

  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'inspectorRequest', id),

  link(ctx: ServiceContext, id: number, evidenceId: number): InspectorRequestView {
    linkEvidence(ctx, 'inspectorRequest', id, evidenceId);
    return one(ctx, id);
  },

  unlink(ctx: ServiceContext, id: number, evidenceId: number): InspectorRequestView {
    unlinkEvidence(ctx, 'inspectorRequest', id, evidenceId);
    return one(ctx, id);
  },
};
