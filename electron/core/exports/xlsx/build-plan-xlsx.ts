/**
 * The Excel action plan (issue #5): the spreadsheet a council would make on its best day, and one
 * that can come back. Editable sheets carry a hidden, locked identity column (see row-identity.ts)
 * so returns are matched by record, never by position or reference text.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ACTION_STATUSES, label, MILESTONE_STATUSES } from '../../../contract/enums';
import { stripControlCharacters } from '../../../contract/fields';
import { ukDate } from '../../../contract/format';
import { londonDate, type ServiceContext } from '../../services/context';
import { getLive } from '../../services/entity-store';
import { currentPlanId } from '../../services/reports-service';
import { actionValues, canonical, loadPlanData, milestoneValues, type PlanData } from './plan-data';
import { fingerprint, formatIdentity, formatPlanIdentity } from './row-identity';
import { recordPlanExport } from '../../plan-returns/export-record';
import {
  addBanner,
  addValidation,
  cellText,
  columnLetter,
  DATE_FORMAT,
  excelDate,
  protect,
  rowHeightFor,
  setPrint,
  sheetOptions,
  styleHeaderCell,
  WIDE_PAGE_SETUP,
} from './sheet-helpers';
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  IDENTITY_HEADER,
  IDENTITY_WIDTH,
  MILESTONE_COLUMNS,
  MILESTONE_TRACKED,
  PLAN_COLUMNS,
  PLAN_TRACKED,
  SHEETS,
  UPDATE_COLUMNS,
  type ColumnSpec,
} from './sheet-spec';
import { addKeySheet, addSummarySheet, addEvidenceSheet, addKpiSheet } from './read-only-sheets';

export interface PlanXlsxOptions {
  planId?: number;
}

/** Blank rows below the data where partners may add milestones or updates (unlocked cells). */
const NEW_ROWS = { milestones: 100, updates: 200 } as const;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ragLabel(data: PlanData, code: string): string {
  return data.statusKey.entries.find((e) => e.rag === code)?.label ?? label(code);
}

interface ListRanges {
  actionStatus: string;
  milestoneStatus: string;
  rag: string;
  partner: string | null;
  person: string | null;
}

function listsOf(data: PlanData): [string, string[]][] {
  return [
    ['Action status', ACTION_STATUSES.map(label)],
    ['Milestone status', MILESTONE_STATUSES.map(label)],
    ['RAG', data.statusKey.entries.map((e) => e.label)],
    ['Partner', data.partnerNames.map((n) => cellText(n).text)],
    ['Person', data.peopleNames.map((n) => cellText(n).text)],
  ];
}

/** Dropdowns read from the hidden Lists sheet: inline lists over 255 characters corrupt files. */
function listRanges(data: PlanData): ListRanges {
  const lists = listsOf(data);
  const range = (i: number) => {
    const n = lists[i]![1].length;
    return n === 0 ? null : `${SHEETS.lists}!$${columnLetter(i + 1)}$2:$${columnLetter(i + 1)}$${n + 1}`;
  };
  return { actionStatus: range(0)!, milestoneStatus: range(1)!, rag: range(2)!, partner: range(3), person: range(4) };
}

function addListsSheet(wb: ExcelJS.Workbook, data: PlanData, exportedAt: string, exportId: string | null): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.lists, { state: 'hidden' });
  const lists = listsOf(data);
  lists.forEach(([title, items], i) => {
    ws.getCell(1, i + 1).value = title;
    items.forEach((item, r) => (ws.getCell(r + 2, i + 1).value = item));
  });
  ws.getCell(1, lists.length + 1).value = 'Export';
  ws.getCell(2, lists.length + 1).value = formatPlanIdentity(data.workbookId, data.plan.id, exportedAt, exportId);
  return ws;
}

interface DataSheet {
  ws: ExcelJS.Worksheet;
  /** 1-based column of each spec key. */
  colOf: Map<string, number>;
  /**
   * One style object per column, shared by its data cells: exceljs recognises a style object it
   * has seen and skips rendering it again, which on a large plan is most of the writing time.
   * Never mutate these; give a cell a copy instead (see put()).
   */
  styles: Partial<ExcelJS.Style>[];
}

