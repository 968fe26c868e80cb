/**
 * Maps an app://workbook/… request onto a file inside the built renderer folder (dist/). Anything
 * that could reach outside it — `..` in any spelling, encoded separators, absolute or drive paths,
 * backslashes, NUL bytes — is refused rather than "cleaned", so a hostile link cannot read files.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './trusted-url';

/**
 * The file to serve for `requestUrl`, or null when the request must be refused. `rootDir` is the
 * absolute dist/ folder. `/` serves index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port || url.username || url.password) return null;

  // The WHATWG parser already folds plain and %2e dot segments; what is left is checked raw and
  // decoded so that encoded slashes, backslashes and a second round of encoding are refused too.
  const raw = url.pathname;
  if (raw.includes('\\') || /%(2f|5c|00)/i.test(raw)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes('%')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '.' || s === '..' || /^[a-zA-Z]:/.test(s))) return null;

  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const target = path.resolve(root, relative);
  const rel = path.relative(root, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return target;
}
