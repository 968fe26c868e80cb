/**
 * Everything the self-evaluation document says, gathered through the services in a handful of
 * queries (no query per section or per evidence item), so the large workbook exports in seconds.
 * Pure data: the Word layout is in sef-document.ts.
 */
import { and, asc, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import {
  evidenceItems,
  evidenceLinks,
  findingAssessments,
  findings,
  inspectionEvents,
  partners,
  people,
  priorities,
  priorityFindings,
  actions,
  selfEvaluations,
} from '../../../../db/schema';
import { label } from '../../../contract/enums';
import { ukDate } from '../../../contract/format';
import type { Framework } from '../../../contract/reference';
import { findFramework } from '../../reference/load-reference';
import type { ServiceContext } from '../../services/context';
import { getLive } from '../../services/entity-store';
import { sectionService, signoffService } from '../../services/sef-service';
import { mayPublish, publicationFacts } from '../../publication/may-publish';
import { eventVerdicts } from '../../services/inspection-service';
import { ServiceError } from '../../services/service-error';
import { actionSummaries, areaModel, byReference, indicatorRows, type ActionSummary, type AreaModel, type IndicatorRow, type Swatch } from './shared-model';

export interface SefDocxOptions {
  /** The self-evaluation to export; the newest (by as-of date) when not given. */
  sefId?: number;
  /** Leave out evidence items flagged as containing personal data. */
  publication?: boolean;
  /** Include sections still marked as draft. */
  includeDrafts?: boolean;
}

export interface EvidenceEntry {
  id: number;
  reference: string;
  /** Bookmark name in the appendix; internal links in the sections point at it. */
  anchor: string;
  title: string;
  kind: string;
  level: string;
  effective: string;
  owner: string;
  citedIn: string[];
}

export interface SectionModel {
  criterionId: string;
  heading: string;
  description: string;
  isDraft: boolean;
  /** Left out because it is a draft and drafts were not asked for. */
  withheld: boolean;
  judgement: Swatch | null;
  confidence: string;
  whatWeKnow: string;
  whatWeHaveDone: string;
  impact: string;
  whatNext: string;
  strengths: string;
  areasForDevelopment: string;
  evidence: { reference: string; title: string; anchor: string | null }[];
  actions: ActionSummary[];
}

export interface FindingProgress {
  reference: string;
  title: string;
  type: string;
  formal: { result: string; on: string; by: string; commentary: string } | null;
  ownView: { result: string; on: string; commentary: string } | null;
  actions: ActionSummary[];
}

export interface SefModel {
  area: AreaModel;
  sef: { id: number; title: string; asOf: string; status: string };
  framework: { name: string; shortName: string; judgement: string };
  scaleName: string;
  options: { publication: boolean; includeDrafts: boolean };
  signoffs: { partner: string; name: string; signedOn: string | null }[];
  summary: { strengths: SummaryItem[]; areasForDevelopment: SummaryItem[]; priorities: SummaryItem[] };
  indicators: IndicatorRow[];
  sections: SectionModel[];
  draftSectionsLeftOut: number;
  /** The findings of the latest inspection, and the headline of each later event that judged them (verdictSummary). */
  findings: { eventTitle: string; items: FindingProgress[]; verdicts: { eventTitle: string; sentence: string }[] } | null;
  evidence: EvidenceEntry[];
  /** Evidence items left out of a publication version because they contain personal data. */
  evidenceWithheld: number;
  withheldReferences: string[];
}

export interface SummaryItem {
  heading: string;
  text: string;
}

const EVIDENCE_REFERENCE = /\bE-\d{3,}\b/g;

export function evidenceAnchor(id: number): string {
  return `evidence_${id}`;
}

function chooseSef(ctx: ServiceContext, sefId: number | undefined) {
  if (sefId !== undefined) return getLive(ctx, 'sef', sefId);
  const newest = ctx.db
    .select()
    .from(selfEvaluations)
    .where(isNull(selfEvaluations.deletedAt))
    .orderBy(desc(selfEvaluations.asOf), desc(selfEvaluations.id))
    .limit(1)
    .get();
  if (!newest) throw new ServiceError('not_found', 'Create a self-evaluation first: this workbook has none to export yet.');
  return newest;
}

function criterionOrder(framework: Framework | undefined, criterionId: string): number {
  const i = framework?.criteria.findIndex((c) => c.id === criterionId) ?? -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

function effectivePeriod(from: string | null, to: string | null): string {
  if (from && to && from !== to) return `${ukDate(from)} to ${ukDate(to)}`;
  return ukDate(from ?? to);
}

/** Latest formal verdict (from an inspection or revisit) and the partnership's own latest view. */
function findingsProgress(ctx: ServiceContext, asOf: string): SefModel['findings'] {
  const event = ctx.db
    .select({ id: inspectionEvents.id, title: inspectionEvents.title, frameworkId: inspectionEvents.frameworkId })
    .from(inspectionEvents)
    .where(
      and(
        isNull(inspectionEvents.deletedAt),
        sql`EXISTS (SELECT 1 FROM ${findings} f WHERE f.event_id = ${inspectionEvents.id} AND f.deleted_at IS NULL AND f.type <> 'strength')`,
      ),
    )
    .orderBy(
      desc(sql`coalesce(${inspectionEvents.publishedOn}, ${inspectionEvents.onsiteStartOn}, ${inspectionEvents.notifiedOn}, ${inspectionEvents.createdAt})`),
      desc(inspectionEvents.id),
    )
    .limit(1)
    .get();
  if (!event) return null;
  const framework = findFramework(ctx.reference, event.frameworkId);
  const rows = ctx.db
    .select()
    .from(findings)
    .where(and(eq(findings.eventId, event.id), isNull(findings.deletedAt), ne(findings.type, 'strength')))
    .orderBy(asc(findings.position), asc(findings.id))
    .all();
  const ids = rows.map((f) => f.id);
  const assessments = ctx.db
    .select({ a: findingAssessments, eventTitle: inspectionEvents.title })
    .from(findingAssessments)
    .leftJoin(inspectionEvents, eq(inspectionEvents.id, findingAssessments.eventId))
    .where(and(inArray(findingAssessments.findingId, ids), isNull(findingAssessments.deletedAt), lte(findingAssessments.assessedOn, asOf)))
    .orderBy(asc(findingAssessments.assessedOn), asc(findingAssessments.id))
    .all();
  const judgingEvents = [...new Set(assessments.map((x) => x.a.eventId).filter((e): e is number => e != null))];
  const verdicts = eventVerdicts(ctx, judgingEvents);
  const titleOf = new Map(assessments.map((x) => [x.a.eventId, x.eventTitle ?? '']));
  const answering = ctx.db
    .select({ findingId: priorityFindings.findingId, actionId: actions.id })
    .from(priorityFindings)
    .innerJoin(priorities, and(eq(priorities.id, priorityFindings.priorityId), isNull(priorities.deletedAt)))
    .innerJoin(actions, and(eq(actions.priorityId, priorities.id), isNull(actions.deletedAt)))
    .where(inArray(priorityFindings.findingId, ids))
    .all();
  const summaries = actionSummaries(ctx, answering.map((r) => r.actionId), asOf);
  const resultLabel = (id: string) =>
    ctx.reference.frameworks.flatMap((f) => f.assessmentResults).find((r) => r.id === id)?.label ?? label(id);
  return {
    eventTitle: event.title,
    verdicts: judgingEvents.flatMap((e) => {
      const sentence = verdicts.get(e)?.sentence;
      return sentence ? [{ eventTitle: titleOf.get(e) ?? '', sentence }] : [];
    }),
    items: rows.map((f) => {
      const mine = assessments.filter((x) => x.a.findingId === f.id);
      const formal = mine.filter((x) => x.a.eventId != null).at(-1);
      const own = mine.filter((x) => x.a.eventId == null).at(-1);
      return {
        reference: f.reference,
        title: f.title,
        type: framework?.findingTypes.find((t) => t.id === f.type)?.label ?? label(f.type),
        formal: formal
          ? { result: resultLabel(formal.a.result), on: formal.a.assessedOn, by: formal.eventTitle ?? '', commentary: formal.a.commentary }
          : null,
        ownView: own ? { result: resultLabel(own.a.result), on: own.a.assessedOn, commentary: own.a.commentary } : null,
        actions: answering
          .filter((r) => r.findingId === f.id)
          .map((r) => summaries.get(r.actionId))
          .filter((a): a is ActionSummary => a !== undefined)
          .sort(byReference),
      };
    }),
  };
}

function summaryItems(sections: SectionModel[], field: 'strengths' | 'areasForDevelopment' | 'whatNext'): SummaryItem[] {
  return sections.filter((s) => !s.withheld && s[field].trim()).map((s) => ({ heading: s.heading, text: s[field] }));
}

export function buildSefModel(ctx: ServiceContext, options: SefDocxOptions = {}): SefModel {
  const publication = options.publication ?? false;
  const includeDrafts = options.includeDrafts ?? false;
  const sef = chooseSef(ctx, options.sefId);
  const framework = findFramework(ctx.reference, sef.frameworkId);
  const scale = ctx.reference.scales.find((s) => s.id === sef.scaleId);

  const views = sectionService
    .list(ctx, sef.id)
    .sort((a, b) => criterionOrder(framework, a.criterionId) - criterionOrder(framework, b.criterionId) || a.position - b.position);
  const sectionIds = views.map((s) => s.id);

  const linked = sectionIds.length
    ? ctx.db
        .select({ sectionId: evidenceLinks.sefSectionId, evidenceId: evidenceLinks.evidenceId })
        .from(evidenceLinks)
        .innerJoin(evidenceItems, and(eq(evidenceItems.id, evidenceLinks.evidenceId), isNull(evidenceItems.deletedAt)))
        .where(and(inArray(evidenceLinks.sefSectionId, sectionIds), isNull(evidenceLinks.deletedAt)))
        .orderBy(asc(evidenceItems.id))
        .all()
    : [];
  const included = views.filter((s) => includeDrafts || !s.isDraft);
  const mentioned = new Set(
    included.flatMap((s) => [s.whatWeKnow, s.whatWeHaveDone, s.impact, s.whatNext, s.strengths, s.areasForDevelopment].flatMap((t) => t.match(EVIDENCE_REFERENCE) ?? [])),
  );
  const includedIds = new Set(included.map((s) => s.id));
  const linkedIds = [...new Set(linked.filter((l) => includedIds.has(l.sectionId!)).map((l) => l.evidenceId))];
  const items = ctx.db
    .select({ e: evidenceItems, owner: people.name })
    .from(evidenceItems)
    .leftJoin(people, eq(people.id, evidenceItems.ownerPersonId))
    .where(
      and(
        isNull(evidenceItems.deletedAt),
        sql`(${evidenceItems.id} IN (SELECT value FROM json_each(${JSON.stringify(linkedIds)})) OR ${evidenceItems.reference} IN (SELECT value FROM json_each(${JSON.stringify([...mentioned])})))`,
      ),
    )
    .orderBy(asc(evidenceItems.id))
    .all();
  // One rule for every publication surface (issue #14): publication/may-publish.ts.
  const facts = publication ? publicationFacts(ctx) : null;
  const publishable = (e: { id: number; containsPersonalData: boolean }) => !facts || mayPublish(e, facts).publish;
  const withheld = items.filter((i) => !publishable(i.e));
  const shown = items.filter((i) => publishable(i.e));
  const anchorOf = new Map(shown.map((i) => [i.e.reference, evidenceAnchor(i.e.id)]));
  const byId = new Map(items.map((i) => [i.e.id, i.e]));

  // Every rating, status and RAG in a self-evaluation is as at its own as-of date.
  const actionMap = actionSummaries(ctx, included.flatMap((s) => s.actionIds), sef.asOf);
  const citedIn = new Map<string, Set<string>>();
  const cite = (reference: string, heading: string) => citedIn.set(reference, (citedIn.get(reference) ?? new Set()).add(heading));

  const sections: SectionModel[] = views.map((s) => {
    const criterion = framework?.criteria.find((c) => c.id === s.criterionId);
    const withheldSection = s.isDraft && !includeDrafts;
    const level = scale?.levels.find((l) => l.id === s.judgement);
    const heading = criterion?.label ?? s.criterionLabel;
    const evidence = withheldSection
      ? []
      : linked
          .filter((l) => l.sectionId === s.id)
          .map((l) => byId.get(l.evidenceId)!)
          .filter((e) => e && publishable(e))
          .map((e) => ({ reference: e.reference, title: e.title, anchor: anchorOf.get(e.reference) ?? null }));
    if (!withheldSection) {
      for (const e of evidence) cite(e.reference, heading);
      for (const t of [s.whatWeKnow, s.whatWeHaveDone, s.impact, s.whatNext, s.strengths, s.areasForDevelopment]) {
        for (const r of t.match(EVIDENCE_REFERENCE) ?? []) cite(r, heading);
      }
    }
    return {
      criterionId: s.criterionId,
      heading,
      description: criterion?.description ?? '',
      isDraft: s.isDraft,
      withheld: withheldSection,
      judgement: s.judgement ? { text: level?.label ?? s.judgement, fill: level ? level.colour.replace('#', '') : null } : null,
      confidence: s.confidence ? label(s.confidence) : '',
      whatWeKnow: s.whatWeKnow,
      whatWeHaveDone: s.whatWeHaveDone,
      impact: s.impact,
      whatNext: s.whatNext,
      strengths: s.strengths,
      areasForDevelopment: s.areasForDevelopment,
      evidence,
      actions: withheldSection
        ? []
        : s.actionIds
            .map((id) => actionMap.get(id))
            .filter((a): a is ActionSummary => a !== undefined)
            .sort(byReference),
    };
  });

  const signoffs = signoffService.list(ctx, sef.id);
  const partnerIds = signoffs.map((x) => x.partnerId).filter((x): x is number => x != null);
  const partnerName = new Map(
    partnerIds.length ? ctx.db.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, partnerIds)).all().map((p) => [p.id, p.name]) : [],
  );

  return {
    area: areaModel(ctx),
    sef: { id: sef.id, title: sef.title, asOf: sef.asOf, status: sef.status },
    framework: {
      name: framework?.name ?? sef.frameworkId,
      shortName: framework?.shortName ?? sef.frameworkId,
      judgement: framework?.terminology.judgement ?? 'judgement',
    },
    scaleName: scale?.name ?? sef.scaleId,
    options: { publication, includeDrafts },
    signoffs: signoffs.map((x) => ({ partner: x.partnerId == null ? '' : (partnerName.get(x.partnerId) ?? ''), name: x.signatoryName, signedOn: x.signedOn })),
    summary: {
      strengths: summaryItems(sections, 'strengths'),
      areasForDevelopment: summaryItems(sections, 'areasForDevelopment'),
      priorities: summaryItems(sections, 'whatNext'),
    },
    indicators: indicatorRows(ctx, sef.asOf),
    sections,
    draftSectionsLeftOut: sections.filter((s) => s.withheld).length,
    findings: findingsProgress(ctx, sef.asOf),
    evidence: shown.map(({ e, owner }) => ({
      id: e.id,
      reference: e.reference,
      anchor: evidenceAnchor(e.id),
      title: e.title,
      kind: label(e.kind),
      level: label(e.level),
      effective: effectivePeriod(e.effectiveFrom, e.effectiveTo),
      owner: owner ?? '',
      citedIn: [...(citedIn.get(e.reference) ?? [])],
    })),
    evidenceWithheld: withheld.length,
    withheldReferences: withheld.map((w) => w.e.reference),
  };
}
