/**
 * Reads the parts of a returned .xlsx that an import needs, one zip entry at a time, with a
 * streaming XML parser (issue #14): a sheet is never held whole in memory, its declared size is
 * checked before its rows are read, and reading stops at the first row past the limit. exceljs
 * loaded whole sheets, so a 3.6 MB file with 700,000 rows exhausted the app's memory.
 *
 * Only what an action plan return uses is understood: shared strings, inline strings, numbers,
 * booleans, errors, dates (by number format) and formulas (reported, never evaluated). A DTD is
 * refused outright, so no entity is ever expanded; text must be valid UTF-8.
 */
import { Inflate } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ServiceError } from '../services/service-error';

/** A cell as typed: text, a number, a date (ISO), true/false, or an error such as #REF!. */
export type RawCell = null | string | number | boolean | { date: string } | { error: string };

export interface StreamCell {
  value: RawCell;
  formula: boolean;
}

const DAY_MS = 86_400_000;
/** Cells right of this column are never kept: no sheet of an exported plan is this wide. */
const MAX_COLUMN = 200;

export function refuseFile(message: string): never {
  throw new ServiceError('invalid_input', `${message} Nothing was changed.`);
}

const damaged = (): never => refuseFile('The file is damaged and cannot be read. Ask the partner to save it again as .xlsx.');

/** Stops a stream early without it being taken for damage. */
class Stop extends Error {}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

const indexes = new WeakMap<Uint8Array, Map<string, ZipEntry>>();

/**
 * The zip's central directory: where each entry starts, so one part is inflated without
 * inflating the parts before it. (file-guard has already streamed every entry through inflate,
 * so sizes here cannot make anything expand further than it allowed.)
 */
function zipIndex(zip: Uint8Array): Map<string, ZipEntry> {
  const known = indexes.get(zip);
  if (known) return known;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) damaged();
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = names.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (!entries.has(name)) entries.set(name, { method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  indexes.set(zip, entries);
  return entries;
}

/**
 * Inflates one entry, handing each chunk to `onChunk` as it comes; nothing else in the file is
 * inflated. Returns false when the file has no such entry. A ServiceError thrown by `onChunk`
 * ends the read and is rethrown; a Stop ends it quietly.
 */
export function streamEntry(zip: Uint8Array, name: string, onChunk: (chunk: Uint8Array, final: boolean) => void): boolean {
  const entry = zipIndex(zip).get(name);
  if (!entry) return false;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const local = entry.localOffset;
  if (local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) damaged();
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) damaged();
  const step = 64 * 1024;
  try {
    if (entry.method === 0) {
      for (let i = 0; i < data.length || i === 0; i += step) onChunk(data.subarray(i, i + step), i + step >= data.length);
    } else if (entry.method === 8) {
      const inflate = new Inflate((chunk, final) => onChunk(chunk, final));
      for (let i = 0; i < data.length; i += step) inflate.push(data.subarray(i, i + step), i + step >= data.length);
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
    } else damaged();
  } catch (e) {
    if (e instanceof Stop) return true;
    if (e instanceof ServiceError) throw e;
    damaged();
  }
  return true;
}

/** A small part (workbook, relationships, styles) as text, refused past `maxBytes`. */
export function readSmallEntry(zip: Uint8Array, name: string, maxBytes: number): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let size = 0;
  const found = streamEntry(zip, name, (chunk, final) => {
    size += chunk.length;
    if (size > maxBytes) refuseFile(`A part of the file (${name}) is far larger than a spreadsheet needs. It may be damaged or built to cause harm.`);
    text += decode(decoder, chunk, final, name);
  });
  return found ? text : null;
}

function decode(decoder: TextDecoder, chunk: Uint8Array, final: boolean, part: string): string {
  try {
    return decoder.decode(chunk, { stream: !final });
  } catch {
    return refuseFile(`The file has text that is not valid UTF-8 (in ${part}), so it may be damaged. Open it in Excel, save it again as .xlsx, and import that.`);
  }
}

/** Feeds one entry through a streaming XML parser with DTDs refused. */
function parseEntry(zip: Uint8Array, name: string, setup: (parser: SaxesParser) => void): boolean {
  const parser = new SaxesParser();
  parser.on('doctype', () => refuseFile('The file contains a document type declaration, which spreadsheets do not use. It may be built to cause harm.'));
  parser.on('error', () => damaged());
  setup(parser);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return streamEntry(zip, name, (chunk, final) => {
    parser.write(decode(decoder, chunk, final, name));
    if (final) parser.close();
  });
}

