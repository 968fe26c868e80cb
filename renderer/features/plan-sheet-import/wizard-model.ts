/**
 * What the wizard holds between its steps, and its checks before asking the backend: each is the
 * contract's own zod schema, so the messages and rules are the ones the backend applies.
 */
import { ApiFailure } from '../../../electron/contract/client';
import { ACTION_STATUSES, RAG_CODES, label } from '../../../electron/contract/enums';
import {
  PLAN_SHEET_FIELDS,
  PLAN_SHEET_FIELD_LABELS,
  planSheetMapping,
  planSheetPreviewInput,
  planSheetTarget,
  type PlanSheetField,
  type PlanSheetPreview,
  type PlanSheetPreviewInput,
  type PlanSheetSample,
  type PlanSheetTarget,
} from '../../../electron/contract/groups/plan-sheet';
import { dateInput } from '../../api/use-form';
import type { Problem } from './problem-summary';

export type Sample = PlanSheetSample;
export type Preview = PlanSheetPreview;
export type Mapping = Partial<Record<PlanSheetField, string>>;

export interface TargetChoice {
  kind: 'new' | 'existing';
  title: string;
  type: string;
  startsOn: string;
  endsOn: string;
  planId: string;
  /** The date the spreadsheet's RAG ratings and notes were written, as typed (22/11/2026). */
  reportedOn: string;
}

export const STEP_TITLES = [
  'Choose the spreadsheet',
  'Choose the sheet',
  'Check the header row',
  'Match the columns to the plan',
  'Check the status and RAG words',
  'Choose where the plan goes',
  'Check what will be imported',
] as const;

/** Fields an import cannot do without: the actions themselves. */
export const REQUIRED_FIELDS: readonly PlanSheetField[] = ['what'];

/** A line of help under the fields whose meaning is not obvious from the name. */
export const FIELD_HINTS: Partial<Record<PlanSheetField, string>> = {
  priorityReference: 'A merged or blank cell carries the priority above down to the rows below it.',
  what: 'A reference at the start (“1.1 We will…”) is used if there is no action reference column.',
  lead: 'People not yet in the workbook are added.',
  partner: 'Organisations not yet in the workbook are added as partners.',
  rag: 'Recorded as a progress update on each action.',
  progressNote: 'Recorded as the progress update’s highlights.',
  milestones: 'Either several milestones in one cell (one per line, or separated by semicolons), or milestones on rows of their own under an action.',
  milestoneDueOn: 'The due date on milestone rows.',
};

export const FIELDS = PLAN_SHEET_FIELDS;
export const fieldLabel = (f: PlanSheetField) => PLAN_SHEET_FIELD_LABELS[f];
export const mapSelectId = (f: PlanSheetField) => `plan-sheet-map-${f}`;

