/**
 * Channels for importing an existing action plan from a council's spreadsheet (issue #16, part 3):
 * a WSOA, accelerated progress plan or improvement plan kept in Excel (.xlsx) or as a CSV, in
 * whatever layout the council used.
 *
 * The wizard's steps, and the channel for each:
 * 1. The officer chooses the file; the page uploads it with file:uploadBegin / file:uploadChunk /
 *    file:uploadFinish (as the statistics import does) and gets an `uploadId`.
 * 2. `planSheet:sample` lists the sheets, finds the header row of the chosen sheet, shows its
 *    first rows and proposes a mapping (which column holds which field): the mapping remembered
 *    for a spreadsheet with the same headers if one was saved, otherwise one guessed from the
 *    header words. The officer may choose another sheet or header row and sample again.
 * 3. The officer corrects the mapping; `planSheet:preview` reads the whole sheet with it and says
 *    what would be created (priorities, actions, milestones, people, partners, progress updates),
 *    which rows would be skipped and why, which dates could not be read, and every status/RAG word
 *    found with what it maps to. Words the app does not know are listed for the officer to map
 *    (in `statusMap` / `ragMap`); nothing is ever guessed silently.
 * 4. `planSheet:apply` takes the same input (the server reads the file again: a client-side
 *    preview is never trusted), refuses while any word is unmapped, backs the workbook up, and
 *    writes everything in one transaction through the same services as the app's own forms
 *    (audited). A new plan can be undone by deleting it to the Bin (people and partners it added
 *    stay: they are records of their own).
 * 5. When the wizard is done (applied or abandoned), `file:uploadCancel` removes the uploaded copy.
 *
 * Apply reads an .xlsx from the reading kept by the last sample/preview of that upload (kept for an
 * hour, up to four files): an .xlsx cannot be read inside the apply transaction. If it is gone (the
 * app restarted), apply answers `conflict` asking for the preview again; a CSV is simply re-read.
 *
 * Conventions: columns are spreadsheet letters ("A", "B", … "AA"), also for a CSV (A is its first
 * column). Row numbers are the row numbers the officer sees in Excel (1 is the top row); for a CSV,
 * the record's number (1 is the first line). Dates cross as ISO `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { command, query, type ChannelDef } from '../define';
import { ACTION_STATUSES, MILESTONE_STATUSES, RAG_CODES } from '../enums';
import { id, isoDate, optionalDate, optionalText, requiredText } from '../fields';

/** Files larger than this are refused before they are read (a large plan is well under 2 MB). */
export const MAX_PLAN_SHEET_BYTES = 20 * 1024 * 1024;
/** Sheets with more rows than this are refused with a message (a plan has hundreds, not thousands). */
export const MAX_PLAN_SHEET_ROWS = 20_000;
/** How many rows after the header `planSheet:sample` returns. */
export const PLAN_SHEET_SAMPLE_ROWS = 15;

/**
 * The fields a column can be mapped to. Each has a home in the workbook's plan model:
 * - priorityReference, priorityTitle: the priority (area of weakness / workstream) the action is
 *   under. A priority can come from its own columns (carried down when the cell is blank or merged
 *   over several rows), or from a "priority header row" (a row with only a priority in it, or with
 *   text only in its first cell such as "Area 1 - Identifying needs").
 * - actionReference ("1.1"), what, how, lead, sro, partner, startsOn, dueOn, revisedDueOn,
 *   revisedDueReason, status, successMeasures, references: the action's own fields. A reference
 *   written at the start of the "what" text ("1.1 We will …") is used when no reference column is
 *   mapped. Lead and SRO are people, partner an organisation: names not yet in the workbook are
 *   created (listed in the preview).
 * - rag and progressNote ("Highlights & issues", "Progress update", "Commentary"): recorded as one
 *   progress update per action dated `reportedOn` (the RAG the spreadsheet gave, the note as its
 *   highlights), so the action's history says where it came from.
 * - milestones: either one cell holding several milestones (separated by new lines, bullets or
 *   semicolons), or rows of their own under an action (a row with a milestone but no action).
 *   milestoneDueOn: the due date column of milestone rows (on an action row with a cell list, the
 *   date applies to every milestone in the list).
 */
