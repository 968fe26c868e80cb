import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { evidenceItems, evidenceLinks, sefSectionActions, sefSections, sefSignoffs, selfEvaluations } from '../../../db/schema';
import type { Framework } from '../../contract/reference';
import type * as s from '../../contract/schemas/sef';
import { defaultScaleFor } from '../../contract/schemas/sef';
import { findFramework } from '../reference/load-reference';
import { writeAudit } from './audit-log';
import type { ServiceContext } from './context';
import { getLive, insertRow, softDelete, updateRow } from './entity-store';
import type { RowOf } from './entity-registry';
import { listLive, publicRow } from './list-query';
import { invalidField, ServiceError } from './service-error';

type Out<T extends z.ZodType> = z.output<T>;

const NARRATIVE_FIELDS = ['judgement', 'confidence', 'whatWeKnow', 'whatWeHaveDone', 'impact', 'whatNext', 'strengths', 'areasForDevelopment'] as const;

function frameworkOf(ctx: ServiceContext, id: string): Framework {
  const fw = findFramework(ctx.reference, id);
  if (!fw) throw invalidField('frameworkId', 'Choose a framework from the list.');
  return fw;
}

function checkScale(ctx: ServiceContext, scaleId: string | undefined): void {
  if (scaleId !== undefined && !ctx.reference.scales.some((x) => x.id === scaleId)) {
    throw invalidField('scaleId', `Choose a judgement scale: ${ctx.reference.scales.map((x) => x.name).join('; ')}.`);
  }
}

/**
 * The scale a self-evaluation uses unless the user chooses another: the framework's own outcomes
 * when it has them (Area SEND: a predicted outcome), else RAG (the 2016 framework gave no grade).
 */
export function defaultScaleId(ctx: ServiceContext, fw: Framework): string {
  const wanted = defaultScaleFor(fw);
  return ctx.reference.scales.find((x) => x.id === wanted)?.id ?? ctx.reference.scales[0]!.id;
}

export function sectionViews(ctx: ServiceContext, rows: RowOf<'section'>[]): Out<typeof s.section>[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const actionsBy = new Map<number, number[]>();
  for (const l of ctx.db.select().from(sefSectionActions).where(inArray(sefSectionActions.sectionId, ids)).all()) {
    actionsBy.set(l.sectionId, [...(actionsBy.get(l.sectionId) ?? []), l.actionId]);
  }
  const sefs = new Map<number, Framework | undefined>();
  return rows.map((r) => {
    if (!sefs.has(r.sefId)) {
      const sef = ctx.db.select({ frameworkId: selfEvaluations.frameworkId }).from(selfEvaluations).where(eq(selfEvaluations.id, r.sefId)).get();
      sefs.set(r.sefId, sef ? findFramework(ctx.reference, sef.frameworkId) : undefined);
    }
    const criterion = sefs.get(r.sefId)?.criteria.find((c) => c.id === r.criterionId);
    return {
      ...publicRow(r),
      criterionLabel: criterion?.label ?? r.criterionId,
      actionIds: actionsBy.get(r.id) ?? [],
    };
  });
}

function liveSections(ctx: ServiceContext, sefId: number): RowOf<'section'>[] {
  return ctx.db
    .select()
    .from(sefSections)
    .where(and(eq(sefSections.sefId, sefId), isNull(sefSections.deletedAt)))
    .orderBy(asc(sefSections.position), asc(sefSections.id))
    .all();
}

function linkAction(ctx: ServiceContext, sectionId: number, actionId: number): void {
  const exists = ctx.db
    .select()
    .from(sefSectionActions)
    .where(and(eq(sefSectionActions.sectionId, sectionId), eq(sefSectionActions.actionId, actionId)))
    .get();
  if (exists) return;
  ctx.db.insert(sefSectionActions).values({ sectionId, actionId }).run();
  writeAudit(ctx, [{ entity: 'section', entityId: sectionId, operation: 'link', field: 'actionIds', newValue: actionId }]);
}

