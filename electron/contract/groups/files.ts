/**
 * Channels for: evidence files stored inside the workbook, and search across everything (issue #6).
 * Uploads are bytes (base64), never paths: small files in one 'file:attach', larger ones through
 * 'file:uploadBegin' / 'file:uploadChunk' / 'file:uploadFinish'.
 */
import { z } from 'zod';
import { command, query, type ChannelDef } from '../define';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS } from '../enums';
import { choice, id, isoDate, optionalText, requiredText } from '../fields';
import { linkTarget } from '../schemas/evidence';
import { deleted } from '../schemas/history';

/** What search covers, in the order the results page lists its filters. */
export const SEARCH_TYPES = [
  'evidence',
  'evidenceFile',
  'finding',
  'priority',
  'action',
  'milestone',
  'progress',
  'section',
  'indicator',
  'person',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  evidence: 'Evidence items',
  evidenceFile: 'Files',
  finding: 'Findings',
  priority: 'Priorities',
  action: 'Actions',
  milestone: 'Milestones',
  progress: 'Progress updates',
  section: 'Self-evaluation sections',
  indicator: 'Indicators',
  person: 'People',
};

/** Screens a result opens on. */
export const SEARCH_DESTINATIONS = ['evidence', 'finding', 'priority', 'action', 'section', 'indicator', 'person'] as const;

/** One stored file is at most this big (the limit officers are told about). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Largest piece of a chunked upload, before base64. */
export const MAX_UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** Largest file sent in one 'file:attach' call, before base64. */
export const MAX_SINGLE_ATTACH_BYTES = 8 * 1024 * 1024;

const base64 = (what: string, maxBytes: number) =>
  z
    .string({ error: `${what} is missing.` })
    .max(Math.ceil(maxBytes / 3) * 4 + 4, { error: `${what} is too large to send in one piece.` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: `${what} was not sent in the expected form.` });

const fileName = requiredText('File name', 1_000);

export const searchInput = z.strictObject({
  q: optionalText('Search', 500),
  types: z.array(choice(SEARCH_TYPES, 'What to search')).max(SEARCH_TYPES.length).optional(),
  kind: choice(EVIDENCE_KINDS, 'Kind of evidence').optional(),
  level: choice(EVIDENCE_LEVELS, 'Level').optional(),
  from: isoDate('From').optional(),
  to: isoDate('To').optional(),
  linkedTo: linkTarget.optional(),
  limit: z.number().int().min(1, { error: 'Ask for at least one result.' }).max(200, { error: 'Ask for at most 200 results at a time.' }).default(20),
});

/** A run of text; `hit` marks the words that matched, for the renderer to show in <mark>. */
export const textPart = z.object({ text: z.string(), hit: z.boolean() });
export type TextPart = z.output<typeof textPart>;

export const searchResult = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.number().int(),
  title: z.array(textPart),
  snippet: z.array(textPart),
  /** Where it sits, in words: "E-012 · Board paper · Impact", "Action 1.1 · WSOA 2019". */
  context: z.string(),
  /** The record whose screen shows this result (a file opens its evidence item). */
  openAt: z.object({ type: z.enum(SEARCH_DESTINATIONS), id: z.number().int() }),
  /** The date the date filter uses (ISO), if the record has one. */
  date: z.string().nullable(),
});
export type SearchResult = z.output<typeof searchResult>;

export const searchOutput = z.object({
  results: z.array(searchResult),
  /** Matches per type before the type filter (for the filter chips), and their sum. */
  counts: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  /** True when there are more matches than were counted (`total` is then a lower bound). */
  moreThanTotal: z.boolean(),
  /** Set when the query was too short or had no words to search for. */
  notice: z.string().nullable(),
});
export type SearchOutput = z.output<typeof searchOutput>;

export const evidenceFile = z.object({
  id: z.number().int(),
  evidenceId: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  /** In words: "PDF document", "Word document". */
  typeLabel: z.string(),
  addedOn: z.string(),
  sha256: z.string(),
  /** pending | extracted | no_text | failed */
  textStatus: z.string(),
  textNote: z.string(),
});
export type EvidenceFileView = z.output<typeof evidenceFile>;

export const attachResult = z.object({
  file: evidenceFile,
  /** True when the same content was already stored (it is kept once). */
  alreadyStored: z.boolean(),
  /** True when this evidence item already had this file: nothing was added. */
  alreadyAttached: z.boolean(),
  /** Something worth telling the officer, e.g. that the name did not match the content. */
  notice: z.string().nullable(),
});
export type AttachResult = z.output<typeof attachResult>;

export const fileChannels = {
  'search:query': query(searchInput, searchOutput),

  'file:list': query(z.strictObject({ evidenceId: id('Evidence item') }), z.array(evidenceFile)),
  'file:attach': command(
    z.strictObject({ evidenceId: id('Evidence item'), fileName, base64: base64('The file', MAX_SINGLE_ATTACH_BYTES) }),
    attachResult,
  ),
  'file:uploadBegin': command(
    z.strictObject({
      fileName,
      size: z.number({ error: 'The file size is missing.' }).int().min(0, { error: 'The file size is missing.' }),
    }),
    z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
  ),
  'file:uploadChunk': command(
    z.strictObject({
      uploadId: z.string().regex(/^[0-9a-f-]{36}$/, { error: 'That upload is not known. Start again.' }),
      seq: z.number().int().min(0),
      base64: base64('This part of the file', MAX_UPLOAD_CHUNK_BYTES),
    }),
    z.object({ received: z.number().int() }),
  ),
  'file:uploadFinish': command(
    z.strictObject({
      uploadId: z.string().regex(/^[0-9a-f-]{36}$/, { error: 'That upload is not known. Start again.' }),
      evidenceId: id('Evidence item'),
    }),
    attachResult,
  ),
  'file:uploadCancel': command(z.strictObject({ uploadId: z.string().max(64) }), z.object({ ok: z.literal(true) })),
  /** The file's bytes, for "Save as" and opening in browser mode (where the main process cannot). */
  'file:get': query(
    z.strictObject({ id: id('File') }),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), size: z.number().int() }),
  ),
  'file:delete': command(z.strictObject({ id: id('File') }), deleted),
  /**
   * Reads text from files still waiting (e.g. after the app closed mid-way) and stores it for
   * search, then says how many remain. It writes, so it is a command (refused on a read-only
   * workbook); each file's text is stored in its own statement as it is read (writesInSteps).
   */
  'file:processText': command(z.strictObject({}), z.object({ processed: z.number().int(), pending: z.number().int() }), { writesInSteps: true }),
} as const satisfies Record<string, ChannelDef>;