export const PLAN_SHEET_FIELDS = [
  'priorityReference',
  'priorityTitle',
  'actionReference',
  'what',
  'how',
  'lead',
  'sro',
  'partner',
  'startsOn',
  'dueOn',
  'revisedDueOn',
  'revisedDueReason',
  'status',
  'rag',
  'successMeasures',
  'references',
  'progressNote',
  'milestones',
  'milestoneDueOn',
] as const;
export type PlanSheetField = (typeof PLAN_SHEET_FIELDS)[number];

/** Words for each field, UK English, for the mapping step's drop-downs. */
export const PLAN_SHEET_FIELD_LABELS: Record<PlanSheetField, string> = {
  priorityReference: 'Priority reference',
  priorityTitle: 'Priority title',
  actionReference: 'Action reference',
  what: 'What we will do (action)',
  how: 'How we will do it',
  lead: 'Lead officer',
  sro: 'Senior responsible officer',
  partner: 'Partner organisation',
  startsOn: 'Start date',
  dueOn: 'Due date',
  revisedDueOn: 'Revised due date',
  revisedDueReason: 'Reason for the revised date',
  status: 'Status',
  rag: 'RAG rating',
  successMeasures: 'Success measures / impact',
  references: 'References (links to findings, reports)',
  progressNote: 'Progress update / highlights and issues',
  milestones: 'Milestones',
  milestoneDueOn: 'Milestone due date',
};

/** A spreadsheet column letter: A … ZZZ. */
export const sheetColumn = z
  .string({ error: 'A column must be given by its letter, such as C.' })
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => /^[A-Z]{1,3}$/.test(s), { error: 'A column must be given by its letter, such as C.' });

/**
 * Which column holds which field: `{ "actionReference": "A", "what": "B", "lead": "D", … }`.
 * Fields left out are not imported. Two fields may not share a column.
 */
export const planSheetMapping = z
  .partialRecord(z.enum(PLAN_SHEET_FIELDS, { error: `Map columns only to these fields: ${PLAN_SHEET_FIELDS.join(', ')}.` }), sheetColumn, {
    error: 'The mapping must say which column holds each field, such as { "what": "B" }.',
  })
  .superRefine((m, ctx) => {
    const byColumn = new Map<string, string>();
    for (const [field, column] of Object.entries(m)) {
      if (column === undefined) continue;
      const other = byColumn.get(column);
      if (other) ctx.addIssue({ code: 'custom', path: [field], message: `Column ${column} is mapped to both “${PLAN_SHEET_FIELD_LABELS[other as PlanSheetField]}” and “${PLAN_SHEET_FIELD_LABELS[field as PlanSheetField]}”. Choose one.` });
      byColumn.set(column, field);
    }
    if (!m.what) ctx.addIssue({ code: 'custom', path: ['what'], message: 'Choose the column that holds the actions (what we will do).' });
  });
export type PlanSheetMapping = z.output<typeof planSheetMapping>;

/** The key a status or RAG word is matched by: lower case, single spaces, no trailing full stop or colon. */
export function planSheetWordKey(word: string): string {
  return word
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[.!:;,]+$/, '');
}

const wordKey = z
  .string()
  .max(200, { error: 'A status word is too long: keep it under 200 characters.' })
  .transform(planSheetWordKey)
  .refine((s) => s.length > 0, { error: 'A status word cannot be empty.' });

/**
 * The officer's own meanings for status words, added to (and overriding) the default table:
 * `{ "progressing": "on_track", "closed": "complete" }`. Keys are matched without regard to case
 * or spacing. Values are action statuses.
 */
