/**
 * Keeps pseudonymised records pseudonymised: refuses text that holds a person's name, a date
 * that could be a date of birth, an NHS number, a UPN, an email address, a postcode or a phone
 * number, and says which and why, so the officer can fix it. Heuristics err towards refusing: a
 * refusal costs a retype, a leak costs a breach (laptops get lost during inspection weeks).
 *
 * Shapes (issue #14, where 35 of 49 crafted pseudonyms got through): names with initials
 * ("J. Smith"), in capitals ("JANE SMITH"), with diacritics ("Zoë Brown"), Mc/Mac/O'/hyphenated
 * surnames, common first names (resources/first-names.json, from the ONS baby-name lists); NHS
 * numbers with any separators (Modulus 11); UPNs with spaces or in lower case; dates in every
 * common UK form, ordinals and month names included.
 *
 * One guard for every path that writes such text: the services behind dispatch, the JSON import
 * and `workbook check` call `findPersonalIdentifiers` (see workbook-check/content-rules.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../../../db/app-root';
import { invalidField } from '../services/service-error';

export type IdentifierKind = 'name' | 'date_of_birth' | 'nhs_number' | 'upn' | 'email' | 'postcode' | 'phone';

export interface IdentifierFinding {
  kind: IdentifierKind;
  /** The text that triggered it, so the message can point at it. */
  match: string;
  reason: string;
}

export interface GuardOptions {
  /** Today (ISO), to judge whether a date could be a child's date of birth. */
  today: string;
  /** Stricter rules for the pseudonym itself: any date, any single title + name, any first name. */
  strict?: boolean;
  /** Leave names alone (text where officers' and inspectors' names belong, such as the request log). */
  allowNames?: boolean;
}

/** NHS number check digit: weights 10..2 over the first nine digits, modulus 11. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

// ---------------------------------------------------------------------------------------------
// Names

// Capitalised words that are ordinary in notes about services, not parts of a person's name.
const NEUTRAL_WORDS = new Set(
  (
    'Child Children Young Person People Case Cases Tracked Tracking Pseudonym Record Cyp Annual Review Reviews Plan Plans Health Education Care ' +
    'Social Council City County Borough School Schools Academy Primary Secondary Special College Nursery Infant Junior Trust Team Service ' +
    'Services Forum Parent Parents Carer Carers Board Panel Meeting Support Local Area Partnership Provision Alternative Unit Centre Hospital ' +
    'Clinic Therapy Speech Language Occupational Mental Needs Assessment Inspector Inspectors Lead Officer Manager Worker Coordinator Designated ' +
    'Clinical Medical Adult Adults Transition Post Pre Early Years Key Stage Year Term Autumn Spring Summer Winter Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October November December Consent Documents Document ' +
    'Evidence Due Sent Received Requested Given Refused Awaiting Not Yes No The And Of For With To In On At By From Out Of Mainstream Independent ' +
    'Residential Virtual Head Teacher Family Families Website Portal Team Hub Group Network England Wales Ofsted Inspection Week St Saint ' +
    'Mum Dad Mother Father Grandparent Foster Sibling Brother Sister Park Road Street House Ward Court Avenue Lane Hall Way Close ' +
    'Send Sen Ehc Ehcp Camhs Icb Nhs Senco Sendco Yp La Asd Adhd Asc Cin Cp Lac Cla Pfa Dco Dmo Ep Salt Ot Gp Uk Hmi Cqc Dfe Ics Mash Pep Ehe Ap Pru ' +
    'Ks Ks1 Ks2 Ks3 Ks4 Ks5 Rag Sef Wsoa Ehcna Iass Sendiass Sencos Tc Ref Id Not Red Amber Green Blue Q1 Q2 Q3 Q4 Fe Sixth Form Rating Rated Status A B C D'
  ).split(' '),
);

/** First names that are also ordinary words or places: in notes only their context counts, not the name list. */
const AMBIGUOUS_FIRST_NAMES = new Set(
  'will may grace hope faith summer autumn amber harmony mark bill joy rose sky skye nova max jordan georgia victoria florence lee dean hunter carter mason chelsea paige ruby holly ivy iris violet hazel olive jade'.split(' '),
);

/** Words after which a first name is part of a place or institution ("St Mary's", "Victoria Park"). */
const PLACE_BEFORE = new Set(['st', 'saint']);
const PLACE_AFTER = new Set(['school', 'academy', 'primary', 'park', 'road', 'street', 'house', 'hospital', 'centre', 'college', 'court', 'ward', 'unit', 'infant', 'junior', 'nursery', 'avenue', 'lane', 'hall', 'surgery', 'practice']);

let firstNames: Set<string> | undefined;

