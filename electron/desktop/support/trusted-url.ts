/**
 * Which URLs the desktop app trusts. Pure (no electron import) so every guard has a hostile-input
 * test. The renderer is served from `app://workbook/` (protocol.main.ts); nothing else may talk to
 * the main process, be navigated to, or be handed to the operating system except https links.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8_192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for pages of the app itself (app://workbook/…), with no credentials or port smuggled in. */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/**
 * Navigation is allowed only within the app's own page (a hash-route change or a reload of the same
 * document). Everything else (another scheme, host or document) is refused.
 */
export function isAllowedNavigation(currentUrl: unknown, targetUrl: unknown): boolean {
  if (!isAppUrl(targetUrl)) return false;
  const target = new URL(targetUrl as string);
  const current = parse(currentUrl);
  if (current && isAppUrl(currentUrl)) return current.pathname === target.pathname;
  return target.pathname === '/index.html' || target.pathname === '/';
}

/**
 * Links the system browser may open: https only, with a real host and no embedded credentials
 * (a `https://user@evil` link reads as a trusted site to an officer). http, file:, javascript:,
 * smb:, custom app schemes and the like are refused.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && u.hostname.length > 0 && u.username === '' && u.password === '';
}

/** The parts of an Electron WebFrameMain the sender check needs (kept structural for tests). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/**
 * An IPC message is trusted only when it comes from a live main frame showing the app's own page.
 * Sub-frames (an embedded page) and frames that navigated elsewhere are refused, as VS Code does.
 */
export function isTrustedFrame(frame: FrameLike | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
