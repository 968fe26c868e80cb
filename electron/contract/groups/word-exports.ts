/** Channels for: Word exports: the self-evaluation and the progress report (issue #4). */
import { z } from 'zod';
import { query, type ChannelDef } from '../define';
import { id, isoDate, optionalText } from '../fields';

/** A file built for the officer to save (binary payloads cross the contract as base64). */
export const exportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});

export const sefDocxInput = z.strictObject({
  /** The newest self-evaluation when not given. */
  sefId: id('Self-evaluation').optional(),
  /** Leave out evidence flagged as containing personal data. */
  publication: z.boolean({ error: 'Say whether this version is for publication.' }).default(false),
  includeDrafts: z.boolean({ error: 'Say whether to include draft sections.' }).default(false),
});

export const progressDocxInput = z.strictObject({
  /** The current plan when not given. */
  planId: id('Plan').optional(),
  /** e.g. "November 2020"; without it, the milestones due by the as-of date. */
  periodLabel: optionalText('Reporting period', 60).optional(),
  asOf: isoDate('Report date').optional(),
});

/** What went into the self-evaluation document, for the officer (and the command line) to be told. */
export const sefDocxSummary = z.object({
  title: z.string(),
  asOf: z.string(),
  sectionsIncluded: z.number().int(),
  sectionsTotal: z.number().int(),
  evidenceInIndex: z.number().int(),
  draftSectionsLeftOut: z.number().int(),
  /** Evidence left out because it contains personal data (publication only). */
  evidenceWithheld: z.number().int(),
  publication: z.boolean(),
});

/** What went into the progress report: its title, milestone counts in words, and what to try when it is empty. */
export const progressDocxSummary = z.object({
  planId: z.number().int(),
  title: z.string(),
  milestonesTotal: z.number().int(),
  /** "3 (50%) largely achieved", … */
  milestoneSentences: z.array(z.string()),
  periodLabel: z.string().nullable(),
  /** Reporting periods that do have milestones in this plan. */
  knownPeriods: z.array(z.string()),
});

// Query channels: building a document reads the workbook and never changes it.
export const wordExportChannels = {
  'export:sefDocx': query(sefDocxInput, exportedFile.extend({ summary: sefDocxSummary })),
  'export:progressDocx': query(progressDocxInput, exportedFile.extend({ summary: progressDocxSummary })),
} as const satisfies Record<string, ChannelDef>;
