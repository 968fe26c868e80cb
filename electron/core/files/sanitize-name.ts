/**
 * Makes a file name safe to keep and to write back to disk on Windows, macOS and Linux: no folder
 * parts (../), no characters Windows reserves, no control characters, no reserved device names
 * (CON, NUL, COM1…), no trailing dots or spaces, and not too long. The extension is kept.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F<>:"/\\|?*\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** Characters, leaving room for a folder path within Windows' 260-character limit. */
export const MAX_NAME_LENGTH = 150;

export function sanitizeFileName(raw: string, fallback = 'file'): string {
  // Keep only the last path segment, whichever separator the sender's system used.
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  // Leading dots hide files on macOS and Linux; trailing dots and spaces vanish on Windows.
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!name || /^_+$/.test(name)) name = fallback;
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  let ext = dot > 0 ? name.slice(dot) : '';
  if (ext.length > 16) {
    stem = name;
    ext = '';
  }
  if (RESERVED.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  const room = MAX_NAME_LENGTH - ext.length;
  if (stem.length > room) stem = Array.from(stem).slice(0, room).join('').trimEnd();
  return `${stem}${ext}`;
}

/** The name with its extension replaced (or added), e.g. when the content is really a PDF. */
export function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}${ext}`;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
