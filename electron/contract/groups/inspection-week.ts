/**
 * Channels for: Inspection week: timeline, information request, tracked children, case sampling,
 * inspectors' requests, daily summary and evidence pack (issue #8). Pure TS + zod (renderer-safe).
 */
import { z } from 'zod';
import { command, query, type ChannelDef } from '../define';
import { byId, choice, id, isoDate, narrative, optionalDate, optionalId, optionalText, requiredText } from '../fields';
import { recordMeta } from '../schemas/common';
import { deleted } from '../schemas/history';

export const INFO_REQUEST_STATUSES = ['not_started', 'in_progress', 'supplied', 'not_held'] as const;
export const SETTING_TYPES = ['mainstream', 'special', 'ap', 'post_16', 'out_of_area'] as const;
export const SEN_STATUSES = ['sen_support', 'ehc_plan'] as const;
export const CONSENT_STATUSES = ['not_asked', 'requested', 'given', 'refused'] as const;
export const INSPECTOR_REQUEST_STATUSES = ['open', 'in_progress', 'answered', 'withdrawn'] as const;

/** Words for the inspection-week codes (UK English), for the screen and the exports. */
export const WEEK_LABELS: Record<string, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  supplied: 'Supplied',
  not_held: 'Not held (explained to inspectors)',
  mainstream: 'Mainstream',
  special: 'Special school',
  ap: 'Alternative provision',
  post_16: 'Post-16',
  out_of_area: 'Out of area',
  sen_support: 'SEN support',
  ehc_plan: 'EHC plan',
  not_asked: 'Not asked yet',
  requested: 'Asked, awaiting reply',
  given: 'Given',
  refused: 'Refused',
  open: 'Open',
  answered: 'Answered',
  withdrawn: 'Withdrawn',
};

export function weekLabel(code: string | null | undefined): string {
  return code == null ? '' : (WEEK_LABELS[code] ?? code);
}

/** A time on a day in England, as typed: "2026-11-24T10:30" (local time, no zone). */
export const localDateTime = (what: string) =>
  z
    .string({ error: `${what} must be a date and time.` })
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: `${what} must be a date and time such as 24/11/2026 10:30.` })
    .refine((s) => isoDate(what).safeParse(s.slice(0, 10)).success, { error: `${what} is not a real date: check the day and month.` });

const eventId = id('Inspection event');
const evidenceRef = z.object({ id: z.number().int(), reference: z.string(), title: z.string(), containsPersonalData: z.boolean() });
const evidenceLinkInput = (what: string) => z.strictObject({ id: id(what), evidenceId: id('Evidence item') });
const forEvent = z.strictObject({ eventId });
const count = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .int({ error: `${what} must be a whole number.` })
    .min(0, { error: `${what} cannot be negative.` })
    .max(10_000, { error: `${what} is too large.` });

// ---------------------------------------------------------------------------------------------
// Timeline

export const TIMELINE_KEYS = [
  'notified',
  'information_request_due',
  'tracking_documents_due',
  'fieldwork_start',
  'onsite_start',
  'onsite_end',
  'final_feedback',
] as const;

export const timelineEntry = z.object({
  key: z.enum(TIMELINE_KEYS),
  label: z.string(),
  date: z.string().nullable(),
  /** Working days after notification (0 = the day of the call). */
  workingDay: z.number().int().nullable(),
  /** past · today · next (the first one still to come) · later · undated */
  state: z.enum(['past', 'today', 'next', 'later', 'undated']),
  /** Plain words about the date: how it was worked out, or why it moved. */
  note: z.string(),
});

export const timeline = z.object({
  eventId: z.number().int(),
  eventTitle: z.string(),
  frameworkName: z.string(),
  notifiedOn: z.string().nullable(),
  today: z.string(),
  entries: z.array(timelineEntry),
  /** "Working day 3 of 10 before inspectors arrive on site." */
  position: z.string(),
  next: timelineEntry.nullable(),
  warnings: z.array(z.string()),
});

export const notifyInput = z.strictObject({ eventId, notifiedOn: isoDate('Date notified') });

// ---------------------------------------------------------------------------------------------
// Information request

