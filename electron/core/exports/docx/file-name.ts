/** Suggested file names: readable, safe on Windows, macOS and Linux, dated for the record. */
import { xmlSafe } from '../text/xml-safe';

export function safeFileName(base: string, extension: string): string {
  const cleaned = xmlSafe(base)
    // xmlSafe leaves only tab and line breaks of the control characters.
    .replace(/[<>:"/\\|?*\t\n\r]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120)
    .trim();
  return `${cleaned || 'Export'}.${extension}`;
}
