/**
 * What the plan progress report says, for one plan and one reporting period, shaped like the
 * Bristol November 2020 WSOA update: milestone summary, then per priority the actions completed,
 * delayed and not achieved with their latest highlights and issues; key indicators; next steps.
 */
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { actions, findingAssessments, inspectionEvents, milestones, priorities, priorityFindings } from '../../../../db/schema';
import { label } from '../../../contract/enums';
import { latestUpdate, MILESTONE_STATE_WORDS, MILESTONE_STATES, milestoneState } from '../../facts';
import { eventVerdicts } from '../../services/inspection-service';
import { reportedIndicatorIds } from '../../services/plan-indicator-service';
import { today, type ServiceContext } from '../../services/context';
import { getLive } from '../../services/entity-store';
import { currentPlanId, rollUp } from '../../services/reports-service';
import { ServiceError } from '../../services/service-error';
import { actionSummaries, areaModel, byReference, indicatorRows, type ActionSummary, type AreaModel, type IndicatorRow, type Swatch } from './shared-model';

export interface ProgressDocxOptions {
  /** The plan to report on; the current plan when not given. */
  planId?: number;
  /** Milestones of this reporting period ("November 2020"); without it, those due by the as-of date. */
  periodLabel?: string;
  /** ISO date the report is as at (later updates are not used); by default the end of the period, or today. */
  asOf?: string;
}

export interface MilestoneCount {
  key: string;
  /** As the Bristol update words it: "largely achieved". */
  words: string;
  count: number;
  percent: number;
}

export interface ReportedAction extends ActionSummary {
  /** Status as at the report date (actionRag's, from the latest update then), which may differ from today's. */
  statusAsOf: string;
  ragAsOf: Swatch;
  reportedOn: string | null;
  highlights: string;
  issues: string;
  mitigation: string;
}

export interface ActionGroup {
  key: 'complete' | 'in_progress' | 'delayed' | 'not_achieved' | 'superseded';
  heading: string;
  actions: ReportedAction[];
}

export interface PriorityReport {
  reference: string;
  title: string;
  description: string;
  milestones: { total: number; counts: MilestoneCount[] };
  groups: ActionGroup[];
  actionCount: number;
}

export interface UpcomingMilestone {
  actionReference: string;
  title: string;
  dueOn: string | null;
  periodLabel: string;
  status: string;
  /** The milestone's effective state as at the report date (milestoneState). */
  state: string;
}

export interface ProgressModel {
  area: AreaModel;
  plan: { id: number; title: string; typeName: string; typeShortName: string; status: string; eventTitle: string | null; reviewCadence: string; nextReviewOn: string | null };
  period: { label: string | null; asOf: string };
  milestones: { total: number; counts: MilestoneCount[] };
  /**
   * Without a named period: the plan's milestones the summary does not count (due after the date, or
   * with no due date), so the report accounts for every milestone the Excel plan lists. Null for a period.
   */
  otherMilestones: { all: number; dueLater: number; undated: { total: number; counts: MilestoneCount[] } } | null;
  /** Reporting periods that do have milestones, to help someone who typed a period that has none. */
  knownPeriods: string[];
  priorities: PriorityReport[];
  indicators: IndicatorRow[];
  /** 'plan': the indicators linked to the plan; 'all': none is linked, so every indicator in the workbook. */
  indicatorScope: 'plan' | 'all';
  nextSteps: { nextReviewOn: string | null; upcoming: UpcomingMilestone[]; upcomingPeriod: string | null; carriedForward: UpcomingMilestone[] };
  /** The headline of each revisit or monitoring inspection that judged the findings this plan answers. */
  verdicts: { eventTitle: string; sentence: string }[];
}

const GROUPS: { key: ActionGroup['key']; heading: string; statuses: string[] }[] = [
  { key: 'complete', heading: 'Actions completed', statuses: ['complete'] },
  { key: 'in_progress', heading: 'Actions in progress', statuses: ['on_track', 'not_started'] },
  { key: 'delayed', heading: 'Delayed actions', statuses: ['delayed'] },
  { key: 'not_achieved', heading: 'Actions not achieved', statuses: ['not_achieved'] },
  { key: 'superseded', heading: 'Actions superseded', statuses: ['superseded'] },
];

/** Counts of milestones by effective state (milestoneState as at the report date). */
function milestoneCounts(states: string[]): { total: number; counts: MilestoneCount[] } {
  const r = rollUp(MILESTONE_STATES, states);
  return { total: r.total, counts: r.byStatus.map((b) => ({ key: b.key, words: MILESTONE_STATE_WORDS[b.key as keyof typeof MILESTONE_STATE_WORDS] ?? b.label.toLowerCase(), count: b.count, percent: b.percent })) };
}

