/**
 * England and Wales bank holidays, kept as data in resources/bank-holidays-england-wales.json
 * (the shape of the "england-and-wales" entry of https://www.gov.uk/bank-holidays.json, plus the
 * range the list covers) so a new year is an edit to a file, not a release of code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appRoot } from '../../../db/app-root';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates must be YYYY-MM-DD' });

export const bankHolidayFileSchema = z
  .object({
    division: z.literal('england-and-wales'),
    source: z.string().default(''),
    updatedOn: isoDay,
    /** The first and last day the list is complete for; dates outside it are flagged as unknown. */
    coversFrom: isoDay,
    coversTo: isoDay,
    events: z
      .array(z.object({ title: z.string().min(1), date: isoDay, notes: z.string().default(''), bunting: z.boolean().optional() }))
      .min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [i, e] of file.events.entries()) {
      if (Number.isNaN(Date.parse(`${e.date}T00:00:00Z`)) || new Date(`${e.date}T00:00:00Z`).toISOString().slice(0, 10) !== e.date) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is not a real date` });
      }
      if (seen.has(e.date)) ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is listed twice` });
      seen.add(e.date);
      if (e.date < file.coversFrom || e.date > file.coversTo) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is outside coversFrom–coversTo` });
      }
    }
    if (file.coversTo < file.coversFrom) ctx.addIssue({ code: 'custom', path: ['coversTo'], message: 'coversTo is before coversFrom' });
  });

export type BankHolidayFile = z.output<typeof bankHolidayFileSchema>;

export interface BankHolidays {
  /** ISO date → the holiday's name. */
  readonly byDate: ReadonlyMap<string, string>;
  readonly coversFrom: string;
  readonly coversTo: string;
}

export function bankHolidaysFrom(file: BankHolidayFile): BankHolidays {
  return { byDate: new Map(file.events.map((e) => [e.date, e.title])), coversFrom: file.coversFrom, coversTo: file.coversTo };
}

/** Parses and checks a bank holiday file; the error names the file and what is wrong. */
export function parseBankHolidayFile(json: unknown, name = 'bank-holidays-england-wales.json'): BankHolidays {
  const parsed = bankHolidayFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`The bank holiday list ${name} is invalid: ${z.prettifyError(parsed.error)}`);
  return bankHolidaysFrom(parsed.data);
}

let cached: BankHolidays | undefined;

export function bankHolidayFile(): string {
  return path.join(appRoot(), 'resources', 'bank-holidays-england-wales.json');
}

export function loadBankHolidays(): BankHolidays {
  if (!cached) {
    const file = bankHolidayFile();
    cached = parseBankHolidayFile(JSON.parse(readFileSync(file, 'utf8')), path.basename(file));
  }
  return cached;
}
