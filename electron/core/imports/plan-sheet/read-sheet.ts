/**
 * Reads a council's plan spreadsheet into plain grids of cells (no database access): an Excel
 * workbook (.xlsx, every sheet, with its merged cells) through exceljs, or a CSV through csv-parse.
 * Size and row limits are checked before and while reading; every refusal is a sentence an
 * officer can act on.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { MAX_PLAN_SHEET_BYTES, MAX_PLAN_SHEET_ROWS } from '../../../contract/groups/plan-sheet';
import { checkReturnFile, RETURN_LIMITS } from '../../plan-returns/file-guard';
import { columnLetters, type RawCell } from '../../plan-returns/xlsx-stream';
import { ServiceError } from '../../services/service-error';

export type SheetCell = RawCell;

export interface SheetGrid {
  name: string;
  /** rows[0] is row 1. Cells of a merged range all carry the range's value. */
  rows: SheetCell[][];
  /** Merged ranges as Excel writes them ("A4:A9"). */
  merges: string[];
  columnCount: number;
}

export interface SheetBook {
  fileName: string;
  size: number;
  format: 'xlsx' | 'csv';
  /** sha256 of the file, so a reading kept for the apply step is known to be of this file. */
  fileHash: string;
  sheets: SheetGrid[];
}

/** Columns beyond this are not read (a plan has a dozen or two). */
export const MAX_PLAN_SHEET_COLUMNS = 200;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function refuse(message: string): never {
  throw new ServiceError('invalid_input', `${message} Nothing was changed.`);
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

/** Which reader a file needs, from what it is (not only its name). */
export function formatOf(bytes: Uint8Array, fileName: string): 'xlsx' | 'csv' {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  if (bytes.length === 0) refuse(`“${fileName}” is empty.`);
  if (bytes.length > MAX_PLAN_SHEET_BYTES) {
    refuse(`“${fileName}” is ${mb(bytes.length)}, more than the ${mb(MAX_PLAN_SHEET_BYTES)} a plan spreadsheet can be. Remove pictures or extra sheets, or save the plan’s sheet on its own, and choose it again.`);
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    refuse(`“${fileName}” is in the old Excel 97–2003 format (.xls) or is password-protected. Open it in Excel, remove any password, save it as an Excel Workbook (.xlsx), and choose that.`);
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (['docx', 'pptx', 'odt', 'ods', 'zip'].includes(ext)) refuse(`“${fileName}” is not an Excel (.xlsx) or CSV file. Choose the plan’s spreadsheet.`);
    return 'xlsx';
  }
  const head = bytes.subarray(0, 8192);
  const looksText = !head.includes(0) && !startsWith(bytes, [0x25, 0x50, 0x44, 0x46]);
  if (looksText && ['csv', 'txt', 'tsv', ''].includes(ext)) return 'csv';
  return refuse(`“${fileName}” is not an Excel (.xlsx) or CSV file. Choose the plan’s spreadsheet, or save it from Excel as .xlsx or .csv.`);
}

export function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A cell as exceljs gives it → the plain value the parsers read (text, number, date, boolean). */
function plainValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return { error: String(value.error) };
    if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return plainValue((value as { text: ExcelJS.CellValue }).text);
  }
  return null;
}

function tooManyRows(sheet: string): never {
  return refuse(`The sheet “${sheet}” has more than ${MAX_PLAN_SHEET_ROWS.toLocaleString('en-GB')} rows, more than any plan. Save the plan’s own rows in a sheet of their own (or remove the empty rows at the bottom) and choose it again.`);
}

