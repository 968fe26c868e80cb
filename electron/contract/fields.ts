/**
 * Building blocks for channel inputs, each with a message a council officer understands.
 * Dates cross the contract as ISO `YYYY-MM-DD`; the UI shows and accepts 22/11/2026.
 */
import { z } from 'zod';

// C0 control characters other than tab, line feed and carriage return. They arrive from
// copy-and-paste (Word's vertical tab) and would make Word exports invalid XML, so the boundary
// removes them rather than rejecting the officer's text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARS, '');
}

export const LIMITS = {
  short: 300,
  medium: 2_000,
  narrative: 200_000,
  pageSize: 500,
} as const;

function textField(max: number, what: string) {
  return z
    .string({ error: `${what} must be text.` })
    .max(max, { error: `${what} is too long: keep it under ${max.toLocaleString('en-GB')} characters.` })
    .transform(stripControlCharacters);
}

/** A required one-line value such as a title or a name. */
export const requiredText = (what: string, max: number = LIMITS.short) =>
  textField(max, what)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { error: `Enter ${what.toLowerCase()}.` });

/** An optional one-line value; empty string when not given. */
export const optionalText = (what: string, max: number = LIMITS.short) => textField(max, what).transform((s) => s.trim());

/** A narrative (What we know, highlights and issues…): long text, line breaks kept. */
export const narrative = (what: string) => textField(LIMITS.narrative, what);

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1990 && y <= 2100;
}

export const isoDate = (what: string) =>
  z
    .string({ error: `${what} must be a date.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${what} must be a date such as 22/11/2026.` })
    .refine(isRealDate, { error: `${what} is not a real date: check the day and month.` });

export const optionalDate = (what: string) => isoDate(what).nullable();

export const id = (what: string) =>
  z
    .number({ error: `${what} must be chosen from the list.` })
    .int({ error: `${what} must be chosen from the list.` })
    .positive({ error: `${what} must be chosen from the list.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${what} must be chosen from the list.` });

export const optionalId = (what: string) => id(what).nullable();

export const version = z
  .number({ error: 'The version of the record you edited is missing.' })
  .int()
  .positive()
  .optional();

export const finiteNumber = (what: string) =>
  z.number({ error: `${what} must be a number.` }).refine(Number.isFinite, { error: `${what} must be a number.` });

export const choice = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `Choose ${what.toLowerCase()} from the list.` });

export const paging = {
  offset: z.number().int().min(0, { error: 'Offset cannot be negative.' }).default(0),
  limit: z
    .number()
    .int()
    .min(1, { error: 'Ask for at least one row.' })
    .max(LIMITS.pageSize, { error: `Ask for at most ${LIMITS.pageSize} rows at a time.` })
    .default(100),
};

export const byId = (what: string) => z.strictObject({ id: id(what) });

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
