import { z } from 'zod';
import { ACTION_STATUSES, label, MILESTONE_STATUSES, PLAN_STATUSES, RAG_CODES, REVIEW_CADENCES } from '../enums';
import { choice, id, isoDate, narrative, optionalDate, optionalId, optionalText, paging, requiredText } from '../fields';
import { recordMeta, updateOf } from './common';
import { ACTION_DATE_RULES, checkDates, milestoneResultIssue, PLAN_DATE_RULES } from './date-rules';

const planFields = z.strictObject({
  type: requiredText('Plan type', 40),
  title: requiredText('Plan title'),
  status: choice(PLAN_STATUSES, 'Plan status').default('draft'),
  eventId: optionalId('Inspection event').default(null),
  approver: optionalText('Approver', 200).default(''),
  submittedOn: optionalDate('Date submitted').default(null),
  approvedOn: optionalDate('Date approved').default(null),
  publishedOn: optionalDate('Date published').default(null),
  startsOn: optionalDate('Start date').default(null),
  endsOn: optionalDate('End date').default(null),
  reviewCadence: choice(REVIEW_CADENCES, 'Review cadence').default('quarterly'),
  nextReviewOn: optionalDate('Next review').default(null),
});
export const planCreate = planFields.superRefine(checkDates(PLAN_DATE_RULES));
export const planUpdate = updateOf(planFields, 'plan').superRefine(checkDates(PLAN_DATE_RULES));
export const plan = z.object({
  ...recordMeta,
  type: z.string(),
  title: z.string(),
  status: z.string(),
  eventId: z.number().int().nullable(),
  approver: z.string(),
  submittedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  reviewCadence: z.string(),
  nextReviewOn: z.string().nullable(),
});
export const planList = z.strictObject({ status: choice(PLAN_STATUSES, 'Plan status').optional(), ...paging });

export const priorityCreate = z.strictObject({
  planId: id('Plan'),
  reference: requiredText('Priority reference', 30),
  title: requiredText('Priority title'),
  description: narrative('Description').default(''),
  leadPersonId: optionalId('Lead').default(null),
  position: z.number().int().min(0).max(100_000).optional(),
  findingIds: z.array(id('Finding')).max(50).default([]),
});
export const priorityUpdate = updateOf(priorityCreate.omit({ planId: true }), 'priority');
export const priority = z.object({
  ...recordMeta,
  planId: z.number().int(),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  leadPersonId: z.number().int().nullable(),
  position: z.number().int(),
  findingIds: z.array(z.number().int()),
});
export const priorityList = z.strictObject({ planId: id('Plan').optional(), ...paging });

const actionFields = z.strictObject({
  priorityId: id('Priority'),
  reference: requiredText('Action reference', 30),
  what: requiredText('What we will do', 4_000),
  how: narrative('How we will do it').default(''),
  leadPersonId: optionalId('Lead officer').default(null),
  sroPersonId: optionalId('Senior responsible officer').default(null),
  partnerId: optionalId('Partner').default(null),
  startsOn: optionalDate('Start date').default(null),
  dueOn: optionalDate('Due date').default(null),
  revisedDueOn: optionalDate('Revised due date').default(null),
  revisedDueReason: optionalText('Reason for the revised date', 2_000).default(''),
  status: choice(ACTION_STATUSES, 'Status').default('not_started'),
  successMeasures: narrative('Success measures').default(''),
  referencesText: optionalText('References', 2_000).default(''),
  ragOverride: choice(RAG_CODES, 'RAG').nullable().default(null),
  ragOverrideReason: optionalText('Reason for overriding the RAG', 2_000).default(''),
  position: z.number().int().min(0).max(100_000).optional(),
});
export const actionCreate = actionFields.superRefine(checkDates(ACTION_DATE_RULES));
export const actionUpdate = updateOf(actionFields.omit({ priorityId: true }), 'action').superRefine(checkDates(ACTION_DATE_RULES));
export const action = z.object({
  ...recordMeta,
  priorityId: z.number().int(),
  planId: z.number().int(),
  priorityReference: z.string(),
  reference: z.string(),
  what: z.string(),
  how: z.string(),
  leadPersonId: z.number().int().nullable(),
  sroPersonId: z.number().int().nullable(),
  partnerId: z.number().int().nullable(),
  leadName: z.string().nullable(),
  sroName: z.string().nullable(),
  partnerName: z.string().nullable(),
  startsOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  revisedDueOn: z.string().nullable(),
  revisedDueReason: z.string(),
  status: z.string(),
  successMeasures: z.string(),
  referencesText: z.string(),
  ragOverride: z.string().nullable(),
  ragOverrideReason: z.string(),
  position: z.number().int(),
  /** RAG worked out from milestones and dates. */
  ragDerived: z.enum(RAG_CODES),
  /** Why the derived RAG is what it is, in words. */
  ragDerivedReason: z.string(),
  /** The RAG shown, decided by actionRag: an override with a reason, else the latest update's RAG, else the derived one. */
  rag: z.enum(RAG_CODES),
  /** Which of the three the RAG came from. */
  ragSource: z.enum(['override', 'update', 'derived']),
  /** Why the RAG shown is what it is, in words. */
  ragReason: z.string(),
  /** Which source won and why, in words. */
  ragSourceWords: z.string(),
  /** The status as at the date the view was made for (today unless a report asked for another). */
  statusAsOf: z.string(),
  asOf: z.string(),
});
export const actionList = z.strictObject({
  priorityId: id('Priority').optional(),
  planId: id('Plan').optional(),
  leadPersonId: id('Lead officer').optional(),
  status: choice(ACTION_STATUSES, 'Status').optional(),
  ...paging,
});

