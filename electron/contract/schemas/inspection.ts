import { z } from 'zod';
import { EVENT_KINDS } from '../enums';
import { choice, id, isoDate, narrative, optionalDate, optionalText, paging, requiredText } from '../fields';
import { recordMeta, updateOf } from './common';
import { checkDates, EVENT_DATE_RULES } from './date-rules';

const eventFields = z.strictObject({
  kind: choice(EVENT_KINDS, 'Type of event'),
  frameworkId: requiredText('Framework', 40),
  title: requiredText('Title'),
  notifiedOn: optionalDate('Date notified').default(null),
  fieldworkStartOn: optionalDate('Fieldwork start').default(null),
  onsiteStartOn: optionalDate('On-site start').default(null),
  onsiteEndOn: optionalDate('On-site end').default(null),
  publishedOn: optionalDate('Report published').default(null),
  leadInspector: optionalText('Lead inspector', 120).default(''),
  outcome: z.string().max(60).nullable().default(null),
  summary: narrative('Summary').default(''),
});
export const eventCreate = eventFields.superRefine(checkDates(EVENT_DATE_RULES));
export const eventUpdate = updateOf(eventFields, 'inspection event').superRefine(checkDates(EVENT_DATE_RULES));
export const inspectionEvent = z.object({
  ...recordMeta,
  kind: z.string(),
  frameworkId: z.string(),
  title: z.string(),
  notifiedOn: z.string().nullable(),
  fieldworkStartOn: z.string().nullable(),
  onsiteStartOn: z.string().nullable(),
  onsiteEndOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  leadInspector: z.string(),
  outcome: z.string().nullable(),
  summary: z.string(),
  findingCount: z.number().int(),
  /** Verdicts given at this event (a revisit or monitoring inspection judges earlier findings); always sent by the app. */
  verdicts: z.object({
    counts: z.array(z.object({ result: z.string(), label: z.string(), count: z.number().int() })),
    total: z.number().int(),
    positive: z.number().int(),
    negative: z.number().int(),
    commentary: z.number().int(),
    noVerdict: z.number().int(),
    negativeReferences: z.array(z.string()),
    noVerdictReferences: z.array(z.string()),
    /** "Sufficient progress on 4 of 5 significant areas of weakness; not on 1: SW5", or null with no verdicts. */
    sentence: z.string().nullable(),
  }).optional(),
});
export const eventList = z.strictObject({ kind: choice(EVENT_KINDS, 'Type of event').optional(), ...paging });

export const findingCreate = z.strictObject({
  eventId: id('Inspection event'),
  type: requiredText('Finding type', 60),
  reference: optionalText('Reference', 30).default(''),
  title: requiredText('Short title'),
  text: narrative('Verbatim text').default(''),
  position: z.number().int().min(0).max(100_000).optional(),
  partnerIds: z.array(id('Partner')).max(20).default([]),
});
export const findingUpdate = updateOf(findingCreate.omit({ eventId: true }), 'finding');
export const finding = z.object({
  ...recordMeta,
  eventId: z.number().int(),
  type: z.string(),
  reference: z.string(),
  title: z.string(),
  text: z.string(),
  position: z.number().int(),
  partnerIds: z.array(z.number().int()),
  latestAssessment: z.object({ result: z.string(), assessedOn: z.string(), eventId: z.number().int().nullable() }).nullable(),
});
export const findingList = z.strictObject({
  eventId: id('Inspection event').optional(),
  type: z.string().max(60).optional(),
  ...paging,
});

export const assessmentCreate = z.strictObject({
  findingId: id('Finding'),
  eventId: id('Inspection event').nullable().default(null),
  result: requiredText('Result', 60),
  commentary: narrative('Commentary').default(''),
  assessedOn: isoDate('Date assessed'),
});
export const assessmentUpdate = updateOf(assessmentCreate.omit({ findingId: true }), 'assessment');
export const assessment = z.object({
  ...recordMeta,
  findingId: z.number().int(),
  eventId: z.number().int().nullable(),
  result: z.string(),
  commentary: z.string(),
  assessedOn: z.string(),
});
export const assessmentList = z.strictObject({ findingId: id('Finding'), ...paging });