function copySections(ctx: ServiceContext, fromSefId: number, toSefId: number): void {
  for (const old of liveSections(ctx, fromSefId)) {
    const target = ctx.db
      .select()
      .from(sefSections)
      .where(and(eq(sefSections.sefId, toSefId), eq(sefSections.criterionId, old.criterionId), isNull(sefSections.deletedAt)))
      .get();
    if (!target) continue;
    const patch = Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, old[f]]));
    updateRow(ctx, 'section', target.id, patch);
    for (const l of ctx.db.select().from(sefSectionActions).where(eq(sefSectionActions.sectionId, old.id)).all()) linkAction(ctx, target.id, l.actionId);
    for (const l of ctx.db
      .select()
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.sefSectionId, old.id), isNull(evidenceLinks.deletedAt)))
      .all()) {
      insertRow(ctx, 'evidenceLink', { evidenceId: l.evidenceId, sefSectionId: target.id, note: l.note });
    }
  }
}

export const sefService = {
  /** A new version with one section per criterion of its framework, optionally copied from an earlier one. */
  create(ctx: ServiceContext, input: Out<typeof s.sefCreate>): Out<typeof s.sef> {
    const fw = frameworkOf(ctx, input.frameworkId);
    checkScale(ctx, input.scaleId);
    const { copyFromSefId, ...given } = input;
    const values = { ...given, scaleId: given.scaleId ?? defaultScaleId(ctx, fw) };
    if (copyFromSefId != null) getLive(ctx, 'sef', copyFromSefId);
    const row = insertRow(ctx, 'sef', values);
    fw.criteria.forEach((c, position) => insertRow(ctx, 'section', { sefId: row.id, criterionId: c.id, position }));
    if (copyFromSefId != null) copySections(ctx, copyFromSefId, row.id);
    return publicRow(row);
  },
  get: (ctx: ServiceContext, id: number): Out<typeof s.sef> => publicRow(getLive(ctx, 'sef', id)),
  list(ctx: ServiceContext, input: Out<typeof s.sefList>): { items: Out<typeof s.sef>[]; total: number } {
    const { rows, total } = listLive(ctx, 'sef', [], [desc(selfEvaluations.asOf), desc(selfEvaluations.id)], input);
    return { items: rows.map(publicRow), total };
  },
  update(ctx: ServiceContext, input: Out<typeof s.sefUpdate>): Out<typeof s.sef> {
    const { id, expectedVersion, ...patch } = input;
    checkScale(ctx, patch.scaleId);
    return publicRow(updateRow(ctx, 'sef', id, patch, expectedVersion).row);
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'sef', id),

  compare(ctx: ServiceContext, input: Out<typeof s.sefCompareInput>): Out<typeof s.sefComparison> {
    const from = getLive(ctx, 'sef', input.fromSefId);
    const to = getLive(ctx, 'sef', input.toSefId);
    const fromSections = sectionViews(ctx, liveSections(ctx, from.id));
    const toSections = sectionViews(ctx, liveSections(ctx, to.id));
    const evidenceRefs = (sectionId: number | undefined) =>
      sectionId === undefined
        ? []
        : ctx.db
            .select({ reference: evidenceItems.reference })
            .from(evidenceLinks)
            .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
            .where(and(eq(evidenceLinks.sefSectionId, sectionId), isNull(evidenceLinks.deletedAt), isNull(evidenceItems.deletedAt)))
            .all()
            .map((r) => r.reference);
    const criteria = [...new Set([...toSections, ...fromSections].map((x) => x.criterionId))];
    return {
      from: publicRow(from),
      to: publicRow(to),
      sections: criteria.map((criterionId) => {
        const a = fromSections.find((x) => x.criterionId === criterionId);
        const b = toSections.find((x) => x.criterionId === criterionId);
        const changes = NARRATIVE_FIELDS.filter((f) => (a?.[f] ?? null) !== (b?.[f] ?? null)).map((field) => ({
          field,
          before: a?.[field] ?? null,
          after: b?.[field] ?? null,
        }));
        const before = new Set(evidenceRefs(a?.id));
        const after = new Set(evidenceRefs(b?.id));
        return {
          criterionId,
          criterionLabel: (b ?? a)!.criterionLabel,
          changes,
          evidenceAdded: [...after].filter((r) => !before.has(r)),
          evidenceRemoved: [...before].filter((r) => !after.has(r)),
        };
      }),
    };
  },
};