/** Column number (1-based) and row of a reference such as "AB12". */
export function splitRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The last row a sheet's `<dimension ref="A1:Q1234"/>` declares, or null when absent. */
export function declaredRows(ref: string): number | null {
  const last = ref.split(':').pop() ?? '';
  return splitRef(last)?.row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Workbook structure

export interface BookParts {
  /** Zip path of each worksheet, by sheet name. */
  sheets: Map<string, string>;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
};

const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);

export function readBookParts(zip: Uint8Array): BookParts {
  const book = readSmallEntry(zip, 'xl/workbook.xml', 2 * 1024 * 1024);
  const rels = readSmallEntry(zip, 'xl/_rels/workbook.xml.rels', 2 * 1024 * 1024);
  if (book === null || rels === null) refuseFile('The file is a zip archive but not an Excel workbook (.xlsx). Choose the spreadsheet the partner sent back.');
  if (/<!DOCTYPE/i.test(book) || /<!DOCTYPE/i.test(rels)) refuseFile('The file contains a document type declaration, which spreadsheets do not use. It may be built to cause harm.');
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, { type: attr(m[0], 'Type') ?? '', target: partPath(target) });
  }
  const sheets = new Map<string, string>();
  for (const m of book.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? /\s\w+:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) sheets.set(name, target.target);
  }
  const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target ?? null;
  return {
    sheets,
    sharedStrings: byType('/sharedStrings'),
    styles: byType('/styles'),
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(book),
  };
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles

/** The start of a part, up to the first match of `enough` (or `maxChars`), without inflating the rest. */
export function readHead(zip: Uint8Array, path: string, enough: RegExp, maxChars = 65_536): string {
  let head = '';
  const decoder = new TextDecoder('utf-8');
  streamEntry(zip, path, (chunk) => {
    head += decoder.decode(chunk, { stream: true });
    if (head.length > maxChars || enough.test(head)) throw new Stop();
  });
  return head;
}

/** The declared count of a shared-string table (its first tag). */
export function declaredSharedStrings(zip: Uint8Array, path: string): number | null {
  const tag = /<(?:\w+:)?sst\b[^>]*>/.exec(readHead(zip, path, /<(?:\w+:)?sst\b[^>]*>/, 4096))?.[0];
  if (!tag) return null;
  const n = Number(attr(tag, 'uniqueCount') ?? attr(tag, 'count'));
  return Number.isFinite(n) ? n : null;
}

/** The last row a sheet declares (its <dimension>), from the first part of the sheet only. */
export function declaredSheetRows(zip: Uint8Array, path: string): number | null {
  const head = readHead(zip, path, /<(?:\w+:)?(dimension|sheetData)\b[^>]*>/);
  const ref = /<(?:\w+:)?dimension\b[^>]*\sref="([^"]*)"/.exec(head)?.[1];
  return ref ? declaredRows(ref) : null;
}

/** All shared text together: far more than any plan's, far less than memory. */
const SHARED_TEXT_CHARS = 64 * 1024 * 1024;

/** Every shared string, refused when there are more than `max`. */
export function readSharedStrings(zip: Uint8Array, path: string | null, max: number, tooMany: (n: number) => string): string[] {
  const strings: string[] = [];
  if (!path) return strings;
  let chars = 0;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  parseEntry(zip, path, (p) => {
    p.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'sst') {
        const declared = Number(tag.attributes.uniqueCount ?? tag.attributes.count);
        if (Number.isFinite(declared) && declared > max) refuseFile(tooMany(declared));
      } else if (name === 'si') {
        current = '';
        if (strings.length >= max) refuseFile(tooMany(strings.length + 1));
      } else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    });
    p.on('text', (text: string) => {
      if (inText && current !== null) current += text;
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si') {
        chars += current?.length ?? 0;
        if (chars > SHARED_TEXT_CHARS) refuseFile('The file holds far more text than an action plan could. It may be damaged or built to cause harm.');
        strings.push(current ?? '');
        current = null;
      }
    });
  });
  return strings;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Indexes into cellXfs whose number format shows a date. */
