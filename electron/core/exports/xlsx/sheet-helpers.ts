/** Small exceljs helpers shared by the sheets of the action plan export. */
import type ExcelJS from 'exceljs';
import { stripControlCharacters } from '../../../contract/fields';
import { EXCEL_CELL_LIMIT, SHORTENED_NOTE } from './sheet-spec';

export const COLOURS = {
  headerFill: 'FF1F3864',
  headerText: 'FFFFFFFF',
  editableFill: 'FFFFF2CC',
  editableText: 'FF0B0C0C',
  bannerFill: 'FFF2F2F2',
  marking: 'FFB10E1E',
} as const;

export const DATE_FORMAT = 'dd/mm/yyyy';

/** "2026-11-22" as an Excel date (UTC midnight, so no time zone shifts the day). */
export function excelDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** Text safe for a cell: no XML-invalid characters, within Excel's cell limit. */
export function cellText(value: string): { text: string; shortened: boolean } {
  const clean = stripControlCharacters(value);
  if (clean.length <= EXCEL_CELL_LIMIT) return { text: clean, shortened: false };
  return { text: clean.slice(0, EXCEL_CELL_LIMIT - SHORTENED_NOTE.length) + SHORTENED_NOTE, shortened: true };
}

/** Header and footer codes treat "&" as a command: double it in our own text. */
export function headerText(value: string): string {
  return stripControlCharacters(value).replace(/&/g, '&&');
}

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface PrintOptions {
  marking: string;
  footer: string;
  titleRows: string;
  /** Columns repeated at the left of every page (e.g. "E:E"), for a sheet printed several pages wide. */
  titleColumns?: string;
  /** Print layout other than one page wide on A4 (see WIDE_PAGE_SETUP). */
  pageSetup?: Partial<ExcelJS.PageSetup>;
}

/** Landscape A4, one page wide, headings on every page, the marking at the top of every page. */
export const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/**
 * A sheet too wide to read on one page (the Plan sheet: 22 columns, over a metre of text at full
 * size): A3 landscape at a fixed, readable scale, so the columns run on over a second and third
 * page, read across ("over, then down") with the headings and the action reference repeated on
 * each page (issue #13). Fitting it to one page wide printed it at about a third of full size.
 */
export const WIDE_PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  // A3 (8): exceljs's typings list only A4 and smaller, but Excel and LibreOffice take any paper code.
  paperSize: 8 as ExcelJS.PaperSize,
  fitToPage: false,
  scale: 85,
  pageOrder: 'overThenDown',
  margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** Points per line of 11 pt Calibri, and characters per line for a column width (a width counts "0"s; text averages narrower). */
const LINE_POINTS = 15;
const CHARS_PER_WIDTH = 1.1;
/** Excel's largest row height. */
const MAX_ROW_POINTS = 409;

/**
 * A row height that shows every wrapped cell's text in full (issue #13): Excel does not fit
 * rows to wrapped text written by a library, so printed rows were cut to one line.
 */
export function rowHeightFor(cells: { text: string; width: number }[]): number {
  let lines = 1;
  for (const { text, width } of cells) {
    if (!text) continue;
    const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH) - 1);
    let n = 0;
    for (const paragraph of text.split('\n')) n += Math.max(1, Math.ceil(paragraph.length / perLine));
    lines = Math.max(lines, n);
  }
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 2);
}

/**
 * Options for addWorksheet: the streaming writer writes the sheet's properties (where "fit to
 * page" lives) as soon as the sheet is added, so the page setup must be known then.
 */
export function sheetOptions(views: Partial<ExcelJS.WorksheetView>[], state?: ExcelJS.WorksheetState, pageSetup: Partial<ExcelJS.PageSetup> = PAGE_SETUP): Partial<ExcelJS.AddWorksheetOptions> {
  return { views, pageSetup: { ...pageSetup }, ...(state ? { state } : {}) };
}

export function setPrint(ws: ExcelJS.Worksheet, options: PrintOptions): void {
  ws.pageSetup = { ...(options.pageSetup ?? PAGE_SETUP), printTitlesRow: options.titleRows, ...(options.titleColumns ? { printTitlesColumn: options.titleColumns } : {}) };
  const marking = headerText(options.marking);
  ws.headerFooter = {
    oddHeader: `&C&"-,Bold"&12${marking}`,
    oddFooter: `&L${headerText(options.footer)}&CPage &P of &N&R&"-,Bold"${marking}`,
  };
}

/** Locks everything except unlocked cells; partners can still filter, resize rows and add rows. */
export async function protect(ws: ExcelJS.Worksheet, allowNewRows: boolean): Promise<void> {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: false,
    formatColumns: false,
    formatRows: true,
    insertRows: allowNewRows,
    insertColumns: false,
    deleteRows: false,
    deleteColumns: false,
    autoFilter: true,
    sort: false,
  });
}

/** exceljs accepts range-wide validations but leaves them out of its typings. */
export function addValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, validation);
}

export function styleHeaderCell(cell: ExcelJS.Cell, editable: boolean): void {
  cell.font = { bold: true, color: { argb: editable ? COLOURS.editableText : COLOURS.headerText } };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: editable ? COLOURS.editableFill : COLOURS.headerFill } };
  cell.alignment = { wrapText: true, vertical: 'middle' };
  cell.protection = { locked: true };
  cell.border = { bottom: { style: 'thin', color: { argb: 'FF7F7F7F' } } };
}

/** Row 1: the marking and a line of guidance, across the sheet. */
export function addBanner(ws: ExcelJS.Worksheet, firstCol: number, lastCol: number, marking: string, text: string): void {
  const row = ws.getRow(1);
  const cell = row.getCell(firstCol);
  cell.value = { richText: [{ text: `${marking}  `, font: { bold: true, color: { argb: COLOURS.marking } } }, { text }] };
  cell.alignment = { wrapText: true, vertical: 'middle' };
  cell.protection = { locked: true };
  if (lastCol > firstCol) ws.mergeCells(1, firstCol, 1, lastCol);
  row.height = 32;
}