const IDENTITY_STYLE: Partial<ExcelJS.Style> = { numFmt: 'General', protection: { locked: true } };

/** A data sheet: hidden identity column A, banner row, heading row, widths and column styles. */
function addDataSheet(wb: ExcelJS.Workbook, name: string, columns: ColumnSpec[], data: PlanData, banner: string, print: { wide?: boolean; titleColumnKey?: string } = {}): DataSheet {
  const pageSetup = print.wide ? WIDE_PAGE_SETUP : undefined;
  const ws = wb.addWorksheet(name, sheetOptions([{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `B${FIRST_DATA_ROW}`, activeCell: `B${FIRST_DATA_ROW}` }], undefined, pageSetup));
  const styles: Partial<ExcelJS.Style>[] = [
    IDENTITY_STYLE,
    ...columns.map((c) => ({
      alignment: { wrapText: true, vertical: 'top' as const },
      protection: { locked: !c.editable },
      numFmt: c.kind === 'date' ? DATE_FORMAT : 'General',
    })),
  ];
  ws.columns = [
    { key: 'identity', width: IDENTITY_WIDTH, hidden: true, style: styles[0] },
    ...columns.map((c, i) => ({ key: c.key, width: c.width, style: styles[i + 1] })),
  ];
  const header = ws.getRow(HEADER_ROW);
  header.getCell(1).value = IDENTITY_HEADER;
  styleHeaderCell(header.getCell(1), false);
  columns.forEach((c, i) => {
    header.getCell(i + 2).value = c.header;
    styleHeaderCell(header.getCell(i + 2), c.editable || Boolean(c.onNewRows));
  });
  header.height = 30;
  addBanner(ws, 2, columns.length + 1, data.area.marking, banner);
  const colOf = new Map(columns.map((c, i) => [c.key, i + 2]));
  const titleColumn = print.titleColumnKey ? columnLetter(colOf.get(print.titleColumnKey)!) : null;
  setPrint(ws, {
    marking: data.area.marking,
    footer: `${data.area.areaName} · ${data.plan.title} · ${name}`,
    // A wide sheet repeats only the headings: the banner, merged across every column, would print
    // as a fragment on the pages after the first.
    titleRows: pageSetup ? `${HEADER_ROW}:${HEADER_ROW}` : `1:${HEADER_ROW}`,
    ...(titleColumn ? { titleColumns: `${titleColumn}:${titleColumn}` } : {}),
    ...(pageSetup ? { pageSetup } : {}),
  });
  return { ws, colOf, styles };
}