function checkJudgement(ctx: ServiceContext, sectionRow: RowOf<'section'>, judgement: string | null | undefined): void {
  if (judgement == null) return;
  const sef = getLive(ctx, 'sef', sectionRow.sefId);
  const scale = ctx.reference.scales.find((x) => x.id === sef.scaleId);
  if (!scale?.levels.some((l) => l.id === judgement)) {
    throw invalidField('judgement', `Choose a judgement on this self-evaluation's scale (${scale?.name ?? sef.scaleId}).`);
  }
}

export const sectionService = {
  create(ctx: ServiceContext, input: Out<typeof s.sectionCreate>) {
    const sef = getLive(ctx, 'sef', input.sefId);
    const fw = frameworkOf(ctx, sef.frameworkId);
    const index = fw.criteria.findIndex((c) => c.id === input.criterionId);
    if (index < 0) throw invalidField('criterionId', `Choose one of the ${fw.shortName}'s criteria.`);
    if (liveSections(ctx, sef.id).some((x) => x.criterionId === input.criterionId)) {
      throw new ServiceError('conflict', 'This self-evaluation already has a section for that criterion.');
    }
    return sectionViews(ctx, [insertRow(ctx, 'section', { ...input, position: input.position ?? index })])[0]!;
  },
  get: (ctx: ServiceContext, id: number) => sectionViews(ctx, [getLive(ctx, 'section', id)])[0]!,
  list(ctx: ServiceContext, sefId: number) {
    getLive(ctx, 'sef', sefId);
    return sectionViews(ctx, liveSections(ctx, sefId));
  },
  update(ctx: ServiceContext, input: Out<typeof s.sectionUpdate>) {
    const { id, expectedVersion, ...patch } = input;
    checkJudgement(ctx, getLive(ctx, 'section', id), patch.judgement);
    return sectionViews(ctx, [updateRow(ctx, 'section', id, patch, expectedVersion).row])[0]!;
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'section', id),
  linkAction(ctx: ServiceContext, input: Out<typeof s.sectionAction>) {
    const section = getLive(ctx, 'section', input.sectionId);
    getLive(ctx, 'action', input.actionId);
    linkAction(ctx, section.id, input.actionId);
    return sectionViews(ctx, [section])[0]!;
  },
  unlinkAction(ctx: ServiceContext, input: Out<typeof s.sectionAction>) {
    const section = getLive(ctx, 'section', input.sectionId);
    const removed = ctx.db
      .delete(sefSectionActions)
      .where(and(eq(sefSectionActions.sectionId, section.id), eq(sefSectionActions.actionId, input.actionId)))
      .run();
    if (removed.changes === 0) throw new ServiceError('not_found', 'That action is not linked to this section.');
    writeAudit(ctx, [{ entity: 'section', entityId: section.id, operation: 'unlink', field: 'actionIds', oldValue: input.actionId }]);
    return sectionViews(ctx, [section])[0]!;
  },
};

export const signoffService = {
  create(ctx: ServiceContext, input: Out<typeof s.signoffCreate>): Out<typeof s.signoff> {
    return publicRow(insertRow(ctx, 'signoff', input));
  },
  list(ctx: ServiceContext, sefId: number): Out<typeof s.signoff>[] {
    getLive(ctx, 'sef', sefId);
    return ctx.db
      .select()
      .from(sefSignoffs)
      .where(and(eq(sefSignoffs.sefId, sefId), isNull(sefSignoffs.deletedAt)))
      .orderBy(asc(sefSignoffs.id))
      .all()
      .map(publicRow);
  },
  update(ctx: ServiceContext, input: Out<typeof s.signoffUpdate>): Out<typeof s.signoff> {
    const { id, expectedVersion, ...patch } = input;
    return publicRow(updateRow(ctx, 'signoff', id, patch, expectedVersion).row);
  },
  delete: (ctx: ServiceContext, id: number) => softDelete(ctx, 'signoff', id),
};

