/**
 * Reading the values of a council's plan: dates in the forms councils write them, lists of
 * milestones in one cell, the names in a lead cell, a reference at the start of an action's text.
 * Real date cells, Excel serials and 22/11/2026 go through the plan-returns parsers (one rule for
 * dates across the app); the looser forms are value-parsers' looseUkDate.
 */
import { ukDate } from '../../../contract/format';
import { normaliseName } from '../../exports/xlsx/row-identity';
import { clip, dateOf, inRange, looseUkDate, textOf } from '../../plan-returns/value-parsers';
import type { SheetCell } from './read-sheet';

export type DateRead =
  | { kind: 'blank' }
  /** `text` keeps what the sheet said when the date is read loosely ("Mar 2027"), for the preview. */
  | { kind: 'date'; iso: string; approximate: string | null; text?: string }
  | { kind: 'no_date'; text: string }
  | { kind: 'unreadable'; text: string; reason: string };

/** Words that say there is no date: the action runs on, or its date is still to be agreed. */
const NO_DATE = /^(on-?going|tbc|tba|tbd|to be (confirmed|agreed|decided)|n\/?a|none|various|continuous|rolling|throughout|as required|as needed|annually|annual|termly|monthly|quarterly|weekly|in place|complete|completed|done|-+|–|—|\?+)\b/i;

export function readDate(cell: SheetCell | undefined, what: string): DateRead {
  const text = textOf(cell ?? null).replace(/\s+/g, ' ').trim();
  if (cell === null || cell === undefined || text === '') return { kind: 'blank' };
  const strict = dateOf(cell, what);
  if (strict.ok && strict.value) return { kind: 'date', iso: strict.value, approximate: null };
  if (NO_DATE.test(text)) return { kind: 'no_date', text };
  const loose = looseUkDate(text);
  if (loose) {
    const ranged = inRange(loose.iso, what);
    if (!ranged.ok) return { kind: 'unreadable', text, reason: ranged.reason };
    return { kind: 'date', iso: loose.iso, approximate: loose.approximate, text };
  }
  return { kind: 'unreadable', text, reason: strict.ok ? `${what}: “${clip(text)}” is not a date.` : strict.reason };
}

/** The words the preview shows for a date that needs a look. */
export function dateMessage(read: DateRead, what: string): string {
  if (read.kind === 'date' && read.approximate) {
    // "December 2020: the last day of the month is used" → say the month once, in the sheet's words.
    const how = read.text ? read.approximate.replace(/^[^:]*:\s*/, '') : read.approximate;
    return `${what} “${clip(read.text ?? ukDate(read.iso))}” is approximate: ${how.replace(/\.$/, '')}.`;
  }
  if (read.kind === 'no_date') return `${what} “${clip(read.text)}” is not a date: no date is set.`;
  if (read.kind === 'unreadable') return `${read.reason} No date is set; add it in the app, or correct the sheet and import again.`;
  return '';
}

