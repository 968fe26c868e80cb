/**
 * window.workbookShell's IPC: paths come only from main-process dialogs, every input is checked,
 * and a page from anywhere else is refused. `electron` is mocked; the workbook files are real.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkbook } from '../../db/open-workbook';
import type { WorkbookSession } from '../../electron/core/api/workbook-session';
import { inlineHost } from '../../electron/core/host/inline-host';
import { createShellActions, registerShellIpc } from '../../electron/desktop/shell-ipc.main';
import { shellIpc } from '../../electron/desktop/support/ipc-names';
import { RecentWorkbooks } from '../../electron/desktop/support/recent-workbooks';
import { WorkbookHost } from '../../electron/desktop/support/workbook-host';
import { dialog, ipcEvent, ipcMain, recorded, resetRecorded, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const NOW = new Date('2026-11-22T10:00:00Z');
let dir: string;
let session: WorkbookSession;
let closeHost: () => Promise<void>;

beforeEach(async () => {
  resetRecorded();
  dialog.showSaveDialog.mockClear();
  dialog.showOpenDialog.mockClear();
  shell.openExternal.mockClear();
  recorded.saveDialogPath = null;
  recorded.openDialogPath = null;
  dir = mkdtempSync(path.join(tmpdir(), 'ewb-shell-ipc-'));
  const inline = await inlineHost({ fixedNow: NOW.toISOString() });
  session = inline.core.session;
  closeHost = inline.close;
  const host = new WorkbookHost({
    client: inline.client,
    recent: new RecentWorkbooks(path.join(dir, 'recent.json'), () => NOW),
    workbooksDir: dir,
    appVersion: '0.1.0',
    buildDemo: async () => ({ ok: true, value: null }),
    now: () => NOW,
    log: () => {},
  });
  const actions = createShellActions({ dialog, shell, host, window: () => null, workbooksDir: () => dir, exportsDir: () => dir, log: () => {} });
  registerShellIpc(ipcMain, actions, { log: () => {} });
});
afterEach(async () => {
  await closeHost();
  rmSync(dir, { recursive: true, force: true });
});

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
const call = (channel: string, arg?: unknown, event: unknown = ipcEvent()) => recorded.handlers.get(channel)!(event, arg) as Promise<Answer>;
const docx = { fileName: 'Self-evaluation 22-11-2026.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: 'UEsDBA==' };

describe('only the app page may use the shell actions', () => {
  it.each(Object.values(shellIpc))('%s refuses a foreign or framed sender without opening a dialog', async (channel) => {
    for (const event of [ipcEvent('https://evil.example/'), ipcEvent('app://workbook/index.html', { subFrame: true }), ipcEvent(undefined, { destroyed: true })]) {
      expect(await call(channel, docx, event)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('saving an export', () => {
  it('writes the bytes where the officer chose in the save dialog', async () => {
    recorded.saveDialogPath = path.join(dir, 'My SEF.docx');
    expect(await call(shellIpc.saveFile, docx)).toEqual({ ok: true, value: { fileName: 'My SEF.docx' } });
    expect([...readFileSync(path.join(dir, 'My SEF.docx'))]).toEqual([80, 75, 3, 4]);
  });

  it('suggests a safe name: a path in the file name cannot choose the folder', async () => {
    recorded.saveDialogPath = null;
    await call(shellIpc.saveFile, { ...docx, fileName: '../../../../etc/cron.d/evil.docx' });
    const options = dialog.showSaveDialog.mock.calls[0]!.at(-1) as { defaultPath: string };
    expect(path.dirname(options.defaultPath)).toBe(dir);
    expect(path.basename(options.defaultPath)).toBe('evil.docx');
  });

  it('adds the extension when the officer leaves it off', async () => {
    recorded.saveDialogPath = path.join(dir, 'Plan');
    await call(shellIpc.saveFile, { ...docx, fileName: 'Plan.xlsx' });
    expect(existsSync(path.join(dir, 'Plan.xlsx'))).toBe(true);
  });

  it('a cancelled dialog writes nothing and says cancelled', async () => {
    expect(await call(shellIpc.saveFile, docx)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it.each([
    ['not base64', { ...docx, base64: 'not base64!' }],
    ['a wrong-length base64', { ...docx, base64: 'UEsDB' }],
    ['a path field', { ...docx, path: '/etc/passwd' }],
    ['no file name', { ...docx, fileName: '   ' }],
    ['a number for bytes', { ...docx, base64: 42 }],
    ['nothing', undefined],
  ])('%s is refused before any dialog opens', async (_label, request) => {
    const result = await call(shellIpc.saveFile, request);
    expect(result.ok).toBe(false);
    expect(result.error!.message).not.toMatch(/zod|ZodError|at \w+ \(/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('new workbooks', () => {
  it('creates the workbook where the save dialog says, then it is the open one', async () => {
    recorded.saveDialogPath = path.join(dir, 'Bristol evidence workbook.workbook');
    expect(await call(shellIpc.newWorkbook, { areaName: 'Bristol', frameworkId: 'area-send-2025' })).toMatchObject({ ok: true });
    expect(session.workbook?.path).toBe(recorded.saveDialogPath);
    const options = dialog.showSaveDialog.mock.calls[0]!.at(-1) as { defaultPath: string };
    expect(path.basename(options.defaultPath)).toBe('Bristol evidence workbook.workbook');
  });

  it('asks for the area name in plain words', async () => {
    const result = await call(shellIpc.newWorkbook, { areaName: '  ', frameworkId: 'area-send-2025' });
    expect(result).toMatchObject({ ok: false, error: { message: 'Enter the name of the local area partnership.' } });
  });

  it('never overwrites a workbook even if the dialog allowed it', async () => {
    const existing = path.join(dir, 'Keep.workbook');
    createWorkbook(existing, { areaName: 'Keep' }).close();
    const before = readFileSync(existing);
    recorded.saveDialogPath = existing;
    expect(await call(shellIpc.newWorkbook, { areaName: 'Other', frameworkId: 'area-send-2025' })).toMatchObject({ ok: false });
    expect(readFileSync(existing).equals(before)).toBe(true);
  });
});

describe('opening', () => {
  it('opens only what the open dialog chose; a path from the page is refused before any dialog', async () => {
    const file = path.join(dir, 'Chosen.workbook');
    createWorkbook(file, { areaName: 'Chosen' }).close();
    recorded.openDialogPath = file;
    expect(await call(shellIpc.openWorkbook, '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(session.workbook).toBeNull();
    expect(await call(shellIpc.openWorkbook)).toMatchObject({ ok: true, value: { fileName: 'Chosen.workbook' } });
  });

  it('openRecent refuses a path posing as an id', async () => {
    expect(await call(shellIpc.openRecent, path.join(dir, 'Chosen.workbook'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('openExternal opens https only', async () => {
    expect(await call(shellIpc.openExternal, 'https://www.gov.uk/')).toEqual({ ok: true, value: null });
    for (const url of ['http://www.gov.uk/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://x/y', { href: 'https://x' }]) {
      expect(await call(shellIpc.openExternal, url)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});
