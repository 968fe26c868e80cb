/**
 * Works out what a file really is from its content (magic bytes), not its name: a PDF renamed
 * .docx is a PDF, and a program renamed .pdf is refused. Office Open XML files are zips whose
 * [Content_Types].xml names the main part. The extension only helps within a family that the
 * bytes cannot tell apart (CSV vs plain text; Outlook .msg vs old .doc, both OLE containers).
 */
import type { ByteSource } from './byte-source';
import { extensionOf } from './sanitize-name';
import { findEntry, isZip, listZipEntries, readZipEntry } from './zip-reader';

export interface FileType {
  mimeType: string;
  /** In words, for the file list. */
  label: string;
  /** The extension a file of this type should have (with the dot). */
  extension: string;
  /** Other extensions that are right for this type (a .htm is as good as .html). */
  aliases?: string[];
}

export const FILE_TYPES = {
  pdf: { mimeType: 'application/pdf', label: 'PDF document', extension: '.pdf' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document', extension: '.docx', aliases: ['.docm', '.dotx'] },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel workbook', extension: '.xlsx', aliases: ['.xlsm', '.xltx'] },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint presentation', extension: '.pptx', aliases: ['.pptm', '.ppsx'] },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument text', extension: '.odt' },
  ods: { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument spreadsheet', extension: '.ods' },
  zip: { mimeType: 'application/zip', label: 'Zip archive', extension: '.zip' },
  png: { mimeType: 'image/png', label: 'PNG image', extension: '.png' },
  jpeg: { mimeType: 'image/jpeg', label: 'JPEG image', extension: '.jpg', aliases: ['.jpeg', '.jpe'] },
  gif: { mimeType: 'image/gif', label: 'GIF image', extension: '.gif' },
  msg: { mimeType: 'application/vnd.ms-outlook', label: 'Outlook message', extension: '.msg' },
  doc: { mimeType: 'application/msword', label: 'Word 97–2003 document', extension: '.doc' },
  xls: { mimeType: 'application/vnd.ms-excel', label: 'Excel 97–2003 workbook', extension: '.xls' },
  ppt: { mimeType: 'application/vnd.ms-powerpoint', label: 'PowerPoint 97–2003 presentation', extension: '.ppt' },
  ole: { mimeType: 'application/x-ole-storage', label: 'Older Office or Outlook file', extension: '.msg', aliases: ['.doc', '.xls', '.ppt', '.pub', '.vsd'] },
  html: { mimeType: 'text/html', label: 'Web page', extension: '.html', aliases: ['.htm'] },
  csv: { mimeType: 'text/csv', label: 'CSV data', extension: '.csv' },
  md: { mimeType: 'text/markdown', label: 'Markdown text', extension: '.md', aliases: ['.markdown'] },
  txt: { mimeType: 'text/plain', label: 'Plain text', extension: '.txt', aliases: ['.text', '.log'] },
  eml: { mimeType: 'message/rfc822', label: 'Email message', extension: '.eml' },
} as const satisfies Record<string, FileType>;

export const ACCEPTED_DESCRIPTION =
  'PDF, Word, Excel, PowerPoint, OpenDocument, images (PNG, JPEG, GIF), text, CSV, Markdown, web pages, Outlook or email messages and zip files';

const BY_MIME = new Map<string, FileType>(Object.values(FILE_TYPES).map((t) => [t.mimeType, t]));

export function typeLabel(mimeType: string): string {
  return BY_MIME.get(mimeType)?.label ?? 'File';
}

export function fileTypeOf(mimeType: string): FileType | undefined {
  return BY_MIME.get(mimeType);
}

/** True when `name` already has an extension that suits the type. */
export function extensionMatches(name: string, type: FileType): boolean {
  const ext = `.${extensionOf(name)}`;
  return ext === type.extension || ((type as { aliases?: readonly string[] }).aliases ?? []).includes(ext);
}

function startsWith(head: Uint8Array, bytes: number[], at = 0): boolean {
  return bytes.every((b, i) => head[at + i] === b);
}