const BULLET = /^\s*(?:[-*•▪◦·‣⁃–—>]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/i;

/** A date at the end of a milestone ("… by Nov 2026", "… (22/11/2026)", "… – March 2027") or at its start ("Dec 2026: …"). */
function splitDate(item: string): { title: string; date: DateRead } {
  const tails = [/^(.*\S)\s*\(([^()]+)\)\.?$/, /^(.*\S)\s+(?:by|due|due by|by the end of|by end of)\s+(.+?)\.?$/i, /^(.*\S)\s*[-–—,]\s*(.+?)\.?$/];
  for (const re of tails) {
    const m = re.exec(item);
    const read = m && m[1]!.trim().length > 3 ? readLooseText(m[2]!) : null;
    if (read) return { title: m![1]!.trim().replace(/[\s,;:–—-]+$/, ''), date: read };
  }
  const head = /^(.{3,25}?)\s*(?::|\s[-–—])\s+(.+)$/.exec(item);
  const read = head ? readLooseText(head[1]!) : null;
  if (read) return { title: head![2]!.trim(), date: read };
  return { title: item, date: { kind: 'blank' } };
}

function readLooseText(text: string): DateRead | null {
  const read = readDate(text.trim(), 'Milestone date');
  return read.kind === 'date' ? read : null;
}

export interface MilestoneText {
  title: string;
  date: DateRead;
}

/**
 * The milestones in one cell: one a line (bullets and numbering removed), or separated by
 * semicolons when the cell is one line. A date written with a milestone is taken as its due date.
 */
export function splitMilestones(text: string): MilestoneText[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const parts = lines.length > 1 ? lines : (lines[0] ?? '').split(/\s*;\s*|\s+•\s+/);
  // A line that starts in lower case continues the one before (a wrapped sentence, not a new milestone).
  const items: string[] = [];
  for (const part of parts) {
    const clean = part.replace(BULLET, '').trim();
    if (!clean) continue;
    if (items.length && !BULLET.test(part) && /^[a-z]/.test(clean)) items[items.length - 1] += ` ${clean}`;
    else items.push(clean);
  }
  return items.map(splitDate);
}

const NOT_A_NAME = /^(tbc|tba|tbd|vacant|n\/?a|none|all|various|to be (confirmed|appointed|agreed))$/i;

export interface NamedPerson {
  name: string;
  /** What followed the name after a comma ("NSC", "Head of SEND"), kept as the person's role when created. */
  role: string;
}

/**
 * The people a lead cell names: "Wendy Packer, NSC - Head of Education Partnerships – TBA" names
 * Wendy Packer (role NSC) and then a post. The first is the lead; the rest are reported.
 */
export function namesIn(text: string): NamedPerson[] {
  return text
    .split(/\s*(?:\n|;|\/|&|\band\b|\s[-–—]\s)\s*/)
    .map((part) => part.trim())
    .filter((part) => part && !NOT_A_NAME.test(part))
    .map((part) => {
      const [name, ...rest] = part.split(',');
      return { name: name!.trim().replace(/\s+/g, ' '), role: rest.join(',').trim() };
    })
    .filter((p) => p.name.length > 0 && p.name.length <= 120);
}

/** The key people and partners are matched by: "jo  smith" is "Jo Smith". */
export const nameKey = normaliseName;

/** "1.1 We will …" → reference 1.1 and the rest; null when the text does not start with one. */
export function leadingReference(text: string): { reference: string; rest: string } | null {
  const m = /^\s*((?:[A-Z]{1,4}\s?)?\d+(?:\.\d+)+[a-z]?|(?:[A-Z]{1,4}\s?)?\d+[a-z]?[.)])\s+(\S[\s\S]*)$/.exec(text);
  if (!m) return null;
  return { reference: m[1]!.replace(/[.)]$/, ''), rest: m[2]!.trim() };
}

/**
 * A priority's reference and title from one cell: "Priority 1: Accountability", "Area 2 - Meeting
 * needs", "1. Leadership", "P3 Transitions". Null reference when the text carries none.
 */
export function priorityParts(text: string): { reference: string | null; title: string } {
  const t = text.replace(/\s+/g, ' ').trim();
  const named = /^(?:priority|area|workstream|theme|objective|strand|weakness|concern|section|outcome)\s*(?:no\.?|number)?\s*([A-Za-z]?\d+(?:\.\d+)*[a-z]?)\s*[-–—:.)]?\s*(.*)$/i.exec(t);
  if (named) return { reference: named[1]!, title: named[2]!.trim() || t };
  const numbered = /^(P?\d+(?:\.\d+)*[a-z]?)[.):\s–—-]+\s*(\S.*)$/i.exec(t);
  if (numbered) return { reference: numbered[1]!, title: numbered[2]!.trim() };
  return { reference: null, title: t };
}

/** A plain one-line value from a cell (text as written, spaces tidied). */
export function cellText(cell: SheetCell | undefined): string {
  return textOf(cell ?? null).trim();
}
