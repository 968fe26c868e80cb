/**
 * Turns a sheet and its mapping into what an import would create: priorities with their actions
 * and milestones (each with the row it came from), the rows skipped and why, the people and
 * partners to create, the status/RAG words found and what they mean, and the dates that need a
 * look. Pure: the workbook's existing people, partners and plan come in as lookups, so the preview
 * and the apply step read a sheet identically.
 *
 * Layouts understood (they can be mixed):
 * - priorities in their own columns, carried down when blank or merged over several rows;
 * - priority header rows: a row holding one text only ("Area 1 - Identifying needs");
 * - one row per action with its milestones in one cell (new lines, bullets or semicolons);
 * - milestones as rows of their own under their action (no action on the row, or the action's
 *   cells repeated or merged down over its milestone rows).
 */
import type { z } from 'zod';
import type { ActionStatus, RagCode } from '../../../contract/enums';
import { ukDate } from '../../../contract/format';
import { PLAN_SHEET_FIELD_LABELS, PLAN_SHEET_FIELDS, type planSheetPreviewInput, type PlanSheetAction, type PlanSheetField, type PlanSheetMilestone, type PlanSheetPreview } from '../../../contract/groups/plan-sheet';
import { actionCreate, milestoneCreate } from '../../../contract/schemas/plan';
import { clip } from '../../plan-returns/value-parsers';
import { ServiceError } from '../../services/service-error';
import { headerCells } from './detect-header';
import { cellText, dateMessage, leadingReference, nameKey, namesIn, priorityParts, readDate, splitMilestones, type DateRead, type NamedPerson } from './parse-values';
import { columnIndex, columnLetter, type SheetGrid } from './read-sheet';
import { isRagWord, milestoneStatusOf, ragMeaning, statusMeaning, wordKey, type WordSource } from './status-words';

type Input = z.output<typeof planSheetPreviewInput>;

export interface Lookups {
  /** nameKey → id of the workbook's people and partners (live ones). */
  people: Map<string, number>;
  partners: Map<string, number>;
  plan: { id: number | null; title: string };
  /** For an import into an existing plan: its priorities by lower-case reference, with their actions' references (lower case). */
  existingPriorities: Map<string, { id: number; reference: string; title: string; actionRefs: Set<string> }>;
  /** Today in England (ISO): progress updates cannot be dated after it. */
  today: string;
  /** For a new plan: a plan already in the workbook with the same title (most likely this sheet imported before). */
  sameTitle?: { id: number; title: string } | null;
}

/** What the apply step needs beyond the preview: the people and partners to create, as named. */
export interface Built {
  preview: PlanSheetPreview;
  newPeople: NamedPerson[];
  newPartners: string[];
}

interface ActionDraft extends PlanSheetAction {
  sourceRef: string;
  sourceWhat: string;
}
interface PriorityDraft {
  key: string;
  row: number;
  reference: string;
  title: string;
  existingPriorityId: number | null;
  actions: ActionDraft[];
}

const DATE_WORDS: Partial<Record<PlanSheetField, string>> = { startsOn: 'Start date', dueOn: 'Due date', revisedDueOn: 'Revised due date', milestoneDueOn: 'Milestone due date' };
/** A row that is only a priority's heading starts with one of these words. */
const PRIORITY_WORDS = /^(priority|area|workstream|theme|objective|strand|weakness|section)\b/i;
const BARE_REFERENCE = /^[A-Z]{0,4}\s?\d+(?:\.\d+)*[a-z]?\.?$/i;
/** Fields that hold an action's long texts: a lone text in one of them is not a priority header row. */
const NOT_BANNER_FIELDS = new Set<PlanSheetField>(['milestones', 'how', 'successMeasures', 'progressNote', 'lead', 'sro', 'partner', 'status', 'rag', 'startsOn', 'dueOn', 'revisedDueOn', 'milestoneDueOn', 'revisedDueReason', 'references']);

