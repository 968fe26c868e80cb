/**
 * Recognises an Area SEND monitoring inspection letter (2023 and 2025 frameworks) from its plain
 * text (issue #16): after an inspection with the third outcome (widespread and/or systemic
 * failings), Ofsted and CQC return to judge the progress made on each area for priority action.
 * Per area: the area's wording (after a numbered heading and/or a lead-in such as "At the
 * inspection in October 2023, inspectors found that:"), the inspectors' commentary and the closing
 * verdict ("The local area partnership has made sufficient / insufficient progress in addressing
 * this area for priority action."); and the letter's own summary sentence, cross-checked against
 * the verdicts read. Recognition needs the title, both inspectorates, and a verdict or the summary.
 * Pure: no I/O.
 */
import { dateIn, dateRangeIn, paragraphsOf, type Paragraph } from './letter-text';
import { letterDate, summaryWith, type LetterSummary, type ParsedWeakness } from './parse-letter';

export interface ParsedMonitoring {
  area: string;
  title: string;
  onsiteStartOn: string | null;
  onsiteEndOn: string | null;
  publishedOn: string | null;
  summary: LetterSummary | null;
  /** Each area for priority action judged: its wording, commentary and verdict. */
  areas: ParsedWeakness[];
  warnings: string[];
}

/** The title line starts with these words; a sentence that mentions a monitoring inspection is not one. */
const TITLE = /^(?:area\s+SEND\s+)?monitoring\s+inspection\s+of\s+(?:the\s+)?(.{2,120}?)\s*$/i;
const INSPECTORATES = /\bOfsted\b[\s\S]*\b(?:Care Quality Commission|CQC)\b|\b(?:Care Quality Commission|CQC)\b[\s\S]*\bOfsted\b/i;
/** The closing verdict on one area: it speaks of "this" area for priority action, where the summary counts them. */
const VERDICT = /[^.]*\bha(?:s|ve)\s+(not\s+)?made\s+(sufficient|insufficient|inadequate|enough)\s+progress\b[^.]*\bthis\s+(?:area\s+for\s+)?priority\s+action\b[^.]*\./i;
const SUMMARY_MADE = /\bmade\s+sufficient\s+progress\s+(?:in\s+addressing|against|in\s+tackling|with)\s+(\w+)\s+of\s+(?:the\s+|its\s+)?(\w+)\s+areas?\s+for\s+priority\s+action/i;
const SUMMARY_NOT = /\b(?:made\s+insufficient\s+progress|not\s+made\s+sufficient\s+progress)\s+(?:in\s+addressing|against|in\s+tackling|with)\s+(?:the\s+)?(\w+)/i;
/** A numbered heading: "Area for priority action 2" or "Priority action 2". */
const HEADING = /^(?:area\s+for\s+)?priority\s+action\s+(\d{1,2})\b[.:]?\s*(.*)$/i;
const LEAD_IN =
  /^(?:at\s+the\s+(?:previous\s+|last\s+|full\s+|area\s+SEND\s+)?inspection(?:\s+(?:in|of)\s+[A-Za-z]+\s+\d{4})?,?\s+inspectors\s+(?:found|identified|said|judged)|the\s+(?:previous\s+|last\s+|full\s+|area\s+SEND\s+)?inspection(?:\s+(?:in|of)\s+[A-Za-z]+\s+\d{4})?\s+(?:found|identified|said|judged)|inspectors\s+previously\s+(?:found|identified|said))\b(?:\s+that)?:?\s*/i;

function titleIn(raw: string): { title: string; area: string } | null {
  for (const line of raw.split(/\r?\n/, 300)) {
    const m = TITLE.exec(line.replace(/\s+/g, ' ').trim());
    if (m) return { title: m[0].trim(), area: m[1]!.replace(/[.,;:]+$/, '').trim() };
  }
  return null;
}

function summaryIn(text: string): LetterSummary | null {
  return summaryWith(text, SUMMARY_MADE, SUMMARY_NOT);
}

function verdictOf(m: RegExpExecArray): ParsedWeakness['verdict'] {
  return m[1] || /^(?:insufficient|inadequate)$/i.test(m[2]!) ? 'not_sufficient_progress' : 'sufficient_progress';
}

