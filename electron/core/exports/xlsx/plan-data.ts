/**
 * Everything the Excel action plan shows, read in a handful of queries, and the per-row values
 * of the editable sheets. The importer computes "the value in the app now" with the same
 * functions, so an untouched return always compares equal.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  actions,
  evidenceItems,
  findings,
  milestones,
  partners,
  people,
  priorities,
  priorityFindings,
  progressUpdates,
  workbookInfo,
} from '../../../../db/schema';
import type * as s from '../../../contract/schemas/plan';
import { getArea } from '../../services/area-service';
import type { ServiceContext } from '../../services/context';
import { getLive } from '../../services/entity-store';
import type { RowOf } from '../../services/entity-registry';
import { actionViews } from '../../services/plan-service';
import { allForIds, codecOf } from '../../services/statement-cache';
import { milestoneState, type MilestoneState } from '../../facts';
import { today } from '../../services/context';
import { currentPlanId } from '../../services/reports-service';
import { ServiceError } from '../../services/service-error';
import { loadKpiRows, type KpiRow } from './kpi-data';
import { reportedIndicatorIds } from '../../services/plan-indicator-service';
import type { ColumnKind } from './sheet-spec';
import { normaliseName, normaliseText } from './row-identity';

export type ActionView = z.output<typeof s.action>;
export type MilestoneRow = typeof milestones.$inferSelect;
export type UpdateRow = typeof progressUpdates.$inferSelect;

export interface PriorityData {
  id: number;
  reference: string;
  title: string;
  findings: string;
}

export interface StatusKeyEntry {
  rag: string;
  label: string;
  meaning: string;
  fill: string;
  text: string;
}

export interface PlanData {
  workbookId: string;
  plan: { id: number; title: string; type: string; status: string; version: number };
  area: { areaName: string; marking: string; author: string };
  statusKey: { name: string; entries: StatusKeyEntry[] };
  priorities: PriorityData[];
  actions: ActionView[];
  milestones: MilestoneRow[];
  /** Each milestone's effective state as at the export date (milestoneState): overdue included. */
  milestoneStates: Map<number, MilestoneState>;
  /** The date the plan's status, RAG and milestone states are as at. */
  asOf: string;
  /** Newest first within each action. */
  updates: UpdateRow[];
  evidenceByAction: Map<number, string[]>;
  evidenceByMilestone: Map<number, string[]>;
  evidence: { reference: string; title: string; kind: string; level: string; effectiveFrom: string | null; effectiveTo: string | null; location: string; containsPersonalData: boolean; linkedTo: string }[];
  kpis: KpiRow[];
  partnerNames: string[];
  peopleNames: string[];
}

export function workbookIdOf(ctx: ServiceContext): string {
  const row = ctx.db.select({ id: workbookInfo.workbookId }).from(workbookInfo).where(eq(workbookInfo.id, 1)).get();
  if (!row) throw new ServiceError('internal', 'This workbook has lost its identity record. Run “workbook check” on it.');
  return row.id;
}

export function statusKeyOf(ctx: ServiceContext): PlanData['statusKey'] {
  const key = ctx.reference.statusKeys.find((k) => k.id === getArea(ctx).statusKeyId) ?? ctx.reference.statusKeys[0];
  return { name: key?.name ?? 'RAG', entries: key?.entries ?? [] };
}

function chunked<T>(items: T[], size = 900): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Only what the Evidence sheet shows: a large plan links thousands of items. */
type EvidenceColumns = Pick<
  typeof evidenceItems.$inferSelect,
  'id' | 'reference' | 'title' | 'kind' | 'level' | 'effectiveFrom' | 'effectiveTo' | 'location' | 'containsPersonalData'
>;
type EvidenceRow = Omit<EvidenceColumns, 'containsPersonalData'> & { containsPersonalData: number };

const MILESTONES_OF_ACTIONS = 'SELECT * FROM milestones WHERE action_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL';
const UPDATES_OF_ACTIONS = 'SELECT * FROM progress_updates WHERE action_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL';

