/** The seed list of information request items (resources/information-request-items.json), checked on load. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appRoot } from '../../../db/app-root';

export const informationRequestFileSchema = z.object({
  /** Working days after notification the information is usually due, per framework id. */
  deadlineWorkingDays: z.record(z.string(), z.number().int().min(0).max(30)),
  items: z
    .array(z.object({ category: z.string().max(120), item: z.string().min(1).max(2_000) }))
    .min(1)
    .refine((items) => new Set(items.map((i) => i.item)).size === items.length, { error: 'an item is listed twice' }),
});

export type InformationRequestFile = z.output<typeof informationRequestFileSchema>;

let cached: InformationRequestFile | undefined;

export function loadInformationRequestItems(): InformationRequestFile {
  if (!cached) {
    const file = path.join(appRoot(), 'resources', 'information-request-items.json');
    const parsed = informationRequestFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`The information request list ${path.basename(file)} is invalid: ${z.prettifyError(parsed.error)}`);
    cached = parsed.data;
  }
  return cached;
}

/** Usual working days from notification to the information request deadline (4 when not listed). */
export function informationRequestDeadlineDays(frameworkId: string): number {
  return loadInformationRequestItems().deadlineWorkingDays[frameworkId] ?? 4;
}
