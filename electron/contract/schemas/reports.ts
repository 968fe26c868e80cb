import { z } from 'zod';
import { id, isoDate } from '../fields';

/** Counts with percentages that add up to 100 (largest remainder), as a person expects. */
export const countWithShare = z.object({ key: z.string(), label: z.string(), count: z.number().int(), percent: z.number().int() });

export const rollUp = z.object({
  total: z.number().int(),
  byStatus: z.array(countWithShare),
});

export const overviewInput = z.strictObject({
  planId: id('Plan').optional(),
  asOf: isoDate('As-of date').optional(),
});

export const overdueItem = z.object({
  kind: z.enum(['action', 'milestone']),
  id: z.number().int(),
  actionId: z.number().int(),
  reference: z.string(),
  title: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  ownerName: z.string().nullable(),
  priorityReference: z.string(),
  planId: z.number().int(),
});

export const indicatorStatus = z.object({
  indicatorId: z.number().int(),
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  polarity: z.string(),
  latestPeriod: z.string().nullable(),
  latestValue: z.number().nullable(),
  provisional: z.boolean(),
  target: z.number().nullable(),
  targetPeriod: z.string().nullable(),
  onTarget: z.boolean().nullable(),
  england: z.number().nullable(),
  region: z.number().nullable(),
  statisticalNeighbours: z.number().nullable(),
  previousValue: z.number().nullable(),
  /** "improving", "worsening", "no change" or "not enough data", in words for exports. */
  direction: z.enum(['improving', 'worsening', 'no_change', 'not_enough_data']),
  decimals: z.number().int(),
  previousPeriod: z.string().nullable(),
  /** Each comparator's own period: national and regional data lag local data. */
  englandPeriod: z.string().nullable(),
  regionPeriod: z.string().nullable(),
  statisticalNeighboursPeriod: z.string().nullable(),
  /** The latest local value is older than its period type allows: not judged against its target. */
  stale: z.boolean(),
  /** "52% in 2024 (provisional), up from 47% in 2023; below England (61%, 2023) …", from indicatorSentence. */
  sentence: z.string(),
  asOf: z.string(),
});

export const coverageRow = z.object({
  targetType: z.enum(['finding', 'sefSection']),
  targetId: z.number().int(),
  label: z.string(),
  total: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  byLevel: z.object({ activity: z.number().int(), output: z.number().int(), impact: z.number().int() }),
  voicePresent: z.boolean(),
  olderThanCutoff: z.number().int(),
  warnings: z.array(z.string()),
});

export const coverageInput = z.strictObject({
  scope: z.enum(['finding', 'sefSection'], { error: 'Choose findings or self-evaluation sections.' }),
  eventId: id('Inspection event').optional(),
  /** Only the findings this plan's priorities answer. */
  planId: id('Plan').optional(),
  sefId: id('Self-evaluation').optional(),
  /** Evidence effective before this date counts as stale. */
  staleBefore: isoDate('Stale before').optional(),
  /** Coverage as at this date (a self-evaluation's own as-of date by default). */
  asOf: isoDate('As-of date').optional(),
});

export const priorityRollUp = z.object({
  priorityId: z.number().int(),
  reference: z.string(),
  title: z.string(),
  milestones: rollUp,
  actions: rollUp,
  rag: z.array(countWithShare),
});

/** What a leader checks before a review or an inspection (issue #13). */
export const readiness = z.object({
  sef: z
    .object({
      id: z.number().int(),
      title: z.string(),
      asOf: z.string(),
      status: z.string(),
      sections: z.number().int(),
      sectionsWithWarnings: z.number().int(),
      warnings: z.array(z.string()),
    })
    .nullable(),
  /** Findings that need a plan and have no positive verdict yet, with their latest formal verdict. */
  findings: z.array(
    z.object({
      findingId: z.number().int(),
      eventId: z.number().int(),
      reference: z.string(),
      title: z.string(),
      eventTitle: z.string(),
      latestVerdict: z.object({ result: z.string(), label: z.string(), on: z.string(), eventTitle: z.string() }).nullable(),
    }),
  ),
  /** The headline of every revisit or monitoring event that gave verdicts, newest first. */
  verdicts: z.array(z.object({ eventId: z.number().int(), title: z.string(), sentence: z.string().nullable() })),
  nextReviewOn: z.string().nullable(),
  daysToNextReview: z.number().int().nullable(),
  inspectionWeek: z
    .object({
      eventId: z.number().int(),
      title: z.string(),
      notifiedOn: z.string().nullable(),
      onsiteStartOn: z.string().nullable(),
      onsiteEndOn: z.string().nullable(),
      position: z.string(),
    })
    .nullable(),
});

export const overview = z.object({
  plan: z
    .object({
      id: z.number().int(),
      title: z.string(),
      type: z.string(),
      status: z.string(),
      nextReviewOn: z.string().nullable(),
      /** The user chose this plan on the Overview (kept in the workbook), rather than the default. */
      chosenByUser: z.boolean().optional(),
    })
    .nullable(),
  asOf: z.string(),
  /** Milestones by effective state as at the date (achieved, partially achieved, not achieved, overdue, not yet due). */
  milestones: rollUp,
  milestoneWords: z.record(z.string(), z.string()).optional(),
  actions: rollUp,
  rag: z.array(countWithShare),
  /** Each action's RAG as the one actionRag function decides it, for the same date. */
  actionRags: z
    .array(z.object({ actionId: z.number().int(), reference: z.string(), rag: z.string(), ragSource: z.string(), ragReason: z.string(), status: z.string() }))
    .optional(),
  priorities: z.array(priorityRollUp),
  overdue: z.array(overdueItem),
  indicatorsOffTarget: z.array(indicatorStatus),
  readiness: readiness.optional(),
  counts: z.object({ evidence: z.number().int(), findings: z.number().int(), actions: z.number().int(), indicators: z.number().int() }),
});

/** The plan the Overview follows; null goes back to the default (the approved or published plan). */
export const overviewPlanChoice = z.strictObject({ planId: id('Plan').nullable() });
export const overviewPlanChosen = z.object({ planId: z.number().int().nullable() });

export const overdueInput = z.strictObject({ planId: id('Plan').optional(), asOf: isoDate('As-of date').optional() });
export const indicatorStatusInput = z.strictObject({
  onlyOffTarget: z.boolean().default(false),
  /** Only this indicator (its page). */
  indicatorId: id('Indicator').optional(),
  asOf: isoDate('As-of date').optional(),
});