const milestoneFields = z.strictObject({
  actionId: id('Action'),
  title: requiredText('Milestone', 2_000),
  dueOn: optionalDate('Due date').default(null),
  periodLabel: optionalText('Period', 60).default(''),
  status: choice(MILESTONE_STATUSES, 'Milestone status').default('not_yet_due'),
  achievedOn: optionalDate('Date achieved').default(null),
  position: z.number().int().min(0).max(100_000).optional(),
});
const milestoneRules = checkDates([], (v) => milestoneResultIssue(v, label));
export const milestoneCreate = milestoneFields.superRefine(milestoneRules);
export const milestoneUpdate = updateOf(milestoneFields.omit({ actionId: true }), 'milestone').superRefine(milestoneRules);
export const milestone = z.object({
  ...recordMeta,
  actionId: z.number().int(),
  title: z.string(),
  dueOn: z.string().nullable(),
  periodLabel: z.string(),
  status: z.string(),
  achievedOn: z.string().nullable(),
  position: z.number().int(),
  /** Effective state today (milestoneState): the recorded result, or overdue / not yet due from the dates. */
  state: z.enum(['achieved', 'partially_achieved', 'not_achieved', 'overdue', 'not_yet_due']).optional(),
});
export const milestoneList = z.strictObject({
  actionId: id('Action').optional(),
  status: choice(MILESTONE_STATUSES, 'Milestone status').optional(),
  ...paging,
});

export const progressCreate = z.strictObject({
  actionId: id('Action'),
  milestoneId: optionalId('Milestone').default(null),
  reportedOn: isoDate('Date of the update'),
  periodLabel: optionalText('Reporting period', 60).default(''),
  status: choice(ACTION_STATUSES, 'Status'),
  rag: choice(RAG_CODES, 'RAG').nullable().default(null),
  highlights: narrative('Highlights').default(''),
  issues: narrative('Issues').default(''),
  mitigation: narrative('Mitigation').default(''),
  author: optionalText('Author', 120).optional(),
  /** The update this one corrects: the old one stays in history, marked superseded. */
  supersedesId: optionalId('Update being corrected').optional(),
});
export const progressUpdate = z.object({
  ...recordMeta,
  actionId: z.number().int(),
  milestoneId: z.number().int().nullable(),
  reportedOn: z.string(),
  periodLabel: z.string(),
  status: z.string(),
  rag: z.string().nullable(),
  highlights: z.string(),
  issues: z.string(),
  mitigation: z.string(),
  author: z.string(),
  source: z.string(),
  supersedesId: z.number().int().nullable(),
  /** The correction that replaced this update, if any: it then no longer counts. */
  supersededById: z.number().int().nullable(),
});
export const progressList = z.strictObject({ actionId: id('Action'), ...paging });

/** A key indicator a plan tracks (issue #17): the plan's progress report and KPIs sheet show these. */
export const planIndicatorLink = z.strictObject({ planId: id('Plan'), indicatorId: id('Indicator') });
export const planIndicator = z.object({ planId: z.number().int(), indicatorId: z.number().int() });
/** The indicators a plan tracks, or the plans that track an indicator (records in the Bin left out). */
export const planIndicatorsQuery = z.union([z.strictObject({ planId: id('Plan') }), z.strictObject({ indicatorId: id('Indicator') })]);
