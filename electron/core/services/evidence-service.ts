import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { evidenceItems, evidenceLinks } from '../../../db/schema';
import { LINK_TARGETS, type LinkTarget } from '../../contract/enums';
import type * as s from '../../contract/schemas/evidence';
import { personNames } from './area-service';
import { writeAudit } from './audit-log';
import { today, type ServiceContext } from './context';
import { getLive, insertRow, rowsById, softDelete, updateRow } from './entity-store';
import { guardRecord } from '../inspection-week/identifier-guard';
import type { RowOf } from './entity-registry';
import { linkTargetLabels } from './link-labels';
import type { EntityName } from '../../contract/schemas/history';
import { cachedCount, publicRow } from './list-query';
import { buildMatchExpression } from '../search/fts-query';
import { invalidField, ServiceError } from './service-error';
import { cachedStatement } from './statement-cache';

type Out<T extends z.ZodType> = z.output<T>;

/** The evidence link's column for each kind of target. */
type LinkField = 'findingId' | 'priorityId' | 'actionId' | 'milestoneId' | 'indicatorId' | 'sefSectionId';

export const LINK_COLUMNS: Record<LinkTarget, { column: SQLiteColumn; field: LinkField; entity: EntityName }> = {
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

function evidenceViews(ctx: ServiceContext, rows: RowOf<'evidence'>[], { justCreated = false } = {}): Out<typeof s.evidenceItem>[] {
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
    ...publicRow(r),
    ownerName: r.ownerPersonId == null ? null : (owners.get(r.ownerPersonId) ?? null),
    linkCount: counts.get(r.id) ?? 0,
  }));
}

/** Each sort walks its own index of live items (see db/schema.ts); ties in reference order. */
const SORTS = {
  reference: 'e.id',
  title: 'e.title, e.id',
  effective: 'e.effective_from DESC, e.id DESC',
  added: 'e.added_on DESC, e.id DESC',
} as const;

/**
 * The evidence items matching what was typed, from the search index (issue #17): the same words
 * as quick find (prefixes, accents folded, reference and title, summary and location), so a
 * keystroke never reads every item's text with LIKE.
 */
const SEARCH_IDS = `SELECT d.evidence_id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH ? AND d.entity = 'evidence'`;

/**
 * The WHERE clause of a library or picker query, shaped so the planner uses the index a person
 * would expect: a filter's own index in reference order, or the sort's index probing a set.
 */
