/** Navigation, new windows, webviews, permissions and external links, with `electron` mocked. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { denyAllPermissions, hardenWebContents, openSafeExternal } from '../../electron/desktop/security.main';
import { FakeWebContents, recorded, resetRecorded, session, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

function hardened(url = 'app://workbook/index.html#/') {
  const contents = new FakeWebContents();
  contents.url = url;
  hardenWebContents(contents as unknown as WebContents, shell, () => {});
  return contents;
}

function navigate(contents: FakeWebContents, eventName: string, url: string): boolean {
  const event = { preventDefault: vi.fn() };
  contents.emit(eventName, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  resetRecorded();
  shell.openExternal.mockClear();
});

describe('window.open is always denied', () => {
  it.each(['https://www.gov.uk/', 'http://evil.example/', 'file:///etc/passwd', 'app://workbook/index.html', 'javascript:alert(1)', 'about:blank'])('%s', async (url) => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
  });

  it('sends an https link to the system browser instead, and nothing else', async () => {
    const contents = hardened();
    contents.windowOpenHandler!({ url: 'https://www.gov.uk/' });
    contents.windowOpenHandler!({ url: 'http://evil.example/' });
    contents.windowOpenHandler!({ url: 'file:///C:/Windows/System32/calc.exe' });
    await Promise.resolve();
    expect(recorded.openedExternally).toEqual(['https://www.gov.uk/']);
  });
});

describe('navigation away from the app page is prevented', () => {
  it.each(['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://evil/index.html', 'app://workbook/other.html', 'data:text/html,hi'])(
    '%s',
    (url) => {
      const contents = hardened();
      expect(navigate(contents, 'will-navigate', url)).toBe(true);
      expect(navigate(contents, 'will-redirect', url)).toBe(true);
    },
  );

  it('a hash-route change within the app is allowed', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', 'app://workbook/index.html#/evidence')).toBe(false);
  });

  it('sub-frame navigations are prevented', () => {
    const contents = hardened();
    const event = { url: 'app://workbook/index.html', isMainFrame: false, preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('<webview> cannot be attached', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('every permission request and check is refused', () => {
    denyAllPermissions(session.defaultSession as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      const callback = vi.fn();
      recorded.permissionRequestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(recorded.permissionCheckHandler!({}, permission, 'app://workbook', {})).toBe(false);
    }
    expect(recorded.devicePermissionHandler!({})).toBe(false);
  });
});

describe('openExternal refuses anything but https', () => {
  it.each(['http://www.gov.uk/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id x', 'app://workbook/', 'https://a:b@evil.example/', 42, null])(
    '%s',
    async (url) => {
      expect(await openSafeExternal(shell, url, () => {})).toBe(false);
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('opens https links', async () => {
    expect(await openSafeExternal(shell, 'https://www.gov.uk/', () => {})).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.gov.uk/');
  });
});
