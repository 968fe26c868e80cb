import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { readAuditEntries } from '../../../db/audit-storage';
import { auditLog, binEntries } from '../../../db/schema';
import type * as s from '../../contract/schemas/history';
import type { ServiceContext } from './context';
import { restoreDeletion } from './entity-store';
import { recordNamer } from './history-wording';

type Out<T extends z.ZodType> = z.output<T>;

function auditPage(ctx: ServiceContext, where: ReturnType<typeof and> | undefined, paging: { offset: number; limit: number }) {
  const rows = ctx.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(paging.limit)
    .offset(paging.offset)
    .all();
  // The page's entries, decoded by the one module that knows how the history is stored.
  const items = readAuditEntries(ctx.workbook.sqlite, rows.map((r) => r.id)).map(({ hash: _hash, ...entry }) => entry);
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()!.n;
  return { items, total };
}

export interface HistoryFilter {
  entity?: string;
  id?: number;
  author?: string;
  offset: number;
  limit: number;
}

export const historyService = {
  get: (ctx: ServiceContext, input: Out<typeof s.historyQuery>) =>
    auditPage(ctx, and(eq(auditLog.entity, input.entity), eq(auditLog.entityId, input.id)), input),
  recent: (ctx: ServiceContext, input: Out<typeof s.recentQuery>) => auditPage(ctx, undefined, input),
  /** Entries for the History screen's filters: one record, one kind, one person, or all. */
  filtered: (ctx: ServiceContext, input: HistoryFilter) =>
    auditPage(
      ctx,
      and(
        input.entity !== undefined ? eq(auditLog.entity, input.entity) : undefined,
        input.id !== undefined ? eq(auditLog.entityId, input.id) : undefined,
        input.author !== undefined && input.author !== '' ? eq(auditLog.author, input.author) : undefined,
      ),
      input,
    ),
  /** Everyone who has made a change, A–Z. */
  authors: (ctx: ServiceContext): string[] =>
    ctx.db
      .selectDistinct({ author: auditLog.author })
      .from(auditLog)
      .orderBy(auditLog.author)
      .all()
      .map((r) => r.author)
      .filter((a) => a !== ''),
};

export const binService = {
  list(ctx: ServiceContext, input: Out<typeof s.binList>) {
    const where = isNull(binEntries.restoredAt);
    const rows = ctx.db.select().from(binEntries).where(where).orderBy(desc(binEntries.id)).limit(input.limit).offset(input.offset).all();
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(binEntries).where(where).get()!.n;
    // Named now, as History names them ("Section: Identifying and assessing needs", UK dates, the
    // plan of an action), rather than by the words stored when deleted.
    const name = recordNamer(ctx);
    return {
      items: rows.map((r) => ({
        id: r.id,
        entity: r.entity,
        entityId: r.entityId,
        label: name(r.entity, r.entityId),
        deletedAt: r.deletedAt,
        author: r.author,
        rowCount: r.rowCount,
      })),
      total,
    };
  },
  restore: (ctx: ServiceContext, input: Out<typeof s.binRestore>) => restoreDeletion(ctx, input.binEntryId),
};
