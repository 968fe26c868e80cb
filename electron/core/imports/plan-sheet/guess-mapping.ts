/**
 * Which field a column holds, guessed from its header words ("Ref", "Lead officer", "Target
 * date", "RAG"…). The officer confirms or corrects the guess before anything is read with it.
 */
import type { PlanSheetField } from '../../../contract/groups/plan-sheet';
import { columnLetter } from './read-sheet';

/** A header cell's words: lower case, punctuation as spaces, single spaces. */
export function headerWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9/&]+/g, ' ')
    .trim();
}

/**
 * In order: the first rule a header matches decides its field, so the more particular rules
 * ("revised due date", "milestone date", "RAG status") come before the general ones ("due", "status").
 */
const RULES: [PlanSheetField, RegExp][] = [
  ['revisedDueReason', /\breason\b.*\b(revis|chang|delay|slip|extension)|\b(why)\b.*\b(revis|delay|chang)/],
  ['revisedDueOn', /\b(revised|revision|new|amended|reprofiled|re profiled|updated)\b.*\b(date|due|deadline|target|timescale|completion)|\brevised\b/],
  ['milestoneDueOn', /\bmilestones?\b.*\b(date|due|deadline|by when|when|timescale)\b/],
  ['milestones', /\bmilestones?\b|\bkey steps\b|\binterim targets?\b|\bdeliverables?\b/],
  ['startsOn', /\bstart/],
  ['rag', /\brag\b|\br a g\b|\brating\b|\bred amber green\b/],
  ['status', /\bstatus\b|^complete$|^progress status$/],
  ['actionReference', /^(action )?(ref|reference|ref no|no|number|#|id|action no|action number|action ref)$|\baction (ref|reference|no|number|id)\b/],
  ['priorityReference', /\b(priority|area|workstream|theme|objective|weakness|concern) (ref|reference|no|number|#|id)\b/],
  ['sro', /\bsro\b|\bsenior responsible\b|\baccountable\b|\bexecutive (lead|sponsor)\b|\bstrategic lead\b|\bsponsor\b/],
  ['partner', /\bpartners?\b|\bagency\b|\borgani[sz]ation\b|\blead body\b/],
  ['lead', /\blead\b|\bresponsib|\bowner\b|\bofficer\b|\bwho\b|\baction by\b/],
  ['successMeasures', /\bsuccess\b|\bimpact\b|\bmeasures?\b|\bkpis?\b|\bmonitor|\bhow (will|do) we know\b|\bdifference\b|\boutcomes? (for|we|expected)\b|\bexpected outcomes?\b/],
  ['how', /^how\b|\bhow we will\b|\bhow will we (do|achieve|deliver)\b|\bmethod\b|\bapproach\b|\bactivities\b|\bsteps\b/],
  ['progressNote', /\bprogress\b|\bupdate\b|\bhighlights\b|\bissues\b|\bcommentary\b|\bcomments?\b|\bnarrative\b|\bposition\b/],
  ['dueOn', /\btarget date\b|\bdue\b|\bdeadline\b|\bcompletion\b|\bby when\b|\btimescales?\b|\btimeframe\b|\bend date\b|^when\b|^date$|^target$/],
  ['references', /\blink(ed|s)? to\b|\bsource\b|\bfindings?\b|\bweakness ref|\bcross ref|\brelated to\b|\breferences\b/],
  ['priorityTitle', /\bpriorit|\barea of (weakness|concern|focus|improvement)\b|\bworkstream\b|\btheme\b|\bobjective\b|\bstrand\b|^area$|\bweakness\b|\bconcern\b/],
  ['what', /\baction\b|\bwhat\b|\bdescription\b|\bactivity\b|\bintervention\b|\btask\b/],
];

export function fieldFor(header: string): PlanSheetField | null {
  const words = headerWords(header);
  if (!words) return null;
  return RULES.find(([, re]) => re.test(words))?.[0] ?? null;
}

/** Field → column letter; each field from the first column that matches it, each column used once. */
export function guessMapping(headerCells: string[]): Partial<Record<PlanSheetField, string>> {
  const mapping: Partial<Record<PlanSheetField, string>> = {};
  headerCells.forEach((text, i) => {
    const field = fieldFor(text);
    if (field && !mapping[field]) mapping[field] = columnLetter(i);
  });
  return mapping;
}

/** How many of a row's cells read as headers of some field: the header row has the most. */
export function headerScore(cells: string[]): number {
  const fields = new Set<PlanSheetField>();
  for (const text of cells) {
    if (text.length > 80) continue;
    const field = fieldFor(text);
    if (field) fields.add(field);
  }
  return fields.size;
}
