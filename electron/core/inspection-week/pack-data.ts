/**
 * Reads what an evidence pack holds, in one consistent pass: evidence items and their files,
 * grouped by SEF criterion (latest self-evaluation) and by finding (directly, or through the plan
 * priorities, actions and milestones that address it), plus the inspection-week records.
 * Publication mode leaves out personal data here, before anything is rendered.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  actions,
  evidenceFiles,
  evidenceItems,
  evidenceLinks,
  findings,
  infoRequests,
  inspectionEvents,
  inspectorRequests,
  milestones,
  priorityFindings,
  sefSections,
  selfEvaluations,
  trackedChildren,
} from '../../../db/schema';
import { ukDate } from '../../contract/format';
import { findFramework } from '../reference/load-reference';
import { getArea } from '../services/area-service';
import type { ServiceContext } from '../services/context';
import { describeWithheld, mayPublish, publicationFacts } from '../publication/may-publish';
import { evidenceFor } from './evidence-joins';
import { inspectorRequestViews, type InspectorRequestView } from './inspector-request-service';

export interface PackFile {
  id: number;
  sha256: string;
  originalName: string;
  size: number;
  mimeType: string;
}

export interface PackItem {
  id: number;
  reference: string;
  title: string;
  kind: string;
  level: string;
  summary: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  containsPersonalData: boolean;
  files: PackFile[];
}

export interface PackGroup {
  heading: string;
  subheading: string;
  /** Evidence linked directly. */
  itemIds: number[];
  /** Evidence reached through the plan (priority, action or milestone addressing a finding). */
  throughPlanIds: number[];
}

