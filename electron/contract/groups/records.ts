/**
 * Channels for: correcting records and reading their history (issue #15) — verdicts entered for
 * every finding an event judged in one save, and history put into words. Pure TS + zod.
 */
import { z } from 'zod';
import { command, query, type ChannelDef } from '../define';
import { id, isoDate, narrative, paging, requiredText } from '../fields';
import { assessment } from '../schemas/inspection';
import { ENTITY_NAMES } from '../schemas/history';

export const verdictRow = z.strictObject({
  findingId: id('Finding'),
  result: requiredText('Verdict', 60),
  commentary: narrative('Commentary').default(''),
});

export const verdictsSave = z.strictObject({
  /** The revisit or monitoring inspection that gave the verdicts. */
  eventId: id('Inspection event'),
  assessedOn: isoDate('Date of the verdicts'),
  verdicts: z
    .array(verdictRow, { error: 'Give the verdicts as a list.' })
    .min(1, { error: 'Choose a verdict for at least one finding.' })
    .max(200, { error: 'At most 200 verdicts can be saved at once.' })
    .refine((rows) => new Set(rows.map((r) => r.findingId)).size === rows.length, { error: 'Each finding can have only one verdict from this event.' }),
});

export const verdictsSaved = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  assessments: z.array(assessment),
});

export const historyChangesInput = z.strictObject({
  entity: z.enum(ENTITY_NAMES, { error: 'Choose what kind of record to show the history of.' }).optional(),
  id: id('Record').optional(),
  /** Only changes by this person (as recorded against each change). */
  author: z.string().max(120, { error: 'The name to filter by is too long.' }).optional(),
  ...paging,
});

export const wordedLine = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() });
export const wordedChange = z.object({
  id: z.number().int(),
  at: z.string(),
  when: z.string(),
  author: z.string(),
  entity: z.string(),
  entityId: z.number().int(),
  kind: z.string(),
  record: z.string(),
  path: z.string().nullable(),
  operation: z.string(),
  headline: z.string(),
  lines: z.array(wordedLine),
});

export const historyChanges = z.object({
  items: z.array(wordedChange),
  /** Audit entries matching the filter (a change can group several). */
  total: z.number().int(),
  /** Everyone who has made a change, for the filter. */
  authors: z.array(z.string()),
});

export const recordChannels = {
  'assessment:saveMany': command(verdictsSave, verdictsSaved),
  'history:changes': query(historyChangesInput, historyChanges),
} as const satisfies Record<string, ChannelDef>;
