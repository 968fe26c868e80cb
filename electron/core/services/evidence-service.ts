import { and, asc, desc, eq, gte, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { evidenceItems, evidenceLinks } from '../../../db/schema';
import type { LinkTarget } from '../../contract/enums';
import type * as s from '../../contract/schemas/evidence';
import { personNames } from './area-service';
import { writeAudit } from './audit-log';
import { today, type ServiceContext } from './context';
import { getLive, insertRow, rowsById, softDelete, updateRow } from './entity-store';
import { ENTITIES, type Row } from './entity-registry';
import type { EntityName } from '../../contract/schemas/history';
import { listLive, publicRow } from './list-query';
import { invalidField, ServiceError } from './service-error';
import { cachedStatement } from './statement-cache';

type Out<T extends z.ZodType> = z.output<T>;

export const LINK_COLUMNS: Record<LinkTarget, { column: SQLiteColumn; field: string; entity: EntityName }> = {
  finding: { column: evidenceLinks.findingId, field: 'findingId', entity: 'finding' },
  priority: { column: evidenceLinks.priorityId, field: 'priorityId', entity: 'priority' },
  action: { column: evidenceLinks.actionId, field: 'actionId', entity: 'action' },
  milestone: { column: evidenceLinks.milestoneId, field: 'milestoneId', entity: 'milestone' },
  indicator: { column: evidenceLinks.indicatorId, field: 'indicatorId', entity: 'indicator' },
  sefSection: { column: evidenceLinks.sefSectionId, field: 'sefSectionId', entity: 'section' },
};

export function formatEvidenceReference(n: number): string {
  return `E-${String(n).padStart(3, '0')}`;
}

/** Takes the next evidence reference; the counter never goes down, so references are never reused. */
function takeEvidenceReference(ctx: ServiceContext): string {
  const taken = cachedStatement(
    ctx.workbook.sqlite,
    'UPDATE workbook_info SET next_evidence_number = next_evidence_number + 1 WHERE id = 1 RETURNING next_evidence_number - 1 AS n',
  ).get() as { n: number } | undefined;
  return formatEvidenceReference(taken?.n ?? 1);
}

function checkPeriod(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && to < from) throw invalidField('effectiveTo', 'The end of the period it evidences is before the start. Check the dates.');
}

function evidenceViews(ctx: ServiceContext, rows: Row[], { justCreated = false } = {}): Out<typeof s.evidenceItem>[] {
  const ids = rows.map((r) => r.id);
  const counts = new Map<number, number>();
  if (ids.length && !justCreated) {
    for (const c of ctx.db
      .select({ evidenceId: evidenceLinks.evidenceId, n: sql<number>`count(*)` })
      .from(evidenceLinks)
      .where(and(inArray(evidenceLinks.evidenceId, ids), isNull(evidenceLinks.deletedAt)))
      .groupBy(evidenceLinks.evidenceId)
      .all())
      counts.set(c.evidenceId, c.n);
  }
  const owners = personNames(ctx, rows.map((r) => r.ownerPersonId));
  return rows.map((r) => ({
    ...(publicRow(r) as unknown as Out<typeof s.evidenceItem>),
    ownerName: r.ownerPersonId == null ? null : (owners.get(r.ownerPersonId) ?? null),
    linkCount: counts.get(r.id) ?? 0,
  }));
}

/** Items linked to one target: an IN over the link index, so the evidence table is never scanned. */
function linkedToCondition(ctx: ServiceContext, target: { type: LinkTarget; id: number }): SQL {
  const col = LINK_COLUMNS[target.type].column;
  return inArray(
    evidenceItems.id,
    ctx.db.select({ id: evidenceLinks.evidenceId }).from(evidenceLinks).where(and(eq(col, target.id), isNull(evidenceLinks.deletedAt))),
  );
}

const SORTS = {
  reference: [asc(evidenceItems.id)],
  title: [asc(evidenceItems.title), asc(evidenceItems.id)],
  effective: [desc(evidenceItems.effectiveFrom), desc(evidenceItems.id)],
  added: [desc(evidenceItems.addedOn), desc(evidenceItems.id)],
} as const;

