/**
 * Suggested file names for save dialogs. Names come from the renderer (an export's name) or from
 * an area name an officer typed, so they are reduced to a plain name that is valid on Windows,
 * macOS and Linux and can never carry a folder.
 */

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_LENGTH = 150;

export function safeFileName(name: string, fallback = 'Export'): string {
  const lastPart = name.split(/[/\\]/).pop() ?? '';
  let cleaned = lastPart.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  cleaned = cleaned.replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned.length > MAX_LENGTH) {
    const dot = cleaned.lastIndexOf('.');
    const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
    cleaned = cleaned.slice(0, MAX_LENGTH - ext.length).trimEnd() + ext;
  }
  if (cleaned.length === 0) return fallback;
  if (WINDOWS_RESERVED.test(cleaned)) return `_${cleaned}`;
  return cleaned;
}

export const WORKBOOK_EXTENSION = 'workbook';

/** "Bristol evidence workbook.workbook" for a new workbook of the Bristol partnership. */
export function suggestedWorkbookName(areaName: string): string {
  const base = safeFileName(areaName, '').replace(/\.workbook$/i, '');
  return `${base ? `${base} evidence workbook` : 'Evidence workbook'}.${WORKBOOK_EXTENSION}`;
}

/** The name for "Save a copy…": the workbook's name with the date, so the copy is easy to tell apart. */
export function suggestedCopyName(workbookFileName: string, today: Date): string {
  const base = safeFileName(workbookFileName, 'Evidence workbook').replace(/\.workbook$/i, '');
  const stamp = today.toISOString().slice(0, 10);
  return `${base} (copy ${stamp}).${WORKBOOK_EXTENSION}`;
}
