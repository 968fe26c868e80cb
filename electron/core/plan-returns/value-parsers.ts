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

function inRange(iso: string, what: string): Parsed<string> {
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
