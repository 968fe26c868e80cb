/**
 * zod checks for what the renderer sends to the shell's own IPC channels. The renderer is trusted
 * no more than a web page: every value is checked here before a dialog opens or a byte is written.
 */
import { z } from 'zod';
import { requiredText } from '../../contract/fields';

/** Exports are built in memory; 300 MB of base64 is far beyond any real export and stops abuse. */
export const MAX_SAVE_BASE64_LENGTH = 400_000_000;

export const newWorkbookRequest = z.strictObject({
  areaName: requiredText('The name of the local area partnership'),
  frameworkId: z
    .string({ error: 'Choose the inspection framework from the list.' })
    .regex(/^[a-z0-9-]{1,64}$/, { error: 'Choose the inspection framework from the list.' }),
});

export const saveFileRequest = z.strictObject({
  fileName: requiredText('The file name'),
  mimeType: z.string().max(200).regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'The file type was not recognised.' }),
  base64: z
    .string()
    .max(MAX_SAVE_BASE64_LENGTH, { error: 'The file is too large to save.' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file could not be read (it was not encoded as expected).' })
    .refine((s) => s.length % 4 === 0, { error: 'The file could not be read (it was not encoded as expected).' }),
});

export const recentIdInput = z.string().regex(/^[0-9a-f]{16}$/);

export const externalUrlInput = z.string().max(8_192);

/** The main-process invoke payload for `window.workbook.invoke`. */
export const invokePayload = z.strictObject({
  channel: z.string().max(100),
  input: z.unknown(),
});

/** Extension of a file name, used to build the save dialog's filter. */
export function extensionOf(fileName: string): string | null {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : null;
}
