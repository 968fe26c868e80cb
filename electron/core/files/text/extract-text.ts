/**
 * Reads the words out of a stored file so search can find it. Never throws: a file whose text
 * cannot be read (a scanned PDF, a damaged file, a picture) gets a status and a note in words,
 * and stays stored and findable by its name.
 */
import { memorySource } from '../byte-source';
import { FILE_TYPES } from '../file-type';
import { ZipError } from '../zip-reader';
import { htmlToText } from './markup-text';
import { docxText, odfText, pptxText, xlsxText } from './office-text';
import { pdfText } from './pdf-text';

export type TextStatus = 'extracted' | 'no_text' | 'failed';

export interface ExtractedText {
  status: TextStatus;
  text: string | null;
  note: string;
}

/** Enough for any real report; beyond it only the start is searchable (and the note says so). */
export const MAX_TEXT_CHARS = 2_000_000;

// C0 controls (and the highlight markers search uses) never reach the index.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

export function cleanText(text: string): { text: string; truncated: boolean } {
  const cleaned = text
    .replace(CONTROL, ' ')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
  if (cleaned.length <= MAX_TEXT_CHARS) return { text: cleaned, truncated: false };
  return { text: cleaned.slice(0, MAX_TEXT_CHARS), truncated: true };
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: Excel and older Windows tools save CSV and text as Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const NO_TEXT_NOTES: Record<string, string> = {
  [FILE_TYPES.png.mimeType]: 'Pictures are kept but the words in them cannot be searched.',
  [FILE_TYPES.jpeg.mimeType]: 'Pictures are kept but the words in them cannot be searched.',
  [FILE_TYPES.gif.mimeType]: 'Pictures are kept but the words in them cannot be searched.',
  [FILE_TYPES.zip.mimeType]: 'Zip files are kept but the files inside them are not searched.',
  [FILE_TYPES.msg.mimeType]: 'Text cannot be read from Outlook .msg files yet; search finds it by its name.',
  [FILE_TYPES.doc.mimeType]: 'Text cannot be read from Word 97–2003 files; save it as .docx to make it searchable.',
  [FILE_TYPES.xls.mimeType]: 'Text cannot be read from Excel 97–2003 files; save it as .xlsx to make it searchable.',
  [FILE_TYPES.ppt.mimeType]: 'Text cannot be read from PowerPoint 97–2003 files; save it as .pptx to make it searchable.',
  [FILE_TYPES.ole.mimeType]: 'Text cannot be read from older Office or Outlook files; search finds it by its name.',
};

async function rawText(bytes: Uint8Array, mimeType: string): Promise<string | null> {
  switch (mimeType) {
    case FILE_TYPES.pdf.mimeType:
      return pdfText(bytes);
    case FILE_TYPES.docx.mimeType:
      return docxText(memorySource(bytes));
    case FILE_TYPES.xlsx.mimeType:
      return xlsxText(memorySource(bytes));
    case FILE_TYPES.pptx.mimeType:
      return pptxText(memorySource(bytes));
    case FILE_TYPES.odt.mimeType:
    case FILE_TYPES.ods.mimeType:
      return odfText(memorySource(bytes));
    case FILE_TYPES.html.mimeType:
      return htmlToText(decodeText(bytes));
    case FILE_TYPES.txt.mimeType:
    case FILE_TYPES.csv.mimeType:
    case FILE_TYPES.md.mimeType:
    case FILE_TYPES.eml.mimeType:
      return decodeText(bytes);
    default:
      return null;
  }
}

function failureNote(e: unknown, mimeType: string): string {
  const name = (e as { name?: string }).name ?? '';
  if (e instanceof ZipError) {
    const reason = e.message.charAt(0).toLowerCase() + e.message.slice(1);
    return e.bomb ? `Its text was not read: ${reason} It is kept as it is.` : `Its text could not be read: ${reason} It is kept as it is.`;
  }
  if (name === 'PasswordException') return 'The PDF is password-protected, so its text cannot be read. Search finds it by its name.';
  if (mimeType === FILE_TYPES.pdf.mimeType) return 'The PDF is damaged or incomplete, so its text cannot be read. It is kept as it is.';
  return `Its text could not be read (the file may be damaged): ${(e as Error).message ?? 'unknown problem'}`;
}

export async function extractText(bytes: Uint8Array, mimeType: string): Promise<ExtractedText> {
  let raw: string | null;
  try {
    raw = await rawText(bytes, mimeType);
  } catch (e) {
    return { status: 'failed', text: null, note: failureNote(e, mimeType) };
  }
  if (raw === null) return { status: 'no_text', text: null, note: NO_TEXT_NOTES[mimeType] ?? 'This kind of file is kept but its text is not searched.' };
  const { text, truncated } = cleanText(raw);
  if (!text) {
    const note =
      mimeType === FILE_TYPES.pdf.mimeType
        ? 'No text found: it is probably a scanned image. Search finds it by its name.'
        : 'No text found in this file. Search finds it by its name.';
    return { status: 'no_text', text: null, note };
  }
  return {
    status: 'extracted',
    text,
    note: truncated ? `Only the first ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters of its text are searchable.` : '',
  };
}
