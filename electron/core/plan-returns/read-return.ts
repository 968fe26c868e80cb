/**
 * Reads a returned action plan into plain rows (no database access), so the slow part of an
 * import happens before any transaction opens.
 *
 * Bounded (issue #14): the file is checked as a zip first (file-guard), then each sheet's
 * declared size and the shared-string count are checked against limits derived from the plan the
 * file says it came from, before any row is read; the sheets are then read as a stream, and
 * reading stops at the first row past the limit, whatever the file declared.
 */
import { createHash } from 'node:crypto';
import { parsePlanIdentity } from '../exports/xlsx/row-identity';
import { IDENTITY_HEADER, MILESTONE_COLUMNS, PLAN_COLUMNS, SHEETS, UPDATE_COLUMNS, type ColumnSpec } from '../exports/xlsx/sheet-spec';
import { ServiceError } from '../services/service-error';
import { checkReturnFile } from './file-guard';
import { ABSOLUTE_LIMITS, describeLimit, LIST_ROWS_LIMIT, type ReturnReadLimits } from './return-limits';
import {
  columnLetters,
  declaredSharedStrings,
  declaredSheetRows,
  readBookParts,
  readDateStyles,
  readSharedStrings,
  readSheet,
  refuseFile,
  type RawCell,
  type SheetContext,
  type StreamCell,
} from './xlsx-stream';

export type { RawCell };

export type ReturnSheet = 'Plan' | 'Milestones' | 'Updates';

export interface ReturnRow {
  sheet: ReturnSheet;
  rowNumber: number;
  identity: string;
  cells: Record<string, RawCell>;
}

export type ReturnPlanIdentity = { workbookId: string; planId: number; exportedAt: string; exportId: string | null };

export interface ParsedReturn {
  fileName: string;
  /** sha256 of the file: the key under which a preview's parse is kept for the apply step. */
  fileHash: string;
  plan: ReturnPlanIdentity | null;
  rows: ReturnRow[];
  /** Editable columns found per sheet (a column a partner cannot see is never read as emptied). */
  columns: Record<ReturnSheet, string[]>;
}

/** Limits for the plan a file names (null: no plan named); the reader never touches the database itself. */
export type LimitsFor = (plan: ReturnPlanIdentity | null) => ReturnReadLimits;

const SHEET_COLUMNS: Record<ReturnSheet, ColumnSpec[]> = {
  Plan: PLAN_COLUMNS,
  Milestones: MILESTONE_COLUMNS,
  Updates: UPDATE_COLUMNS,
};
const SHEET_NAME: Record<ReturnSheet, string> = { Plan: SHEETS.plan, Milestones: SHEETS.milestones, Updates: SHEETS.updates };
const HEADER_SEARCH_ROWS = 6;

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function cellToText(v: RawCell): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return 'date' in v ? v.date : '';
}

const normHeader = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** `counted`: rows were counted as they streamed and reading stopped at the first too many; else the sheet's declared last row. */
function tooManyRows(sheet: ReturnSheet, rows: number, limits: ReturnReadLimits, counted = false): string {
  const size = counted ? `has more than ${(limits.rows[sheet] - 2).toLocaleString('en-GB')} rows` : `reaches row ${rows.toLocaleString('en-GB')}`;
  return `The ${sheet} sheet ${size}, but ${describeLimit(sheet, limits)} It may be damaged, or not the file exported from this workbook.`;
}

function tooManyStrings(n: number, limits: ReturnReadLimits): string {
  return `The file holds ${n.toLocaleString('en-GB')} different pieces of text, far more than ${limits.basis} could (at most ${limits.sharedStrings.toLocaleString('en-GB')}). It may be damaged, or not the file exported from this workbook.`;
}

/** The plan identity kept on the hidden Lists sheet (second row, one of the first ten columns). */
function readPlanIdentity(zip: Uint8Array, path: string | undefined, sheet: SheetContext): ReturnPlanIdentity | null {
  if (!path) return null;
  let plan: ReturnPlanIdentity | null = null;
  readSheet(zip, path, sheet, {
    onRowElement: (n) => {
      if (n > LIST_ROWS_LIMIT) refuseFile('The hidden Lists sheet is far longer than an exported plan’s. The file may be damaged or built to cause harm.');
    },
    onRow: (rowNumber, cells) => {
      if (rowNumber === 2) {
        for (let c = 1; c <= 10 && !plan; c++) plan = parsePlanIdentity(cellToText(cells.get(c)?.value ?? null));
      }
      return rowNumber < 2;
    },
  });
  return plan;
}

