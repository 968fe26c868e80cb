/**
 * The Electron security checklist applied to every web contents the app creates: no navigation
 * away from the app's page, no new windows, no <webview>, every permission refused, and external
 * links only through `openSafeExternal` (https only). See electron docs tutorial/security.md.
 */
import type { Session, Shell, WebContents } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl } from './support/trusted-url';

type Log = (message: string) => void;
const defaultLog: Log = (message) => console.warn(`[security] ${message}`);

/** Opens an https link in the system browser; anything else is refused and logged. */
export async function openSafeExternal(shell: Pick<Shell, 'openExternal'>, url: unknown, log: Log = defaultLog): Promise<boolean> {
  if (!isSafeExternalUrl(url)) {
    log(`refused to open a non-https link: ${String(url).slice(0, 200)}`);
    return false;
  }
  try {
    await shell.openExternal(url as string);
    return true;
  } catch {
    log('the system could not open a link');
    return false;
  }
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>;

export function hardenWebContents(contents: HardenableContents, shell: Pick<Shell, 'openExternal'>, log: Log = defaultLog): void {
  // New windows are always refused; an https link (target=_blank) goes to the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void openSafeExternal(shell, url, log);
    else log(`refused to open a window for ${String(url).slice(0, 200)}`);
    return { action: 'deny' };
  });
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(contents.getURL(), url)) return;
    event.preventDefault();
    log(`refused navigation to ${String(url).slice(0, 200)}`);
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (isAllowedNavigation(contents.getURL(), event.url) && event.isMainFrame) return;
    event.preventDefault();
    log(`refused frame navigation to ${String(event.url).slice(0, 200)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused to attach a webview');
  });
}

/** Every permission (camera, notifications, geolocation, clipboard-read, HID, …) is refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
