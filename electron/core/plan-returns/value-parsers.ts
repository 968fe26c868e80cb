/**
 * Turning what a partner typed into the values the app stores, with a reason when it cannot be.
 * Labels, codes and any case are accepted ("delayed", "Delayed", "DELAYED").
 */
import { ACTION_STATUSES, LABELS, MILESTONE_STATUSES, RAG_CODES } from '../../contract/enums';
import { parseUkDate, ukDate } from '../../contract/format';
import { normaliseText } from '../exports/xlsx/row-identity';
import type { StatusKeyEntry } from '../exports/xlsx/plan-data';
import type { RawCell } from './read-return';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const DAY_MS = 86_400_000;
/** Excel serials for 01/01/1990 and 31/12/2100: a bare number in a date column is taken as a serial within them. */
const SERIAL_RANGE = [32_874, 73_415] as const;

export function textOf(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return normaliseText(cell);
  if (typeof cell === 'number') return String(Number(cell.toPrecision(15)));
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if ('date' in cell) {
    const [y, m, d] = cell.date.split('-');
    return `${d}/${m}/${y}`;
  }
  return '';
}

export function dateOf(cell: RawCell | undefined, what: string): Parsed<string> {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: '' };
  if (typeof cell === 'object' && 'date' in cell) return inRange(cell.date, what);
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= SERIAL_RANGE[0] && cell <= SERIAL_RANGE[1]) {
    return { ok: true, value: new Date(Date.UTC(1899, 11, 30) + cell * DAY_MS).toISOString().slice(0, 10) };
  }
  const text = textOf(cell);
  const iso = parseUkDate(text);
  if (!iso) return { ok: false, reason: `${what}: “${clip(text)}” is not a date. Write it as 22/11/2026.` };
  return inRange(iso, what);
}

export function inRange(iso: string, what: string): Parsed<string> {
  const y = Number(iso.slice(0, 4));
  if (y < 1990 || y > 2100) return { ok: false, reason: `${what}: ${ukDate(iso)} is outside the years this plan can cover.` };
  return { ok: true, value: iso };
}

export function clip(text: string, n = 60): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function lookup(codes: readonly string[], extra: [string, string][] = []): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of codes) {
    map.set(code.toLowerCase(), code);
    map.set(code.replace(/_/g, ' ').toLowerCase(), code);
    if (LABELS[code]) map.set(LABELS[code]!.toLowerCase(), code);
  }
  for (const [text, code] of extra) map.set(text.toLowerCase(), code);
  return map;
}

export interface Vocabularies {
  actionStatus: Map<string, string>;
  milestoneStatus: Map<string, string>;
  rag: Map<string, string>;
}

export function vocabularies(statusKey: StatusKeyEntry[]): Vocabularies {
  return {
    actionStatus: lookup(ACTION_STATUSES),
    milestoneStatus: lookup(MILESTONE_STATUSES),
    rag: lookup(RAG_CODES, statusKey.map((e) => [e.label, e.rag])),
  };
}

export function choiceOf(cell: RawCell | undefined, map: Map<string, string>, what: string): Parsed<string> {
  const text = textOf(cell).replace(/\s+/g, ' ');
  if (text === '') return { ok: true, value: '' };
  const code = map.get(text.toLowerCase());
  return code ? { ok: true, value: code } : { ok: false, reason: `${what} “${clip(text)}” is not one of the choices in the list.` };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  const i = MONTHS.indexOf(w.slice(0, 3));
  // "Nov", "November", "Novem" — not "Novel": the rest must be the start of the month's own name.
  return i >= 0 && MONTH_NAME[i]!.toLowerCase().startsWith(w) ? i + 1 : null;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function exact(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function endOf(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
}

/** A date read from free text, and, when it only named a month, quarter or term, how it was read. */
export interface LooseDate {
  iso: string;
  /** null for a day-exact date; otherwise the words saying which last day was taken. */
  approximate: string | null;
}

/**
 * Dates as councils write them in their own plans (issue #16): 22/11/26, 22.11.2026, 22-11-2026,
 * 22 Nov 2026, 22nd November 2026, 22-Nov-26; and, read as the last day of the period (flagged
 * approximate), November 2026, Nov-26, end of Nov 2026, Q3 2026/27 (financial quarters: Q1 is
 * April to June), Autumn term 2026, 2026/27. Null when the text is not one of these.
 */
export function looseUkDate(raw: string): LooseDate | null {
  const t = raw
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(by|due|before|from|w\/?c|week commencing|target:?)\s+/i, '')
    .replace(/^(the )?end( of)? /i, '')
    .replace(/[.,]$/, '');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const iso = exact(fullYear(m[3]!), Number(m[2]), Number(m[1]));
    return iso ? { iso, approximate: null } : null;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]+\.?),?[ -](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    const iso = month ? exact(fullYear(m[3]!), month, Number(m[1])) : null;
    return iso ? { iso, approximate: null } : null;
  }
  m = /^([A-Za-z]+\.?),?[ -]?(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    if (!month) return null;
    const y = fullYear(m[2]!);
    return { iso: endOf(y, month), approximate: `${MONTH_NAME[month - 1]} ${y}: the last day of the month is used` };
  }
  m = /^Q([1-4])\s*(?:of\s*)?(?:FY\s*)?(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$/i.exec(t);
  if (m) {
    const q = Number(m[1]);
    const start = Number(m[2]);
    // Financial quarters, as councils report: Q1 April–June … Q4 January–March of the next year.
    const [y, month] = q === 4 ? [start + 1, 3] : [start, 3 + q * 3];
    const fy = `${start}/${String(start + 1).slice(2)}`;
    return { iso: endOf(y, month), approximate: `Q${q} of ${fy}${m[3] ? '' : ' (read as a financial year)'}: the quarter’s last day is used` };
  }
  m = /^(autumn|spring|summer)(?: term)?[ -](\d{4})$/i.exec(t);
  if (m) {
    const term = m[1]!.toLowerCase();
    const y = Number(m[2]);
    const month = term === 'autumn' ? 12 : term === 'spring' ? 4 : 7;
    return { iso: endOf(y, month), approximate: `${term[0]!.toUpperCase()}${term.slice(1)} term ${y}: the end of ${MONTH_NAME[month - 1]} is used` };
  }
  m = /^(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i.exec(t);
  if (m && fullYear(m[2]!) % 100 === (Number(m[1]) + 1) % 100) {
    const y = Number(m[1]) + 1;
    return { iso: `${y}-03-31`, approximate: `${m[1]}/${String(y).slice(2)}: the end of the financial year is used` };
  }
  return null;
}
