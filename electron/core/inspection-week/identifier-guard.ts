/**
 * Keeps tracked-child records pseudonymised: refuses text that looks like a name, a date of
 * birth, an NHS number, a UPN or an email address, and says which and why, so the officer can
 * fix it. Heuristics err towards refusing: a refusal costs a retype, a leak costs a breach
 * (laptops get lost during inspection weeks).
 */

export type IdentifierKind = 'name' | 'date_of_birth' | 'nhs_number' | 'upn' | 'email';

export interface IdentifierFinding {
  kind: IdentifierKind;
  /** The text that triggered it, so the message can point at it. */
  match: string;
  reason: string;
}

export interface GuardOptions {
  /** Today (ISO), to judge whether a date could be a child's date of birth. */
  today: string;
  /** Stricter rules for the pseudonym itself: any date, any single title + name. */
  strict?: boolean;
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

// Capitalised words that are ordinary in notes about services, not parts of a person's name.
const NEUTRAL_WORDS = new Set(
  (
    'Child Children Young Person People Case Tracked Tracking Pseudonym Record Cyp Annual Review Reviews Plan Plans Health Education Care ' +
    'Social Council City County Borough School Schools Academy Primary Secondary Special College Nursery Infant Junior Trust Team Service ' +
    'Services Forum Parent Parents Carer Carers Board Panel Meeting Support Local Area Partnership Provision Alternative Unit Centre Hospital ' +
    'Clinic Therapy Speech Language Occupational Mental Needs Assessment Inspector Inspectors Lead Officer Manager Worker Coordinator Designated ' +
    'Clinical Medical Adult Adults Transition Post Pre Early Years Key Stage Year Term Autumn Spring Summer Winter Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October November December Consent Documents Document ' +
    'Evidence Due Sent Received Requested Given Refused Awaiting Not Yes No The And Of For With To In On At By From Out Of Mainstream Independent ' +
    'Residential Virtual Head Teacher Family Families Website Portal Team Hub Group Network England Wales Ofsted Inspection Week St'
  ).split(' '),
);

const TITLES = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.?\s+[A-Z][a-z'’-]+/;
// A capitalised word; a lone capital only before an apostrophe (O’Brien), so "CYP A" stays a pseudonym.
const NAME_WORD = /^[A-Z](?:[a-z]+|(?=['’]))(?:[-'’][A-Z]?[a-z]+)*$/;

function nameLike(text: string, strict: boolean): string | null {
  const title = TITLES.exec(text);
  if (title) return title[0];
  // Words in order, keeping sentence breaks so "…meeting. Documents sent" is not one run.
  const tokens = text.split(/(\s+|[.,;:!?()"/]+)/);
  let run: string[] = [];
  const flush = (): string | null => {
    const names = run.filter((w) => !NEUTRAL_WORDS.has(w));
    const hit = run.length >= 2 && names.length >= 2 ? run.join(' ') : null;
    run = [];
    return hit;
  };
  for (const token of tokens) {
    if (/^\s+$/.test(token) || token === '') continue;
    if (NAME_WORD.test(token)) {
      run.push(token);
      continue;
    }
    // "Smith, Jane" in a pseudonym field is a name written surname first.
    if (strict && token === ',' && run.length === 1) continue;
    const hit = flush();
    if (hit) return hit;
  }
  return flush();
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const WORDY_DATE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\.?,?\\s+(\\d{4})\\b`, 'gi');
const DOB_WORDS = /\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born|birthday|birth\s+date)\b/i;

interface FoundDate {
  text: string;
  iso: string | null;
}

function realIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function datesIn(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    found.push({ text: m[0], iso: realIso(y, Number(m[2]), Number(m[1])) });
  }
  for (const m of text.matchAll(ISO_DATE)) found.push({ text: m[0], iso: realIso(Number(m[1]), Number(m[2]), Number(m[3])) });
  for (const m of text.matchAll(WORDY_DATE)) {
    const month = MONTH_INDEX.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    found.push({ text: m[0], iso: realIso(Number(m[3]), month, Number(m[1])) });
  }
  return found;
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

function nhsNumber(text: string): string | null {
  for (const m of text.matchAll(/(?<![\d])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])/g)) {
    if (isValidNhsNumber(`${m[1]}${m[2]}${m[3]}`)) return m[0];
  }
  return null;
}

function upn(text: string): string | null {
  // A unique pupil number: a check letter then 12 characters, digits (a temporary one ends in a letter).
  const m = /(?<![A-Za-z0-9])[A-Za-z][ -]?\d{11}[0-9A-Za-z](?![A-Za-z0-9])/.exec(text);
  return m ? m[0] : null;
}

function email(text: string): string | null {
  const m = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i.exec(text);
  return m ? m[0] : null;
}

/** Every kind of identifier found in `text` (at most one finding per kind). */
export function findPersonalIdentifiers(text: string, options: GuardOptions): IdentifierFinding[] {
  const findings: IdentifierFinding[] = [];
  const nhs = nhsNumber(text);
  if (nhs) findings.push({ kind: 'nhs_number', match: nhs, reason: `“${nhs}” looks like an NHS number.` });
  const pupil = upn(text);
  if (pupil) findings.push({ kind: 'upn', match: pupil, reason: `“${pupil}” looks like a unique pupil number (UPN).` });
  const mail = email(text);
  if (mail) findings.push({ kind: 'email', match: mail, reason: `“${mail}” is an email address.` });
  const dob = dateOfBirth(text, options);
  if (dob) {
    findings.push({
      kind: 'date_of_birth',
      match: dob,
      reason: options.strict
        ? `“${dob}” is a date, which could be a date of birth.`
        : `“${dob}” looks like it could be a date of birth. If it is another date, give just the month and year.`,
    });
  }
  const name = nameLike(text, options.strict ?? false);
  if (name) findings.push({ kind: 'name', match: name, reason: `“${name}” looks like a person's name.` });
  return findings;
}

/** One sentence for the officer: what was found, and what to do instead. */
export function identifierMessage(fieldLabel: string, findings: IdentifierFinding[]): string {
  return `${fieldLabel} must not identify the child: ${findings.map((f) => f.reason).join(' ')} Use a pseudonym such as “CYP-A” or “Child 3”, and keep names and numbers in the case management system.`;
}