/** Status words map to the action statuses; RAG words to the RAG codes or none. */
export function meaningOptions(field: 'status' | 'rag'): { value: string; label: string }[] {
  if (field === 'status') return ACTION_STATUSES.map((s) => ({ value: s, label: label(s) }));
  return [...RAG_CODES.map((r) => ({ value: r as string, label: label(r) })), { value: 'none', label: 'No RAG' }];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "Rows 5, 7 and 9" (at most eight listed). */
export function rowList(rows: number[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, 8).map(String);
  const more = rows.length - shown.length;
  if (more > 0) return `Rows ${shown.join(', ')} and ${plural(more, 'more')}`;
  if (shown.length === 1) return `Row ${shown[0]}`;
  return `Rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A title for a new plan from the file's name: "wsoa_tracker v3.xlsx" → "Wsoa tracker v3". */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : 'Imported action plan';
}

/** Issues of a zod check as a problem summary, each linked to its control. */
function asProblem(issues: { path: PropertyKey[]; message: string }[], targetOf: (path: string) => string | undefined): Problem | null {
  if (issues.length === 0) return null;
  // One message a field: a date that is not a date need not also be told it is not a real date.
  const items = issues.map((i) => ({ message: i.message, target: targetOf(i.path.map(String).join('.')) }));
  return { items: items.filter((item, n) => !item.target || items.findIndex((x) => x.target === item.target) === n) };
}

/** The mapping step's problems, by the contract's own rule (two fields on one column, no actions column). */
export function mappingProblems(mapping: Mapping): Problem | null {
  const r = planSheetMapping.safeParse(cleanMapping(mapping));
  return r.success ? null : asProblem(r.error.issues, (path) => controlOfPath(`mapping.${path}`));
}

export const targetIds = { title: 'plan-sheet-title', startsOn: 'plan-sheet-starts', endsOn: 'plan-sheet-ends', planId: 'plan-sheet-plan', reportedOn: 'plan-sheet-reported' } as const;

/** The target step's problems, by the contract's schemas (the union is checked by the branch chosen, so each field gets its own message). */
export function targetProblems(t: TargetChoice): Problem | null {
  const input = targetInput(t);
  const branch = t.kind === 'new' ? planSheetTarget.options[0] : planSheetTarget.options[1];
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const r = branch.safeParse(input);
  if (!r.success) issues.push(...r.error.issues);
  if (t.kind === 'new' && r.success && 'newPlan' in r.data) {
    const { startsOn, endsOn } = r.data.newPlan;
    if (startsOn && endsOn && endsOn < startsOn) issues.push({ path: ['newPlan', 'endsOn'], message: 'The end date must be on or after the start date.' });
  }
  const reportedOn = dateInput(t.reportedOn);
  if (reportedOn !== null) {
    const d = planSheetPreviewInput.shape.reportedOn.safeParse(reportedOn);
    if (!d.success) issues.push(...d.error.issues.map((i) => ({ ...i, path: ['reportedOn'] })));
  }
  return asProblem(issues, (path) => controlOfPath(path === 'reportedOn' ? path : `target.${path}`));
}

function cleanMapping(mapping: Mapping): Mapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, c]) => !!c));
}

function targetInput(t: TargetChoice): PlanSheetTarget {
  return t.kind === 'new'
    ? { newPlan: { title: t.title.trim(), type: t.type, startsOn: dateInput(t.startsOn), endsOn: dateInput(t.endsOn) } }
    : { planId: t.planId ? Number(t.planId) : (undefined as unknown as number) };
}

export function previewInput(o: { uploadId: string; sheet: string; headerRow: number; mapping: Mapping; statusMap: Record<string, string>; ragMap: Record<string, string>; target: TargetChoice }): PlanSheetPreviewInput {
  const reportedOn = dateInput(o.target.reportedOn);
  return {
    uploadId: o.uploadId,
    sheet: o.sheet,
    headerRow: o.headerRow,
    mapping: cleanMapping(o.mapping),
    statusMap: o.statusMap as PlanSheetPreviewInput['statusMap'],
    ragMap: o.ragMap as PlanSheetPreviewInput['ragMap'],
    target: targetInput(o.target),
    ...(reportedOn ? { reportedOn } : {}),
  };
}

/**
 * The backend's refusal as a problem summary: each field issue, linked to the control that fixes it
 * when that control is on the step shown.
 */
export function problemOf(e: unknown, targetOf: (path: string) => string | undefined = () => undefined, otherwise = 'Something went wrong and nothing was changed. Try again.'): Problem {
  // Only the backend's refusals are worded for the officer; anything else gets a plain sentence.
  if (!(e instanceof ApiFailure)) return { message: otherwise };
  const err = e.error;
  if (!err.issues?.length) return { message: err.message };
  return { items: err.issues.map((i) => ({ message: i.message, target: targetOf(i.path) })) };
}

/** The step whose control a problem links to (4: the columns, 6: where the plan goes), if any. */
export function stepOfControl(id: string | undefined): 4 | 6 | null {
  if (!id) return null;
  if (id.startsWith('plan-sheet-map-')) return 4;
  return (Object.values(targetIds) as string[]).includes(id) ? 6 : null;
}

/** Issue paths of the preview/apply input that belong to a control of the mapping or target step. */
export function controlOfPath(path: string): string | undefined {
  const mapped = /^mapping\.(\w+)/.exec(path);
  if (mapped && (FIELDS as readonly string[]).includes(mapped[1]!)) return mapSelectId(mapped[1] as PlanSheetField);
  if (path.startsWith('target.newPlan.title')) return targetIds.title;
  if (path.startsWith('target.newPlan.startsOn')) return targetIds.startsOn;
  if (path.startsWith('target.newPlan.endsOn')) return targetIds.endsOn;
  if (path.startsWith('target.planId')) return targetIds.planId;
  if (path === 'reportedOn') return targetIds.reportedOn;
  return undefined;
}