const OOXML_MAIN: [string, FileType][] = [
  ['wordprocessingml.document.main+xml', FILE_TYPES.docx],
  ['wordprocessingml.template.main+xml', FILE_TYPES.docx],
  ['ms-word.document.macroEnabled.main+xml', FILE_TYPES.docx],
  ['spreadsheetml.sheet.main+xml', FILE_TYPES.xlsx],
  ['spreadsheetml.template.main+xml', FILE_TYPES.xlsx],
  ['ms-excel.sheet.macroEnabled.main+xml', FILE_TYPES.xlsx],
  ['presentationml.presentation.main+xml', FILE_TYPES.pptx],
  ['presentationml.slideshow.main+xml', FILE_TYPES.pptx],
  ['ms-powerpoint.presentation.macroEnabled.main+xml', FILE_TYPES.pptx],
];

const OOXML_BY_EXTENSION: Record<string, FileType> = { docx: FILE_TYPES.docx, xlsx: FILE_TYPES.xlsx, pptx: FILE_TYPES.pptx };

function zipType(source: ByteSource, name: string): FileType {
  try {
    const entries = listZipEntries(source);
    const types = findEntry(entries, '[Content_Types].xml');
    if (types) {
      const xml = new TextDecoder().decode(readZipEntry(source, types, 4 * 1024 * 1024));
      for (const [marker, type] of OOXML_MAIN) if (xml.includes(marker)) return type;
    }
    const mimetype = findEntry(entries, 'mimetype');
    if (mimetype && mimetype.size < 200) {
      const value = new TextDecoder().decode(readZipEntry(source, mimetype, 200)).trim();
      if (value === FILE_TYPES.odt.mimeType) return FILE_TYPES.odt;
      if (value === FILE_TYPES.ods.mimeType) return FILE_TYPES.ods;
    }
  } catch {
    // A damaged Office file is still that file (Office files are zips): it is stored, and reading
    // its text says it is damaged.
    return OOXML_BY_EXTENSION[extensionOf(name)] ?? FILE_TYPES.zip;
  }
  return FILE_TYPES.zip;
}

const OLE_BY_EXTENSION: Record<string, FileType> = { msg: FILE_TYPES.msg, doc: FILE_TYPES.doc, xls: FILE_TYPES.xls, ppt: FILE_TYPES.ppt };

/** Text is UTF-8 (with or without BOM) or a legacy 8-bit encoding, with no binary control bytes. */
function looksLikeText(sample: Uint8Array): boolean {
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) return false;
  }
  return true;
}

function textType(sample: string, name: string): FileType {
  const start = sample.replace(/^\uFEFF/, '').trimStart().slice(0, 1024).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || (/^<(!--|head|body|meta|title)/.test(start) && /<(html|body|head)[\s>]/.test(sample.toLowerCase()))) {
    return FILE_TYPES.html;
  }
  const ext = extensionOf(name);
  if (/^(from|received|return-path|message-id|mime-version): /im.test(sample.slice(0, 2048)) && ext === 'eml') return FILE_TYPES.eml;
  if (ext === 'csv') return FILE_TYPES.csv;
  if (ext === 'md' || ext === 'markdown') return FILE_TYPES.md;
  if (ext === 'html' || ext === 'htm') return FILE_TYPES.html;
  return FILE_TYPES.txt;
}

/** Returns the type, or null when the content is not a kind of file the workbook keeps. */
export function detectFileType(source: ByteSource, name: string): FileType | null {
  const head = source.read(0, 4096);
  if (head.length === 0) return FILE_TYPES.txt;
  if (new TextDecoder('latin1').decode(head.subarray(0, 1024)).includes('%PDF-')) return FILE_TYPES.pdf;
  if (isZip(head)) return zipType(source, name);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_TYPES.png;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return FILE_TYPES.jpeg;
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38]) && (head[4] === 0x37 || head[4] === 0x39) && head[5] === 0x61) return FILE_TYPES.gif;
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE_BY_EXTENSION[extensionOf(name)] ?? FILE_TYPES.ole;
  // UTF-16 text with a byte-order mark (Excel's "Unicode text" export).
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return textType('', name);
  const sample = head.subarray(0, Math.min(head.length, 4096));
  if (!looksLikeText(sample)) return null;
  return textType(new TextDecoder('utf-8').decode(sample), name);
}
