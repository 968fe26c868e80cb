import { z } from 'zod';

/** Fields every stored record carries in the contract's output. */
export const recordMeta = {
  id: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

/** Makes an update schema: the record id, the version the user edited, and any create fields. */
export function updateOf<T extends z.ZodRawShape>(create: z.ZodObject<T>, what: string) {
  return create.partial().extend({
    id: z
      .number({ error: `Which ${what} to change is missing.` })
      .int()
      .positive({ error: `Which ${what} to change is missing.` }),
    /** When given and the record changed since, the update is refused as a conflict. */
    expectedVersion: z.number().int().positive().optional(),
  });
}
