/**
 * Compares a parsed return with the workbook as it is now and works out, row by row, what would
 * change. Synchronous and free of side effects: the preview shows its result, and the apply step
 * runs it again inside the write transaction so it acts on the data as it is at that moment.
 *
 * For each editable field there are three values: as exported (its fingerprint in the Row ID),
 * in the returned file, and in the app now. Only fields the partner changed count; if the app
 * changed the same field since the export, it is a conflict the officer resolves.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { actions, milestones, partners, people, plans, priorities, progressUpdates } from '../../../db/schema';
import { LABELS, label } from '../../contract/enums';
import * as planSchemas from '../../contract/schemas/plan';
import { ukDate } from '../../contract/format';
import type { z } from 'zod';
import type { planPreview, previewRow, rejectedRow } from '../../contract/groups/excel-exports';
import { actionValues, canonical, milestoneValues, statusKeyOf, workbookIdOf, type ActionView, type MilestoneRow, type UpdateRow } from '../exports/xlsx/plan-data';
import { fingerprint, normaliseName, normaliseText, parseIdentity, type RowIdentity } from '../exports/xlsx/row-identity';
import { EXCEL_CELL_LIMIT, MILESTONE_COLUMNS, MILESTONE_TRACKED, PLAN_COLUMNS, PLAN_TRACKED, type ColumnSpec } from '../exports/xlsx/sheet-spec';
import type { ServiceContext } from '../services/context';
import { today } from '../services/context';
import type { RowOf } from '../services/entity-registry';
import { actionViews } from '../services/plan-service';
import type { ParsedReturn, ReturnRow, ReturnSheet } from './read-return';
import { findPlanExport, type PlanExportRecord } from './export-record';
import { choiceOf, clip, dateOf, textOf, vocabularies, type Parsed, type Vocabularies } from './value-parsers';

export type Preview = z.output<typeof planPreview>;
type PreviewRow = z.output<typeof previewRow>;
type Rejected = z.output<typeof rejectedRow>;

export interface CompareOptions {
  returnedBy?: string;
}

/** A field the partner changed, with the value to store. */
export interface FieldWork {
  field: string;
  conflict: boolean;
  /** Stored form: text, ISO date or '' (null), code, or a person/partner id. */
  value: string | number | null;
}

export interface NewUpdate {
  highlights: string;
  issues: string;
  mitigation: string;
  reportedOn: string;
  periodLabel: string;
  status: string;
  rag: string | null;
  author: string;
}

export type RowWork =
  | { kind: 'action'; rowKey: string; actionId: number; partner: string; fields: FieldWork[]; commentary: { highlights: string; issues: string; mitigation: string } | null; ragReasonFallback: string }
  | { kind: 'milestone'; rowKey: string; milestoneId: number; fields: FieldWork[] }
  | { kind: 'new_milestone'; rowKey: string; actionId: number; values: { title: string; periodLabel: string; dueOn: string | null; status: string; achievedOn: string | null } }
  | { kind: 'new_update'; rowKey: string; actionId: number; partner: string; update: NewUpdate };

export interface Comparison {
  preview: Preview;
  work: RowWork[];
}

const PLAN_SPEC = new Map(PLAN_COLUMNS.map((c) => [c.key, c]));
const MILESTONE_SPEC = new Map(MILESTONE_COLUMNS.map((c) => [c.key, c]));

/** Per-field zod checks from the contract, so a return obeys the same limits as the app's forms. */
const ACTION_FIELD_SCHEMA: Record<string, z.ZodType | undefined> = {
  what: planSchemas.actionCreate.shape.what,
  how: planSchemas.actionCreate.shape.how,
  revisedDueReason: planSchemas.actionCreate.shape.revisedDueReason,
  successMeasures: planSchemas.actionCreate.shape.successMeasures,
  ragReason: planSchemas.actionCreate.shape.ragOverrideReason,
  newHighlights: planSchemas.progressCreate.shape.highlights,
  newIssues: planSchemas.progressCreate.shape.issues,
  newMitigation: planSchemas.progressCreate.shape.mitigation,
};
const MILESTONE_FIELD_SCHEMA: Record<string, z.ZodType | undefined> = {
  title: planSchemas.milestoneCreate.shape.title,
  periodLabel: planSchemas.milestoneCreate.shape.periodLabel,
};

function checkText(schema: z.ZodType | undefined, value: string): string | null {
  if (!schema) return null;
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'This value is not accepted.');
}

