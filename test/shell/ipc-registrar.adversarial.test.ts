/**
 * EVERY IPC handler the main process registers, enumerated from what main.ts actually handed to
 * ipcMain (electron mocked, the workbook host running in a worker as the utility process): each
 * must have come through the guarded registrar, the set must be exactly the declared channels
 * (so the preload's allow-list cannot drift), and each is sent hostile senders and hostile inputs.
 * Every answer is a typed `{ ok: false, error: { code, message } }`; no dialog opens, no link is
 * followed, nothing is written and the workbook does not change.
 */
import Database from 'better-sqlite3';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isGuardedHandler } from '../../electron/desktop/ipc-registrar.main';
import { allowedIpcChannels } from '../../electron/desktop/preload';
import { desktopChannelNames, desktopChannels, type DesktopChannelName } from '../../electron/desktop/support/desktop-channels';
import { shellIpc } from '../../electron/desktop/support/ipc-names';
import { electronNativeBinding } from '../../electron/desktop/support/native-binding';
import { APP_ENTRY_URL } from '../../electron/desktop/support/trusted-url';
import { contentHash } from '../adversarial/hostile';
import { app, dialog, ipcEvent, ipcMain, recorded, resetRecorded, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const repo = process.cwd();
let root: string;
let workbookFile: string;
const savedRoot = process.env.EVIDENCE_WORKBOOK_ROOT;

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
const handlerOf = (channel: string) => recorded.handlers.get(channel)!;
const call = (channel: string, event: unknown, ...args: unknown[]) => handlerOf(channel)(event, ...args) as Promise<Answer>;

beforeAll(async () => {
  resetRecorded();
  root = mkdtempSync(path.join(tmpdir(), 'ewb-registrar-'));
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
  await vi.waitFor(() => expect(recorded.windows[0]?.loadedUrl).toBe(APP_ENTRY_URL), { timeout: 30_000 });
  // A workbook open in the host, made the way an officer would: New workbook, save dialog.
  workbookFile = path.join(recorded.documents, 'Hostile test.workbook');
  recorded.saveDialogPath = workbookFile;
  expect(await call(shellIpc.newWorkbook, ipcEvent(), { areaName: 'Bristol', frameworkId: 'area-send-2025' })).toMatchObject({ ok: true });
  recorded.saveDialogPath = null;
  for (const mock of [dialog.showOpenDialog, dialog.showSaveDialog, shell.openExternal, shell.openPath]) mock.mockClear();
}, 60_000);

afterAll(async () => {
  app.emit('will-quit');
  await new Promise((r) => setTimeout(r, 200));
  process.env.EVIDENCE_WORKBOOK_ROOT = savedRoot;
  if (savedRoot === undefined) delete process.env.EVIDENCE_WORKBOOK_ROOT;
  rmSync(root, { recursive: true, force: true });
});

function workbookHash(): string {
  const reader = new Database(workbookFile, { readonly: true, fileMustExist: true });
  try {
    return contentHash(reader);
  } finally {
    reader.close();
  }
}

function expectTyped(answer: Answer, where: string) {
  expect(answer, where).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  expect(answer.error!.message.length, where).toBeGreaterThan(0);
  expect(answer.error!.message, where).not.toMatch(/\n\s+at |ZodError|Invalid input: expected|SQLITE_|\/tmp\//);
}

describe('the registered handlers', () => {
  it('are exactly the declared channels, every one through the guarded registrar, and the preload allows no other', () => {
    const registered = [...recorded.handlers.keys()].sort();
    expect(registered).toEqual([...desktopChannelNames].sort());
    for (const channel of registered) expect(isGuardedHandler(handlerOf(channel)), channel).toBe(true);
    expect([...allowedIpcChannels].sort()).toEqual(registered);
    // No fire-and-forget listeners either: every message from the page is an invoke through the registrar.
    expect(ipcMain.on).not.toHaveBeenCalled();
  });
});

const hostileSenders: [string, unknown][] = [
  ['another web origin', ipcEvent('https://evil.example/')],
  ['a file:// page', ipcEvent('file:///tmp/evil.html')],
  ['a look-alike app host', ipcEvent('app://evil/index.html')],
  ['a sub-frame of the app', ipcEvent('app://workbook/index.html', { subFrame: true })],
  ['no frame', ipcEvent(undefined, { noFrame: true })],
  ['a destroyed frame', ipcEvent(undefined, { destroyed: true })],
  ['an event without a frame property', { sender: {} }],
];

/** Inputs no channel should act on (each is skipped for a channel whose schema happens to accept it). */
const hostileInputs: [string, unknown[]][] = [
  ['null', [null]],
  ['a number', [42]],
  ['a negative id', [-1]],
  ['NaN', [Number.NaN]],
  ['a path', ['../../../etc/passwd']],
  ['a huge string', ['x'.repeat(200_000)]],
  ['an empty object', [{}]],
  ['an array', [['area:get', {}]]],
  ['a polluted prototype', [JSON.parse('{"__proto__":{"admin":true},"channel":"area:get","input":{}}')]],
  ['a host channel through the contract', [{ channel: 'host:open', input: { file: '/etc/passwd' } }]],
  ['a host channel to copy the workbook', [{ channel: 'host:saveCopy', input: { target: '/tmp/stolen.workbook' } }]],
  ['a path smuggled into a request', [{ areaName: 'X', frameworkId: 'area-send-2025', path: '/etc/passwd' }]],
  ['two arguments', [1, 2]],
];

describe.each(desktopChannelNames.map((c) => [c] as [DesktopChannelName]))('%s', (channel) => {
  it('refuses every hostile sender with not_allowed, before anything runs', async () => {
    const before = workbookHash();
    for (const [label, event] of hostileSenders) {
      const answer = await call(channel, event, { channel: 'area:update', input: { areaName: 'Hacked' } });
      expect(answer, `${channel} from ${label}`).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(workbookHash()).toBe(before);
  });

  it('answers hostile input with a typed error and changes nothing', async () => {
    const before = workbookHash();
    const documents = readdirSync(recorded.documents).sort();
    for (const [label, args] of hostileInputs) {
      if (args.length === 1 && desktopChannels[channel].input.safeParse(args[0]).success) continue;
      expectTyped(await call(channel, ipcEvent(), ...args), `${channel} with ${label}`);
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(readdirSync(recorded.documents).sort()).toEqual(documents);
    expect(workbookHash()).toBe(before);
  });
});

it('a trusted page still gets its answers after all that (the host survived)', async () => {
  const area = await call('workbook:invoke', ipcEvent(), { channel: 'area:get', input: {} });
  expect(area).toMatchObject({ ok: true, value: { areaName: 'Bristol' } });
});
