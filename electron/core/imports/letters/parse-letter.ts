/**
 * Recognises a published 2016-framework letter from its plain text (issue #16): a revisit letter
 * (each weakness revisited, its commentary and verdict, and the opening summary cross-checked
 * against those verdicts) or an initial inspection letter (dates, whether a Written Statement of
 * Action was required, the significant weaknesses verbatim). Recognition needs the structure and
 * several keywords together, never one phrase alone. Pure: no I/O.
 */
import { countOf, dateIn, dateRangeIn, paragraphsOf, type Paragraph } from './letter-text';

export type LetterKind = 'revisit_2016' | 'initial_2016';
export type Verdict = 'sufficient_progress' | 'not_sufficient_progress';

export interface ParsedWeakness {
  /** The weakness as the letter words it. */
  text: string;
  commentary: string;
  verdict: Verdict | null;
  /** The closing sentence the verdict was read from, verbatim ('' when none was found). */
  verdictSentence: string;
}

export interface LetterSummary {
  sufficient: number;
  total: number;
  notSufficient: number;
  sentence: string;
}

export interface ParsedLetter {
  kind: LetterKind | null;
  area: string;
  title: string;
  onsiteStartOn: string | null;
  onsiteEndOn: string | null;
  /** The letter's own date, near the top. */
  publishedOn: string | null;
  wsoaRequired: boolean | null;
  summary: LetterSummary | null;
  weaknesses: ParsedWeakness[];
  warnings: string[];
}

export const MAX_LETTER_CHARS = 2_000_000;

const REVISIT_TITLE = /\bjoint\s+(?:local\s+)?area\s+SEND\s+revisit\s+in\s+(.{2,120}?)\s*$/i;
const INITIAL_TITLE = /\bjoint\s+local\s+area\s+SEND\s+inspection\s+in\s+(.{2,120}?)\s*$/i;
const INSPECTORATES = /\bOfsted\b[\s\S]*\b(?:Care Quality Commission|CQC)\b|\b(?:Care Quality Commission|CQC)\b[\s\S]*\bOfsted\b/i;
/** The closing verdict on one weakness: it speaks of "this" weakness, where the summary counts them. */
const VERDICT =
  /[^.]*\bha(?:s|ve)\s+(not\s+)?made\s+sufficient\s+progress\s+(?:to\s+improve|in\s+addressing|in\s+improving|to\s+address|against)\s+this\s+(?:significant\s+)?(?:area\s+of\s+)?(?:significant\s+)?weakness[^.]*\./i;
const SUMMARY_MADE = /made\s+sufficient\s+progress\s+in\s+addressing\s+(\w+)\s+of\s+the\s+(\w+)\s+(?:significant\s+)?(?:areas?\s+of\s+)?(?:significant\s+)?weakness/i;
const SUMMARY_NOT = /not\s+made\s+sufficient\s+progress\s+in\s+addressing\s+(\w+)\b/i;
const LEAD_IN = /\b(?:the\s+(?:initial\s+|joint\s+|first\s+)?inspection|inspectors?\s+at\s+the\s+(?:initial\s+)?inspection|at\s+the\s+initial\s+inspection,?\s+inspectors)\s+(?:found|identified|judged)\b(?:\s+that)?:?\s*/i;
const WSOA_REQUIRED = /\b(?:written\s+statement\s+of\s+action|WSOA)\b[^.]{0,160}\bis\s+required\b|\bdetermined\s+that\s+a\s+written\s+statement\s+of\s+action\b/i;
const WSOA_NOT_REQUIRED = /\b(?:written\s+statement\s+of\s+action|WSOA)\b[^.]{0,80}\bis\s+not\s+required\b/i;

/** Read from the raw lines: a running header may repeat the title, and headers are dropped from paragraphs. */
function titleIn(raw: string, pattern: RegExp): { title: string; area: string } | null {
  for (const line of raw.split(/\r?\n/, 300)) {
    const m = pattern.exec(line.replace(/\s+/g, ' ').trim());
    if (m) return { title: m[0].trim(), area: m[1]!.replace(/[.,;:]+$/, '').trim() };
  }
  return null;
}