/** Folded for comparison: lower case, accents removed ("Zoë" is "zoe"). */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function loadFirstNames(): Set<string> {
  if (!firstNames) {
    const file = path.join(appRoot(), 'resources', 'first-names.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { names: string[] };
    firstNames = new Set(data.names.map(fold));
  }
  return firstNames;
}

const TITLE = /(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Mstr|MR|MRS|MS|MISS|MX|DR|MASTER)\.?\s+[\p{Lu}][\p{L}'’-]*/u;
// A capitalised word: Mc/Mac/O'/D'/Fitz prefixes, hyphenated and apostrophised parts, any alphabet's letters.
const NAME_WORD = /^(?:Mc|Mac|O['’]|D['’]|Fitz)?\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const INITIAL = /^\p{Lu}$/u;
const ALL_CAPS = /^\p{Lu}[\p{Lu}'’-]+$/u;

interface Word {
  /** As typed, without a trailing full stop. */
  text: string;
  /** Read as a name would be written ("JANE" → "Jane"), for the rules below. */
  shape: string;
  dotted: boolean;
  /** A sentence or list break comes before this word. */
  breakBefore: boolean;
  /** A comma comes before this word (surname first: "Smith, Jane"). */
  commaBefore: boolean;
}

function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let breakBefore = true;
  let commaBefore = false;
  for (const m of text.matchAll(/([\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*)(\.?)|([^\p{L}\p{M}\s]+)|(\s+)/gu)) {
    if (m[1]) {
      const raw = m[1].normalize('NFC');
      const possessive = raw.replace(/['’]s$/u, '');
      const shape = ALL_CAPS.test(possessive) && possessive.length > 1 && !NEUTRAL_WORDS.has(titleCase(possessive)) ? titleCase(possessive) : possessive;
      words.push({ text: raw, shape, dotted: m[2] === '.', breakBefore, commaBefore });
      // "J." keeps the run going; a full stop after a word ends the sentence.
      breakBefore = m[2] === '.' && !INITIAL.test(raw);
      commaBefore = false;
    } else if (m[3]) {
      if (m[3] === ',') commaBefore = true;
      else breakBefore = true;
      if (/\d/.test(m[3])) breakBefore = true;
    }
  }
  return words;
}

const isNameWord = (w: Word) => NAME_WORD.test(w.shape) && !NEUTRAL_WORDS.has(w.shape);
/** "A" and "I" start sentences ("A Bristol school"): an initial only when dotted, mid-sentence or in a pseudonym. */
const isInitial = (w: Word, strict: boolean) => INITIAL.test(w.text) && (w.dotted || strict || !w.breakBefore || (w.text !== 'A' && w.text !== 'I'));

function nameLike(text: string, strict: boolean): string | null {
  const title = TITLE.exec(text);
  if (title && !NEUTRAL_WORDS.has(titleCase(title[0].split(/\s+/).pop()!))) return title[0];
  const words = wordsOf(text);
  const names = loadFirstNames();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const joined = next && !next.breakBefore && (!next.commaBefore || strict);
    // Two name words together: "Jane Smith", "JANE SMITH", "Zoë Brown", "Jane McDonald", "Smith, Jane".
    if (joined && isNameWord(w) && isNameWord(next)) return `${w.text}${next.commaBefore ? ',' : ''} ${next.text}`;
    // A first name from the list, even one that is also a word, before a surname: "Autumn Smith-Jones", "Will Evans".
    if (joined && !next.commaBefore && names.has(fold(w.shape)) && isNameWord(next)) return `${w.text} ${next.text}`;
    // Surname first with a first name from the list: "Smith, Amber".
    if (next && !next.breakBefore && next.commaBefore && isNameWord(w) && names.has(fold(next.shape))) return `${w.text}, ${next.text}`;
    // An initial and a surname: "J. Smith", "J Smith"; and surname first, "Smith J.".
    const surnameShaped = next !== undefined && (/^(?:Mc|Mac|O['’]|D['’]|Fitz)\p{Lu}/u.test(next.shape) || /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(next.shape));
    if (joined && (isInitial(w, strict) || (INITIAL.test(w.text) && surnameShaped)) && isNameWord(next) && !next.commaBefore) return `${w.text}${w.dotted ? '.' : ''} ${next.text}`;
    if (joined && strict && isNameWord(w) && isInitial(next, strict) && next.dotted) return `${w.text} ${next.text}.`;
    // A common first name on its own.
    const folded = fold(w.shape);
    if (names.has(folded)) {
      if (strict) return w.text;
      const capitalised = /^\p{Lu}/u.test(w.text);
      const place = PLACE_BEFORE.has(fold(words[i - 1]?.text ?? '')) || PLACE_AFTER.has(fold(next?.text ?? ''));
      if (capitalised && !AMBIGUOUS_FIRST_NAMES.has(folded) && !place) return w.text;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ORDINAL = '(?:st|nd|rd|th)?';
// 03/04/2012, 3.4.12, 03-04-2012, 03 04 2012 (the same separator twice).
const DAY_FIRST = /(?<![\d])(\d{1,2})([/.\-\s])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/g;
// 2012/04/03, 2012-04-03, 2012.04.03.
const YEAR_FIRST = /(?<![\d])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d])/g;
// 3rd of April 2012, 3 Apr 2012, 3rd April, 2012, 03-Apr-2012.
const WORDY_DAY_FIRST = new RegExp(`(?<![\\d])(\\d{1,2})${ORDINAL}(?:\\s+of)?[\\s\\-]+(${MONTHS})\\.?,?[\\s\\-]+(\\d{4}|['’]\\d{2})(?![\\d])`, 'gi');
// April 3rd 2012, April 3, 2012.
const WORDY_MONTH_FIRST = new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})(?![\\d])`, 'gi');
const DOB_WORDS = /\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born|birthday|birth\s+date)\b/i;

interface FoundDate {
  text: string;
  iso: string | null;
}

function realIso(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const fullYear = (y: string) => {
  const digits = y.replace(/['’]/g, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
};
const monthOf = (name: string) => MONTH_INDEX.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function datesIn(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DAY_FIRST)) found.push({ text: m[0], iso: realIso(fullYear(m[4]!), Number(m[3]), Number(m[1])) });
  for (const m of text.matchAll(YEAR_FIRST)) found.push({ text: m[0], iso: realIso(Number(m[1]), Number(m[3]), Number(m[4])) });
  for (const m of text.matchAll(WORDY_DAY_FIRST)) found.push({ text: m[0], iso: realIso(fullYear(m[3]!), monthOf(m[2]!), Number(m[1])) });
  for (const m of text.matchAll(WORDY_MONTH_FIRST)) found.push({ text: m[0], iso: realIso(Number(m[3]), monthOf(m[1]!), Number(m[2])) });
  // A day-first match of a space-separated number run that is not a date ("6 of 10") has no iso: drop it.
  return found.filter((d) => d.iso !== null || !/\s/.test(d.text));
}

/**
 * Could this date be the birthday of a child or young person (0–25) without being a recent
 * working date? Meetings, deadlines and plan dates are within the last two years or ahead.
 */
function couldBeBirthDate(iso: string, today: string): boolean {
  const years = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${iso}T00:00:00Z`)) / (365.25 * 86_400_000);
  return years > 2 && years <= 26;
}