/** The area's wording without the quotation marks letters put round it. */
function unquote(text: string): string {
  return text.replace(/^[“"‘']\s*/, '').replace(/\s*[”"’']$/, '').trim();
}

function clip(text: string, n = 80): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/** Per area: numbered heading and/or lead-in → wording → commentary → closing verdict sentence. */
function judgedAreas(paragraphs: Paragraph[], warnings: string[]): ParsedWeakness[] {
  const out: ParsedWeakness[] = [];
  type Open = { text: string; commentary: string[]; awaiting: 'lead' | 'wording' | null };
  let open: Open | null = null;
  /** An area left without its verdict is kept, with a warning, for the user to judge. */
  const unjudged = (o: Open | null): null => {
    if (o?.text) {
      warnings.push(`No verdict was found for the area for priority action “${clip(o.text)}”; choose one before importing.`);
      out.push({ text: o.text, commentary: o.commentary.join('\n\n'), verdict: null, verdictSentence: '' });
    }
    return null;
  };
  // With numbered headings, a lead-in counts only straight after one ("Inspectors found…" may open commentary).
  const numbered = paragraphs.some((p) => p.text.length < 200 && HEADING.test(p.text));
  for (const p of paragraphs) {
    const heading = p.text.length < 200 ? HEADING.exec(p.text) : null;
    if (heading && !VERDICT.test(p.text)) {
      unjudged(open);
      const rest = heading[2]!.trim();
      open = { text: rest.length >= 15 ? unquote(rest) : '', commentary: [], awaiting: rest.length >= 15 ? null : 'lead' };
      continue;
    }
    const lead = LEAD_IN.exec(p.text);
    const awaitingLead = open?.awaiting === 'lead';
    if (lead && !SUMMARY_MADE.test(p.text) && !VERDICT.test(p.text) && (awaitingLead || !numbered)) {
      if (!awaitingLead) unjudged(open);
      const after = p.text.slice(lead[0].length).trim();
      open = { text: after.length >= 15 ? unquote(after) : '', commentary: [], awaiting: after.length >= 15 ? null : 'wording' };
      continue;
    }
    if (!open) continue;
    if (open.awaiting) {
      open.text = unquote(p.text);
      open.awaiting = null;
      continue;
    }
    const verdict = VERDICT.exec(p.text);
    if (verdict) {
      const before = p.text.slice(0, verdict.index).trim();
      if (before) open.commentary.push(before);
      out.push({ text: open.text, commentary: open.commentary.join('\n\n'), verdict: verdictOf(verdict), verdictSentence: verdict[0].replace(/\s+/g, ' ').trim() });
      open = null;
      continue;
    }
    open.commentary.push(p.bullet ? `• ${p.text}` : p.text);
  }
  unjudged(open);
  return out;
}

/** Null when the text is not a monitoring inspection letter. */
export function parseMonitoringLetter(raw: string, options: { linesAreParagraphs?: boolean } = {}): ParsedMonitoring | null {
  const title = titleIn(raw);
  if (!title) return null;
  const paragraphs = paragraphsOf(raw, options.linesAreParagraphs);
  const whole = paragraphs.map((p) => p.text).join('\n');
  const summary = summaryIn(whole);
  const verdicts = paragraphs.filter((p) => VERDICT.test(p.text)).length;
  if (!INSPECTORATES.test(whole) || (verdicts === 0 && summary === null)) return null;

  const warnings: string[] = [];
  const areas = judgedAreas(paragraphs, warnings);
  const dates = /inspection\s+dates?:?\s*(.{0,80})/i.exec(whole);
  const range = (dates ? dateRangeIn(`between ${dates[1]!.replace(/\s+(?:to|-|–)\s+/, ' and ')}`) : null) ?? dateRangeIn(whole);
  const published = /(?:date\s+of\s+publication|published)[:\s]+(\d{1,2}\s+[A-Za-z]+\s+\d{4})/i.exec(whole);
  if (!range) warnings.push('The monitoring inspection dates were not found; enter them before importing.');
  if (areas.length === 0) warnings.push('No areas for priority action with a verdict were found in the letter.');
  if (!summary) warnings.push('The letter’s summary of how many areas for priority action showed sufficient progress was not found, so the verdicts could not be checked against it.');
  else {
    const found = areas.filter((a) => a.verdict === 'sufficient_progress').length;
    const foundNot = areas.filter((a) => a.verdict === 'not_sufficient_progress').length;
    if (found !== summary.sufficient || foundNot !== summary.notSufficient || areas.length !== summary.total) {
      warnings.push(
        `The letter’s summary says sufficient progress on ${summary.sufficient} of ${summary.total} areas for priority action and not on ${summary.notSufficient}, but the verdicts read from the letter give sufficient progress on ${found} of ${areas.length} and not on ${foundNot}. Check each verdict against the letter before importing.`,
      );
    }
  }
  return {
    area: title.area,
    title: title.title,
    onsiteStartOn: range?.start ?? null,
    onsiteEndOn: range?.end ?? null,
    // The publication date, or else the letter's own date near the top.
    publishedOn: (published ? dateIn(published[1]!) : null) ?? letterDate(paragraphs),
    summary,
    areas,
    warnings,
  };
}