/** The letter's date: the first paragraph near the top that is only a date. */
export function letterDate(paragraphs: Paragraph[]): string | null {
  for (const p of paragraphs.slice(0, 25)) {
    if (p.text.length <= 30 && /^\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}$/.test(p.text)) return dateIn(p.text);
  }
  return null;
}

/**
 * A letter's summary sentence counting the findings that showed sufficient progress: `made` captures
 * "N of the M", `not` the count without it (a word such as "the other" leaves M − N). Shared by the
 * revisit and monitoring parsers.
 */
export function summaryWith(text: string, made: RegExp, not: RegExp): LetterSummary | null {
  const m = made.exec(text);
  if (!m) return null;
  const sufficient = countOf(m[1]!);
  const total = countOf(m[2]!);
  if (sufficient === null || total === null) return null;
  const n = not.exec(text.slice(m.index));
  const notSufficient = n ? countOf(n[1]!) : null;
  // The sentence begins after the last full stop or paragraph break before it (not in a heading above).
  const start = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf('\n', m.index)) + 1;
  const end = n ? text.indexOf('.', m.index + n.index) : text.indexOf('.', m.index);
  return { sufficient, total, notSufficient: notSufficient ?? total - sufficient, sentence: text.slice(start, end < 0 ? undefined : end + 1).replace(/\s+/g, ' ').trim() };
}

function summaryIn(text: string): LetterSummary | null {
  return summaryWith(text, SUMMARY_MADE, SUMMARY_NOT);
}

function verdictOf(sentence: string): Verdict {
  return /\bnot\s+made\b/i.test(sentence) ? 'not_sufficient_progress' : 'sufficient_progress';
}

/** Per weakness: lead-in → weakness wording → commentary → closing verdict sentence. */
function revisitWeaknesses(paragraphs: Paragraph[], warnings: string[]): ParsedWeakness[] {
  const out: ParsedWeakness[] = [];
  let open: { text: string; commentary: string[] } | null = null;
  let awaitingWording = false;
  for (const p of paragraphs) {
    const lead = LEAD_IN.exec(p.text);
    // A lead-in starts a weakness; the summary's own "the inspection found that the area has made…" is not one.
    if (lead && !SUMMARY_MADE.test(p.text) && !VERDICT.test(p.text)) {
      if (open) warnings.push(`No verdict was found for the weakness “${clip(open.text)}”; choose one before importing.`);
      const after = p.text.slice(lead.index + lead[0].length).trim();
      open = { text: after, commentary: [] };
      awaitingWording = after.length < 15;
      if (awaitingWording) open.text = '';
      continue;
    }
    if (!open) continue;
    if (awaitingWording) {
      open.text = p.text;
      awaitingWording = false;
      continue;
    }
    const verdict = VERDICT.exec(p.text);
    if (verdict) {
      const before = p.text.slice(0, verdict.index).trim();
      if (before) open.commentary.push(before);
      out.push({ text: open.text, commentary: open.commentary.join('\n\n'), verdict: verdictOf(verdict[0]), verdictSentence: verdict[0].trim() });
      open = null;
      continue;
    }
    open.commentary.push(p.bullet ? `• ${p.text}` : p.text);
  }
  if (open && open.text) {
    warnings.push(`No verdict was found for the weakness “${clip(open.text)}”; choose one before importing.`);
    out.push({ text: open.text, commentary: '', verdict: null, verdictSentence: '' });
  }
  return out;
}

/** The weaknesses listed after the paragraph saying a Written Statement of Action is required. */
function initialWeaknesses(paragraphs: Paragraph[]): ParsedWeakness[] {
  const at = paragraphs.findIndex((p) => WSOA_REQUIRED.test(p.text));
  if (at < 0) return [];
  const out: ParsedWeakness[] = [];
  let i = at + 1;
  // An introducing sentence ("These are:") may sit between the paragraph and the list.
  if (paragraphs[i] && !paragraphs[i]!.bullet && /:$/.test(paragraphs[i]!.text) && paragraphs[i]!.text.length < 200) i++;
  for (; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    // Word lists lose their glyphs in plain text, but their items begin in lower case.
    if (!p.bullet && !/^[a-z]/.test(p.text)) break;
    out.push({ text: p.text.replace(/[;,]\s*(?:and|or)?$/i, '').replace(/\s+and$/i, ''), commentary: '', verdict: null, verdictSentence: '' });
  }
  return out;
}

