/**
 * Evidence supplied for an inspection-week record (information request item, tracked child,
 * inspector request): join rows, audited as link/unlink on the record.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { evidenceItems, infoRequestEvidence, inspectorRequestEvidence, trackedChildEvidence } from '../../../db/schema';
import type { EntityName } from '../../contract/schemas/history';
import { writeAudit } from '../services/audit-log';
import type { ServiceContext } from '../services/context';
import { getLive, isLive } from '../services/entity-store';
import { invalidField } from '../services/service-error';

export type JoinKind = 'infoRequest' | 'trackedChild' | 'inspectorRequest';

const JOINS = {
  infoRequest: { table: infoRequestEvidence, owner: infoRequestEvidence.requestId, evidence: infoRequestEvidence.evidenceId, key: 'requestId' },
  trackedChild: { table: trackedChildEvidence, owner: trackedChildEvidence.childId, evidence: trackedChildEvidence.evidenceId, key: 'childId' },
  inspectorRequest: {
    table: inspectorRequestEvidence,
    owner: inspectorRequestEvidence.requestId,
    evidence: inspectorRequestEvidence.evidenceId,
    key: 'requestId',
  },
} as const;

export interface EvidenceRef {
  id: number;
  reference: string;
  title: string;
  containsPersonalData: boolean;
}

/** Live evidence linked to each of `ownerIds`, in reference order. */
export function evidenceFor(ctx: ServiceContext, kind: JoinKind, ownerIds: number[]): Map<number, EvidenceRef[]> {
  const out = new Map<number, EvidenceRef[]>();
  if (ownerIds.length === 0) return out;
  const j = JOINS[kind];
  const rows = ctx.db
    .select({
      ownerId: j.owner,
      id: evidenceItems.id,
      reference: evidenceItems.reference,
      title: evidenceItems.title,
      containsPersonalData: evidenceItems.containsPersonalData,
    })
    .from(j.table)
    .innerJoin(evidenceItems, eq(evidenceItems.id, j.evidence))
    .where(and(inArray(j.owner, ownerIds), isNull(evidenceItems.deletedAt)))
    .orderBy(asc(evidenceItems.reference))
    .all();
  for (const { ownerId, ...ref } of rows) out.set(ownerId, [...(out.get(ownerId) ?? []), ref]);
  return out;
}

export function linkEvidence(ctx: ServiceContext, kind: JoinKind, ownerId: number, evidenceId: number): void {
  getLive(ctx, kind as EntityName, ownerId);
  if (!isLive(ctx, 'evidence', evidenceId)) {
    throw invalidField('evidenceId', 'That evidence item no longer exists (it may be in the Bin). Choose another.');
  }
  const j = JOINS[kind];
  const existing = ctx.db.select().from(j.table).where(and(eq(j.owner, ownerId), eq(j.evidence, evidenceId))).get();
  if (existing) return;
  ctx.db.insert(j.table).values({ [j.key]: ownerId, evidenceId } as never).run();
  writeAudit(ctx, [{ entity: kind, entityId: ownerId, operation: 'link', field: 'evidenceIds', newValue: evidenceId }]);
}

export function unlinkEvidence(ctx: ServiceContext, kind: JoinKind, ownerId: number, evidenceId: number): void {
  getLive(ctx, kind as EntityName, ownerId);
  const j = JOINS[kind];
  const removed = ctx.db.delete(j.table).where(and(eq(j.owner, ownerId), eq(j.evidence, evidenceId))).returning().all();
  if (removed.length === 0) throw invalidField('evidenceId', 'That evidence item is not linked here, so there was nothing to remove.');
  writeAudit(ctx, [{ entity: kind, entityId: ownerId, operation: 'unlink', field: 'evidenceIds', oldValue: evidenceId }]);
}