interface UpdateRow {
  id: number;
  supersedesId: number | null;
  actionId: number;
  reportedOn: string;
  periodLabel: string;
  status: string;
  rag: string | null;
  highlights: string;
  issues: string;
  mitigation: string;
}

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * A report for a past period is as at that period, not today: the later of its milestones' due
 * dates and the updates reported for it. Null when the period has neither.
 */
function periodEnd(ctx: ServiceContext, planId: number, periodLabel: string, periodMilestones: { dueOn: string | null }[]): string | null {
  const reported = ctx.workbook.sqlite
    .prepare(
      `SELECT max(u.reported_on) AS last FROM progress_updates u JOIN actions a ON a.id = u.action_id JOIN priorities p ON p.id = a.priority_id
       WHERE p.plan_id = ? AND u.deleted_at IS NULL AND a.deleted_at IS NULL AND lower(trim(u.period_label)) = lower(?)`,
    )
    .get(planId, periodLabel) as { last: string | null };
  const dates = [reported.last, ...periodMilestones.map((m) => m.dueOn)].filter((d): d is string => d != null);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

/** Verdict summaries of the events that judged the findings this plan answers, as at the date. */
function planVerdicts(ctx: ServiceContext, planId: number, asOf: string): ProgressModel['verdicts'] {
  const events = ctx.db
    .selectDistinct({ id: inspectionEvents.id, title: inspectionEvents.title })
    .from(priorityFindings)
    .innerJoin(priorities, and(eq(priorities.id, priorityFindings.priorityId), eq(priorities.planId, planId), isNull(priorities.deletedAt)))
    .innerJoin(findingAssessments, and(eq(findingAssessments.findingId, priorityFindings.findingId), isNull(findingAssessments.deletedAt)))
    .innerJoin(inspectionEvents, and(eq(inspectionEvents.id, findingAssessments.eventId), isNull(inspectionEvents.deletedAt)))
    .where(lte(findingAssessments.assessedOn, asOf))
    .all();
  const summaries = eventVerdicts(ctx, events.map((e) => e.id));
  return events.flatMap((e) => {
    const sentence = summaries.get(e.id)?.sentence;
    return sentence ? [{ eventTitle: e.title, sentence }] : [];
  });
}

export function buildProgressModel(ctx: ServiceContext, options: ProgressDocxOptions = {}): ProgressModel {
  const planId = options.planId ?? currentPlanId(ctx);
  if (planId == null) throw new ServiceError('not_found', 'Create an action plan first: this workbook has no plan to report on yet.');
  const plan = getLive(ctx, 'plan', planId);
  const periodLabel = options.periodLabel?.trim() || null;
  const planType = ctx.reference.planTypes.find((t) => t.id === plan.type);
  const event = plan.eventId
    ? ctx.db.select({ title: inspectionEvents.title, deletedAt: inspectionEvents.deletedAt }).from(inspectionEvents).where(inArray(inspectionEvents.id, [plan.eventId])).get()
    : undefined;

  const prios = ctx.db
    .select()
    .from(priorities)
    .where(and(inArray(priorities.planId, [plan.id]), isNull(priorities.deletedAt)))
    .orderBy(asc(priorities.position), asc(priorities.id))
    .all();
  const actionRows = prios.length
    ? ctx.db
        .select({ id: actions.id, priorityId: actions.priorityId })
        .from(actions)
        .where(and(inArray(actions.priorityId, prios.map((p) => p.id)), isNull(actions.deletedAt)))
        .orderBy(asc(actions.position), asc(actions.id))
        .all()
    : [];
  const priorityOf = new Map(actionRows.map((a) => [a.id, a.priorityId]));

  const stones = actionRows.length
    ? ctx.db
        .select()
        .from(milestones)
        .where(and(inArray(milestones.actionId, actionRows.map((a) => a.id)), isNull(milestones.deletedAt)))
        .orderBy(asc(milestones.dueOn), asc(milestones.position), asc(milestones.id))
        .all()
    : [];
  const samePeriod = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB');
  const asOf = options.asOf ?? (periodLabel ? periodEnd(ctx, plan.id, periodLabel, stones.filter((m) => samePeriod(m.periodLabel, periodLabel))) : null) ?? today(ctx);
  const inScope = stones.filter((m) => (periodLabel ? samePeriod(m.periodLabel, periodLabel) : m.dueOn != null && m.dueOn <= asOf));
  const stateOf = (m: (typeof stones)[number]) => milestoneState(m, asOf);
  // Status and RAG as at the report date, from the one actionRag function (as every other surface).
  const summaries = actionSummaries(ctx, actionRows.map((a) => a.id), asOf);
  const actionRef = new Map([...summaries.values()].map((a) => [a.id, a.reference]));

  // The latest update of each action as at the report date; within a named period, that period's.
  const updates = actionRows.length
    ? (ctx.workbook.sqlite
        .prepare(
          `SELECT u.id, u.supersedes_id AS supersedesId, u.action_id AS actionId, u.reported_on AS reportedOn, u.period_label AS periodLabel, u.status, u.rag, u.highlights, u.issues, u.mitigation
           FROM progress_updates u JOIN actions a ON a.id = u.action_id JOIN priorities p ON p.id = a.priority_id
           WHERE p.plan_id = ? AND u.deleted_at IS NULL AND a.deleted_at IS NULL AND u.reported_on <= ?
           ORDER BY u.action_id, u.reported_on DESC, u.id DESC`,
        )
        .all(plan.id, asOf) as UpdateRow[])
    : [];
  // The words reported (highlights, issues): the latest update that counts, or within a named
  // period that period's. Status and RAG never come from here: they are actionRag's.
  const byAction = new Map<number, UpdateRow[]>();
  for (const u of updates) byAction.set(u.actionId, [...(byAction.get(u.actionId) ?? []), u]);
  const latest = new Map<number, UpdateRow>();
  for (const [actionId, list] of byAction) {
    const newest = latestUpdate(list, asOf);
    const gone = new Set(list.map((u) => u.supersedesId).filter((x) => x != null));
    const ofPeriod = periodLabel ? list.find((u) => !gone.has(u.id) && samePeriod(u.periodLabel, periodLabel)) : undefined;
    const chosen = ofPeriod ?? newest;
    if (chosen) latest.set(actionId, chosen);
  }
  const reported = (id: number): ReportedAction => {
    const a = summaries.get(id)!;
    const u = latest.get(id);
    return {
      ...a,
      statusAsOf: a.status,
      ragAsOf: a.rag,
      reportedOn: u?.reportedOn ?? null,
      highlights: u?.highlights ?? '',
      issues: u?.issues ?? '',
      mitigation: u?.mitigation ?? '',
    };
  };

  const scoped = new Set(inScope);
  const upcomingAll = stones
    .filter((m) => stateOf(m) !== 'achieved' && m.dueOn != null && m.dueOn > asOf && !scoped.has(m))
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  const first = upcomingAll[0];
  const upcomingPeriod = first?.periodLabel ? first.periodLabel : null;
  const upcoming = first
    ? upcomingAll.filter((m) => (upcomingPeriod ? m.periodLabel === upcomingPeriod : (m.dueOn ?? '') <= addMonths(first.dueOn!, 4)))
    : [];
  const asUpcoming = (m: (typeof stones)[number]): UpcomingMilestone => ({
    actionReference: actionRef.get(m.actionId) ?? '',
    title: m.title,
    dueOn: m.dueOn,
    periodLabel: m.periodLabel,
    status: stateOf(m) === 'overdue' ? 'Overdue' : label(stateOf(m)),
    state: stateOf(m),
  });

  const planIndicatorIds = reportedIndicatorIds(ctx, plan.id);
  return {
    area: areaModel(ctx),
    plan: {
      id: plan.id,
      title: plan.title,
      typeName: planType?.name ?? plan.type,
      typeShortName: planType?.shortName ?? plan.type,
      status: label(plan.status),
      eventTitle: event && !event.deletedAt ? event.title : null,
      reviewCadence: label(plan.reviewCadence),
      nextReviewOn: plan.nextReviewOn,
    },
    period: { label: periodLabel, asOf },
    milestones: milestoneCounts(inScope.map(stateOf)),
    otherMilestones: periodLabel
      ? null
      : { all: stones.length, dueLater: stones.filter((m) => m.dueOn != null && m.dueOn > asOf).length, undated: milestoneCounts(stones.filter((m) => m.dueOn == null).map(stateOf)) },
    knownPeriods: [...new Set(stones.map((m) => m.periodLabel.trim()).filter(Boolean))],
    priorities: prios.map((p) => {
      const mine = actionRows
        .filter((a) => a.priorityId === p.id)
        .map((a) => reported(a.id))
        .sort(byReference);
      return {
        reference: p.reference,
        title: p.title,
        description: p.description,
        milestones: milestoneCounts(inScope.filter((m) => priorityOf.get(m.actionId) === p.id).map(stateOf)),
        actionCount: mine.length,
        groups: GROUPS.map((g) => ({ key: g.key, heading: g.heading, actions: mine.filter((a) => g.statuses.includes(a.statusAsOf)) })).filter(
          (g) => g.actions.length > 0,
        ),
      };
    }),
    indicators: indicatorRows(ctx, asOf, planIndicatorIds ?? undefined),
    indicatorScope: planIndicatorIds ? 'plan' : 'all',
    nextSteps: {
      nextReviewOn: plan.nextReviewOn,
      upcoming: upcoming.map(asUpcoming),
      upcomingPeriod,
      carriedForward: inScope.filter((m) => stateOf(m) !== 'achieved').map(asUpcoming),
    },
    verdicts: planVerdicts(ctx, plan.id, asOf),
  };
}

/** Action statuses the report groups actions by (a test checks none is missing). */
export const GROUPED_STATUSES: readonly string[] = GROUPS.flatMap((g) => g.statuses);
