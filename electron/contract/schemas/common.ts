import { z } from 'zod';

/** Fields every stored record carries in the contract's output. */
export const recordMeta = {
  id: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

type WithoutDefaults<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>;
};

/**
 * Makes an update schema: the record id, the version the user edited, and any create fields.
 * Create-time defaults are stripped first: zod 4 applies a default even inside `.partial()`, which
 * would silently reset every field the user did not send (a due date back to empty, say).
 */
export function updateOf<T extends z.ZodRawShape>(create: z.ZodObject<T>, what: string) {
  const shape = Object.fromEntries(
    Object.entries(create.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  ) as unknown as WithoutDefaults<T>;
  return z.strictObject(shape).extend({
    id: z
      .number({ error: `Which ${what} to change is missing.` })
      .int()
      .positive({ error: `Which ${what} to change is missing.` }),
    /** When given and the record changed since, the update is refused as a conflict. */
    expectedVersion: z.number().int().positive().optional(),
  });
}