interface Lookups {
  workbookId: string;
  vocab: Vocabularies;
  ragLabel: (code: string) => string;
  people: Map<string, { id: number; name: string }>;
  partners: Map<string, { id: number; name: string }>;
  today: string;
}

function nameMap(rows: { id: number; name: string }[]): Map<string, { id: number; name: string }> {
  const map = new Map<string, { id: number; name: string }>();
  for (const r of rows) if (!map.has(normaliseName(r.name))) map.set(normaliseName(r.name), r);
  return map;
}

function loadLookups(ctx: ServiceContext): Lookups {
  const key = statusKeyOf(ctx);
  return {
    workbookId: workbookIdOf(ctx),
    vocab: vocabularies(key.entries),
    ragLabel: (code) => key.entries.find((e) => e.rag === code)?.label ?? label(code),
    people: nameMap(ctx.db.select({ id: people.id, name: people.name }).from(people).where(isNull(people.deletedAt)).all()),
    partners: nameMap(ctx.db.select({ id: partners.id, name: partners.name }).from(partners).where(isNull(partners.deletedAt)).all()),
    today: today(ctx),
  };
}

function chunks<T>(items: T[], size = 900): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** How a stored value reads in the preview. */
function display(spec: ColumnSpec, value: string, lk: Lookups): string {
  if (value === '') return '(blank)';
  if (spec.kind === 'date') return ukDate(value);
  if (spec.kind === 'actionStatus' || spec.kind === 'milestoneStatus') return LABELS[value] ?? value;
  if (spec.kind === 'rag') return lk.ragLabel(value);
  return clip(value, 400);
}

/** The returned value of one field in canonical stored form, or why it cannot be used. */
function theirValue(spec: ColumnSpec, row: ReturnRow, lk: Lookups): Parsed<string> {
  const cell = row.cells[spec.key];
  if (cell !== null && cell !== undefined && typeof cell === 'object' && 'error' in cell) {
    return { ok: false, reason: `${spec.header}: the cell shows an error (${cell.error}). Type the value instead.` };
  }
  switch (spec.kind) {
    case 'date':
      return dateOf(cell, spec.header);
    case 'actionStatus':
      return choiceOf(cell, lk.vocab.actionStatus, spec.header);
    case 'milestoneStatus':
      return choiceOf(cell, lk.vocab.milestoneStatus, spec.header);
    case 'rag':
      return choiceOf(cell, lk.vocab.rag, spec.header);
    default:
      return { ok: true, value: textOf(cell) };
  }
}

interface FieldOutcome {
  changes: PreviewRow['changes'];
  fields: FieldWork[];
  reasons: string[];
}

/** The three-way comparison for the tracked fields of one row. */
function compareFields(
  specs: Map<string, ColumnSpec>,
  tracked: string[],
  present: Set<string>,
  identity: RowIdentity,
  currentVersion: number,
  row: ReturnRow,
  mine: Record<string, string>,
  lk: Lookups,
  schemas: Record<string, z.ZodType | undefined>,
): FieldOutcome {
  const out: FieldOutcome = { changes: [], fields: [], reasons: [] };
  const printsUsable = identity.fingerprints.length === tracked.length;
  tracked.forEach((key, i) => {
    const spec = specs.get(key)!;
    if (!present.has(key)) return;
    const base = printsUsable ? identity.fingerprints[i] : undefined;
    if (base === null) return; // exported read-only (shortened text)
    const theirs = theirValue(spec, row, lk);
    const mineCanon = canonical(spec.kind, mine[key] ?? '');
    if (!theirs.ok) {
      // The export writes only valid values, so an unreadable one was typed by the partner.
      out.reasons.push(theirs.reason);
      return;
    }
    const theirCanon = canonical(spec.kind, theirs.value);
    const theirsChanged = base !== undefined ? fingerprint(theirCanon) !== base : theirCanon !== mineCanon;
    if (!theirsChanged || theirCanon === mineCanon) return;
    const mineChanged = base !== undefined ? fingerprint(mineCanon) !== base : identity.version !== currentVersion;
    if (theirs.value === '' && (spec.kind === 'actionStatus' || spec.kind === 'milestoneStatus' || spec.kind === 'rag')) {
      out.reasons.push(`${spec.header} cannot be left blank: choose one from the list.`);
      return;
    }
    let value: string | number | null = theirs.value === '' ? null : theirs.value;
    let shown = theirs.value;
    if (spec.kind === 'person' || spec.kind === 'partner') {
      if (theirs.value !== '') {
        const found = (spec.kind === 'person' ? lk.people : lk.partners).get(normaliseName(theirs.value));
        if (!found) {
          out.reasons.push(
            spec.kind === 'person'
              ? `${spec.header} “${clip(theirs.value)}” is not in the workbook’s list of people. Choose a name from the list, or add the person in the app first.`
              : `${spec.header} “${clip(theirs.value)}” is not one of the workbook’s partners. Choose one from the list.`,
          );
          return;
        }
        value = found.id;
        shown = found.name;
      }
    } else if (spec.kind === 'text') {
      value = theirs.value;
      const problem = checkText(schemas[key], theirs.value);
      if (problem) {
        out.reasons.push(`${spec.header}: ${problem}`);
        return;
      }
    }
    out.fields.push({ field: key, conflict: mineChanged, value });
    out.changes.push({ field: key, label: spec.header, from: display(spec, mine[key] ?? '', lk), to: display(spec, shown, lk), conflict: mineChanged });
  });
  return out;
}