export interface PackData {
  areaName: string;
  marking: string;
  forPublication: boolean;
  sefTitle: string | null;
  byCriterion: PackGroup[];
  byFinding: { eventTitle: string; groups: PackGroup[] }[];
  items: PackItem[];
  infoRequests: { item: string; status: string; evidenceIds: number[] }[];
  inspectorRequests: InspectorRequestView[];
  trackedChildren: { pseudonym: string; settingType: string; senStatus: string; consentStatus: string; documentsDueOn: string | null; evidenceIds: number[] }[];
  leftOut: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function readPackData(ctx: ServiceContext, forPublication: boolean): PackData {
  const area = getArea(ctx);
  const leftOut: string[] = [];
  const allItems = ctx.db.select().from(evidenceItems).where(isNull(evidenceItems.deletedAt)).orderBy(asc(evidenceItems.reference)).all();

  const childRows = ctx.db.select().from(trackedChildren).where(isNull(trackedChildren.deletedAt)).orderBy(asc(trackedChildren.id)).all();

  let kept = allItems;
  if (forPublication) {
    // One rule for every publication surface (issue #14): flagged, tracked children now or ever, shared bytes.
    const facts = publicationFacts(ctx);
    const verdicts = allItems.map((i) => ({ item: i, verdict: mayPublish(i, facts) }));
    kept = verdicts.filter((v) => v.verdict.publish).map((v) => v.item);
    leftOut.push(...describeWithheld(verdicts.map((v) => v.verdict)));
    if (childRows.length) leftOut.push(`${plural(childRows.length, 'tracked child record', 'tracked child records')}.`);
    leftOut.push('The inspection-week logs (information request, inspectors’ requests): they are working records, not for publication.');
  }
  const keptIds = new Set(kept.map((i) => i.id));

  const fileRows = keptIds.size
    ? ctx.db
        .select()
        .from(evidenceFiles)
        .where(and(isNull(evidenceFiles.deletedAt), inArray(evidenceFiles.evidenceId, [...keptIds])))
        .orderBy(asc(evidenceFiles.id))
        .all()
    : [];
  const filesBy = new Map<number, PackFile[]>();
  for (const f of fileRows) {
    filesBy.set(f.evidenceId, [...(filesBy.get(f.evidenceId) ?? []), { id: f.id, sha256: f.sha256, originalName: f.originalName, size: f.size, mimeType: f.mimeType }]);
  }
  const items: PackItem[] = kept.map((i) => ({
    id: i.id,
    reference: i.reference,
    title: i.title,
    kind: i.kind,
    level: i.level,
    summary: i.summary,
    effectiveFrom: i.effectiveFrom,
    effectiveTo: i.effectiveTo,
    containsPersonalData: i.containsPersonalData,
    files: filesBy.get(i.id) ?? [],
  }));

  const links = ctx.db.select().from(evidenceLinks).where(isNull(evidenceLinks.deletedAt)).all().filter((l) => keptIds.has(l.evidenceId));
  const linked = (pick: (l: (typeof links)[number]) => number | null, ids: Set<number>) =>
    [...new Set(links.filter((l) => ids.has(pick(l) ?? -1)).map((l) => l.evidenceId))].sort((a, b) => a - b);

  // By SEF criterion: the latest live self-evaluation.
  const sef = ctx.db.select().from(selfEvaluations).where(isNull(selfEvaluations.deletedAt)).orderBy(desc(selfEvaluations.asOf), desc(selfEvaluations.id)).get();
  const byCriterion: PackGroup[] = [];
  if (sef) {
    const fw = findFramework(ctx.reference, sef.frameworkId);
    const sections = ctx.db
      .select()
      .from(sefSections)
      .where(and(eq(sefSections.sefId, sef.id), isNull(sefSections.deletedAt)))
      .orderBy(asc(sefSections.position), asc(sefSections.id))
      .all();
    for (const s of sections) {
      const criterion = fw?.criteria.find((c) => c.id === s.criterionId);
      byCriterion.push({
        heading: criterion?.label ?? s.criterionId,
        subheading: criterion?.description ?? '',
        itemIds: linked((l) => l.sefSectionId, new Set([s.id])),
        throughPlanIds: [],
      });
    }
  }

  // By finding, per inspection event; evidence for the plan that answers a finding counts too.
  const events = ctx.db.select().from(inspectionEvents).where(isNull(inspectionEvents.deletedAt)).orderBy(asc(inspectionEvents.id)).all();
  const findingRows = ctx.db.select().from(findings).where(isNull(findings.deletedAt)).orderBy(asc(findings.eventId), asc(findings.position), asc(findings.id)).all();
  const prioritiesOf = new Map<number, number[]>();
  for (const pf of ctx.db.select().from(priorityFindings).all()) prioritiesOf.set(pf.findingId, [...(prioritiesOf.get(pf.findingId) ?? []), pf.priorityId]);
  const actionRows = ctx.db.select({ id: actions.id, priorityId: actions.priorityId }).from(actions).where(isNull(actions.deletedAt)).all();
  const milestoneRows = ctx.db.select({ id: milestones.id, actionId: milestones.actionId }).from(milestones).where(isNull(milestones.deletedAt)).all();
  const byFinding = events
    .map((e) => ({
      eventTitle: e.title,
      groups: findingRows
        .filter((f) => f.eventId === e.id)
        .map((f) => {
          const priorityIds = new Set(prioritiesOf.get(f.id) ?? []);
          const actionIds = new Set(actionRows.filter((a) => priorityIds.has(a.priorityId)).map((a) => a.id));
          const milestoneIds = new Set(milestoneRows.filter((m) => actionIds.has(m.actionId)).map((m) => m.id));
          const direct = linked((l) => l.findingId, new Set([f.id]));
          const through = [
            ...new Set([
              ...linked((l) => l.priorityId, priorityIds),
              ...linked((l) => l.actionId, actionIds),
              ...linked((l) => l.milestoneId, milestoneIds),
            ]),
          ]
            .filter((id) => !direct.includes(id))
            .sort((a, b) => a - b);
          return { heading: f.reference ? `${f.reference} ${f.title}` : f.title, subheading: f.text, itemIds: direct, throughPlanIds: through };
        }),
    }))
    .filter((e) => e.groups.length > 0);

  let infoRequestData: PackData['infoRequests'] = [];
  let inspectorRequestData: InspectorRequestView[] = [];
  let childData: PackData['trackedChildren'] = [];
  if (!forPublication) {
    const infoRows = ctx.db.select().from(infoRequests).where(isNull(infoRequests.deletedAt)).orderBy(asc(infoRequests.eventId), asc(infoRequests.position)).all();
    const infoEvidence = evidenceFor(ctx, 'infoRequest', infoRows.map((r) => r.id));
    infoRequestData = infoRows.map((r) => ({ item: r.item, status: r.status, evidenceIds: (infoEvidence.get(r.id) ?? []).map((e) => e.id) }));
    inspectorRequestData = inspectorRequestViews(
      ctx,
      ctx.db.select().from(inspectorRequests).where(isNull(inspectorRequests.deletedAt)).orderBy(asc(inspectorRequests.receivedAt)).all() as never,
    );
    const childLinks = evidenceFor(ctx, 'trackedChild', childRows.map((c) => c.id));
    childData = childRows.map((c) => ({
      pseudonym: c.pseudonym,
      settingType: c.settingType,
      senStatus: c.senStatus,
      consentStatus: c.consentStatus,
      documentsDueOn: c.documentsDueOn,
      evidenceIds: (childLinks.get(c.id) ?? []).map((e) => e.id),
    }));
  }

  return {
    areaName: area.areaName,
    marking: area.protectiveMarking || 'OFFICIAL-SENSITIVE',
    forPublication,
    sefTitle: sef ? `${sef.title} (as of ${ukDate(sef.asOf)})` : null,
    byCriterion,
    byFinding,
    items,
    infoRequests: infoRequestData,
    inspectorRequests: inspectorRequestData,
    trackedChildren: childData,
    leftOut,
  };
}

/** Files are stored once per content hash, in chunks: read them back in order. */
export function readFileBytes(ctx: ServiceContext, sha256: string): Uint8Array {
  const rows = ctx.workbook.sqlite.prepare('SELECT data FROM file_chunks WHERE sha256 = ? ORDER BY seq').all(sha256) as { data: Buffer }[];
  const total = rows.reduce((n, r) => n + r.data.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const r of rows) {
    out.set(r.data, at);
    at += r.data.length;
  }
  return out;
}