export const planSheetStatusMap = z
  .record(wordKey, z.enum(ACTION_STATUSES, { error: `A status word must map to one of: ${ACTION_STATUSES.join(', ')}.` }), { error: 'The status words must be a list of word → status.' })
  .default({});
/** The same for RAG words: `{ "g/a": "amber" }`; "none" records no RAG for that word. */
export const planSheetRagMap = z
  .record(wordKey, z.enum([...RAG_CODES, 'none'], { error: `A RAG word must map to one of: ${RAG_CODES.join(', ')}, none.` }), { error: 'The RAG words must be a list of word → RAG.' })
  .default({});

/** A chunked upload (file:uploadBegin/Chunk/Finish) the import reads in place. */
const uploadId = z.string({ error: 'Choose the file again.' }).regex(/^[0-9a-f-]{36}$/, { error: 'That upload is not known. Choose the file again.' });
const rowNumber = (what: string) =>
  z
    .number({ error: `${what} must be a row number.` })
    .int({ error: `${what} must be a whole row number.` })
    .min(1, { error: `${what} must be 1 or more.` })
    .max(MAX_PLAN_SHEET_ROWS, { error: `${what} must be at most ${MAX_PLAN_SHEET_ROWS.toLocaleString('en-GB')}.` });

export const planSheetSampleInput = z.strictObject({
  uploadId,
  /** The sheet to look at; the first sheet with data when left out. Ignored for a CSV. */
  sheet: optionalText('Sheet', 200).optional(),
  /** The header row chosen by the officer; detected when left out. */
  headerRow: rowNumber('Header row').optional(),
});

export const planSheetRemembered = z.object({
  mapping: z.partialRecord(z.enum(PLAN_SHEET_FIELDS), z.string()),
  statusMap: z.record(z.string(), z.enum(ACTION_STATUSES)),
  ragMap: z.record(z.string(), z.enum([...RAG_CODES, 'none'])),
  /** ISO timestamp of when it was saved. */
  savedAt: z.string(),
});

export const planSheetSample = z.object({
  fileName: z.string(),
  size: z.number().int(),
  format: z.enum(['xlsx', 'csv']),
  /** Every sheet (one, named after the file, for a CSV), with how many rows it has. */
  sheets: z.array(z.object({ name: z.string(), rowCount: z.number().int(), columnCount: z.number().int() })),
  /** The sheet sampled below. */
  sheet: z.string(),
  /** The header row (1-based), detected or as chosen; null when no row looked like headers. */
  headerRow: z.number().int().nullable(),
  /** The header row's cells, one per column up to the last used column (text '' for a blank one). */
  headerCells: z.array(z.object({ column: z.string(), text: z.string() })),
  /** Up to PLAN_SHEET_SAMPLE_ROWS rows after the header row (blank rows left out), cells as text, aligned with headerCells. */
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  /** Merged cell ranges in the sheet ("A4:A9"); a merged priority cell applies to every row it spans. */
  mergedRanges: z.array(z.string()),
  /** The mapping guessed from the header words. */
  guessedMapping: z.partialRecord(z.enum(PLAN_SHEET_FIELDS), z.string()),
  /** What was saved (rememberMapping) for a sheet with the same header cells, if anything. */
  remembered: planSheetRemembered.nullable(),
  /** The mapping to start from: the remembered one when there is one and its columns still exist, else the guessed one. */
  mapping: z.partialRecord(z.enum(PLAN_SHEET_FIELDS), z.string()),
  /** Things the officer should know, in plain English (for example, that no header row was found). */
  warnings: z.array(z.string()),
});

