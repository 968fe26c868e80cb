/** The information request tracker: items seeded from resources/, owners, due dates, evidence supplied. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { infoRequests } from '../../../db/schema';
import type * as s from '../../contract/groups/inspection-week';
import { personNames } from '../services/area-service';
import type { ServiceContext } from '../services/context';
import { getLive, insertRow, nextPosition, softDelete, updateRow } from '../services/entity-store';
import type { RowOf } from '../services/entity-registry';
import { publicRow, withContractEnums } from '../services/list-query';
import { loadBankHolidays } from './bank-holidays';
import { evidenceFor, linkEvidence, unlinkEvidence } from './evidence-joins';
import { informationRequestDeadlineDays, loadInformationRequestItems } from './information-request-items';
import { eventWithFramework } from './week-context';
import { addWorkingDays, explainNonWorkingDay } from './working-days';

export type InfoRequestView = z.output<typeof s.infoRequest>;

export function infoRequestViews(ctx: ServiceContext, rows: RowOf<'infoRequest'>[]): InfoRequestView[] {
  const evidence = evidenceFor(ctx, 'infoRequest', rows.map((r) => r.id));
  const owners = personNames(ctx, rows.map((r) => r.ownerPersonId));
  const holidays = loadBankHolidays();
  return rows.map((r) =>
    withContractEnums<InfoRequestView>({
      ...publicRow(r),
      ownerName: r.ownerPersonId == null ? null : (owners.get(r.ownerPersonId) ?? null),
      dueNote: r.dueOn ? explainNonWorkingDay(r.dueOn, holidays) : null,
      evidence: evidence.get(r.id) ?? [],
    }),
  );
}

function liveRows(ctx: ServiceContext, eventId: number): RowOf<'infoRequest'>[] {
  return ctx.db
    .select()
    .from(infoRequests)
    .where(and(eq(infoRequests.eventId, eventId), isNull(infoRequests.deletedAt)))
    .orderBy(asc(infoRequests.position), asc(infoRequests.id))
    .all();
}

const one = (ctx: ServiceContext, id: number) => infoRequestViews(ctx, [getLive(ctx, 'infoRequest', id)])[0]!;

export const infoRequestService = {
  list(ctx: ServiceContext, eventId: number): InfoRequestView[] {
    getLive(ctx, 'event', eventId);
    return infoRequestViews(ctx, liveRows(ctx, eventId));
  },

  /** Adds the usual items not already on the list, due on the usual deadline once notified. */
  seed(ctx: ServiceContext, eventId: number) {
    const { event, framework } = eventWithFramework(ctx, eventId);
    const existing = new Set(liveRows(ctx, eventId).map((r) => r.item));
    const dueOn = event.notifiedOn ? addWorkingDays(event.notifiedOn, informationRequestDeadlineDays(framework.id), loadBankHolidays()) : null;
    let position = nextPosition(ctx, 'infoRequest', 'eventId', eventId);
    let created = 0;
    let skipped = 0;
    for (const seed of loadInformationRequestItems().items) {
      if (existing.has(seed.item)) {
        skipped++;
        continue;
      }
      insertRow(ctx, 'infoRequest', { eventId, item: seed.item, category: seed.category, dueOn, status: 'not_started', position: position++ });
      created++;
    }
    return { created, skipped, items: infoRequestViews(ctx, liveRows(ctx, eventId)) };
  },

  create(ctx: ServiceContext, input: z.output<typeof s.infoRequestCreate>): InfoRequestView {
    getLive(ctx, 'event', input.eventId);
    const row = insertRow(ctx, 'infoRequest', { ...input, position: nextPosition(ctx, 'infoRequest', 'eventId', input.eventId) });
    return infoRequestViews(ctx, [row])[0]!;
  },

  update(ctx: ServiceContext, input: z.output<typeof s.infoRequestUpdate>): InfoRequestView {
    const { id, expectedVersion, ...patch } = input;
    return infoRequestViews(ctx, [updateRow(ctx, 'infoRequest', id, patch, expectedVersion).row])[0]!;
  },

  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'infoRequest', id),

  link(ctx: ServiceContext, id: number, evidenceId: number): InfoRequestView {
    linkEvidence(ctx, 'infoRequest', id, evidenceId);
    return one(ctx, id);
  },

  unlink(ctx: ServiceContext, id: number, evidenceId: number): InfoRequestView {
    unlinkEvidence(ctx, 'infoRequest', id, evidenceId);
    return one(ctx, id);
  },
};