export const evidenceService = {
  create(ctx: ServiceContext, input: Out<typeof s.evidenceCreate>) {
    checkPeriod(input.effectiveFrom, input.effectiveTo);
    const row = insertRow(ctx, 'evidence', { ...input, addedOn: input.addedOn ?? today(ctx), reference: takeEvidenceReference(ctx) });
    return evidenceViews(ctx, [row], { justCreated: true })[0]!;
  },
  get: (ctx: ServiceContext, id: number) => evidenceViews(ctx, [getLive(ctx, 'evidence', id)])[0]!,
  list(ctx: ServiceContext, input: Out<typeof s.evidenceList>) {
    const term = input.search ? `%${input.search.replace(/[%_]/g, '')}%` : undefined;
    const { rows, total } = listLive(
      ctx,
      'evidence',
      [
        input.kind ? eq(evidenceItems.kind, input.kind) : undefined,
        input.level ? eq(evidenceItems.level, input.level) : undefined,
        input.ownerPersonId ? eq(evidenceItems.ownerPersonId, input.ownerPersonId) : undefined,
        input.containsPersonalData !== undefined ? eq(evidenceItems.containsPersonalData, input.containsPersonalData) : undefined,
        input.effectiveFromOnOrAfter ? gte(evidenceItems.effectiveFrom, input.effectiveFromOnOrAfter) : undefined,
        input.effectiveOnOrBefore ? lte(evidenceItems.effectiveFrom, input.effectiveOnOrBefore) : undefined,
        input.linkedTo ? linkedToCondition(ctx, input.linkedTo) : undefined,
        term ? or(like(evidenceItems.title, term), like(evidenceItems.reference, term), like(evidenceItems.summary, term)) : undefined,
      ],
      [...SORTS[input.sort]],
      input,
    );
    return { items: evidenceViews(ctx, rows), total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.evidenceUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    const current = getLive(ctx, 'evidence', id);
    checkPeriod(patch.effectiveFrom === undefined ? current.effectiveFrom : patch.effectiveFrom, patch.effectiveTo === undefined ? current.effectiveTo : patch.effectiveTo);
    return evidenceViews(ctx, [updateRow(ctx, 'evidence', id, patch, expectedVersion).row])[0]!;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'evidence', id),

  link(ctx: ServiceContext, input: Out<typeof s.evidenceLinkCreate>) {
    const item = getLive(ctx, 'evidence', input.evidenceId);
    const target = LINK_COLUMNS[input.target.type];
    getLive(ctx, target.entity, input.target.id);
    const existing = liveLink(ctx, input.evidenceId, input.target);
    if (existing) return linkViews(ctx, [existing])[0]!;
    const row = insertRow(ctx, 'evidenceLink', { evidenceId: item.id, [target.field]: input.target.id, note: input.note });
    writeAudit(ctx, [{ entity: target.entity, entityId: input.target.id, operation: 'link', field: 'evidence', newValue: item.reference }]);
    return linkViews(ctx, [row])[0]!;
  },
  unlink(ctx: ServiceContext, input: Out<typeof s.evidenceUnlink>) {
    const item = getLive(ctx, 'evidence', input.evidenceId);
    const existing = liveLink(ctx, input.evidenceId, input.target);
    if (!existing) throw new ServiceError('not_found', 'That evidence is not linked there (it may have been unlinked already).');
    ctx.db.update(evidenceLinks).set({ deletedAt: ctx.now().toISOString(), updatedAt: ctx.now().toISOString() }).where(eq(evidenceLinks.id, existing.id)).run();
    const target = LINK_COLUMNS[input.target.type];
    writeAudit(ctx, [
      { entity: 'evidenceLink', entityId: existing.id, operation: 'unlink' },
      { entity: target.entity, entityId: input.target.id, operation: 'unlink', field: 'evidence', oldValue: item.reference },
    ]);
    return { ok: true as const };
  },
  links(ctx: ServiceContext, input: Out<typeof s.evidenceLinksQuery>) {
    let where: SQL;
    if ('evidenceId' in input) {
      getLive(ctx, 'evidence', input.evidenceId);
      where = eq(evidenceLinks.evidenceId, input.evidenceId);
    } else {
      getLive(ctx, LINK_COLUMNS[input.target.type].entity, input.target.id);
      where = eq(LINK_COLUMNS[input.target.type].column, input.target.id);
    }
    const rows = ctx.db
      .select()
      .from(evidenceLinks)
      .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
      .where(and(where, isNull(evidenceLinks.deletedAt), isNull(evidenceItems.deletedAt)))
      .orderBy(asc(evidenceItems.id))
      .all()
      .map((r) => r.evidence_links as Row);
    return linkViews(ctx, rows);
  },
};

function liveLink(ctx: ServiceContext, evidenceId: number, target: { type: LinkTarget; id: number }): Row | undefined {
  return ctx.db
    .select()
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.evidenceId, evidenceId), eq(LINK_COLUMNS[target.type].column, target.id), isNull(evidenceLinks.deletedAt)))
    .get() as Row | undefined;
}

export function linkTargetOf(row: Row): { type: LinkTarget; id: number } {
  for (const [type, def] of Object.entries(LINK_COLUMNS) as [LinkTarget, (typeof LINK_COLUMNS)[LinkTarget]][]) {
    const value = row[def.field] as number | null;
    if (value != null) return { type, id: value };
  }
  throw new Error(`Evidence link ${row.id} has no target`);
}

/** Link rows as the contract shows them, with one lookup per kind of record, not one per link. */
function linkViews(ctx: ServiceContext, rows: Row[]): Out<typeof s.evidenceLink>[] {
  if (rows.length === 0) return [];
  const items = rowsById(ctx, 'evidence', rows.map((r) => r.evidenceId as number));
  const targets = rows.map(linkTargetOf);
  const targetRows = new Map<LinkTarget, Map<number, Row>>();
  for (const type of new Set(targets.map((t) => t.type))) {
    targetRows.set(type, rowsById(ctx, LINK_COLUMNS[type].entity, targets.filter((t) => t.type === type).map((t) => t.id)));
  }
  return rows.map((r, i) => {
    const target = targets[i]!;
    const spec = ENTITIES[LINK_COLUMNS[target.type].entity as keyof typeof ENTITIES];
    const targetRow = targetRows.get(target.type)?.get(target.id);
    const item = items.get(r.evidenceId)!;
    return {
      id: r.id,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      version: r.version,
      evidenceId: r.evidenceId,
      evidenceReference: item.reference,
      evidenceTitle: item.title,
      evidenceLevel: item.level,
      evidenceKind: item.kind,
      target,
      targetLabel: targetRow ? spec.label(targetRow) : '',
      note: r.note,
    };
  });
}
