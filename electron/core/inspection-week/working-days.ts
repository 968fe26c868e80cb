/**
 * Working-day arithmetic for inspection timelines: Monday to Friday, not a bank holiday in
 * England and Wales. Dates are ISO YYYY-MM-DD strings handled in UTC, so clocks changing never
 * shift a day.
 */
import { ukDate } from '../../contract/format';
import type { BankHolidays } from './bank-holidays';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

export function dayName(iso: string): string {
  return DAY_NAMES[toDate(iso).getUTCDay()]!;
}

export function isWeekend(iso: string): boolean {
  const day = toDate(iso).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(iso: string, holidays: BankHolidays): boolean {
  return !isWeekend(iso) && !holidays.byDate.has(iso);
}

/** The date `n` working days after `iso` (n ≥ 0; 0 gives `iso` itself, even if not a working day). */
export function addWorkingDays(iso: string, n: number, holidays: BankHolidays): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('Working days to add must be a whole number, 0 or more.');
  let day = iso;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

export function nextWorkingDay(iso: string, holidays: BankHolidays): string {
  let day = iso;
  while (!isWorkingDay(day, holidays)) day = addDays(day, 1);
  return day;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: string, to: string, holidays: BankHolidays): number {
  if (to === from) return 0;
  const [a, b, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isWorkingDay(day, holidays)) count++;
  return count * sign;
}

/**
 * Why a date is not a working day, in words, with the next working day — or null when it is one.
 * "22/11/2026 is a Sunday: the next working day is 23/11/2026."
 */
export function explainNonWorkingDay(iso: string, holidays: BankHolidays): string | null {
  if (isWorkingDay(iso, holidays)) return null;
  const holiday = holidays.byDate.get(iso);
  const why = holiday ? `a bank holiday (${holiday})` : `a ${dayName(iso)}`;
  return `${ukDate(iso)} is ${why}: the next working day is ${ukDate(nextWorkingDay(iso, holidays))}.`;
}

/** Says when a date lies outside the years the bank holiday list covers, so a count may be off. */
export function coverageWarning(iso: string, holidays: BankHolidays): string | null {
  if (iso >= holidays.coversFrom && iso <= holidays.coversTo) return null;
  return `Bank holidays for ${iso.slice(0, 4)} are not in the app's list (it covers ${ukDate(holidays.coversFrom)} to ${ukDate(holidays.coversTo)}), so working days around ${ukDate(iso)} count only weekends. Update resources/bank-holidays-england-wales.json.`;
}
