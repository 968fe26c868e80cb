import { asc, eq, like } from 'drizzle-orm';
import type { z } from 'zod';
import { areaProfile, partners, people } from '../../../db/schema';
import type * as s from '../../contract/schemas/area';
import { writeAudit } from './audit-log';
import type { ServiceContext } from './context';
import type { RowOf } from './entity-registry';
import { allForIds } from './statement-cache';
import { changedFields, getLive, insertRow, softDelete, updateRow } from './entity-store';
import { listLive, publicRow, type Paging } from './list-query';
import { invalidField, ServiceError } from './service-error';

export function getArea(ctx: ServiceContext) {
  const row = ctx.db.select().from(areaProfile).where(eq(areaProfile.id, 1)).get();
  if (!row) throw new ServiceError('internal', 'This workbook has no area profile. Run “workbook check” on it.');
  const { id: _id, ...rest } = row;
  return rest;
}

export function updateArea(ctx: ServiceContext, input: z.output<typeof s.areaProfileUpdate>) {
  const current = getArea(ctx);
  const { expectedVersion, ...patch } = input;
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new ServiceError('conflict', 'The settings were changed elsewhere after you opened them. Reload them, then make your changes again.');
  }
  if (patch.statusKeyId !== undefined && !ctx.reference.statusKeys.some((k) => k.id === patch.statusKeyId)) {
    throw invalidField('statusKeyId', 'Choose a status key from the list.');
  }
  if (patch.defaultFrameworkId !== undefined && !ctx.reference.frameworks.some((f) => f.id === patch.defaultFrameworkId)) {
    throw invalidField('defaultFrameworkId', 'Choose a framework from the list.');
  }
  const { set, changes: audit } = changedFields('area', 1, current, patch);
  if (audit.length === 0) return current;
  ctx.db
    .update(areaProfile)
    .set({ ...set, updatedAt: ctx.now().toISOString(), version: current.version + 1 })
    .where(eq(areaProfile.id, 1))
    .run();
  writeAudit(ctx, audit);
  return getArea(ctx);
}

type Partner = z.output<typeof s.partner>;

export const partnerService = {
  create: (ctx: ServiceContext, input: z.output<typeof s.partnerCreate>): Partner => publicRow(insertRow(ctx, 'partner', input)),
  get: (ctx: ServiceContext, id: number): Partner => publicRow(getLive(ctx, 'partner', id)),
  list(ctx: ServiceContext, input: z.output<typeof s.partnerList>): { items: Partner[]; total: number } {
    const { rows, total } = listLive(ctx, 'partner', [input.kind ? eq(partners.kind, input.kind) : undefined], [asc(partners.name)], input);
    return { items: rows.map(publicRow), total };
  },
  update(ctx: ServiceContext, input: z.output<typeof s.partnerUpdate>): Partner {
    const { id, expectedVersion, ...patch } = input;
    return publicRow(updateRow(ctx, 'partner', id, patch, expectedVersion).row);
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'partner', id),
};

function partnerNames(ctx: ServiceContext, ids: (number | null)[]): Map<number, string> {
  const wanted = ids.filter((i): i is number => i != null);
  const rows = allForIds<{ id: number; name: string }>(ctx.workbook.sqlite, 'SELECT id, name FROM partners WHERE id IN (SELECT value FROM json_each(?))', wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}

function withPartnerNames(ctx: ServiceContext, rows: RowOf<'person'>[]): z.output<typeof s.person>[] {
  const names = partnerNames(ctx, rows.map((r) => r.partnerId));
  return rows.map((r) => ({ ...publicRow(r), partnerName: r.partnerId == null ? null : (names.get(r.partnerId) ?? null) }));
}

export const personService = {
  create: (ctx: ServiceContext, input: z.output<typeof s.personCreate>) =>
    withPartnerNames(ctx, [insertRow(ctx, 'person', input)])[0]!,
  get: (ctx: ServiceContext, id: number) => withPartnerNames(ctx, [getLive(ctx, 'person', id)])[0]!,
  list(ctx: ServiceContext, input: z.output<typeof s.personList>) {
    const paging: Paging = input;
    const { rows, total } = listLive(
      ctx,
      'person',
      [
        input.partnerId ? eq(people.partnerId, input.partnerId) : undefined,
        input.search ? like(people.name, `%${input.search.replace(/[%_]/g, '')}%`) : undefined,
      ],
      [asc(people.name)],
      paging,
    );
    return { items: withPartnerNames(ctx, rows), total };
  },
  update(ctx: ServiceContext, input: z.output<typeof s.personUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    return withPartnerNames(ctx, [updateRow(ctx, 'person', id, patch, expectedVersion).row])[0]!;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'person', id),
};

/** Display names for people ids, in one query. */
export function personNames(ctx: ServiceContext, ids: (number | null | undefined)[]): Map<number, string> {
  const wanted = ids.filter((i): i is number => i != null);
  const rows = allForIds<{ id: number; name: string }>(ctx.workbook.sqlite, 'SELECT id, name FROM people WHERE id IN (SELECT value FROM json_each(?))', wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export { partnerNames };
