/**
 * Recognises an Area SEND inspection report (2023 and 2025 frameworks) from its plain text (issue
 * #16): the outcome, which must be one of the framework's three paragraphs verbatim; the dates; and
 * each area for improvement and area for priority action, with the partners it names. Recognition
 * needs the title, the inspectorates, an outcome paragraph and the findings' heading together.
 * Pure: the outcomes are passed in from the reference data, never copied here.
 */
import { dateIn, dateRangeIn, paragraphsOf } from './letter-text';

export interface OutcomeText {
  frameworkId: string;
  id: string;
  verbatim: string;
}

export type ReportFindingType = 'area_for_improvement' | 'area_for_priority_action';

export interface ParsedReport {
  area: string;
  title: string;
  outcomeId: string;
  /** The outcome paragraph exactly as the framework words it. */
  outcomeText: string;
  onsiteStartOn: string | null;
  onsiteEndOn: string | null;
  publishedOn: string | null;
  findings: { type: ReportFindingType; text: string }[];
  warnings: string[];
}

const TITLE = /\barea\s+SEND\s+inspection\s+of\s+(.{2,120}?)\s*$/i;
const INSPECTORATES = /\bOfsted\b[\s\S]*\b(?:Care Quality Commission|CQC)\b|\b(?:Care Quality Commission|CQC)\b[\s\S]*\bOfsted\b/i;
const HEADINGS: { re: RegExp; type: ReportFindingType }[] = [
  { re: /^areas?\s+for\s+priority\s+action$/i, type: 'area_for_priority_action' },
  { re: /^areas?\s+for\s+improvement$/i, type: 'area_for_improvement' },
];

/** Quotes, apostrophes and spacing as PDF and Word render them, for comparing with the framework's words. */
export function plainWords(text: string): string {
  return text.replace(/[‘’`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function parseAreaSendReport(raw: string, outcomes: OutcomeText[], options: { linesAreParagraphs?: boolean } = {}): ParsedReport | null {
  const paragraphs = paragraphsOf(raw, options.linesAreParagraphs);
  const whole = paragraphs.map((p) => p.text).join('\n');
  let title: { title: string; area: string } | null = null;
  for (const line of raw.split(/\r?\n/, 300)) {
    const m = TITLE.exec(line.replace(/\s+/g, ' ').trim());
    if (m) {
      title = { title: m[0].trim(), area: m[1]!.replace(/[.,;:]+$/, '').trim() };
      break;
    }
  }
  const plain = plainWords(whole);
  const outcome = outcomes.find((o) => plain.includes(plainWords(o.verbatim)));
  const hasHeading = paragraphs.some((p) => HEADINGS.some((h) => h.re.test(p.text)));
  if (!title || !outcome || !INSPECTORATES.test(whole) || !hasHeading) return null;

  const warnings: string[] = [];
  const findings: ParsedReport['findings'] = [];
  let current: ReportFindingType | null = null;
  for (const p of paragraphs) {
    const heading = HEADINGS.find((h) => h.re.test(p.text));
    if (heading) {
      current = heading.type;
      continue;
    }
    if (!current) continue;
    // The section ends at the next heading: a short line that does not end a sentence.
    if (!p.bullet && p.text.length < 80 && !/[.:;]$/.test(p.text)) {
      current = null;
      continue;
    }
    findings.push({ type: current, text: p.text });
  }
  const dates = /inspection\s+dates?:?\s*(.{0,80})/i.exec(whole);
  const range = dateRangeIn(whole) ?? (dates ? dateRangeIn(`between ${dates[1]!.replace(/\s+(?:to|-|–)\s+/, ' and ')}`) : null);
  const published = /(?:date\s+of\s+publication|published)[:\s]+(\d{1,2}\s+[A-Za-z]+\s+\d{4})/i.exec(whole);
  if (!range) warnings.push('The inspection dates were not found; enter them before importing.');
  if (findings.length === 0) warnings.push('No areas for improvement or for priority action were found under their headings.');
  if (outcome.id !== 'widespread_failings' && findings.some((f) => f.type === 'area_for_priority_action')) {
    warnings.push('The report lists areas for priority action, which only come with the third outcome (widespread and/or systemic failings). Check the outcome.');
  }
  return {
    area: title.area,
    title: title.title,
    outcomeId: outcome.id,
    outcomeText: outcome.verbatim,
    onsiteStartOn: range?.start ?? null,
    onsiteEndOn: range?.end ?? null,
    publishedOn: published ? dateIn(published[1]!) : null,
    findings,
    warnings,
  };
}

/** Words that name a partner kind in a finding ("leaders in the ICB should…"). */
const KIND_WORDS: { kind: string; re: RegExp }[] = [
  { kind: 'council', re: /\b(?:local\s+authority|council)\b/i },
  { kind: 'health', re: /\b(?:ICB|integrated\s+care\s+board|health\s+(?:leaders|services|commissioners)|NHS)\b/i },
  { kind: 'parent_carer_forum', re: /\bparent\s+carer\s+forum\b/i },
];

/** The workbook's partners a finding names: by their own name, or by the words for their kind. */
export function partnersNamed(text: string, partners: { id: number; name: string; kind: string }[]): number[] {
  const plain = plainWords(text);
  const kinds = KIND_WORDS.filter((k) => k.re.test(text)).map((k) => k.kind);
  return partners.filter((p) => (p.name.trim().length > 2 && plain.includes(plainWords(p.name))) || kinds.includes(p.kind)).map((p) => p.id);
}