/** Where the imported priorities go: a new plan, or an existing one (priorities matched by reference). */
export const planSheetTarget = z.union(
  [
    z.strictObject({
      newPlan: z.strictObject({
        title: requiredText('Plan title'),
        /** A plan type id from reference:get planTypes (wsoa, app, pap, improvement). */
        type: requiredText('Plan type', 40).default('improvement'),
        startsOn: optionalDate('Start date').default(null),
        endsOn: optionalDate('End date').default(null),
      }),
    }),
    z.strictObject({ planId: id('Plan') }),
  ],
  { error: 'Say whether to make a new plan (give its title) or add to an existing plan.' },
);

export const planSheetPreviewInput = z.strictObject({
  uploadId,
  /** The sheet to import; the first sheet with data when left out. Ignored for a CSV. */
  sheet: optionalText('Sheet', 200).optional(),
  /** The header row (1-based); rows above it are ignored. */
  headerRow: rowNumber('Header row'),
  mapping: planSheetMapping,
  statusMap: planSheetStatusMap,
  ragMap: planSheetRagMap,
  target: planSheetTarget,
  /** The date the spreadsheet's RAG ratings and progress notes were written: the progress updates are dated it. Today when left out. */
  reportedOn: isoDate('Date of the progress shown in the spreadsheet').optional(),
});

export const planSheetApplyInput = planSheetPreviewInput.extend({
  /** Save this mapping and these words in the workbook for the next spreadsheet with the same headers. */
  rememberMapping: z.boolean({ error: 'Say whether to remember the mapping (true or false).' }).default(false),
});

/** A date cell as read: `approximate` when only a month or quarter was given (the last day is used). */
const dateNote = z.object({
  row: z.number().int(),
  field: z.enum(PLAN_SHEET_FIELDS),
  text: z.string(),
  /** The date used, or null when none could be read. */
  value: z.string().nullable(),
  /** unreadable: not a date; approximate: a month/quarter, last day used; no_date: 'ongoing', 'TBC' and the like. */
  problem: z.enum(['unreadable', 'approximate', 'no_date']),
  message: z.string(),
});

export const planSheetMilestone = z.object({
  row: z.number().int(),
  title: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(MILESTONE_STATUSES),
});

export const planSheetAction = z.object({
  /** The row the action comes from. */
  row: z.number().int(),
  reference: z.string(),
  /** True when the sheet gave no reference and one was made from the priority's (for example "2.3"). */
  referenceMade: z.boolean(),
  what: z.string(),
  how: z.string(),
  lead: z.string().nullable(),
  sro: z.string().nullable(),
  partner: z.string().nullable(),
  startsOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  revisedDueOn: z.string().nullable(),
  revisedDueReason: z.string(),
  /** The status the action gets (not_started when the sheet gives none). */
  status: z.enum(ACTION_STATUSES),
  /** The word in the sheet, as written ('' when blank). */
  statusWord: z.string(),
  rag: z.enum(RAG_CODES).nullable(),
  ragWord: z.string(),
  successMeasures: z.string(),
  references: z.string(),
  progressNote: z.string(),
  /** Whether a progress update (RAG and/or note) will be recorded for it. */
  progressUpdate: z.boolean(),
  milestones: z.array(planSheetMilestone),
  /** Notes on this action in plain English (extra names in the lead cell, a made-up reference…). */
  notes: z.array(z.string()),
});

export const planSheetPriority = z.object({
  /** The row the priority was first seen on. */
  row: z.number().int(),
  reference: z.string(),
  title: z.string(),
  /** Set when importing into an existing plan and a priority with this reference is already there. */
  existingPriorityId: z.number().int().nullable(),
  actions: z.array(planSheetAction),
});