/** The live evidence linked through one column (priority, action or milestone), by item, with the Evidence sheet's columns. */
const evidenceVia = (column: 'priority_id' | 'action_id' | 'milestone_id') => `SELECT el.${column} AS target, e.id, e.reference, e.title, e.kind, e.level,
    e.effective_from AS effectiveFrom, e.effective_to AS effectiveTo, e.location, e.contains_personal_data AS containsPersonalData
  FROM evidence_links el JOIN evidence_items e ON e.id = el.evidence_id AND e.deleted_at IS NULL
  WHERE el.${column} IN (SELECT value FROM json_each(?)) AND el.deleted_at IS NULL
  ORDER BY e.id, el.${column}, el.id`;

export function loadPlanData(ctx: ServiceContext, planId?: number, asOf: string = today(ctx)): PlanData {
  const id = planId ?? currentPlanId(ctx);
  if (id == null) throw new ServiceError('not_found', 'There is no action plan to export yet. Create a plan first.');
  const plan = getLive(ctx, 'plan', id);
  const area = getArea(ctx);
  const prioRows = ctx.db
    .select()
    .from(priorities)
    .where(and(eq(priorities.planId, id), isNull(priorities.deletedAt)))
    .orderBy(asc(priorities.position), asc(priorities.id))
    .all();
  const prioIds = prioRows.map((p) => p.id);
  const findingText = new Map<number, string[]>();
  for (const group of chunked(prioIds)) {
    for (const f of ctx.db
      .select({ priorityId: priorityFindings.priorityId, reference: findings.reference, title: findings.title, text: findings.text })
      .from(priorityFindings)
      .innerJoin(findings, eq(findings.id, priorityFindings.findingId))
      .where(and(inArray(priorityFindings.priorityId, group), isNull(findings.deletedAt)))
      .orderBy(asc(findings.position), asc(findings.id))
      .all()) {
      const words = [f.reference, f.text || f.title].filter(Boolean).join(': ');
      findingText.set(f.priorityId, [...(findingText.get(f.priorityId) ?? []), words]);
    }
  }
  const prioOrder = new Map(prioIds.map((p, i) => [p, i]));
  const actionRows: RowOf<'action'>[] = [];
  for (const group of chunked(prioIds)) {
    actionRows.push(
      ...(ctx.db
        .select()
        .from(actions)
        .where(and(inArray(actions.priorityId, group), isNull(actions.deletedAt)))
        .all()),
    );
  }
  actionRows.sort((a, b) => prioOrder.get(a.priorityId)! - prioOrder.get(b.priorityId)! || a.position - b.position || a.id - b.id);
  const views = chunked(actionRows).flatMap((g) => actionViews(ctx, g, asOf));
  const actionIds = views.map((a) => a.id);
  const actionOrder = new Map(actionIds.map((a, i) => [a, i]));

  const sqlite = ctx.workbook.sqlite;
  const milestoneCodec = codecOf(milestones);
  const updateCodec = codecOf(progressUpdates);
  const stones = allForIds<Record<string, unknown>>(sqlite, MILESTONES_OF_ACTIONS, actionIds).map((raw) => milestoneCodec.fromRow(raw) as MilestoneRow);
  const updates = allForIds<Record<string, unknown>>(sqlite, UPDATES_OF_ACTIONS, actionIds).map((raw) => updateCodec.fromRow(raw) as UpdateRow);
  stones.sort((a, b) => actionOrder.get(a.actionId)! - actionOrder.get(b.actionId)! || a.position - b.position || a.id - b.id);
  updates.sort((a, b) => actionOrder.get(a.actionId)! - actionOrder.get(b.actionId)! || (a.reportedOn < b.reportedOn ? 1 : a.reportedOn > b.reportedOn ? -1 : b.id - a.id));

  const evidenceByAction = new Map<number, string[]>();
  const evidenceByMilestone = new Map<number, string[]>();
  const evidenceUse = new Map<string, { item: EvidenceColumns; targets: string[] }>();
  const refOfAction = new Map(views.map((a) => [a.id, a.reference]));
  const refOfPriority = new Map(prioRows.map((p) => [p.id, p.reference]));
  const actionOfMilestone = new Map(stones.map((m) => [m.id, m.actionId]));
  const note = (item: EvidenceColumns, target: string) => {
    const use = evidenceUse.get(item.reference);
    if (use) use.targets.push(target);
    else evidenceUse.set(item.reference, { item, targets: [target] });
  };
  const push = (map: Map<number, string[]>, key: number, reference: string) => {
    const list = map.get(key);
    if (list) list.push(reference);
    else map.set(key, [reference]);
  };
  // The plan's priorities, then actions, then milestones: the order the Evidence sheet names them in.
  const linkReads: { column: 'priority_id' | 'action_id' | 'milestone_id'; ids: number[]; add: (target: number, item: EvidenceColumns) => void }[] = [
    { column: 'priority_id', ids: prioIds, add: (t, item) => note(item, `Priority ${refOfPriority.get(t) ?? ''}`) },
    {
      column: 'action_id',
      ids: actionIds,
      add: (t, item) => {
        push(evidenceByAction, t, item.reference);
        note(item, `Action ${refOfAction.get(t) ?? ''}`);
      },
    },
    {
      column: 'milestone_id',
      ids: stones.map((m) => m.id),
      add: (t, item) => {
        push(evidenceByMilestone, t, item.reference);
        note(item, `Milestone of ${refOfAction.get(actionOfMilestone.get(t) ?? 0) ?? ''}`);
      },
    },
  ];
  for (const read of linkReads) {
    for (const { target, ...raw } of allForIds<EvidenceRow & { target: number }>(sqlite, evidenceVia(read.column), read.ids)) {
      read.add(target, { ...raw, containsPersonalData: Boolean(raw.containsPersonalData) });
    }
  }

  return {
    workbookId: workbookIdOf(ctx),
    plan: { id: plan.id, title: plan.title, type: plan.type, status: plan.status, version: plan.version },
    area: { areaName: area.areaName, marking: area.protectiveMarking || 'OFFICIAL-SENSITIVE', author: ctx.author() },
    statusKey: statusKeyOf(ctx),
    priorities: prioRows.map((p) => ({ id: p.id, reference: p.reference, title: p.title, findings: (findingText.get(p.id) ?? []).join('\n\n') })),
    actions: views,
    milestones: stones,
    milestoneStates: new Map(stones.map((m) => [m.id, milestoneState(m, asOf)])),
    asOf,
    updates,
    evidenceByAction,
    evidenceByMilestone,
    evidence: [...evidenceUse.values()]
      .sort((a, b) => a.item.id - b.item.id)
      .map(({ item, targets: t }) => ({
        reference: item.reference,
        title: item.title,
        kind: item.kind,
        level: item.level,
        effectiveFrom: item.effectiveFrom,
        effectiveTo: item.effectiveTo,
        location: item.location,
        containsPersonalData: item.containsPersonalData,
        linkedTo: [...new Set(t)].join(', '),
      })),
    kpis: loadKpiRows(ctx, asOf, reportedIndicatorIds(ctx, id) ?? undefined),
    partnerNames: ctx.db.select({ name: partners.name }).from(partners).where(isNull(partners.deletedAt)).orderBy(asc(partners.name)).all().map((p) => p.name),
    peopleNames: ctx.db.select({ name: people.name }).from(people).where(isNull(people.deletedAt)).orderBy(asc(people.name)).all().map((p) => p.name),
  };
}

/** The editable Plan values of an action as the app holds them: codes, ISO dates and names. */
export function actionValues(a: ActionView): Record<string, string> {
  return {
    what: a.what,
    how: a.how,
    lead: a.leadName ?? '',
    sro: a.sroName ?? '',
    partner: a.partnerName ?? '',
    startsOn: a.startsOn ?? '',
    dueOn: a.dueOn ?? '',
    revisedDueOn: a.revisedDueOn ?? '',
    revisedDueReason: a.revisedDueReason,
    status: a.status,
    rag: a.rag,
    ragReason: a.ragReason,
    successMeasures: a.successMeasures,
  };
}

export function milestoneValues(m: Pick<MilestoneRow, 'title' | 'periodLabel' | 'dueOn' | 'status' | 'achievedOn'>): Record<string, string> {
  return { title: m.title, periodLabel: m.periodLabel, dueOn: m.dueOn ?? '', status: m.status, achievedOn: m.achievedOn ?? '' };
}

/** The form two values are compared in, so whitespace, line ends and case of names never count as edits. */
export function canonical(kind: ColumnKind, value: string): string {
  if (kind === 'text') return normaliseText(value);
  if (kind === 'person' || kind === 'partner') return normaliseName(value);
  return value.trim();
}