function addColumnRules(sheet: DataSheet, columns: ColumnSpec[], lists: ListRanges, data: PlanData, lastRow: number, onlyNewFrom?: number): void {
  const { ws, colOf } = sheet;
  for (const c of columns) {
    if (!c.editable && !c.onNewRows) continue;
    const letter = columnLetter(colOf.get(c.key)!);
    const from = c.editable ? FIRST_DATA_ROW : (onlyNewFrom ?? FIRST_DATA_ROW);
    if (from > lastRow) continue;
    const range = `${letter}${from}:${letter}${lastRow}`;
    const list =
      c.kind === 'actionStatus' ? lists.actionStatus
      : c.kind === 'milestoneStatus' ? lists.milestoneStatus
      : c.kind === 'rag' ? lists.rag
      : c.kind === 'partner' ? lists.partner
      : c.kind === 'person' ? lists.person
      : undefined;
    if (list) {
      addValidation(ws, range, {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `Choose ${c.kind === 'rag' ? 'a RAG' : c.header.toLowerCase()} from the list.`,
      });
    } else if (c.kind === 'date') {
      addValidation(ws, range, {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: 'Enter a date such as 22/11/2026.',
      });
    }
    if (c.kind === 'rag') {
      ws.addConditionalFormatting({
        ref: `${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`,
        rules: data.statusKey.entries.map((e, i) => ({
          type: 'expression',
          priority: i + 1,
          formulae: [`$${letter}${FIRST_DATA_ROW}="${e.label.replace(/"/g, '""')}"`],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${e.fill.slice(1).toUpperCase()}` } },
            font: { color: { argb: `FF${e.text.slice(1).toUpperCase()}` }, bold: true },
          },
        })),
      });
    }
  }
}

function identityPrints(kinds: Map<string, ColumnSpec>, tracked: string[], values: Record<string, string>, readOnly: Set<string>): (string | null)[] {
  return tracked.map((key) => (readOnly.has(key) ? null : fingerprint(canonical(kinds.get(key)!.kind, values[key] ?? ''))));
}

/** Writes a value; long text is shortened and its cell locked so a return cannot truncate it. */
function put(cell: ExcelJS.Cell, spec: ColumnSpec, value: string, readOnly: Set<string>): void {
  if (spec.kind === 'date') {
    cell.value = excelDate(value);
    return;
  }
  const { text, shortened } = cellText(value);
  cell.value = text === '' ? null : text;
  if (shortened) {
    readOnly.add(spec.key);
    cell.style = { ...cell.style, protection: { locked: true } }; // a copy: the column's style is shared
  }
}

function latestUpdateText(u: PlanData['updates'][number] | undefined): string {
  if (!u) return '';
  const words = [u.highlights, u.issues && `Issues: ${u.issues}`, u.mitigation && `Mitigation: ${u.mitigation}`].filter(Boolean).join('\n');
  return `${ukDate(u.reportedOn)}${u.author ? ` (${u.author})` : ''}: ${words || label(u.status)}`;
}

/**
 * One editable record's row: every cell styled, values written (`special` answers the columns
 * shown as words, such as status and RAG), then the hidden identity with a fingerprint per
 * tracked field, so a return can tell a partner's edit from a later change in the app.
 */
function writeRecordRow(
  sheet: DataSheet,
  r: number,
  columns: ColumnSpec[],
  /** The sheet's columns by key, built once per sheet. */
  specs: Map<string, ColumnSpec>,
  tracked: string[],
  values: Record<string, string>,
  record: { entity: 'action' | 'milestone'; id: number; version: number; workbookId: string },
  special: (spec: ColumnSpec) => ExcelJS.CellValue | undefined,
): void {
  const row = sheet.ws.getRow(r);
  const readOnly = new Set<string>();
  const texts: { text: string; width: number }[] = [];
  for (const spec of columns) {
    const col = sheet.colOf.get(spec.key)!;
    const cell = row.getCell(col);
    cell.style = sheet.styles[col - 1]!;
    const value = special(spec);
    if (value !== undefined) cell.value = value;
    else put(cell, spec, values[spec.key] ?? '', readOnly);
    if (spec.kind === 'text' && typeof cell.value === 'string') texts.push({ text: cell.value, width: spec.width });
  }
  row.height = rowHeightFor(texts);
  row.getCell(1).style = IDENTITY_STYLE;
  row.getCell(1).value = formatIdentity({
    workbookId: record.workbookId,
    entity: record.entity,
    id: record.id,
    version: record.version,
    fingerprints: identityPrints(specs, tracked, values, readOnly),
  });
  row.commit(); // streamed out: a long sheet never sits in memory whole
}

function writePlanSheet(wb: ExcelJS.Workbook, data: PlanData, lists: ListRanges): ExcelJS.Worksheet {
  const sheet = addDataSheet(
    wb,
    SHEETS.plan,
    PLAN_COLUMNS,
    data,
    'Edit the columns with yellow headings. A changed status or RAG, or anything written under “New update”, is recorded as a dated progress update.',
    { wide: true, titleColumnKey: 'reference' },
  );
  const { ws } = sheet;
  const specs = new Map(PLAN_COLUMNS.map((c) => [c.key, c]));
  const prio = new Map(data.priorities.map((p) => [p.id, p]));
  const latest = new Map<number, PlanData['updates'][number]>();
  for (const u of data.updates) if (!latest.has(u.actionId)) latest.set(u.actionId, u);
  let r = FIRST_DATA_ROW;
  for (const a of data.actions) {
    const p = prio.get(a.priorityId);
    const values: Record<string, string> = {
      ...actionValues(a),
      priorityRef: p?.reference ?? '',
      priorityTitle: p?.title ?? '',
      findings: p?.findings ?? '',
      reference: a.reference,
      latestUpdate: latestUpdateText(latest.get(a.id)),
      evidence: (data.evidenceByAction.get(a.id) ?? []).join(', '),
    };
    writeRecordRow(sheet, r, PLAN_COLUMNS, specs, PLAN_TRACKED, values, { entity: 'action', id: a.id, version: a.version, workbookId: data.workbookId }, (spec) =>
      spec.kind === 'actionStatus' ? label(values.status) : spec.kind === 'rag' ? ragLabel(data, values.rag ?? '') : spec.key.startsWith('new') ? null : undefined,
    );
    r++;
  }
  const last = Math.max(r - 1, FIRST_DATA_ROW);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: last, column: PLAN_COLUMNS.length + 1 } };
  addColumnRules(sheet, PLAN_COLUMNS, lists, data, last);
  return ws;
}

function writeMilestoneSheet(wb: ExcelJS.Workbook, data: PlanData, lists: ListRanges): ExcelJS.Worksheet {
  const sheet = addDataSheet(
    wb,
    SHEETS.milestones,
    MILESTONE_COLUMNS,
    data,
    `Edit the columns with yellow headings. To add a milestone, fill in a blank row at the bottom, starting with its action ref (such as ${data.actions[0]?.reference ?? '1.1'}).`,
  );
  const { ws } = sheet;
  const specs = new Map(MILESTONE_COLUMNS.map((c) => [c.key, c]));
  const actionOf = new Map(data.actions.map((a) => [a.id, a]));
  const prioRef = new Map(data.priorities.map((p) => [p.id, p.reference]));
  let r = FIRST_DATA_ROW;
  for (const m of data.milestones) {
    const a = actionOf.get(m.actionId);
    const values: Record<string, string> = {
      ...milestoneValues(m),
      priorityRef: a ? (prioRef.get(a.priorityId) ?? '') : '',
      actionRef: a?.reference ?? '',
      state: label(data.milestoneStates.get(m.id) ?? m.status),
      evidence: (data.evidenceByMilestone.get(m.id) ?? []).join(', '),
    };
    writeRecordRow(sheet, r, MILESTONE_COLUMNS, specs, MILESTONE_TRACKED, values, { entity: 'milestone', id: m.id, version: m.version, workbookId: data.workbookId }, (spec) =>
      spec.kind === 'milestoneStatus' ? label(values.status) : undefined,
    );
    r++;
  }
  const newFrom = r;
  unlockNewRows(sheet, MILESTONE_COLUMNS, newFrom, NEW_ROWS.milestones);
  const last = newFrom + NEW_ROWS.milestones - 1;
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(newFrom - 1, FIRST_DATA_ROW), column: MILESTONE_COLUMNS.length + 1 } };
  addColumnRules(sheet, MILESTONE_COLUMNS, lists, data, last, newFrom);
  return ws;
}

/** Blank rows whose "new row" columns are unlocked, so partners can add to a protected sheet. */
function unlockNewRows(sheet: DataSheet, columns: ColumnSpec[], from: number, count: number): void {
  const open = columns.filter((c) => c.onNewRows).map((c) => {
    const col = sheet.colOf.get(c.key)!;
    return { col, style: { ...sheet.styles[col - 1], protection: { locked: false } } };
  });
  for (let r = from; r < from + count; r++) {
    const row = sheet.ws.getRow(r);
    for (const { col, style } of open) row.getCell(col).style = style;
    // The streaming writer leaves out rows with no value, and with them the unlocked cells: an
    // empty text in the hidden identity cell keeps the row (the importer skips rows without an
    // identity or values).
    const identity = row.getCell(1);
    identity.style = IDENTITY_STYLE;
    identity.value = '';
  }
}

function writeUpdateSheet(wb: ExcelJS.Workbook, data: PlanData, lists: ListRanges): ExcelJS.Worksheet {
  const sheet = addDataSheet(
    wb,
    SHEETS.updates,
    UPDATE_COLUMNS,
    data,
    'Every dated update, newest first within each action. Updates are never changed: to add one, fill in a blank row at the bottom.',
  );
  const { ws } = sheet;
  const actionOf = new Map(data.actions.map((a) => [a.id, a]));
  const prioRef = new Map(data.priorities.map((p) => [p.id, p.reference]));
  let r = FIRST_DATA_ROW;
  for (const u of data.updates) {
    const a = actionOf.get(u.actionId);
    const row = ws.getRow(r);
    row.values = [
      formatIdentity({ workbookId: data.workbookId, entity: 'progress', id: u.id, version: u.version, fingerprints: [] }),
      a ? (prioRef.get(a.priorityId) ?? '') : '',
      a?.reference ?? '',
      excelDate(u.reportedOn),
      u.periodLabel || null,
      label(u.status),
      u.rag ? ragLabel(data, u.rag) : null,
      cellText(u.highlights).text || null,
      cellText(u.issues).text || null,
      cellText(u.mitigation).text || null,
      u.author || null,
      u.source === 'app' ? 'App' : u.source.replace(/^import:/, 'Return from '),
    ];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cell.style = sheet.styles[col - 1]!));
    row.commit(); // streamed out: a long sheet never sits in memory whole
    r++;
  }
  const newFrom = r;
  unlockNewRows(sheet, UPDATE_COLUMNS, newFrom, NEW_ROWS.updates);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(newFrom - 1, FIRST_DATA_ROW), column: UPDATE_COLUMNS.length + 1 } };
  addColumnRules(sheet, UPDATE_COLUMNS, lists, data, newFrom + NEW_ROWS.updates - 1, newFrom);
  return ws;
}

/** Protects a finished sheet and writes it out, so its rows need not stay in memory. */
async function finish(ws: ExcelJS.Worksheet, allowNewRows: boolean): Promise<void> {
  await protect(ws, allowNewRows);
  (ws as unknown as { commit(): void }).commit();
}

/**
 * Written with exceljs's streaming writer: each sheet (and each row of the long ones) is
 * serialised and compressed as it is finished, so a plan with thousands of evidence items does
 * not hold every cell of every sheet in memory at once (issue #9: 600 actions, 20,000 items).
 */
export async function buildPlanXlsx(ctx: ServiceContext, options: PlanXlsxOptions = {}): Promise<Buffer> {
  const data = loadPlanData(ctx, options.planId);
  const now = ctx.now();
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  // Fast deflate: a plan of 600 actions compresses almost as well, in a fraction of the time.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
  wb.creator = 'Evidence Workbook';
  wb.lastModifiedBy = data.area.author;
  wb.created = now;
  wb.modified = now;
  wb.title = data.plan.title;
  wb.subject = `${data.area.areaName} SEND action plan`.trim();
  wb.keywords = `${data.area.marking}; action plan; SEND`;
  wb.category = data.area.marking;
  wb.company = data.area.areaName;
  wb.description = `${data.area.marking}. Exported ${ukDate(londonDate(now))} from Evidence Workbook. Return it to the nominated officer to bring your updates into the workbook.`;

  const lists = listRanges(data);
  await finish(addSummarySheet(wb, data, now), false);
  const planSheetIndex = 1;
  await finish(writePlanSheet(wb, data, lists), false);
  await finish(writeMilestoneSheet(wb, data, lists), true);
  await finish(writeUpdateSheet(wb, data, lists), true);
  await finish(addKpiSheet(wb, data), false);
  await finish(addEvidenceSheet(wb, data), false);
  await finish(addKeySheet(wb, data), false);
  // Recorded so a returned file can change only the rows this export held (issue #14).
  const exportId = recordPlanExport(ctx, data.plan.id, now.toISOString(), {
    action: data.actions.map((a) => a.id),
    milestone: data.milestones.map((m) => m.id),
    progress: data.updates.map((u) => u.id),
  });
  await finish(addListsSheet(wb, data, now.toISOString(), exportId), false);
  wb.views = [{ x: 0, y: 0, width: 28000, height: 16000, firstSheet: 0, activeTab: planSheetIndex, visibility: 'visible' }];
  await wb.commit();
  return Buffer.concat(chunks);
}

/** "Written Statement of Action 2019 - 22-11-2026.xlsx": safe on Windows, sorts by plan. */
export function planFileName(ctx: ServiceContext, planId?: number): string {
  const id = planId ?? currentPlanId(ctx);
  const title = id == null ? 'Action plan' : String(getLive(ctx, 'plan', id).title);
  const safe = stripControlCharacters(title).replace(/[\\/:*?"<>|]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Action plan';
  const [y, m, d] = londonDate(ctx.now()).split('-');
  return `${safe} - ${d}-${m}-${y}.xlsx`;
}