/** Drops blank rows at the bottom and blank columns at the right. */
function trimmed(rows: SheetCell[][]): { rows: SheetCell[][]; columnCount: number } {
  const blank = (c: SheetCell) => c === null || (typeof c === 'string' && c.trim() === '');
  let last = rows.length;
  while (last > 0 && rows[last - 1]!.every(blank)) last--;
  const kept = rows.slice(0, last);
  let columnCount = 0;
  for (const row of kept) {
    for (let c = row.length; c > columnCount; c--) {
      if (!blank(row[c - 1] ?? null)) {
        columnCount = c;
        break;
      }
    }
  }
  return { rows: kept.map((r) => Array.from({ length: columnCount }, (_, c) => r[c] ?? null)), columnCount };
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<SheetBook> {
  checkReturnFile(bytes, { ...RETURN_LIMITS, fileBytes: MAX_PLAN_SHEET_BYTES });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    refuse(`“${fileName}” could not be read as an Excel workbook: it may be damaged. Open it in Excel, save it again as .xlsx, and choose it again.`);
  }
  const sheets: SheetGrid[] = [];
  for (const ws of book.worksheets) {
    if (ws.rowCount > MAX_PLAN_SHEET_ROWS) tooManyRows(ws.name);
    const width = Math.min(ws.columnCount, MAX_PLAN_SHEET_COLUMNS);
    const rows: SheetCell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: SheetCell[] = [];
      for (let c = 1; c <= width; c++) cells.push(plainValue(row.getCell(c).value));
      rows.push(cells);
    }
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).slice();
    sheets.push({ name: ws.name, ...trimmed(rows), merges });
  }
  if (sheets.length === 0) refuse(`“${fileName}” has no sheets.`);
  return { fileName, size: bytes.length, format: 'xlsx', fileHash: hashOf(bytes), sheets };
}

/** Windows-1252's characters at 0x80–0x9F (where Latin-1 has control codes); the rest is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel's "CSV (Comma delimited)" on Windows writes Windows-1252 (£, ’ and – included). Decoded
    // here by table: Node's own 'windows-1252' decoder can give Latin-1 control codes for 0x80–0x9F.
    let out = '';
    for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    return out;
  }
}

function delimiterOf(text: string): string {
  const firstLines = text.split(/\r?\n/).slice(0, 20).join('\n');
  const count = (d: string) => firstLines.split(d).length - 1;
  return ['\t', ';', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** Synchronous, so the apply step (inside its transaction) can read a CSV itself. */
export function readCsv(bytes: Uint8Array, fileName: string): SheetBook {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: MAX_PLAN_SHEET_ROWS + 1 }) as string[][];
  } catch (e) {
    const where = e && typeof e === 'object' && 'lines' in e ? ` near line ${String((e as { lines: number }).lines)}` : '';
    return refuse(`“${fileName}” could not be read as a CSV file${where}: check its quotation marks, or save it again from Excel.`);
  }
  if (records.length > MAX_PLAN_SHEET_ROWS) tooManyRows(fileName);
  const rows = records.map((r) => r.slice(0, MAX_PLAN_SHEET_COLUMNS).map((c) => (c === '' ? null : c)));
  const name = fileName.replace(/\.[^.]+$/, '') || 'Sheet1';
  return { fileName, size: bytes.length, format: 'csv', fileHash: hashOf(bytes), sheets: [{ name, ...trimmed(rows), merges: [] }] };
}

export async function readBook(bytes: Uint8Array, fileName: string): Promise<SheetBook> {
  return formatOf(bytes, fileName) === 'xlsx' ? readXlsx(bytes, fileName) : readCsv(bytes, fileName);
}

/** The sheet asked for, or the first with any data. */
/**
 * The sheet named, or else the one whose rows read most like a plan's headings (`score`), so a
 * cover or contents sheet in front of the plan is passed over; the first sheet with data on a tie.
 */
export function chooseSheet(book: SheetBook, name: string | undefined, score: (sheet: SheetGrid) => number = () => 0): SheetGrid {
  if (book.format === 'csv') return book.sheets[0]!;
  if (name) {
    const sheet = book.sheets.find((s) => s.name === name) ?? book.sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
    if (!sheet) refuse(`“${book.fileName}” has no sheet called “${name}”. Its sheets are: ${book.sheets.map((s) => `“${s.name}”`).join(', ')}.`);
    return sheet;
  }
  let best: { sheet: SheetGrid; score: number } | null = null;
  for (const sheet of book.sheets) {
    if (sheet.rows.length === 0) continue;
    const s = score(sheet);
    if (!best || s > best.score) best = { sheet, score: s };
  }
  return best?.sheet ?? book.sheets[0]!;
}

/** Column letters as Excel shows them, from a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  return columnLetters(index + 1);
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