function invalid(message: string, path: string): never {
  throw new ServiceError('invalid_input', message, [{ path, message }]);
}

function rowList(rows: number[]): string {
  const shown = rows.slice(0, 6).join(', ');
  return rows.length > 6 ? `${shown} and ${rows.length - 6} more` : shown;
}

export function buildPreview(sheet: SheetGrid, fileName: string, input: Input, lookups: Lookups): Built {
  const { headerRow, mapping } = input;
  if (headerRow > sheet.rows.length) invalid(`Row ${headerRow} is below the last row of “${sheet.name}” (row ${sheet.rows.length}). Choose the row that holds the column headings.`, 'headerRow');
  const headers = headerCells(sheet, headerRow);
  if (headers.every((h) => h === '')) invalid(`Row ${headerRow} of “${sheet.name}” is empty, so it cannot be the header row. Choose the row that holds the column headings.`, 'headerRow');

  const columnOf = new Map<PlanSheetField, number>();
  const fieldAt = new Map<number, PlanSheetField>();
  for (const field of PLAN_SHEET_FIELDS) {
    const letter = mapping[field];
    if (letter === undefined) continue;
    const index = columnIndex(letter);
    if (index >= sheet.columnCount) {
      const last = columnLetter(Math.max(0, sheet.columnCount - 1));
      invalid(`Column ${letter} is mapped to “${PLAN_SHEET_FIELD_LABELS[field]}”, but the sheet’s last column is ${last}. Choose a column between A and ${last}.`, `mapping.${field}`);
    }
    columnOf.set(field, index);
    fieldAt.set(index, field);
  }

  const priorities: PriorityDraft[] = [];
  const skipped: { row: number; reason: string }[] = [];
  const dates: PlanSheetPreview['dates'] = [];
  const warnings: string[] = [];
  const words = new Map<string, PlanSheetPreview['words'][number]>();
  const people = new Map<string, NamedPerson>();
  const partners = new Map<string, string>();
  let blankRows = 0;
  let rowsRead = 0;
  let current: PriorityDraft | null = null;
  let action: ActionDraft | null = null;
  /** The last action left out because the plan already has it: its milestone rows are left out with it. */
  let alreadyThere: { reference: string; row: number } | null = null;
  let defaultPriorityNoted = false;

  const noteWord = (field: 'status' | 'rag', word: string, row: number, mapsTo: string | null, from: WordSource) => {
    const key = wordKey(word);
    const id = `${field}\u0000${key}`;
    const seen = words.get(id);
    if (seen) seen.rows.push(row);
    else words.set(id, { field, word, key, rows: [row], mapsTo, from });
  };

  const readDateField = (cells: (string | number | boolean | null | object)[], field: PlanSheetField, row: number): string | null => {
    const index = columnOf.get(field);
    if (index === undefined) return null;
    const what = DATE_WORDS[field] ?? PLAN_SHEET_FIELD_LABELS[field];
    const read = readDate(cells[index] as never, what);
    return recordDate(read, field, row, what);
  };

  const recordDate = (read: DateRead, field: PlanSheetField, row: number, what: string): string | null => {
    if (read.kind === 'blank') return null;
    if (read.kind === 'date' && !read.approximate) return read.iso;
    const problem = read.kind === 'date' ? 'approximate' : read.kind;
    const text = read.kind === 'date' ? (read.text ?? ukDate(read.iso)) : read.text;
    dates.push({ row, field, text, value: read.kind === 'date' ? read.iso : null, problem, message: `Row ${row}: ${dateMessage(read, what)}` });
    return read.kind === 'date' ? read.iso : null;
  };

  const priorityFor = (reference: string | null, title: string, row: number): PriorityDraft => {
    const key = reference ? `ref:${reference.toLowerCase()}` : `title:${nameKey(title)}`;
    const found = priorities.find((p) => p.key === key || (reference && p.reference.toLowerCase() === reference.toLowerCase()));
    if (found) return found;
    const used = new Set([...priorities.map((p) => p.reference.toLowerCase()), ...lookups.existingPriorities.keys()]);
    let ref = reference && reference.length <= 30 ? reference : null;
    // No reference in the sheet: a priority of the plan with the same title is that priority (so a
    // sheet imported again into its plan is recognised, not added under a new number).
    if (!ref) {
      const wanted = nameKey(title);
      for (const [key, existing] of lookups.existingPriorities) if (wanted && nameKey(existing.title) === wanted && !priorities.some((p) => p.reference.toLowerCase() === key)) ref = existing.reference;
    }
    if (!ref) {
      let n = priorities.length + 1;
      while (used.has(String(n))) n++;
      ref = String(n);
    }
    const existing = lookups.existingPriorities.get(ref.toLowerCase()) ?? null;
    const draft: PriorityDraft = { key, row, reference: ref, title: clip(title || existing?.title || `Priority ${ref}`, 300), existingPriorityId: existing?.id ?? null, actions: [] };
    priorities.push(draft);
    return draft;
  };

  const switchPriority = (reference: string | null, title: string, row: number) => {
    const next = priorityFor(reference, title, row);
    if (next !== current) {
      current = next;
      action = null;
    }
  };

  const person = (text: string, row: number, what: string, notes: string[]): string | null => {
    const named = namesIn(text);
    if (named.length === 0) return null;
    const [first, ...others] = named;
    if (!lookups.people.has(nameKey(first!.name)) && !people.has(nameKey(first!.name))) people.set(nameKey(first!.name), first!);
    if (others.length) notes.push(`Row ${row}: the ${what} cell also names ${others.map((o) => `“${o.name}”`).join(', ')}; the app records one ${what}, so only “${first!.name}” is imported.`);
    return first!.name;
  };

  const statusOf = (word: string, row: number): { status: ActionStatus | null; ragFromStatus: RagCode | 'none' | null } => {
    if (!word) return { status: null, ragFromStatus: null };
    const meaning = statusMeaning(word, input.statusMap);
    if (meaning.from === 'unknown' && isRagWord(word)) {
      const rag = ragMeaning(word, input.ragMap);
      noteWord('rag', word, row, rag.value, rag.from);
      return { status: null, ragFromStatus: rag.value };
    }
    noteWord('status', word, row, meaning.value, meaning.from);
    return { status: meaning.value, ragFromStatus: null };
  };

  // A priority heading just above the header row ("Area 1 - Identifying needs", then the column
  // headings) holds the first actions when no priority is given below.
  let headingAbove: { reference: string | null; title: string; row: number } | null = null;
  for (let r = headerRow - 2; r >= 0 && !headingAbove; r--) {
    const texts = [...new Set(sheet.rows[r]!.map((c) => cellText(c)).filter(Boolean))];
    // Numbered ("Area 1 - …"), so a sheet's title such as "Priority action plan" is not taken for one.
    const parts = texts.length === 1 && PRIORITY_WORDS.test(texts[0]!) ? priorityParts(texts[0]!) : null;
    if (parts?.reference) headingAbove = { ...parts, row: r + 1 };
  }

  for (let r = headerRow; r < sheet.rows.length; r++) {
    const row = r + 1;
    const cells = sheet.rows[r]!;
    const get = (field: PlanSheetField) => {
      const index = columnOf.get(field);
      return index === undefined ? '' : cellText(cells[index]);
    };
    const texts = cells.map((c) => cellText(c));
    const filled = texts.map((t, i) => ({ t, i })).filter((x) => x.t !== '');
    if (filled.length === 0) {
      blankRows++;
      continue;
    }
    rowsRead++;
    if (filled.filter((x) => x.t === headers[x.i] && fieldAt.has(x.i)).length >= 2) {
      skipped.push({ row, reason: 'It repeats the column headings.' });
      continue;
    }

    // A priority header row: one text alone on the row (perhaps merged across it).
    const distinct = new Set(filled.map((x) => x.t));
    if (distinct.size === 1) {
      const text = filled[0]!.t;
      const field = fieldAt.get(filled[0]!.i);
      const looksLikePriority = PRIORITY_WORDS.test(text);
      if (!BARE_REFERENCE.test(text) && (looksLikePriority || field === undefined || !(NOT_BANNER_FIELDS.has(field) || field === 'what') || (field === 'what' && filled.length > 1))) {
        if (field !== 'priorityReference' && field !== 'priorityTitle') {
          const parts = priorityParts(text);
          switchPriority(parts.reference, parts.title, row);
          continue;
        }
      }
    }

    const pRef = get('priorityReference');
    const pTitle = get('priorityTitle');
    if (pRef || pTitle) {
      let ref: string | null = pRef || null;
      let title = pTitle;
      if (!ref) ({ reference: ref, title } = priorityParts(pTitle));
      else if (!title) {
        const parts = priorityParts(pRef);
        if (parts.reference && parts.title !== pRef) ({ reference: ref, title } = parts);
      }
      switchPriority(ref, title, row);
    }

    let ref = get('actionReference');
    let what = get('what');
    if (!ref && what) {
      const lead = leadingReference(what);
      if (lead) ({ reference: ref, rest: what } = lead);
    }
    const milestoneText = get('milestones');
    const a = action as ActionDraft | null;
    const repeatsAction = a !== null && ((ref !== '' && ref === a.sourceRef) || (ref === '' && what !== '' && what === a.sourceWhat));

    if ((ref || what) && !repeatsAction) {
      if (!what) {
        skipped.push({ row, reason: `It has the reference “${clip(ref, 30)}” but no action (nothing in the “${PLAN_SHEET_FIELD_LABELS.what}” column).` });
        continue;
      }
      if (!current && headingAbove) current = priorityFor(headingAbove.reference, headingAbove.title, headingAbove.row);
      if (!current) {
        const title = `Actions from ${sheet.name}`;
        current = priorityFor(null, title, row);
        if (!defaultPriorityNoted) warnings.push(`No priority was found above row ${row}: its actions go under priority ${current.reference} “${title}”. Map the priority column, or rename the priority in the app afterwards.`);
        defaultPriorityNoted = true;
      }
      const priority: PriorityDraft = current;
      const existingRefs = priority.existingPriorityId !== null ? (lookups.existingPriorities.get(priority.reference.toLowerCase())?.actionRefs ?? new Set<string>()) : new Set<string>();
      const notes: string[] = [];
      let reference = ref;
      let referenceMade = false;
      if (reference.length > 30) {
        notes.push(`Row ${row}: the reference “${clip(reference, 40)}” is longer than 30 characters, so a reference is made instead.`);
        reference = '';
      }
      if (reference && existingRefs.has(reference.toLowerCase())) {
        skipped.push({ row, reason: `Action ${reference} is already in priority ${priority.reference} of “${lookups.plan.title}”, so it is not imported again.` });
        action = null;
        alreadyThere = { reference, row };
        continue;
      }
      const earlier = reference ? priority.actions.find((x) => x.reference.toLowerCase() === reference.toLowerCase()) : undefined;
      if (earlier) {
        skipped.push({ row, reason: `It repeats action reference ${reference} of row ${earlier.row} in priority ${priority.reference}, with a different action. Give it its own reference and import again.` });
        continue;
      }
      if (!reference) {
        const taken = new Set([...priority.actions.map((x) => x.reference.toLowerCase()), ...existingRefs]);
        let n = priority.actions.length + 1;
        while (taken.has(`${priority.reference}.${n}`.toLowerCase())) n++;
        reference = `${priority.reference}.${n}`;
        referenceMade = true;
      }

      // "[Ref: Written Statement of Action, ASW2]" written into the action's text is its reference to the findings.
      const whatAsWritten = what;
      let references = get('references');
      const refs = [...what.matchAll(/\[\s*Ref\s*:?\s*([^\]]+)\]+/gi)].map((m) => m[1]!.trim());
      if (refs.length) {
        what = what.replace(/\s*\[\s*Ref\s*:?\s*[^\]]+\]+/gi, '').trim();
        references = [references, ...refs].filter(Boolean).join('; ');
      }
      const statusWord = get('status');
      const ragWord = get('rag');
      const { status, ragFromStatus } = statusOf(statusWord, row);
      let rag: RagCode | null = ragFromStatus && ragFromStatus !== 'none' ? ragFromStatus : null;
      if (ragWord) {
        const meaning = ragMeaning(ragWord, input.ragMap);
        noteWord('rag', ragWord, row, meaning.value, meaning.from);
        rag = meaning.value && meaning.value !== 'none' ? meaning.value : null;
      }
      const startsOn = readDateField(cells, 'startsOn', row);
      const dueOn = readDateField(cells, 'dueOn', row);
      const revisedDueOn = readDateField(cells, 'revisedDueOn', row);
      let revisedDueReason = get('revisedDueReason');
      if (revisedDueOn && !revisedDueReason) {
        revisedDueReason = `Revised date as recorded in “${fileName}” (row ${row}); the spreadsheet gave no reason.`;
        notes.push(`Row ${row}: the revised due date has no reason in the sheet; the app notes that it came from the spreadsheet.`);
      }
      const partnerText = get('partner');
      let partner: string | null = null;
      if (partnerText) {
        const [first, ...others] = partnerText.split(/\s*(?:\n|;|\/)\s*/).filter(Boolean);
        partner = clip(first!, 300);
        if (!lookups.partners.has(nameKey(partner)) && !partners.has(nameKey(partner))) partners.set(nameKey(partner), partner);
        if (others.length) notes.push(`Row ${row}: the partner cell also names ${others.map((o) => `“${o}”`).join(', ')}; the app records one partner, so only “${partner}” is imported.`);
      }
      const draft: ActionDraft = {
        row,
        reference,
        referenceMade,
        what,
        how: get('how'),
        lead: person(get('lead'), row, 'lead', notes),
        sro: person(get('sro'), row, 'senior responsible officer', notes),
        partner,
        startsOn,
        dueOn,
        revisedDueOn,
        revisedDueReason,
        status: status ?? 'not_started',
        statusWord,
        rag,
        ragWord,
        successMeasures: get('successMeasures'),
        references,
        progressNote: get('progressNote'),
        progressUpdate: false,
        milestones: [],
        notes,
        sourceRef: ref,
        sourceWhat: whatAsWritten,
      };
      draft.progressUpdate = draft.rag !== null || draft.progressNote !== '';
      if (!checkAction(draft, skipped)) continue;
      if (milestoneText) addMilestones(draft, milestoneText, row, readDateField(cells, 'milestoneDueOn', row), draft.status === 'complete' ? 'achieved' : 'not_yet_due');
      priority.actions.push(draft);
      action = draft;
      alreadyThere = null;
      continue;
    }

    if (milestoneText) {
      if (!action) {
        skipped.push({
          row,
          reason: alreadyThere
            ? `It is a milestone of action ${alreadyThere.reference} (row ${alreadyThere.row}), which is already in “${lookups.plan.title}”, so it is not imported again.`
            : 'It has a milestone but no action above it to belong to.',
        });
        continue;
      }
      const due = columnOf.has('milestoneDueOn') ? readDateField(cells, 'milestoneDueOn', row) : readDateField(cells, 'dueOn', row);
      const word = get('status');
      const status = word ? statusOf(word, row).status : null;
      addMilestones(action, milestoneText, row, due, milestoneStatusOf(status));
      continue;
    }
    if (repeatsAction) {
      skipped.push({ row, reason: `It repeats action ${a!.reference} of row ${a!.row} (a copied or merged cell) and has no milestone.` });
      continue;
    }
    const what_ = filled.filter((x) => fieldAt.has(x.i)).map((x) => PLAN_SHEET_FIELD_LABELS[fieldAt.get(x.i)!]);
    skipped.push({
      row,
      reason: what_.length
        ? `It has no action or milestone (only ${what_.map((w) => `“${w}”`).join(', ')}).`
        : `Nothing in it is in a mapped column (it has “${clip(filled[0]!.t, 50)}” in column ${columnLetter(filled[0]!.i)}).`,
    });
  }

  /**
   * A milestone with no date of its own (none in its text, none in a milestone date column) is due
   * when its action is (the revised date if there is one), so that reports count it as due, achieved
   * or overdue rather than "not yet due" for ever; the preview says so once per action.
   */
  function addMilestones(target: ActionDraft, text: string, row: number, due: string | null, status: PlanSheetMilestone['status']) {
    const actionDue = target.revisedDueOn ?? target.dueOn;
    for (const item of splitMilestones(text)) {
      const own = item.date.kind === 'blank' ? null : recordDate(item.date, 'milestones', row, 'Milestone date');
      const dueOn = own ?? due ?? actionDue;
      if (!own && !due && actionDue) {
        const note = `Row ${row}: milestones with no date of their own are due when action ${target.reference} is (${target.revisedDueOn ? 'its revised due date, ' : ''}${ukDate(actionDue)}).`;
        if (!target.notes.includes(note)) target.notes.push(note);
      }
      const milestone: PlanSheetMilestone = { row, title: clip(item.title, 2_000), dueOn, status };
      const checked = milestoneCreate.safeParse({ actionId: 1, title: milestone.title, dueOn: milestone.dueOn, status: milestone.status });
      if (!checked.success) {
        skipped.push({ row, reason: `Milestone “${clip(item.title, 50)}”: ${checked.error.issues[0]?.message ?? 'it cannot be read.'}` });
        continue;
      }
      target.milestones.push(milestone);
    }
  }

  function checkAction(draft: ActionDraft, skippedRows: typeof skipped): boolean {
    const values = () => ({
      priorityId: 1,
      reference: draft.reference,
      what: draft.what,
      how: draft.how,
      startsOn: draft.startsOn,
      dueOn: draft.dueOn,
      revisedDueOn: draft.revisedDueOn,
      revisedDueReason: draft.revisedDueReason,
      status: draft.status,
      successMeasures: draft.successMeasures,
      referencesText: draft.references,
    });
    let checked = actionCreate.safeParse(values());
    if (!checked.success && checked.error.issues.some((i) => i.path[0] === 'startsOn' || i.path[0] === 'dueOn' || i.path[0] === 'revisedDueOn')) {
      draft.notes.push(`Row ${draft.row}: the start date ${ukDate(draft.startsOn ?? '')} is after the due date, so no start date is set.`);
      draft.startsOn = null;
      checked = actionCreate.safeParse(values());
    }
    if (!checked.success && checked.error.issues.some((i) => i.path[0] === 'referencesText')) {
      draft.notes.push(`Row ${draft.row}: the references are longer than 2,000 characters and are shortened.`);
      draft.references = clip(draft.references, 2_000);
      checked = actionCreate.safeParse(values());
    }
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      skippedRows.push({ row: draft.row, reason: `Action ${draft.reference}: ${issue.message}` });
      return false;
    }
    return true;
  }

  // Priorities with nothing under them (a heading, a key at the bottom) are not created.
  const kept = priorities.filter((p) => {
    if (p.actions.length > 0) return true;
    // Its row is already explained (its actions are in the plan already, or were left out).
    if (p.existingPriorityId !== null || skipped.some((x) => x.row === p.row)) return false;
    skipped.push({ row: p.row, reason: `“${clip(p.title, 60)}” looks like a priority heading but has no actions under it, so it is not imported.` });
    return false;
  });
  skipped.sort((x, y) => x.row - y.row);

  const wordList = [...words.values()];
  const unknownWords = wordList.filter((w) => w.from === 'unknown').map(({ field, word, key, rows }) => ({ field, word, key, rows }));
  const actionCount = kept.reduce((n, p) => n + p.actions.length, 0);
  const blockers = [
    ...unknownWords.map((w) => `Say what the ${w.field === 'status' ? 'status' : 'RAG'} word “${w.word}” means (row${w.rows.length > 1 ? 's' : ''} ${rowList(w.rows)}).`),
    ...(input.reportedOn && input.reportedOn > lookups.today && kept.some((p) => p.actions.some((a) => a.progressUpdate))
      ? [`The date of the progress shown in the spreadsheet (${ukDate(input.reportedOn)}) is after today: give the date the RAG ratings and notes were written.`]
      : []),
    ...(actionCount === 0
      ? [
          skipped.some((x) => x.reason.includes('is already in priority'))
            ? `Every action in the sheet is already in “${lookups.plan.title}”: there is nothing new to import.`
            : 'No actions were found. Check the header row and that the column of actions is mapped to “What we will do”.',
        ]
      : []),
  ];

  const unmapped = headers.map((h, i) => ({ h, i })).filter((x) => x.h && !fieldAt.has(x.i) && sheet.rows.slice(headerRow).some((row) => cellText(row[x.i]) !== ''));
  if (unmapped.length) warnings.push(`Not imported (no field chosen): ${unmapped.map((x) => `column ${columnLetter(x.i)} “${clip(x.h, 40)}”`).join(', ')}.`);
  if (!columnOf.has('status') && actionCount > 0) warnings.push('No column is mapped to “Status”, so every action starts as “Not started”: map the status column, or set each status in the app.');
  if (lookups.sameTitle) {
    warnings.push(
      `A plan called “${lookups.sameTitle.title}” is already in this workbook (plan number ${lookups.sameTitle.id}). Importing makes a second plan beside it; to add only what is new to that plan, choose it as the plan to import into.`,
    );
  }
  const merged = sheet.merges.length;
  if (merged) warnings.push(`The sheet has ${merged} merged cell range${merged === 1 ? '' : 's'}: a merged cell counts for every row it spans.`);

  const publicAction = ({ sourceRef: _r, sourceWhat: _w, ...rest }: ActionDraft): PlanSheetAction => rest;
  const preview: PlanSheetPreview = {
    fileName,
    sheet: sheet.name,
    headerRow,
    plan: lookups.plan,
    priorities: kept.map((p) => ({ row: p.row, reference: p.reference, title: p.title, existingPriorityId: p.existingPriorityId, actions: p.actions.map(publicAction) })),
    skipped,
    peopleToCreate: [...people.values()].map((p) => p.name),
    partnersToCreate: [...partners.values()],
    words: wordList,
    unknownWords,
    dates,
    counts: {
      rowsRead,
      blankRows,
      rowsSkipped: skipped.length,
      priorities: kept.filter((p) => p.existingPriorityId === null).length,
      prioritiesExisting: kept.filter((p) => p.existingPriorityId !== null).length,
      actions: actionCount,
      milestones: kept.reduce((n, p) => n + p.actions.reduce((m, x) => m + x.milestones.length, 0), 0),
      progressUpdates: kept.reduce((n, p) => n + p.actions.filter((x) => x.progressUpdate).length, 0),
      people: people.size,
      partners: partners.size,
    },
    warnings,
    canApply: blockers.length === 0,
    blockers,
  };
  return { preview, newPeople: [...people.values()], newPartners: [...partners.values()] };
}
