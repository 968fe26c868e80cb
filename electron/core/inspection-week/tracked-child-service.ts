/**
 * Tracked children: pseudonymised records only. The identifier guard runs on the pseudonym and
 * the notes before anything is stored; documents are due a set number of working days after
 * inspectors choose the child (2 under the area SEND framework).
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { trackedChildren } from '../../../db/schema';
import type * as s from '../../contract/groups/inspection-week';
import { ukDate } from '../../contract/format';
import { today, type ServiceContext } from '../services/context';
import { getLive, insertRow, softDelete, updateRow } from '../services/entity-store';
import type { PatchOf, RowOf } from '../services/entity-registry';
import { publicRow, withContractEnums } from '../services/list-query';
import { invalidField } from '../services/service-error';
import { loadBankHolidays } from './bank-holidays';
import { evidenceFor, linkEvidence, unlinkEvidence } from './evidence-joins';
import { guardRecord } from './identifier-guard';
import { eventWithFramework } from './week-context';
import { addWorkingDays, explainNonWorkingDay } from './working-days';

export type TrackedChildView = z.output<typeof s.trackedChild>;

/** Inspectors choose up to this many children to track; more is allowed with a warning. */
export const USUAL_TRACKED_CHILDREN = 6;

/** Used when a framework gives no tracking deadline (the 2016 framework had no tracking stage). */
const DEFAULT_TRACKING_DAYS = 2;

export function trackedChildViews(ctx: ServiceContext, rows: RowOf<'trackedChild'>[]): TrackedChildView[] {
  const evidence = evidenceFor(ctx, 'trackedChild', rows.map((r) => r.id));
  const holidays = loadBankHolidays();
  return rows.map((r) => {
    const dateNotes: string[] = [];
    for (const [what, date] of [
      ['Date selected', r.selectedOn],
      ['Documents due', r.documentsDueOn],
      ['Tracking meeting', r.meetingOn],
    ] as const) {
      const why = date ? explainNonWorkingDay(date, holidays) : null;
      if (why) dateNotes.push(`${what}: ${why}`);
    }
    return withContractEnums<TrackedChildView>({ ...publicRow(r), evidence: evidence.get(r.id) ?? [], dateNotes });
  });
}

function guard(ctx: ServiceContext, values: { pseudonym?: string; notes?: string }): void {
  guardRecord('trackedChild', values, today(ctx));
}

function liveCount(ctx: ServiceContext, eventId: number, exceptId?: number): number {
  const where = and(eq(trackedChildren.eventId, eventId), isNull(trackedChildren.deletedAt), exceptId ? ne(trackedChildren.id, exceptId) : undefined);
  return ctx.db.select({ n: sql<number>`count(*)` }).from(trackedChildren).where(where).get()!.n;
}

function checkUniquePseudonym(ctx: ServiceContext, eventId: number, pseudonym: string, exceptId?: number): void {
  const clash = ctx.db
    .select({ id: trackedChildren.id })
    .from(trackedChildren)
    .where(
      and(
        eq(trackedChildren.eventId, eventId),
        isNull(trackedChildren.deletedAt),
        sql`lower(${trackedChildren.pseudonym}) = lower(${pseudonym})`,
        exceptId ? ne(trackedChildren.id, exceptId) : undefined,
      ),
    )
    .get();
  if (clash) throw invalidField('pseudonym', `“${pseudonym}” is already used for another tracked child in this inspection. Give each child its own pseudonym.`);
}

function documentsDue(ctx: ServiceContext, eventId: number, selectedOn: string | null): string | null {
  if (!selectedOn) return null;
  const { framework } = eventWithFramework(ctx, eventId);
  return addWorkingDays(selectedOn, framework.notice.trackingDocumentsWorkingDays ?? DEFAULT_TRACKING_DAYS, loadBankHolidays());
}

const one = (ctx: ServiceContext, id: number) => trackedChildViews(ctx, [getLive(ctx, 'trackedChild', id)])[0]!;

export const trackedChildService = {
  list(ctx: ServiceContext, eventId: number): TrackedChildView[] {
    getLive(ctx, 'event', eventId);
    const rows = ctx.db
      .select()
      .from(trackedChildren)
      .where(and(eq(trackedChildren.eventId, eventId), isNull(trackedChildren.deletedAt)))
      .orderBy(asc(trackedChildren.id))
      .all();
    return trackedChildViews(ctx, rows);
  },

  create(ctx: ServiceContext, input: z.output<typeof s.trackedChildCreate>) {
    getLive(ctx, 'event', input.eventId);
    guard(ctx, input);
    checkUniquePseudonym(ctx, input.eventId, input.pseudonym);
    const selectedOn = input.selectedOn === undefined ? today(ctx) : input.selectedOn;
    const before = liveCount(ctx, input.eventId);
    const row = insertRow(ctx, 'trackedChild', { ...input, selectedOn, documentsDueOn: documentsDue(ctx, input.eventId, selectedOn) });
    const child = trackedChildViews(ctx, [row])[0]!;
    const warnings = [...child.dateNotes];
    if (before >= USUAL_TRACKED_CHILDREN) {
      warnings.unshift(
        `This is tracked child number ${before + 1} for this inspection. Inspectors usually choose up to ${USUAL_TRACKED_CHILDREN}: check it is not a duplicate or a case-sampling child.`,
      );
    }
    if (child.documentsDueOn) warnings.push(`Documents for ${child.pseudonym} are due by ${ukDate(child.documentsDueOn)}.`);
    return { child, warnings };
  },

  update(ctx: ServiceContext, input: z.output<typeof s.trackedChildUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    const current = getLive(ctx, 'trackedChild', id);
    guard(ctx, patch);
    if (patch.pseudonym !== undefined) checkUniquePseudonym(ctx, current.eventId, patch.pseudonym, id);
    const changes: PatchOf<'trackedChild'> = { ...patch };
    if (patch.selectedOn !== undefined) changes.documentsDueOn = documentsDue(ctx, current.eventId, patch.selectedOn);
    const { row } = updateRow(ctx, 'trackedChild', id, changes, expectedVersion);
    const child = trackedChildViews(ctx, [row])[0]!;
    return { child, warnings: [...child.dateNotes] };
  },

  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'trackedChild', id),

  link(ctx: ServiceContext, id: number, evidenceId: number): TrackedChildView {
    linkEvidence(ctx, 'trackedChild', id, evidenceId);
    return one(ctx, id);
  },

  unlink(ctx: ServiceContext, id: number, evidenceId: number): TrackedChildView {
    unlinkEvidence(ctx, 'trackedChild', id, evidenceId);
    return one(ctx, id);
  },
};