const sameText = (a: string, b: string) => normaliseText(a) === normaliseText(b);

type ActionRef = { id: number; partner: string; status: string; rag: string };

/** Everything a comparison needs from the workbook, read once for the whole file. */
interface Loaded {
  lk: Lookups;
  identities: Map<ReturnRow, RowIdentity | null>;
  views: Map<number, ActionView>;
  stoneRows: Map<number, MilestoneRow>;
  updateRows: Map<number, UpdateRow>;
  planId: number | null;
  planTitle: string;
  /** Live actions of the plan now: a record is bound to the plan through them. */
  planActionIds: Set<number>;
  /** The rows the recorded export held, when the file names a recorded export. */
  exported: PlanExportRecord | null;
  /** Why no row of this file can be used at all (the file names no plan, or a plan it cannot be). */
  unbound: string | null;
  actionsByRef: Map<string, ActionRef>;
  updatesByAction: Map<number, UpdateRow[]>;
  stonesByAction: Map<number, MilestoneRow[]>;
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// load

function loadComparison(ctx: ServiceContext, parsed: ParsedReturn): Loaded {
  const lk = loadLookups(ctx);
  const warnings: string[] = [];
  const identities = new Map<ReturnRow, RowIdentity | null>();
  for (const r of parsed.rows) if (r.identity) identities.set(r, parseIdentity(r.identity));
  const idsOf = (entity: RowIdentity['entity']) => [...identities.values()].filter((i): i is RowIdentity => i?.entity === entity && i.workbookId === lk.workbookId).map((i) => i.id);

  // The app's current records for every row in the file, in a few queries.
  const actionRows: RowOf<'action'>[] = [];
  for (const g of chunks([...new Set(idsOf('action'))])) actionRows.push(...(ctx.db.select().from(actions).where(and(inArray(actions.id, g), isNull(actions.deletedAt))).all()));
  const views = new Map<number, ActionView>(chunks(actionRows).flatMap((g) => actionViews(ctx, g)).map((v) => [v.id, v]));
  const stoneRows = new Map<number, MilestoneRow>();
  for (const g of chunks([...new Set(idsOf('milestone'))])) {
    for (const m of ctx.db.select().from(milestones).where(and(inArray(milestones.id, g), isNull(milestones.deletedAt))).all()) stoneRows.set(m.id, m);
  }
  const updateRows = new Map<number, UpdateRow>();
  for (const g of chunks([...new Set(idsOf('progress'))])) {
    for (const u of ctx.db.select().from(progressUpdates).where(and(inArray(progressUpdates.id, g), isNull(progressUpdates.deletedAt))).all()) updateRows.set(u.id, u);
  }

  // The plan the file names binds every row (issue #14): never the plan of whichever row comes first.
  let unbound: string | null = null;
  let planId: number | null = null;
  let exported: PlanExportRecord | null = null;
  if (!parsed.plan) {
    unbound = 'The file does not say which plan it was exported from (its hidden Lists sheet is missing or was changed), so no row of it can be matched safely. Export the plan again and send partners that file.';
  } else if (parsed.plan.workbookId !== lk.workbookId) {
    warnings.push('This file was exported from a different workbook. Rows from it cannot be matched here.');
  } else {
    planId = parsed.plan.planId;
    if (parsed.plan.exportId) {
      exported = findPlanExport(ctx, parsed.plan.exportId);
      if (exported && exported.planId !== planId) {
        unbound = 'The file’s hidden export details were changed (they name two different plans), so no row of it can be used. Export the plan again and send partners that file.';
        exported = null;
      } else if (!exported) {
        warnings.push('This workbook has no record of the export this file came from (it may have been exported from a copy of the workbook). Its rows were checked against the plan only.');
      }
    } else {
      warnings.push('This file does not say which export it came from (it was exported by an earlier version, or from a read-only workbook), so its rows were checked against the plan only.');
    }
  }
  const planRow = planId == null ? undefined : ctx.db.select().from(plans).where(and(eq(plans.id, planId), isNull(plans.deletedAt))).get();
  if (planId != null && !planRow) {
    warnings.push('The plan this file was exported from is no longer in the workbook (it may be in the Bin).');
    planId = null;
  }
  if (unbound) {
    warnings.push(unbound);
    planId = null;
  }

  const actionsByRef = new Map<string, ActionRef>();
  const planActionIds = new Set<number>();
  if (planId != null) {
    const refs = ctx.db
      .select({ id: actions.id, reference: actions.reference })
      .from(actions)
      .innerJoin(priorities, eq(priorities.id, actions.priorityId))
      .where(and(eq(priorities.planId, planId), isNull(priorities.deletedAt), isNull(actions.deletedAt)))
      .all();
    const missing = refs
      .filter((r) => !views.has(r.id))
      .map((r) => getActionRow(ctx, r.id))
      .filter((a): a is RowOf<'action'> => a !== undefined);
    for (const v of chunks(missing).flatMap((g) => actionViews(ctx, g))) views.set(v.id, v);
    for (const r of refs) {
      const v = views.get(r.id)!;
      planActionIds.add(r.id);
      actionsByRef.set(normaliseName(r.reference), { id: r.id, partner: v.partnerName ?? '', status: v.status, rag: v.rag });
    }
  }

  // Existing updates and milestones of the actions concerned, to recognise a return imported twice.
  const updatesByAction = new Map<number, UpdateRow[]>();
  const stonesByAction = new Map<number, MilestoneRow[]>();
  for (const g of chunks([...planActionIds])) {
    for (const u of ctx.db.select().from(progressUpdates).where(and(inArray(progressUpdates.actionId, g), isNull(progressUpdates.deletedAt))).all()) {
      updatesByAction.set(u.actionId, [...(updatesByAction.get(u.actionId) ?? []), u]);
    }
    for (const m of ctx.db.select().from(milestones).where(and(inArray(milestones.actionId, g), isNull(milestones.deletedAt))).all()) {
      stonesByAction.set(m.actionId, [...(stonesByAction.get(m.actionId) ?? []), m]);
    }
  }
  return { lk, identities, views, stoneRows, updateRows, planId, planTitle: planRow?.title ?? '', planActionIds, exported, unbound, actionsByRef, updatesByAction, stonesByAction, warnings };
}

// ---------------------------------------------------------------------------------------------
// match: a Row ID names a record of this workbook, of the export the file came from, and of the
// plan the file belongs to as it is now; anything else is a rejected row with the reason.

const NOUN: Record<RowIdentity['entity'], string> = { action: 'action', milestone: 'milestone', progress: 'update' };

function matchIdentity(id: RowIdentity | null, entity: RowIdentity['entity'], L: Loaded): { ok: true; id: RowIdentity } | { ok: false; reason: string } {
  if (L.unbound) return { ok: false, reason: L.unbound };
  if (!id || id.entity !== entity) return { ok: false, reason: 'The hidden Row ID was changed, so this row cannot be matched to the workbook.' };
  if (id.workbookId !== L.lk.workbookId) return { ok: false, reason: 'This row came from a different workbook, so it was not matched.' };
  if (L.planId == null) return { ok: false, reason: 'The plan this file was exported from is no longer in the workbook, so the row was not used.' };
  if (L.exported && !L.exported.rows[entity].has(id.id)) {
    return { ok: false, reason: `This ${NOUN[entity]} was not in the file as it was exported (its hidden Row ID was changed or copied from another file), so the row was not used.` };
  }
  return { ok: true, id };
}

/** The action a record hangs from now must be one of the plan's: a Row ID cannot reach another plan. */
function inPlan(actionId: number, entity: RowIdentity['entity'], L: Loaded): string | null {
  if (L.planActionIds.has(actionId)) return null;
  return `This ${NOUN[entity]} belongs to another plan (or its action was moved out of “${L.planTitle}”), so it cannot be changed from this file. Only rows of “${L.planTitle}” are used.`;
}

// ---------------------------------------------------------------------------------------------
// classify: one outcome per row, gathered into the preview

interface Outcomes {
  rows: PreviewRow[];
  rejected: Rejected[];
  work: RowWork[];
  unchanged: number;
  alreadyPresent: number;
}

type RowResult =
  | { kind: 'rejected'; title: string; reason: string }
  | { kind: 'unchanged' }
  | { kind: 'already_present' }
  | { kind: 'change'; row: PreviewRow; work: RowWork };

function classify(out: Outcomes, row: ReturnRow, result: RowResult): void {
  if (result.kind === 'rejected') out.rejected.push({ sheet: row.sheet, rowNumber: row.rowNumber, title: result.title, reason: result.reason });
  else if (result.kind === 'unchanged') out.unchanged += 1;
  else if (result.kind === 'already_present') out.alreadyPresent += 1;
  else {
    out.rows.push(result.row);
    out.work.push(result.work);
  }
}

export function compareReturn(ctx: ServiceContext, parsed: ParsedReturn, options: CompareOptions = {}): Comparison {
  const L = loadComparison(ctx, parsed);
  const returnedBy = normaliseText(options.returnedBy ?? '');
  const partnerFor = (fallback: string) => returnedBy || fallback || 'a returned spreadsheet';
  const out: Outcomes = { rows: [], rejected: [], work: [], unchanged: 0, alreadyPresent: 0 };
  const seen = new Map<string, number>();
  const present = (sheet: ReturnSheet) => new Set(parsed.columns[sheet]);

  for (const row of parsed.rows) {
    const id = L.identities.get(row) ?? null;
    if (row.identity && id) {
      const key = `${id.entity}:${id.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        classify(out, row, { kind: 'rejected', title: `${row.sheet} row ${row.rowNumber}`, reason: `This row is a copy of row ${first}; only the first copy is used.` });
        continue;
      }
      seen.set(key, row.rowNumber);
    }
    const result =
      row.sheet === 'Plan'
        ? diffActionRow(row, id, L, present('Plan'), partnerFor)
        : row.sheet === 'Milestones'
          ? diffMilestoneRow(row, id, L, present('Milestones'), partnerFor)
          : diffUpdateRow(row, id, L, partnerFor);
    classify(out, row, result);
  }

  const warnings = L.warnings;
  if (parsed.rows.length > 0 && out.rejected.length === parsed.rows.length && out.rejected.every((r) => r.reason.startsWith('This row came from a different workbook'))) {
    warnings.push('Every row came from a different workbook: check you opened the right workbook for this file.');
  }
  const { rows, rejected, work } = out;
  const preview: Preview = {
    fileName: parsed.fileName,
    fileHash: parsed.fileHash,
    planId: L.planId,
    planTitle: L.planTitle,
    exportedOn: parsed.plan?.exportedAt ? parsed.plan.exportedAt.slice(0, 10) : null,
    rows,
    rejected,
    counts: {
      rowsRead: parsed.rows.length,
      unchanged: out.unchanged,
      changed: rows.filter((r) => r.kind === 'changed').length,
      newMilestones: rows.filter((r) => r.kind === 'new_milestone').length,
      newUpdates: rows.filter((r) => r.kind === 'new_update').length + rows.filter((r) => r.kind === 'changed' && r.newUpdate).length,
      conflicts: rows.filter((r) => r.conflict).length,
      rejected: rejected.length,
      alreadyPresent: out.alreadyPresent,
    },
    warnings,
  };
  return { preview, work };
}

// ---------------------------------------------------------------------------------------------
// diff: what one row would change

function diffActionRow(row: ReturnRow, id: RowIdentity | null, L: Loaded, present: Set<string>, partnerFor: (fallback: string) => string): RowResult {
  const { lk } = L;
  const ref = textOf(row.cells.reference);
  const title = `Action ${ref}${row.cells.what ? `: ${clip(textOf(row.cells.what))}` : ''}`;
  if (!row.identity) return { kind: 'rejected', title, reason: 'New actions cannot be added from a spreadsheet. Add the action in the app, then export the plan again.' };
  const matched = matchIdentity(id, 'action', L);
  if (!matched.ok) return { kind: 'rejected', title, reason: matched.reason };
  const view = L.views.get(matched.id.id);
  if (!view) return { kind: 'rejected', title, reason: 'This action is no longer in the workbook (it may be in the Bin), so the row was not used.' };
  const elsewhere = inPlan(view.id, 'action', L);
  if (elsewhere) return { kind: 'rejected', title, reason: elsewhere };
  const commentary = {
    highlights: textOf(row.cells.newHighlights),
    issues: textOf(row.cells.newIssues),
    mitigation: textOf(row.cells.newMitigation),
  };
  const hasCommentary = Boolean(commentary.highlights || commentary.issues || commentary.mitigation);
  const mine = actionValues(view);
  const outcome = compareFields(PLAN_SPEC, PLAN_TRACKED, present, matched.id, view.version, row, mine, lk, ACTION_FIELD_SCHEMA);
  for (const key of ['newHighlights', 'newIssues', 'newMitigation'] as const) {
    const problem = hasCommentary ? checkText(ACTION_FIELD_SCHEMA[key], textOf(row.cells[key])) : null;
    if (problem) outcome.reasons.push(`${PLAN_SPEC.get(key)!.header}: ${problem}`);
  }
  const revised = outcome.fields.find((f) => f.field === 'revisedDueOn');
  const reasonField = outcome.fields.find((f) => f.field === 'revisedDueReason');
  if (revised?.value && !(reasonField ? String(reasonField.value ?? '') : (mine.revisedDueReason ?? '')).trim()) {
    outcome.reasons.push('Revised due: say why the due date was revised, and who agreed it, in “Reason for revised date”.');
  }
  if (outcome.reasons.length) return { kind: 'rejected', title, reason: outcome.reasons.join(' ') };
  const already =
    hasCommentary &&
    (L.updatesByAction.get(view.id) ?? []).some((u) => sameText(u.highlights, commentary.highlights) && sameText(u.issues, commentary.issues) && sameText(u.mitigation, commentary.mitigation));
  const useCommentary = hasCommentary && !already;
  if (outcome.fields.length === 0 && !useCommentary) return already ? { kind: 'already_present' } : { kind: 'unchanged' };
  const partner = partnerFor(view.partnerName ?? '');
  const statusField = outcome.fields.find((f) => f.field === 'status');
  const ragField = outcome.fields.find((f) => f.field === 'rag');
  const newUpdate =
    statusField || ragField || useCommentary
      ? describeUpdate(lk, {
          reportedOn: lk.today,
          status: String(statusField?.value ?? view.status),
          rag: String(ragField?.value ?? view.rag),
          highlights: useCommentary ? commentary.highlights : '',
          issues: useCommentary ? commentary.issues : '',
          partner,
        })
      : null;
  const rowKey = `action:${view.id}`;
  return {
    kind: 'change',
    row: { rowKey, sheet: 'Plan', rowNumber: row.rowNumber, kind: 'changed', title: `Action ${view.reference}: ${clip(view.what)}`, partner, changes: outcome.changes, conflict: outcome.fields.some((f) => f.conflict), newUpdate },
    work: {
      kind: 'action',
      rowKey,
      actionId: view.id,
      partner,
      fields: outcome.fields,
      commentary: useCommentary ? commentary : null,
      ragReasonFallback: `Set by ${partner} in a returned spreadsheet on ${ukDate(lk.today)}.`,
    },
  };
}

function diffMilestoneRow(row: ReturnRow, id: RowIdentity | null, L: Loaded, present: Set<string>, partnerFor: (fallback: string) => string): RowResult {
  const { lk } = L;
  const title = `Milestone${row.cells.title ? `: ${clip(textOf(row.cells.title))}` : ` on row ${row.rowNumber}`}`;
  if (row.identity) {
    const matched = matchIdentity(id, 'milestone', L);
    if (!matched.ok) return { kind: 'rejected', title, reason: matched.reason };
    const stone = L.stoneRows.get(matched.id.id);
    if (!stone) return { kind: 'rejected', title, reason: 'This milestone is no longer in the workbook (it may be in the Bin), so the row was not used.' };
    const elsewhere = inPlan(stone.actionId, 'milestone', L);
    if (elsewhere) return { kind: 'rejected', title, reason: elsewhere };
    const outcome = compareFields(MILESTONE_SPEC, MILESTONE_TRACKED, present, matched.id, stone.version, row, milestoneValues(stone), lk, MILESTONE_FIELD_SCHEMA);
    if (outcome.reasons.length) return { kind: 'rejected', title, reason: outcome.reasons.join(' ') };
    if (outcome.fields.length === 0) return { kind: 'unchanged' };
    const action = L.views.get(stone.actionId);
    const rowKey = `milestone:${stone.id}`;
    return {
      kind: 'change',
      row: {
        rowKey,
        sheet: 'Milestones',
        rowNumber: row.rowNumber,
        kind: 'changed',
        title: `Milestone of ${action?.reference ?? 'an action'}: ${clip(stone.title)}`,
        partner: partnerFor(action?.partnerName ?? ''),
        changes: outcome.changes,
        conflict: outcome.fields.some((f) => f.conflict),
        newUpdate: null,
      },
      work: { kind: 'milestone', rowKey, milestoneId: stone.id, fields: outcome.fields },
    };
  }
  if (L.unbound) return { kind: 'rejected', title, reason: L.unbound };
  const added = newMilestone(row, lk, L.actionsByRef);
  if (!added.ok) return { kind: 'rejected', title, reason: added.reason };
  const { actionId, values } = added.value;
  if ((L.stonesByAction.get(actionId) ?? []).some((m) => normaliseName(m.title) === normaliseName(values.title))) return { kind: 'already_present' };
  const action = L.views.get(actionId);
  const rowKey = `Milestones:row${row.rowNumber}`;
  return {
    kind: 'change',
    row: {
      rowKey,
      sheet: 'Milestones',
      rowNumber: row.rowNumber,
      kind: 'new_milestone',
      title: `New milestone for ${action?.reference ?? ''}: ${clip(values.title)}`,
      partner: partnerFor(action?.partnerName ?? ''),
      changes: [],
      conflict: false,
      newUpdate: null,
    },
    work: { kind: 'new_milestone', rowKey, actionId, values },
  };
}

/** Updates sheet: recorded updates are history; only rows a partner added are new. */
function diffUpdateRow(row: ReturnRow, id: RowIdentity | null, L: Loaded, partnerFor: (fallback: string) => string): RowResult {
  const { lk } = L;
  const title = `Update${row.cells.actionRef ? ` for ${clip(textOf(row.cells.actionRef))}` : ''} on row ${row.rowNumber}`;
  if (row.identity) {
    const matched = matchIdentity(id, 'progress', L);
    if (!matched.ok) return { kind: 'rejected', title, reason: matched.reason };
    const u = L.updateRows.get(matched.id.id);
    if (u) {
      const elsewhere = inPlan(u.actionId, 'progress', L);
      if (elsewhere) return { kind: 'rejected', title, reason: elsewhere };
      if (updateWasEdited(u, row)) {
        return { kind: 'rejected', title, reason: 'Recorded updates are never changed. Leave this row as it was and add a new update in a blank row at the bottom instead.' };
      }
    }
    return { kind: 'unchanged' };
  }
  if (L.unbound) return { kind: 'rejected', title, reason: L.unbound };
  const added = newUpdateRow(row, lk, L.actionsByRef, partnerFor);
  if (!added.ok) return { kind: 'rejected', title, reason: added.reason };
  const { actionId, update, partner } = added.value;
  const exists = (L.updatesByAction.get(actionId) ?? []).some(
    (u) => u.reportedOn === update.reportedOn && sameText(u.highlights, update.highlights) && sameText(u.issues, update.issues) && sameText(u.mitigation, update.mitigation),
  );
  if (exists) return { kind: 'already_present' };
  const rowKey = `Updates:row${row.rowNumber}`;
  const action = L.views.get(actionId);
  return {
    kind: 'change',
    row: {
      rowKey,
      sheet: 'Updates',
      rowNumber: row.rowNumber,
      kind: 'new_update',
      title: `New update for ${action?.reference ?? ''}`,
      partner,
      changes: [],
      conflict: false,
      newUpdate: describeUpdate(lk, { ...update, partner }),
    },
    work: { kind: 'new_update', rowKey, actionId, partner, update },
  };
}

function getActionRow(ctx: ServiceContext, id: number): RowOf<'action'> | undefined {
  return ctx.db.select().from(actions).where(eq(actions.id, id)).get();
}

function describeUpdate(lk: Lookups, u: { reportedOn: string; status: string; rag: string | null; highlights: string; issues: string; partner: string }): string {
  const parts = [`${ukDate(u.reportedOn)}, from ${u.partner}: status ${LABELS[u.status] ?? u.status}`];
  if (u.rag) parts.push(`RAG ${lk.ragLabel(u.rag)}`);
  if (u.highlights) parts.push(`“${clip(u.highlights, 200)}”`);
  if (u.issues) parts.push(`issues: “${clip(u.issues, 200)}”`);
  return parts.join('; ');
}

function resolveAction(row: ReturnRow, actionsByRef: Map<string, ActionRef>): Parsed<ActionRef> {
  const ref = textOf(row.cells.actionRef);
  if (!ref) return { ok: false, reason: 'Action ref is empty: say which action (such as 1.2) the row belongs to.' };
  const found = actionsByRef.get(normaliseName(ref));
  return found ? { ok: true, value: found } : { ok: false, reason: `Action ref “${clip(ref)}” is not an action in this plan.` };
}

function newMilestone(
  row: ReturnRow,
  lk: Lookups,
  actionsByRef: Map<string, ActionRef>,
): Parsed<{ actionId: number; values: { title: string; periodLabel: string; dueOn: string | null; status: string; achievedOn: string | null } }> {
  const action = resolveAction(row, actionsByRef);
  if (!action.ok) return action;
  const title = textOf(row.cells.title);
  const reasons: string[] = [];
  const titleProblem = checkText(MILESTONE_FIELD_SCHEMA.title, title);
  if (titleProblem) reasons.push(`Milestone: ${titleProblem}`);
  const periodLabel = textOf(row.cells.periodLabel);
  const periodProblem = checkText(MILESTONE_FIELD_SCHEMA.periodLabel, periodLabel);
  if (periodProblem) reasons.push(`Period: ${periodProblem}`);
  const due = dateOf(row.cells.dueOn, 'Due');
  const achieved = dateOf(row.cells.achievedOn, 'Date achieved');
  const status = choiceOf(row.cells.status, lk.vocab.milestoneStatus, 'Milestone status');
  for (const p of [due, achieved, status]) if (!p.ok) reasons.push(p.reason);
  if (reasons.length || !due.ok || !achieved.ok || !status.ok) return { ok: false, reason: reasons.join(' ') };
  return {
    ok: true,
    value: { actionId: action.value.id, values: { title, periodLabel, dueOn: due.value || null, status: status.value || 'not_yet_due', achievedOn: achieved.value || null } },
  };
}

function newUpdateRow(
  row: ReturnRow,
  lk: Lookups,
  actionsByRef: Map<string, ActionRef>,
  partnerFor: (fallback: string) => string,
): Parsed<{ actionId: number; update: NewUpdate; partner: string }> {
  const action = resolveAction(row, actionsByRef);
  if (!action.ok) return action;
  const highlights = textOf(row.cells.highlights);
  const issues = textOf(row.cells.issues);
  const mitigation = textOf(row.cells.mitigation);
  const reasons: string[] = [];
  if (!highlights && !issues && !mitigation) reasons.push('The update has no words: write the highlights or issues.');
  for (const [key, value] of [['newHighlights', highlights], ['newIssues', issues], ['newMitigation', mitigation]] as const) {
    const problem = checkText(ACTION_FIELD_SCHEMA[key], value);
    if (problem) reasons.push(problem);
  }
  const date = dateOf(row.cells.reportedOn, 'Date of update');
  const status = choiceOf(row.cells.status, lk.vocab.actionStatus, 'Status');
  const rag = choiceOf(row.cells.rag, lk.vocab.rag, 'RAG');
  for (const p of [date, status, rag]) if (!p.ok) reasons.push(p.reason);
  const periodLabel = textOf(row.cells.periodLabel);
  const periodProblem = checkText(planSchemas.progressCreate.shape.periodLabel, periodLabel);
  if (periodProblem) reasons.push(`Reporting period: ${periodProblem}`);
  if (date.ok && date.value > lk.today) reasons.push(`Date of update: ${ukDate(date.value)} is in the future.`);
  if (reasons.length || !date.ok || !status.ok || !rag.ok) return { ok: false, reason: reasons.join(' ') };
  const partner = partnerFor(action.value.partner);
  const author = textOf(row.cells.author).slice(0, 120) || partner;
  return {
    ok: true,
    value: {
      actionId: action.value.id,
      partner,
      update: { highlights, issues, mitigation, reportedOn: date.value || lk.today, periodLabel, status: status.value || action.value.status, rag: rag.value || null, author },
    },
  };
}

/** True when a recorded update's words or date differ from the app (cells too long for Excel are skipped). */
function updateWasEdited(u: UpdateRow, row: ReturnRow): boolean {
  const differs = (stored: string, key: string) => stored.length < EXCEL_CELL_LIMIT - 100 && !sameText(stored, textOf(row.cells[key]));
  const date = dateOf(row.cells.reportedOn, 'Date');
  if (!date.ok || date.value !== u.reportedOn) return true;
  return differs(u.highlights, 'highlights') || differs(u.issues, 'issues') || differs(u.mitigation, 'mitigation');
}
