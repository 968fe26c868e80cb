/**
 * Reads a returned action plan into plain rows (no database access), so the slow, asynchronous
 * part of an import happens before any transaction opens.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parsePlanIdentity } from '../exports/xlsx/row-identity';
import { IDENTITY_HEADER, MILESTONE_COLUMNS, PLAN_COLUMNS, SHEETS, UPDATE_COLUMNS, type ColumnSpec } from '../exports/xlsx/sheet-spec';
import { ServiceError } from '../services/service-error';
import { checkReturnFile } from './file-guard';
import { returnSheetsOnly } from './return-sheets-only';

/** A cell as typed: text, a number, a date (ISO), true/false, or an error such as #REF!. */
export type RawCell = null | string | number | boolean | { date: string } | { error: string };

export type ReturnSheet = 'Plan' | 'Milestones' | 'Updates';

export interface ReturnRow {
  sheet: ReturnSheet;
  rowNumber: number;
  identity: string;
  cells: Record<string, RawCell>;
}

export interface ParsedReturn {
  fileName: string;
  /** sha256 of the file: the key under which a preview's parse is kept for the apply step. */
  fileHash: string;
  plan: { workbookId: string; planId: number; exportedAt: string } | null;
  rows: ReturnRow[];
  /** Editable columns found per sheet (a column a partner cannot see is never read as emptied). */
  columns: Record<ReturnSheet, string[]>;
}

const SHEET_COLUMNS: Record<ReturnSheet, ColumnSpec[]> = {
  Plan: PLAN_COLUMNS,
  Milestones: MILESTONE_COLUMNS,
  Updates: UPDATE_COLUMNS,
};

const DAY_MS = 86_400_000;

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isoFromDate(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  // Serial dates may carry floating-point dust either side of midnight: round to the day.
  return new Date(Math.round(t / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

function readCell(cell: ExcelJS.Cell): { value: RawCell; formula: boolean } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null, formula: false };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: false };
  if (v instanceof Date) {
    const iso = isoFromDate(v);
    return { value: iso ? { date: iso } : { error: 'not a date' }, formula: false };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { value: null, formula: true };
    if (Array.isArray(o.richText)) return { value: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''), formula: false };
    if ('error' in o) return { value: { error: String(o.error) }, formula: false };
    if ('text' in o) {
      const text = o.text;
      if (typeof text === 'string') return { value: text, formula: false };
      if (text && typeof text === 'object' && Array.isArray((text as { richText?: unknown }).richText)) {
        return { value: ((text as { richText: { text?: string }[] }).richText).map((r) => r.text ?? '').join(''), formula: false };
      }
    }
  }
  return { value: { error: 'unreadable' }, formula: false };
}

function cellToText(v: RawCell): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return 'date' in v ? v.date : '';
}

function findHeaderRow(ws: ExcelJS.Worksheet): { row: number; identityCol: number } | null {
  for (let r = 1; r <= Math.min(6, ws.rowCount); r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.min(row.cellCount, 40); c++) {
      if (cellToText(readCell(row.getCell(c)).value).trim() === IDENTITY_HEADER) return { row: r, identityCol: c };
    }
  }
  return null;
}

const normHeader = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export async function readPlanReturn(bytes: Uint8Array, fileName: string): Promise<ParsedReturn> {
  checkReturnFile(bytes);
  const wb = new ExcelJS.Workbook();
  const readable = returnSheetsOnly(bytes);
  try {
    await wb.xlsx.load(Buffer.from(readable.buffer, readable.byteOffset, readable.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ServiceError('invalid_input', 'The file could not be opened as a spreadsheet: it may be damaged. Ask the partner to save it again as .xlsx. Nothing was changed.');
  }
  const rows: ReturnRow[] = [];
  const formulas: string[] = [];
  const columns: Record<ReturnSheet, string[]> = { Plan: [], Milestones: [], Updates: [] };
  let found = 0;
  for (const sheet of ['Plan', 'Milestones', 'Updates'] as const) {
    const ws = wb.getWorksheet(SHEETS[sheet === 'Plan' ? 'plan' : sheet === 'Milestones' ? 'milestones' : 'updates']);
    if (!ws) continue;
    const header = findHeaderRow(ws);
    if (!header) continue;
    found += 1;
    const byHeader = new Map<string, number>();
    const headRow = ws.getRow(header.row);
    for (let c = 1; c <= headRow.cellCount; c++) byHeader.set(normHeader(cellToText(readCell(headRow.getCell(c)).value)), c);
    const specs = SHEET_COLUMNS[sheet].flatMap((spec) => {
      const col = byHeader.get(normHeader(spec.header));
      return col ? [{ spec, col }] : [];
    });
    columns[sheet] = specs.map((s) => s.spec.key);
    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (!row.hasValues) continue;
      const cells: Record<string, RawCell> = {};
      let any = false;
      const id = readCell(row.getCell(header.identityCol));
      if (id.formula) formulas.push(`${sheet}!${row.getCell(header.identityCol).address}`);
      for (const { spec, col } of specs) {
        const cell = row.getCell(col);
        const read = readCell(cell);
        if (read.formula) formulas.push(`${sheet}!${cell.address}`);
        cells[spec.key] = read.value;
        if (read.value !== null && !(typeof read.value === 'string' && read.value.trim() === '')) any = true;
      }
      const identity = cellToText(id.value).trim();
      if (!identity && !any) continue;
      rows.push({ sheet, rowNumber: r, identity, cells });
    }
  }
  if (found === 0 || !wb.getWorksheet(SHEETS.plan)) {
    throw new ServiceError(
      'invalid_input',
      'This spreadsheet is not an action plan exported from Evidence Workbook: it has no Row ID column, so its rows cannot be matched. Export the plan from the app, send that file to partners, and import the copy they send back. Nothing was changed.',
    );
  }
  if (formulas.length > 0) {
    const shown = formulas.slice(0, 3).join(', ');
    throw new ServiceError(
      'invalid_input',
      `The file has formulas where values belong (${shown}${formulas.length > 3 ? `, and ${formulas.length - 3} more` : ''}). Replace each with the value itself (copy the cells, then Paste Special → Values) and import it again. Nothing was changed.`,
    );
  }
  const lists = wb.getWorksheet(SHEETS.lists);
  let plan: ParsedReturn['plan'] = null;
  if (lists) {
    for (let c = 1; c <= 10 && !plan; c++) plan = parsePlanIdentity(cellToText(readCell(lists.getCell(2, c)).value));
  }
  return { fileName, fileHash: hashBytes(bytes), plan, rows, columns };
}

export { cellToText };