export const planSheetPreview = z.object({
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number().int(),
  /** The plan: the title of the new plan, or of the existing one. */
  plan: z.object({ id: z.number().int().nullable(), title: z.string() }),
  priorities: z.array(planSheetPriority),
  /** Rows that will not be imported, with the reason in plain English. Blank rows are counted, not listed. */
  skipped: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  /** Names of people (lead, SRO) and partners not yet in the workbook, which will be created. */
  peopleToCreate: z.array(z.string()),
  partnersToCreate: z.array(z.string()),
  /**
   * Every distinct status and RAG word found, with what it maps to and where the mapping came from.
   * `mapsTo` null with `from: 'unknown'` means the officer must map it (statusMap / ragMap, using
   * `key`) before applying. A RAG word in the status column ("Green") is listed as field 'rag'.
   */
  words: z.array(
    z.object({
      field: z.enum(['status', 'rag']),
      word: z.string(),
      /** The key to use in statusMap / ragMap (lower case, single spaces). */
      key: z.string(),
      rows: z.array(z.number().int()),
      mapsTo: z.string().nullable(),
      from: z.enum(['default', 'yours', 'unknown']),
    }),
  ),
  /** The words still unmapped (a shortcut over `words`): apply refuses while any remain. */
  unknownWords: z.array(z.object({ field: z.enum(['status', 'rag']), word: z.string(), key: z.string(), rows: z.array(z.number().int()) })),
  /** Date cells that were not plain dates: unreadable, approximate (month or quarter) or 'ongoing'/'TBC'. */
  dates: z.array(dateNote),
  counts: z.object({
    rowsRead: z.number().int(),
    blankRows: z.number().int(),
    rowsSkipped: z.number().int(),
    priorities: z.number().int(),
    prioritiesExisting: z.number().int(),
    actions: z.number().int(),
    milestones: z.number().int(),
    progressUpdates: z.number().int(),
    people: z.number().int(),
    partners: z.number().int(),
  }),
  /** Things to check before importing, in plain English. */
  warnings: z.array(z.string()),
  /** False while unknown words remain or there is nothing to import; `blockers` says why. */
  canApply: z.boolean(),
  blockers: z.array(z.string()),
});

export const planSheetApplied = z.object({
  planId: z.number().int(),
  planTitle: z.string(),
  planCreated: z.boolean(),
  prioritiesCreated: z.number().int(),
  actionsCreated: z.number().int(),
  milestonesCreated: z.number().int(),
  progressUpdatesCreated: z.number().int(),
  peopleCreated: z.number().int(),
  partnersCreated: z.number().int(),
  rowsSkipped: z.number().int(),
  mappingRemembered: z.boolean(),
});

export type PlanSheetSampleInput = z.input<typeof planSheetSampleInput>;
export type PlanSheetSample = z.output<typeof planSheetSample>;
export type PlanSheetTarget = z.input<typeof planSheetTarget>;
export type PlanSheetPreviewInput = z.input<typeof planSheetPreviewInput>;
export type PlanSheetPreview = z.output<typeof planSheetPreview>;
export type PlanSheetPriority = z.output<typeof planSheetPriority>;
export type PlanSheetAction = z.output<typeof planSheetAction>;
export type PlanSheetMilestone = z.output<typeof planSheetMilestone>;
export type PlanSheetApplyInput = z.input<typeof planSheetApplyInput>;
export type PlanSheetApplied = z.output<typeof planSheetApplied>;

export const planSheetChannels = {
  /** Lists the sheets, finds the header row, shows the first rows and proposes a mapping. Writes nothing. */
  'planSheet:sample': query(planSheetSampleInput, planSheetSample),
  /** Reads the whole sheet with the mapping and says what would be created, skipped and not understood. Writes nothing. */
  'planSheet:preview': query(planSheetPreviewInput, planSheetPreview),
  /**
   * Reads the file again with the same input, backs the workbook up, then creates the plan (or adds
   * to the chosen one) in one audited transaction. Refused while status/RAG words are unmapped.
   * Preview first: the file's reading is kept from the preview (an .xlsx cannot be read inside the transaction).
   */
  'planSheet:apply': command(planSheetApplyInput, planSheetApplied, { backupFirst: 'before-import' }),
} as const satisfies Record<string, ChannelDef>;