function clip(text: string, n = 80): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

export function parseLetter(raw: string, options: { linesAreParagraphs?: boolean } = {}): ParsedLetter {
  const warnings: string[] = [];
  const paragraphs = paragraphsOf(raw.slice(0, MAX_LETTER_CHARS), options.linesAreParagraphs);
  const whole = paragraphs.map((p) => p.text).join('\n');
  const inspectorates = INSPECTORATES.test(whole);
  const range = dateRangeIn(whole);
  const base = {
    onsiteStartOn: range?.start ?? null,
    onsiteEndOn: range?.end ?? null,
    publishedOn: letterDate(paragraphs),
  };

  const revisitTitle = titleIn(raw, REVISIT_TITLE);
  const summary = summaryIn(whole);
  const verdictCount = paragraphs.filter((p) => VERDICT.test(p.text)).length;
  // A revisit letter: both inspectorates named, and at least two of title, summary and verdicts.
  const revisitSigns = [revisitTitle !== null, summary !== null, verdictCount > 0].filter(Boolean).length;
  if (inspectorates && revisitSigns >= 2) {
    const weaknesses = revisitWeaknesses(paragraphs, warnings);
    if (!revisitTitle) warnings.push('The title “Joint area SEND revisit in …” was not found; check the area and title.');
    if (!range) warnings.push('The revisit dates were not found; enter them before importing.');
    if (!summary) warnings.push('The letter’s summary of how many weaknesses showed sufficient progress was not found, so the verdicts could not be checked against it.');
    else {
      const found = weaknesses.filter((w) => w.verdict === 'sufficient_progress').length;
      const foundNot = weaknesses.filter((w) => w.verdict === 'not_sufficient_progress').length;
      if (found !== summary.sufficient || foundNot !== summary.notSufficient || weaknesses.length !== summary.total) {
        warnings.push(
          `The letter’s summary says sufficient progress on ${summary.sufficient} of ${summary.total} weaknesses and not on ${summary.notSufficient}, but the verdicts read from the letter give sufficient progress on ${found} of ${weaknesses.length} and not on ${foundNot}. Check each verdict against the letter before importing.`,
        );
      }
    }
    if (weaknesses.length === 0) warnings.push('No revisited weaknesses were found in the letter.');
    return { kind: 'revisit_2016', area: revisitTitle?.area ?? '', title: revisitTitle?.title ?? 'Joint area SEND revisit', ...base, wsoaRequired: null, summary, weaknesses, warnings };
  }

  const initialTitle = titleIn(raw, INITIAL_TITLE);
  const wsoaRequired = WSOA_NOT_REQUIRED.test(whole) ? false : WSOA_REQUIRED.test(whole);
  const methodSign = /\bjoint\s+(?:local\s+area\s+)?inspection\b|\bto\s+judge\s+the\s+effectiveness\b|\bmain\s+findings\b/i.test(whole);
  if (inspectorates && initialTitle && (methodSign || wsoaRequired)) {
    const weaknesses = wsoaRequired ? initialWeaknesses(paragraphs) : [];
    if (!range) warnings.push('The inspection dates were not found; enter them before importing.');
    if (wsoaRequired && weaknesses.length === 0) warnings.push('The letter says a Written Statement of Action was required, but its list of significant weaknesses was not found.');
    return { kind: 'initial_2016', area: initialTitle.area, title: initialTitle.title, ...base, wsoaRequired, summary: null, weaknesses, warnings };
  }

  warnings.push(
    'This does not look like a 2016-framework joint area SEND inspection or revisit letter: its title, the inspectorates and the verdicts or the list of significant weaknesses were not all found. Nothing can be imported from it.',
  );
  return { kind: null, area: '', title: '', onsiteStartOn: null, onsiteEndOn: null, publishedOn: null, wsoaRequired: null, summary: null, weaknesses: [], warnings };
}