export function readDateStyles(zip: Uint8Array, path: string | null): Set<number> {
  const dates = new Set<number>();
  if (!path) return dates;
  const xml = readSmallEntry(zip, path, 8 * 1024 * 1024);
  if (xml === null) return dates;
  if (/<!DOCTYPE/i.test(xml)) refuseFile('The file contains a document type declaration, which spreadsheets do not use. It may be built to cause harm.');
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? '');
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const fmt = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(fmt);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(fmt)) dates.add(i);
    i += 1;
  }
  return dates;
}

// ---------------------------------------------------------------------------------------------
// Sheets

export interface SheetContext {
  strings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

export interface SheetReadOptions {
  /** Called with the rows the sheet declares it holds, before any row is read. */
  onDimension?: (rows: number) => void;
  /** Called for every row element; throw to refuse the file. */
  onRowElement?: (count: number) => void;
  /** Each row with its cells by column; return false to stop reading the sheet. */
  onRow: (rowNumber: number, cells: Map<number, StreamCell>) => boolean | void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function serialToIso(serial: number, date1904: boolean): RawCell {
  const days = serial + (date1904 ? 1462 : 0);
  const t = Date.UTC(1899, 11, 30) + days * DAY_MS;
  if (!Number.isFinite(t) || Math.abs(days) > 3_000_000) return { error: 'not a date' };
  return { date: new Date(Math.round(t / DAY_MS) * DAY_MS).toISOString().slice(0, 10) };
}

export function readSheet(zip: Uint8Array, path: string, sheet: SheetContext, options: SheetReadOptions): boolean {
  let rowNumber = 0;
  let rowElements = 0;
  let cells = new Map<number, StreamCell>();
  let inRow = false;
  let cell: { col: number; type: string; style: number; formula: boolean; v: string; inline: string } | null = null;
  let text: 'v' | 't' | null = null;
  let phonetic = 0;
  let lastCol = 0;
  let stopped = false;
  return parseEntry(zip, path, (p) => {
    p.on('opentag', (tag: SaxesTagPlain) => {
      if (stopped) return;
      const name = local(tag.name);
      if (name === 'dimension') {
        const rows = declaredRows(String(tag.attributes.ref ?? ''));
        if (rows !== null) options.onDimension?.(rows);
      } else if (name === 'row') {
        rowElements += 1;
        options.onRowElement?.(rowElements);
        const r = Number(tag.attributes.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        cells = new Map();
        inRow = true;
        lastCol = 0;
      } else if (name === 'c' && inRow) {
        const ref = tag.attributes.r ? splitRef(String(tag.attributes.r)) : null;
        const col = ref?.col ?? lastCol + 1;
        lastCol = col;
        cell = { col, type: String(tag.attributes.t ?? 'n'), style: Number(tag.attributes.s ?? 0), formula: false, v: '', inline: '' };
      } else if (cell) {
        if (name === 'f') cell.formula = true;
        else if (name === 'v') text = 'v';
        else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && phonetic === 0) text = 't';
      }
    });
    p.on('text', (t: string) => {
      if (!cell || !text) return;
      if (text === 'v') cell.v += t;
      else cell.inline += t;
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      if (stopped) return;
      const name = local(tag.name);
      if (name === 'v' || name === 't') text = null;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'c' && cell) {
        if (cell.col <= MAX_COLUMN) cells.set(cell.col, { value: cellValue(cell, sheet), formula: cell.formula });
        cell = null;
      } else if (name === 'row') {
        inRow = false;
        if (options.onRow(rowNumber, cells) === false) {
          stopped = true;
          throw new Stop();
        }
      }
    });
  });
}

function cellValue(c: { type: string; style: number; v: string; inline: string }, sheet: SheetContext): RawCell {
  switch (c.type) {
    case 's': {
      const s = sheet.strings[Number(c.v)];
      return s === undefined ? { error: 'missing text' } : s;
    }
    case 'inlineStr':
      return c.inline;
    case 'str':
      return c.v;
    case 'b':
      return c.v.trim() === '1' || c.v.trim().toLowerCase() === 'true';
    case 'e':
      return { error: c.v };
    case 'd': {
      const iso = /^(\d{4}-\d{2}-\d{2})/.exec(c.v)?.[1];
      return iso ? { date: iso } : { error: 'not a date' };
    }
    default: {
      if (c.v.trim() === '') return null;
      const n = Number(c.v);
      if (!Number.isFinite(n)) return { error: 'not a number' };
      return sheet.dateStyles.has(c.style) ? serialToIso(n, sheet.date1904) : n;
    }
  }
}
