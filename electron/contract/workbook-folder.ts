/**
 * Browser mode's Welcome screen (issue #16): new and open, limited to the one folder named when
 * the server started (`serve --folder DIR`). The page only ever sends a file NAME; the server
 * checks it with `workbookFileName` and resolves it inside that folder. These are not contract
 * channels (no workbook needs to be open), but they are declared the same way: zod in, zod out.
 */
import { z } from 'zod';
import { optionalText, requiredText } from './fields';

export const WORKBOOK_EXTENSION = '.workbook';

/** A plain file name: letters, digits, spaces and . _ ( ) -; no folders, no leading dot; ".workbook" added if missing. */
export const workbookFileName = z
  .string({ error: 'Enter a file name for the workbook.' })
  .trim()
  .min(1, { error: 'Enter a file name for the workbook, for example bristol-send.' })
  .max(120, { error: 'Keep the file name under 120 characters.' })
  .refine((s) => !/[\\/]/.test(s), { error: 'Enter a file name only, without a folder: the workbook is kept in the folder the server was started with.' })
  .refine((s) => /^[A-Za-z0-9][A-Za-z0-9 _.()'-]*$/.test(s), {
    error: 'Use only letters, digits, spaces and . _ ( ) - in the file name, starting with a letter or digit.',
  })
  .refine((s) => !s.includes('..'), { error: 'The file name cannot contain “..”.' })
  .transform((s) => (s.toLowerCase().endsWith(WORKBOOK_EXTENSION) ? s : `${s}${WORKBOOK_EXTENSION}`));

export const folderEntry = z.object({ fileName: z.string(), size: z.number().int(), modifiedAt: z.string() });

export const folderOps = {
  'folder:list': {
    input: z.strictObject({}),
    output: z.object({
      folderName: z.string(),
      workbooks: z.array(folderEntry),
      /** The workbook open now, if any. */
      current: z.string().nullable(),
      frameworks: z.array(z.object({ id: z.string(), name: z.string() })),
      /** A name suggested for a new workbook (from `serve --workbook NEW-FILE`), if any. */
      suggestedName: z.string().nullable(),
    }),
  },
  'folder:create': {
    input: z.strictObject({ fileName: workbookFileName, areaName: requiredText('Local area name'), frameworkId: optionalText('Framework', 64).default('') }),
    output: z.object({ fileName: z.string() }),
  },
  'folder:open': {
    input: z.strictObject({ fileName: workbookFileName }),
    output: z.object({ fileName: z.string() }),
  },
} as const;

export type FolderOpName = keyof typeof folderOps;
export type FolderOpInput<N extends FolderOpName> = z.input<(typeof folderOps)[N]['input']>;
export type FolderOpOutput<N extends FolderOpName> = z.output<(typeof folderOps)[N]['output']>;

export function isFolderOp(name: unknown): name is FolderOpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(folderOps, name);
}
