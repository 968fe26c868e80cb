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
});

export const priorityRollUp = z.object({
  priorityId: z.number().int(),
  reference: z.string(),
  title: z.string(),
  milestones: rollUp,
  actions: rollUp,
  rag: z.array(countWithShare),
});

export const overview = z.object({
  plan: z.object({ id: z.number().int(), title: z.string(), type: z.string(), status: z.string(), nextReviewOn: z.string().nullable() }).nullable(),
  asOf: z.string(),
  milestones: rollUp,
  actions: rollUp,
  rag: z.array(countWithShare),
  priorities: z.array(priorityRollUp),
  overdue: z.array(overdueItem),
  indicatorsOffTarget: z.array(indicatorStatus),
  counts: z.object({ evidence: z.number().int(), findings: z.number().int(), actions: z.number().int(), indicators: z.number().int() }),
});

export const overdueInput = z.strictObject({ planId: id('Plan').optional(), asOf: isoDate('As-of date').optional() });
export const indicatorStatusInput = z.strictObject({ onlyOffTarget: z.boolean().default(false) });
