/** Channels for: the Excel action plan export and the lossless import of returns (issue #5). */
import { z } from 'zod';
import { command, query, type ChannelDef } from '../define';
import { id, optionalText } from '../fields';

/** The largest returned plan accepted, in bytes. */
export const MAX_RETURN_BYTES = 25 * 1024 * 1024;
/** That much file as base64 (4 characters per 3 bytes), plus a little slack. */
const MAX_BASE64 = Math.ceil((MAX_RETURN_BYTES * 4) / 3) + 16;

const fileBase64 = z
  .string({ error: 'Choose a file to import.' })
  .min(1, { error: 'Choose a file to import.' })
  .max(MAX_BASE64, { error: 'The file is larger than the 25 MB an action plan return can be. Remove pasted pictures or extra sheets and save it again.' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file did not arrive intact. Choose it again.' });

const fileName = optionalText('File name', 260).default('returned-plan.xlsx');

export const RESOLUTIONS = ['take_theirs', 'keep_mine', 'skip'] as const;

export const fileOutput = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() });

export const planPreviewInput = z.strictObject({
  base64: fileBase64,
  fileName,
  /** Who sent the file back ("BNSSG ICB"); updates are attributed to them. Defaults to each action's partner. */
  returnedBy: optionalText('Returned by', 120).default(''),
});

export const fieldChange = z.object({
  field: z.string(),
  label: z.string(),
  /** In the app now. */
  from: z.string(),
  /** In the returned file. */
  to: z.string(),
  /** The app also changed this since the file was exported: the user chooses. */
  conflict: z.boolean(),
});

export const previewRow = z.object({
  rowKey: z.string(),
  sheet: z.enum(['Plan', 'Milestones', 'Updates']),
  rowNumber: z.number().int(),
  kind: z.enum(['changed', 'new_milestone', 'new_update']),
  /** "Action 1.2: Train all EHC coordinators…" */
  title: z.string(),
  partner: z.string(),
  changes: z.array(fieldChange),
  conflict: z.boolean(),
  /** The dated progress update this row will add, in words, if any. */
  newUpdate: z.string().nullable(),
});

export const rejectedRow = z.object({
  sheet: z.enum(['Plan', 'Milestones', 'Updates']),
  rowNumber: z.number().int(),
  title: z.string(),
  reason: z.string(),
});

export const planPreview = z.object({
  fileName: z.string(),
  fileHash: z.string(),
  planId: z.number().int().nullable(),
  planTitle: z.string(),
  exportedOn: z.string().nullable(),
  rows: z.array(previewRow),
  rejected: z.array(rejectedRow),
  counts: z.object({
    rowsRead: z.number().int(),
    unchanged: z.number().int(),
    changed: z.number().int(),
    newMilestones: z.number().int(),
    newUpdates: z.number().int(),
    conflicts: z.number().int(),
    rejected: z.number().int(),
    alreadyPresent: z.number().int(),
  }),
  warnings: z.array(z.string()),
});

export const planApplyInput = z.strictObject({
  base64: fileBase64,
  fileName,
  returnedBy: optionalText('Returned by', 120).default(''),
  decisions: z
    .array(
      z.strictObject({
        rowKey: z.string().min(1).max(200),
        resolution: z.enum(RESOLUTIONS, { error: 'Choose keep mine, take theirs or skip for each row.' }),
      }),
    )
    .max(50_000)
    .default([]),
});

export const applySummary = z.object({
  actionsChanged: z.number().int(),
  milestonesChanged: z.number().int(),
  milestonesAdded: z.number().int(),
  updatesAdded: z.number().int(),
  fieldsChanged: z.number().int(),
  keptMine: z.number().int(),
  tookTheirs: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  alreadyPresent: z.number().int(),
  /** One sentence for the officer. */
  message: z.string(),
});

export const excelExportChannels = {
  'export:planXlsx': query(z.strictObject({ planId: id('Plan').optional() }), fileOutput),
  'import:planPreview': query(planPreviewInput, planPreview),
  // A command: it runs in one transaction and must be synchronous, so it applies from the parse
  // the preview kept (keyed by the file's hash); see electron/core/plan-returns/preview-cache.ts.
  'import:planApply': command(planApplyInput, applySummary, { backupFirst: 'before-import' }),
} as const satisfies Record<string, ChannelDef>;