export const infoRequestCreate = z.strictObject({
  eventId,
  item: requiredText('Item requested', 2_000),
  category: optionalText('Category', 120).default(''),
  ownerPersonId: optionalId('Owner').default(null),
  dueOn: optionalDate('Due').default(null),
  status: choice(INFO_REQUEST_STATUSES, 'Status').default('not_started'),
  notes: narrative('Notes').default(''),
});
export const infoRequestUpdate = z.strictObject({
  id: id('Information request item'),
  expectedVersion: z.number().int().positive().optional(),
  item: requiredText('Item requested', 2_000).optional(),
  category: optionalText('Category', 120).optional(),
  ownerPersonId: optionalId('Owner').optional(),
  dueOn: optionalDate('Due').optional(),
  status: choice(INFO_REQUEST_STATUSES, 'Status').optional(),
  notes: narrative('Notes').optional(),
});
export const infoRequest = z.object({
  ...recordMeta,
  eventId: z.number().int(),
  item: z.string(),
  category: z.string(),
  ownerPersonId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** Set when the due date is not a working day. */
  dueNote: z.string().nullable(),
  status: z.enum(INFO_REQUEST_STATUSES),
  notes: z.string(),
  position: z.number().int(),
  evidence: z.array(evidenceRef),
});
export const infoRequestSeeded = z.object({ created: z.number().int(), skipped: z.number().int(), items: z.array(infoRequest) });

// ---------------------------------------------------------------------------------------------
// Tracked children (pseudonymised only)

export const trackedChildCreate = z.strictObject({
  eventId,
  pseudonym: requiredText('Pseudonym', 40),
  settingType: choice(SETTING_TYPES, 'Setting type'),
  senStatus: choice(SEN_STATUSES, 'SEN support or EHC plan'),
  consentStatus: choice(CONSENT_STATUSES, 'Consent').default('not_asked'),
  /** Defaults to today; documents are due 2 working days later. */
  selectedOn: optionalDate('Date selected').optional(),
  meetingOn: optionalDate('Tracking meeting').default(null),
  notes: narrative('Notes').default(''),
});
export const trackedChildUpdate = z.strictObject({
  id: id('Tracked child'),
  expectedVersion: z.number().int().positive().optional(),
  pseudonym: requiredText('Pseudonym', 40).optional(),
  settingType: choice(SETTING_TYPES, 'Setting type').optional(),
  senStatus: choice(SEN_STATUSES, 'SEN support or EHC plan').optional(),
  consentStatus: choice(CONSENT_STATUSES, 'Consent').optional(),
  selectedOn: optionalDate('Date selected').optional(),
  meetingOn: optionalDate('Tracking meeting').optional(),
  notes: narrative('Notes').optional(),
});
export const trackedChild = z.object({
  ...recordMeta,
  eventId: z.number().int(),
  pseudonym: z.string(),
  settingType: z.enum(SETTING_TYPES),
  senStatus: z.enum(SEN_STATUSES),
  consentStatus: z.enum(CONSENT_STATUSES),
  selectedOn: z.string().nullable(),
  documentsDueOn: z.string().nullable(),
  meetingOn: z.string().nullable(),
  notes: z.string(),
  evidence: z.array(evidenceRef),
  /** Dates that fall on a weekend or bank holiday, explained. */
  dateNotes: z.array(z.string()),
});
export const trackedChildSaved = z.object({ child: trackedChild, warnings: z.array(z.string()) });

// ---------------------------------------------------------------------------------------------
// Case sampling

export const caseThemeCreate = z.strictObject({
  eventId,
  theme: requiredText('Theme', 300),
  samplesRequested: count('Samples requested').default(0),
  samplesSupplied: count('Samples supplied').default(0),
  notes: narrative('Notes').default(''),
});
export const caseThemeUpdate = z.strictObject({
  id: id('Case sampling theme'),
  expectedVersion: z.number().int().positive().optional(),
  theme: requiredText('Theme', 300).optional(),
  samplesRequested: count('Samples requested').optional(),
  samplesSupplied: count('Samples supplied').optional(),
  notes: narrative('Notes').optional(),
});
export const caseTheme = z.object({
  ...recordMeta,
  eventId: z.number().int(),
  theme: z.string(),
  samplesRequested: z.number().int(),
  samplesSupplied: z.number().int(),
  notes: z.string(),
  /** "2 of 5 supplied; 3 still to send." */
  progress: z.string(),
});

// ---------------------------------------------------------------------------------------------
// Inspectors' ad hoc requests