export async function readPlanReturn(bytes: Uint8Array, fileName: string, limitsFor: LimitsFor = () => ABSOLUTE_LIMITS): Promise<ParsedReturn> {
  checkReturnFile(bytes);
  const zip = bytes;
  const book = readBookParts(zip);

  // Declared sizes against the absolute ceiling first: nothing large is read for a file that says it is huge.
  const declaredStrings = book.sharedStrings ? declaredSharedStrings(zip, book.sharedStrings) : null;
  if (declaredStrings !== null && declaredStrings > ABSOLUTE_LIMITS.sharedStrings) refuseFile(tooManyStrings(declaredStrings, ABSOLUTE_LIMITS));
  const declared = new Map<ReturnSheet, number>();
  for (const sheet of ['Plan', 'Milestones', 'Updates'] as const) {
    const path = book.sheets.get(SHEET_NAME[sheet]);
    const rows = path ? declaredSheetRows(zip, path) : null;
    if (rows === null) continue;
    declared.set(sheet, rows);
    if (rows > ABSOLUTE_LIMITS.rows[sheet]) refuseFile(tooManyRows(sheet, rows, ABSOLUTE_LIMITS));
  }

  const strings = readSharedStrings(zip, book.sharedStrings, ABSOLUTE_LIMITS.sharedStrings, (n) => tooManyStrings(n, ABSOLUTE_LIMITS));
  const context: SheetContext = { strings, dateStyles: readDateStyles(zip, book.styles), date1904: book.date1904 };
  const plan = readPlanIdentity(zip, book.sheets.get(SHEETS.lists), context);

  // Then against what the plan it names could hold, before any data row is read.
  const limits = limitsFor(plan);
  if (strings.length > limits.sharedStrings) refuseFile(tooManyStrings(strings.length, limits));
  for (const [sheet, rows] of declared) if (rows > limits.rows[sheet]) refuseFile(tooManyRows(sheet, rows, limits));

  const rows: ReturnRow[] = [];
  const formulas: string[] = [];
  const columns: Record<ReturnSheet, string[]> = { Plan: [], Milestones: [], Updates: [] };
  let found = 0;
  for (const sheet of ['Plan', 'Milestones', 'Updates'] as const) {
    const path = book.sheets.get(SHEET_NAME[sheet]);
    if (!path) continue;
    let header: { row: number; identityCol: number; specs: { spec: ColumnSpec; col: number }[] } | null = null;
    readSheet(zip, path, context, {
      onDimension: (n) => {
        if (n > limits.rows[sheet]) refuseFile(tooManyRows(sheet, n, limits));
      },
      onRowElement: (n) => {
        if (n > limits.rows[sheet]) refuseFile(tooManyRows(sheet, n, limits, true));
      },
      onRow: (rowNumber, cells) => {
        if (!header) {
          if (rowNumber > HEADER_SEARCH_ROWS) return false;
          header = findHeader(rowNumber, cells, sheet);
          if (header) columns[sheet] = header.specs.map((s) => s.spec.key);
          return true;
        }
        if (rowNumber > limits.rows[sheet]) refuseFile(tooManyRows(sheet, rowNumber, limits, true));
        const row = toReturnRow(sheet, rowNumber, cells, header, formulas);
        if (row) rows.push(row);
        return true;
      },
    });
    if (header) found += 1;
  }
  if (found === 0 || !book.sheets.has(SHEETS.plan)) {
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
  return { fileName, fileHash: hashBytes(bytes), plan, rows, columns };
}

function findHeader(rowNumber: number, cells: Map<number, StreamCell>, sheet: ReturnSheet) {
  let identityCol = 0;
  const byHeader = new Map<string, number>();
  for (const [col, cell] of cells) {
    const text = cellToText(cell.value);
    if (text.trim() === IDENTITY_HEADER && !identityCol) identityCol = col;
    if (!byHeader.has(normHeader(text))) byHeader.set(normHeader(text), col);
  }
  if (!identityCol) return null;
  const specs = SHEET_COLUMNS[sheet].flatMap((spec) => {
    const col = byHeader.get(normHeader(spec.header));
    return col ? [{ spec, col }] : [];
  });
  return { row: rowNumber, identityCol, specs };
}

function toReturnRow(
  sheet: ReturnSheet,
  rowNumber: number,
  cells: Map<number, StreamCell>,
  header: { identityCol: number; specs: { spec: ColumnSpec; col: number }[] },
  formulas: string[],
): ReturnRow | null {
  if (cells.size === 0) return null;
  const out: Record<string, RawCell> = {};
  let any = false;
  const id = cells.get(header.identityCol);
  if (id?.formula) formulas.push(`${sheet}!${columnLetters(header.identityCol)}${rowNumber}`);
  for (const { spec, col } of header.specs) {
    const cell = cells.get(col);
    if (cell?.formula) formulas.push(`${sheet}!${columnLetters(col)}${rowNumber}`);
    const value = cell && !cell.formula ? cell.value : null;
    out[spec.key] = value;
    if (value !== null && !(typeof value === 'string' && value.trim() === '')) any = true;
  }
  const identity = id && !id.formula ? cellToText(id.value).trim() : '';
  if (!identity && !any) return null;
  return { sheet, rowNumber, identity, cells: out };
}

export { cellToText };
