/**
 * Channels for: checking a workbook, its whole-workbook JSON export, and importing one file of a
 * folder as a new evidence item (issue #12). Every transport reaches these through dispatch; the
 * command line was the first to need them, instead of calling the services behind them directly.
 */
import { z } from 'zod';
import { command, query, type ChannelDef } from '../define';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS } from '../enums';
import { choice, optionalText, requiredText } from '../fields';
import { MAX_SINGLE_ATTACH_BYTES } from './files';
import { auditChainStatus } from './safety';
import { exportedFile } from './word-exports';

export const checkReport = z.object({
  file: z.string(),
  ok: z.boolean(),
  schemaVersion: z.number().int(),
  /** The schema version this app uses; a lower schemaVersion is updated (after a backup) on next open. */
  appSchemaVersion: z.number().int(),
  integrity: z.string(),
  foreignKeyProblems: z.number().int(),
  auditChain: auditChainStatus,
  counts: z.array(z.object({ entity: z.string(), live: z.number().int(), inBin: z.number().int() })),
  problems: z.array(z.string()),
});

export const importFileInput = z
  .strictObject({
    /** Where the file sits in the chosen folder, e.g. "Board papers/2023-01 Cabinet.pdf": the title comes from it. */
    relativePath: requiredText('File name', 1_000),
    /** The chosen folder's name, recorded in the evidence item's location. */
    folderName: optionalText('Folder', 260).default(''),
    kind: choice(EVIDENCE_KINDS, 'Kind of evidence').optional(),
    level: choice(EVIDENCE_LEVELS, 'Level').optional(),
    /** A small file's bytes... */
    base64: z
      .string({ error: 'The file is missing.' })
      .max(Math.ceil(MAX_SINGLE_ATTACH_BYTES / 3) * 4 + 4, { error: 'The file is too large to send in one piece.' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file was not sent in the expected form.' })
      .optional(),
    /** ...or a larger one sent first through file:uploadBegin / file:uploadChunk. */
    uploadId: z
      .string()
      .regex(/^[0-9a-f-]{36}$/, { error: 'That upload is not known. Start again.' })
      .optional(),
  })
  .refine((v) => (v.base64 === undefined) !== (v.uploadId === undefined), { error: 'Send the file either in one piece or as an upload, not both.' });

export const importFileOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('imported'), evidenceId: z.number().int(), reference: z.string(), notice: z.string().nullable(), size: z.number().int() }),
  z.object({ outcome: z.literal('duplicate'), existingReference: z.string(), existingFileName: z.string() }),
  z.object({ outcome: z.literal('refused'), reason: z.string() }),
]);

export const workbookToolChannels = {
  /** Integrity, schema version, history chain and counts. A workbook opened as it is is never updated by it. */
  'workbook:check': query(
    z.strictObject({
      /** Check every page and index (integrity_check) and re-verify the whole history, ignoring checkpoints (`check --full`). */
      full: z.boolean({ error: 'Full must be true or false.' }).optional(),
    }),
    checkReport,
  ),
  /** The whole workbook as versioned JSON (the same file `workbook import-json` reads). */
  'workbook:exportJson': query(z.strictObject({}), exportedFile),
  /** One file as a new evidence item with the file attached, or why not (a duplicate, a refused type). */
  'evidence:importFile': command(importFileInput, importFileOutcome),
} as const satisfies Record<string, ChannelDef>;