function dateOfBirth(text: string, options: GuardOptions): string | null {
  const dates = datesIn(text);
  const keyword = DOB_WORDS.exec(text);
  if (keyword) return dates[0]?.text ?? keyword[0];
  for (const d of dates) {
    if (options.strict) return d.text;
    if (d.iso && couldBeBirthDate(d.iso, options.today)) return d.text;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Numbers and addresses

/** Ten digits with any separators between them (spaces, dots, dashes, slashes): "943.476.5919". */
const TEN_DIGITS = /(?<![\d])\d(?:[\s.\-/–_]{0,3}\d){9}(?![\s.\-/–_]{0,3}\d)/g;

function nhsNumber(text: string): string | null {
  for (const m of text.matchAll(TEN_DIGITS)) if (isValidNhsNumber(m[0].replace(/\D/g, ''))) return m[0];
  return null;
}

function upn(text: string): string | null {
  // A unique pupil number: a check letter then 12 characters, digits (a temporary one ends in a letter); separators anywhere.
  const m = /(?<![\p{L}\d])\p{L}(?:[\s.\-/]{0,3}\d){11}[\s.\-/]{0,3}[\dA-Za-z](?![\p{L}\d])/u.exec(text);
  return m ? m[0] : null;
}

function email(text: string): string | null {
  const m = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i.exec(text);
  return m ? m[0] : null;
}

function postcode(text: string): string | null {
  // Outward code (BS1, SW1A, M1) then inward code (5TH); the inward letters never include C I K M O V.
  const m = /(?<![\p{L}\d])([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![\p{L}\d])/u.exec(text);
  return m ? m[0] : null;
}

function phone(text: string): string | null {
  // 0 or +44 then ten (or nine) more digits, spaced or dashed any way: 0117 922 3000, 07700-900-123, +44 (0)7700 900123.
  const m = /(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|(?<![\p{L}\d])\(?0)(?:[\s\-()]{0,3}\d){9,10}(?![\s\-()]{0,3}\d)/u.exec(text);
  return m ? m[0] : null;
}

/** Every kind of identifier found in `text` (at most one finding per kind). */
export function findPersonalIdentifiers(text: string, options: GuardOptions): IdentifierFinding[] {
  const findings: IdentifierFinding[] = [];
  const clean = text.normalize('NFC');
  const nhs = nhsNumber(clean);
  if (nhs) findings.push({ kind: 'nhs_number', match: nhs, reason: `“${nhs}” looks like an NHS number.` });
  const pupil = upn(clean);
  if (pupil) findings.push({ kind: 'upn', match: pupil, reason: `“${pupil}” looks like a unique pupil number (UPN).` });
  const mail = email(clean);
  if (mail) findings.push({ kind: 'email', match: mail, reason: `“${mail}” is an email address.` });
  const tel = phone(clean);
  if (tel) findings.push({ kind: 'phone', match: tel, reason: `“${tel}” looks like a phone number.` });
  const post = postcode(clean);
  if (post) findings.push({ kind: 'postcode', match: post, reason: `“${post}” looks like a postcode.` });
  const dob = dateOfBirth(clean, options);
  if (dob) {
    findings.push({
      kind: 'date_of_birth',
      match: dob,
      reason: options.strict
        ? `“${dob}” is a date, which could be a date of birth.`
        : `“${dob}” looks like it could be a date of birth. If it is another date, give just the month and year.`,
    });
  }
  const name = options.allowNames ? null : nameLike(clean, options.strict ?? false);
  if (name) findings.push({ kind: 'name', match: name, reason: `“${name}” looks like a person's name.` });
  return findings;
}

/**
 * Refuses `text` for `field` when it identifies someone: the one call every service makes before
 * storing pseudonymised text.
 */
export function guardText(field: string, label: string, text: string | undefined, options: GuardOptions): void {
  if (text === undefined || text === '') return;
  const found = findPersonalIdentifiers(text, options);
  if (found.length) throw invalidField(field, identifierMessage(label, found));
}

interface GuardedField {
  field: string;
  label: string;
  strict?: boolean;
  allowNames?: boolean;
}

/**
 * Which stored text must never identify a child, per record kind: every path that writes these
 * (the services behind dispatch, the JSON import, `workbook check`) asks `identifierProblems`.
 * The request log keeps officers' and inspectors' names, so only numbers, dates and addresses
 * are refused there; a case study's title and summary are case-level notes about one child.
 */
export const GUARDED_TEXT: Record<'trackedChild' | 'inspectorRequest' | 'evidence', { fields: GuardedField[]; applies?: (row: Record<string, unknown>) => boolean }> = {
  trackedChild: {
    fields: [
      { field: 'pseudonym', label: 'The pseudonym', strict: true },
      { field: 'notes', label: 'Notes about a tracked child' },
    ],
  },
  inspectorRequest: {
    fields: [
      { field: 'request', label: 'A request in the request log', allowNames: true },
      { field: 'response', label: 'A response in the request log', allowNames: true },
    ],
  },
  evidence: {
    fields: [
      { field: 'title', label: 'The title of a case study' },
      { field: 'summary', label: 'The summary of a case study' },
    ],
    applies: (row) => row.kind === 'case_study',
  },
};

export type GuardedEntity = keyof typeof GUARDED_TEXT;

/** Each guarded field of `row` (a record's values, or a patch merged over it) that identifies someone. */
export function identifierProblems(entity: GuardedEntity, row: Record<string, unknown>, today: string): { field: string; message: string }[] {
  const rule = GUARDED_TEXT[entity];
  if (rule.applies && !rule.applies(row)) return [];
  return rule.fields.flatMap((f) => {
    const text = row[f.field];
    if (typeof text !== 'string' || text === '') return [];
    const found = findPersonalIdentifiers(text, { today, strict: f.strict, allowNames: f.allowNames });
    return found.length ? [{ field: f.field, message: identifierMessage(f.label, found) }] : [];
  });
}

/** Throws for the first guarded field of the values about to be stored that identifies someone. */
export function guardRecord(entity: GuardedEntity, values: Record<string, unknown>, today: string): void {
  const [problem] = identifierProblems(entity, values, today);
  if (problem) throw invalidField(problem.field, problem.message);
}

/** One sentence for the officer: what was found, and what to do instead. */
export function identifierMessage(fieldLabel: string, findings: IdentifierFinding[]): string {
  return `${fieldLabel} must not identify the child: ${findings.map((f) => f.reason).join(' ')} Use a pseudonym such as “CYP-A” or “Child 3”, and keep names and numbers in the case management system.`;
}