function evidenceFilter(input: Out<typeof s.evidenceList>): { where: string[]; params: unknown[]; order: string } {
  const where = ['e.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (input.kind) add('e.kind = ?', input.kind);
  if (input.level) add('e.level = ?', input.level);
  if (input.ownerPersonId) add('e.owner_person_id = ?', input.ownerPersonId);
  if (input.containsPersonalData !== undefined) add('e.contains_personal_data = ?', input.containsPersonalData ? 1 : 0);
  if (input.effectiveFromOnOrAfter) add('e.effective_from >= ?', input.effectiveFromOnOrAfter);
  if (input.effectiveOnOrBefore) add('e.effective_from <= ?', input.effectiveOnOrBefore);
  if (input.linkedTo) {
    add(`e.id IN (SELECT evidence_id FROM evidence_links WHERE ${LINK_COLUMNS[input.linkedTo.type].column.name} = ? AND deleted_at IS NULL)`, input.linkedTo.id);
  }
  const match = input.search ? buildMatchExpression(input.search) : null;
  // In reference order the matching ids are read in order; in any other order the sort's index is
  // walked and each id looked up in the set (`+` keeps the set from driving, then sorting, the query).
  if (match) add(`${input.sort === 'reference' ? '' : '+'}e.id IN (${SEARCH_IDS})`, match.expression);
  let order: string = SORTS[input.sort];
  // A date range in reference order: read the range from its index and sort the ids, rather than
  // walking every item in reference order to find a recent range at the end.
  if (input.sort === 'reference' && (input.effectiveFromOnOrAfter || input.effectiveOnOrBefore) && !input.kind && !input.level && !match && !input.linkedTo) {
    order = '+e.id';
  }
  return { where, params, order };
}

export const evidenceService = {
  create(ctx: ServiceContext, input: Out<typeof s.evidenceCreate>) {
    checkPeriod(input.effectiveFrom, input.effectiveTo);
    guardRecord('evidence', input, today(ctx));
    const row = insertRow(ctx, 'evidence', { ...input, addedOn: input.addedOn ?? today(ctx), reference: takeEvidenceReference(ctx) });
    return evidenceViews(ctx, [row], { justCreated: true })[0]!;
  },
  get: (ctx: ServiceContext, id: number) => evidenceViews(ctx, [getLive(ctx, 'evidence', id)])[0]!,
  list(ctx: ServiceContext, input: Out<typeof s.evidenceList>) {
    const { where, params, order } = evidenceFilter(input);
    const sqlite = ctx.workbook.sqlite;
    const condition = where.join(' AND ');
    // Ids first, from the indexes alone where they suffice, then only the page's rows are read.
    const ids = cachedStatement(sqlite, `SELECT e.id FROM evidence_items e WHERE ${condition} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, input.limit, input.offset) as number[];
    const byId = rowsById(ctx, 'evidence', ids);
    const rows = ids.flatMap((id) => byId.get(id) ?? []);
    const total =
      input.offset === 0 && ids.length < input.limit
        ? ids.length
        : cachedCount(ctx, `SELECT count(*) FROM evidence_items e WHERE ${condition}`, params);
    return { items: evidenceViews(ctx, rows), total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.evidenceUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    const current = getLive(ctx, 'evidence', id);
    checkPeriod(patch.effectiveFrom === undefined ? current.effectiveFrom : patch.effectiveFrom, patch.effectiveTo === undefined ? current.effectiveTo : patch.effectiveTo);
    // A case study is a case-level note: its title and summary never identify the child (issue #14).
    guardRecord('evidence', { kind: patch.kind ?? current.kind, title: patch.title ?? current.title, summary: patch.summary ?? current.summary }, today(ctx));
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
      .map((r) => r.evidence_links);
    return linkViews(ctx, rows);
  },
};

function liveLink(ctx: ServiceContext, evidenceId: number, target: { type: LinkTarget; id: number }): RowOf<'evidenceLink'> | undefined {
  return ctx.db
    .select()
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.evidenceId, evidenceId), eq(LINK_COLUMNS[target.type].column, target.id), isNull(evidenceLinks.deletedAt)))
    .get();
}

export function linkTargetOf(row: RowOf<'evidenceLink'>): { type: LinkTarget; id: number } {
  for (const type of LINK_TARGETS) {
    const value = row[LINK_COLUMNS[type].field];
    if (value != null) return { type, id: value };
  }
  throw new Error(`Evidence link ${row.id} has no target`);
}

/** Link rows as the contract shows them, with one lookup per kind of record, not one per link. */
function linkViews(ctx: ServiceContext, rows: RowOf<'evidenceLink'>[]): Out<typeof s.evidenceLink>[] {
  if (rows.length === 0) return [];
  const items = rowsById(ctx, 'evidence', rows.map((r) => r.evidenceId));
  const targets = rows.map(linkTargetOf);
  const targetLabels = new Map<LinkTarget, Map<number, string>>();
  for (const type of new Set(targets.map((t) => t.type))) {
    targetLabels.set(type, linkTargetLabels(ctx, type, targets.filter((t) => t.type === type).map((t) => t.id)));
  }
  return rows.map((r, i) => {
    const target = targets[i]!;
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
      targetLabel: targetLabels.get(target.type)?.get(target.id) ?? '',
      note: r.note,
    };
  });
}