export const inspectorRequestCreate = z.strictObject({
  eventId,
  /** Defaults to now. */
  receivedAt: localDateTime('Received').optional(),
  fromWhom: optionalText('From (inspector)', 120).default(''),
  request: requiredText('What was asked for', 4_000),
  dueAt: localDateTime('Due').nullable().default(null),
  ownerPersonId: optionalId('Owner').default(null),
  status: choice(INSPECTOR_REQUEST_STATUSES, 'Status').default('open'),
  response: narrative('Response').default(''),
});
export const inspectorRequestUpdate = z.strictObject({
  id: id('Inspector request'),
  expectedVersion: z.number().int().positive().optional(),
  receivedAt: localDateTime('Received').optional(),
  fromWhom: optionalText('From (inspector)', 120).optional(),
  request: requiredText('What was asked for', 4_000).optional(),
  dueAt: localDateTime('Due').nullable().optional(),
  ownerPersonId: optionalId('Owner').optional(),
  status: choice(INSPECTOR_REQUEST_STATUSES, 'Status').optional(),
  response: narrative('Response').optional(),
});
export const inspectorRequestAnswer = z.strictObject({
  id: id('Inspector request'),
  expectedVersion: z.number().int().positive().optional(),
  response: requiredText('Response', 200_000),
  evidenceIds: z.array(id('Evidence item')).max(200, { error: 'Attach at most 200 evidence items to one answer.' }).default([]),
});
export const inspectorRequest = z.object({
  ...recordMeta,
  eventId: z.number().int(),
  /** … in the order received, per inspection. */
  reference: z.string(),
  receivedAt: z.string(),
  fromWhom: z.string(),
  request: z.string(),
  dueAt: z.string().nullable(),
  ownerPersonId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(INSPECTOR_REQUEST_STATUSES),
  response: z.string(),
  answeredAt: z.string().nullable(),
  evidence: z.array(evidenceRef),
  dueNote: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------------
// Daily "outstanding" view and summary

export const URGENCIES = ['overdue', 'due_today', 'due_later', 'no_due_date'] as const;

export const outstandingInput = z.strictObject({ eventId, on: isoDate('Day').optional() });
export const outstanding = z.object({
  eventId: z.number().int(),
  eventTitle: z.string(),
  on: z.string(),
  position: z.string(),
  next: timelineEntry.nullable(),
  requests: z.array(inspectorRequest.extend({ urgency: z.enum(URGENCIES) })),
  answeredToday: z.array(inspectorRequest),
  infoRequests: z.array(infoRequest.extend({ urgency: z.enum(URGENCIES) })),
  trackedChildren: z.array(trackedChild.extend({ urgency: z.enum(URGENCIES) })),
  caseThemes: z.array(caseTheme),
  counts: z.object({ requestsOutstanding: z.number().int(), requestsOverdue: z.number().int(), answeredToday: z.number().int(), infoOutstanding: z.number().int() }),
});

export const binaryFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

// ---------------------------------------------------------------------------------------------
// Evidence pack

export const packInput = z.strictObject({
  forPublication: z.boolean({ error: 'Say whether the pack is for publication.' }).default(false),
});
export const packBuilt = binaryFile.extend({
  itemCount: z.number().int(),
  fileCount: z.number().int(),
  /** What publication mode left out, in words. */
  leftOut: z.array(z.string()),
});
export const packProgress = z.object({
  running: z.boolean(),
  stage: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});

export const inspectionWeekChannels = {
  'week:timeline': query(forEvent, timeline),
  'week:notify': command(notifyInput, timeline),
  'week:outstanding': query(outstandingInput, outstanding),
  'week:dailySummary': query(outstandingInput, binaryFile),

  'infoRequest:seed': command(forEvent, infoRequestSeeded),
  'infoRequest:list': query(forEvent, z.array(infoRequest)),
  'infoRequest:create': command(infoRequestCreate, infoRequest),
  'infoRequest:update': command(infoRequestUpdate, infoRequest),
  'infoRequest:delete': command(byId('Information request item'), deleted),
  'infoRequest:link': command(evidenceLinkInput('Information request item'), infoRequest),
  'infoRequest:unlink': command(evidenceLinkInput('Information request item'), infoRequest),

  'trackedChild:list': query(forEvent, z.array(trackedChild)),
  'trackedChild:create': command(trackedChildCreate, trackedChildSaved),
  'trackedChild:update': command(trackedChildUpdate, trackedChildSaved),
  'trackedChild:delete': command(byId('Tracked child'), deleted),
  'trackedChild:link': command(evidenceLinkInput('Tracked child'), trackedChild),
  'trackedChild:unlink': command(evidenceLinkInput('Tracked child'), trackedChild),

  'caseTheme:list': query(forEvent, z.array(caseTheme)),
  'caseTheme:create': command(caseThemeCreate, caseTheme),
  'caseTheme:update': command(caseThemeUpdate, caseTheme),
  'caseTheme:delete': command(byId('Case sampling theme'), deleted),

  'inspectorRequest:list': query(forEvent, z.array(inspectorRequest)),
  'inspectorRequest:create': command(inspectorRequestCreate, inspectorRequest),
  'inspectorRequest:update': command(inspectorRequestUpdate, inspectorRequest),
  'inspectorRequest:answer': command(inspectorRequestAnswer, inspectorRequest),
  'inspectorRequest:delete': command(byId('Inspector request'), deleted),
  'inspectorRequest:link': command(evidenceLinkInput('Inspector request'), inspectorRequest),
  'inspectorRequest:unlink': command(evidenceLinkInput('Inspector request'), inspectorRequest),

  'pack:build': query(packInput, packBuilt),
  'pack:progress': query(z.strictObject({}), packProgress),
} as const satisfies Record<string, ChannelDef>;
