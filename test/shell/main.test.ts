/**
 * The whole main process wired up with `electron` mocked: the window's security settings, the
 * app:// page, IPC registration, and a real round trip — open the demo workbook through the shell
 * channel, read it through the contract — using the Node build of better-sqlite3 as the
 * "Electron" build, passed by nativeBinding exactly as in the app.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL, MENU_EVENT, shellIpc } from '../../electron/desktop/support/ipc-names';
import { electronNativeBinding } from '../../electron/desktop/support/native-binding';
import { APP_ENTRY_URL } from '../../electron/desktop/support/trusted-url';
import { app, FakeWebContents, ipcEvent, recorded, resetRecorded } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const repo = process.cwd();
let root: string;
const savedRoot = process.env.EVIDENCE_WORKBOOK_ROOT;

beforeAll(async () => {
  resetRecorded();
  root = mkdtempSync(path.join(tmpdir(), 'ewb-main-'));
  const appPath = path.join(root, 'app');
  mkdirSync(path.join(appPath, 'dist'), { recursive: true });
  for (const dir of ['db', 'resources']) symlinkSync(path.join(repo, dir), path.join(appPath, dir), 'dir');
  copyFileSync(path.join(repo, 'package.json'), path.join(appPath, 'package.json'));
  writeFileSync(path.join(appPath, 'dist', 'index.html'), '<!doctype html><title>Evidence Workbook</title>');
  const binding = electronNativeBinding(appPath);
  mkdirSync(path.dirname(binding), { recursive: true });
  cpSync(path.join(repo, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binding);
  recorded.appPath = appPath;
  recorded.userData = path.join(root, 'userData');
  recorded.documents = path.join(root, 'Documents');
  mkdirSync(recorded.userData);
  mkdirSync(recorded.documents);
  await import('../../electron/desktop/main');
  await vi.waitFor(() => expect(recorded.windows[0]?.loadedUrl).toBe(APP_ENTRY_URL), { timeout: 20_000 });
});

afterAll(() => {
  app.emit('will-quit');
  process.env.EVIDENCE_WORKBOOK_ROOT = savedRoot;
  if (savedRoot === undefined) delete process.env.EVIDENCE_WORKBOOK_ROOT;
  rmSync(root, { recursive: true, force: true });
});

const invoke = (channel: string, ...args: unknown[]) => recorded.handlers.get(channel)!(ipcEvent(), ...args) as Promise<{ ok: boolean; value?: never; error?: { code: string; message: string } }>;

describe('the main window', () => {
  it('is sandboxed, context-isolated and without Node', () => {
    const prefs = recorded.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('loads the app from app://, a privileged standard secure scheme', () => {
    expect(recorded.windows[0]!.loadedUrl).toBe('app://workbook/index.html');
    expect(recorded.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(recorded.protocolHandlers.has('app')).toBe(true);
  });

  it('serves the page with the CSP through the registered protocol', async () => {
    const res = await recorded.protocolHandlers.get('app')!(new Request('app://workbook/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const escape = await recorded.protocolHandlers.get('app')!(new Request('app://workbook/%2e%2e/package.json'));
    expect(escape.status).not.toBe(200);
  });

  it('hardens every web contents created, and refuses every permission', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const callback = vi.fn();
    recorded.permissionRequestHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('registers the contract channel and every shell action, all sender-checked', async () => {
    expect([...recorded.handlers.keys()]).toEqual(expect.arrayContaining([INVOKE_CHANNEL, ...Object.values(shellIpc)]));
    for (const channel of [INVOKE_CHANNEL, ...Object.values(shellIpc)]) {
      const result = (await recorded.handlers.get(channel)!(ipcEvent('https://evil.example/'), { channel: 'area:get', input: {} })) as { ok: boolean; error: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
  });

  it('keeps the workbook out of the main process: one utility process runs the workbook host bundle beside main', () => {
    expect(recorded.forked.map((f) => f.modulePath)).toEqual([expect.stringMatching(/workbook-host\.cjs$/)]);
    expect(path.dirname(recorded.forked[0]!.modulePath)).toBe(path.dirname(String((recorded.windows[0]!.options.webPreferences as { preload: string }).preload)));
  });

  it('has the File, Edit, View and Help menus, exports disabled with no workbook', () => {
    const template = (recorded.menus.at(-1) as { template: { label: string; submenu?: { label?: string; submenu?: { enabled?: boolean }[] }[] }[] }).template;
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const exportMenu = template[0]!.submenu!.find((i) => i.label === '&Export')!;
    expect(exportMenu.submenu!.every((i) => i.enabled === false)).toBe(true);
  });
});

describe('first run to the demo workbook', () => {
  it('starts on the welcome screen', async () => {
    const state = (await invoke(shellIpc.getShellState)) as unknown as { firstRun: boolean; current: unknown };
    expect(state).toMatchObject({ firstRun: true, current: null });
    expect(await invoke(INVOKE_CHANNEL, { channel: 'area:get', input: {} })).toMatchObject({ ok: false, error: { code: 'no_workbook' } });
  });

  it('opens the demo, which the contract then reads, with backups running and exports enabled', async () => {
    const opened = await invoke(shellIpc.openDemo);
    expect(opened).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.workbook$/), readOnly: false } });
    const area = (await invoke(INVOKE_CHANNEL, { channel: 'area:get', input: {} })) as unknown as { ok: boolean; value: { areaName: string } };
    expect(area.ok).toBe(true);
    expect(area.value.areaName).toMatch(/Bristol/);
    expect(readdirSync(path.join(recorded.documents, 'Evidence Workbook')).some((f) => f.endsWith('.workbook'))).toBe(true);

    const template = (recorded.menus.at(-1) as { template: { submenu?: { label?: string; submenu?: { enabled?: boolean; click?: () => void }[] }[] }[] }).template;
    const exportMenu = template[0]!.submenu!.find((i) => i.label === '&Export')!;
    expect(exportMenu.submenu!.every((i) => i.enabled === true)).toBe(true);
    exportMenu.submenu![0]!.click!();
    expect(recorded.sent.at(-1)).toEqual({ channel: MENU_EVENT, args: ['export:sef'] });

    await vi.waitFor(() => expect(readdirSync(path.join(recorded.userData, 'backups'), { recursive: true }).length).toBeGreaterThan(0), { timeout: 15_000 });
  });
});
