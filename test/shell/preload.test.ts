/**
 * The preload exposes exactly the contract's channels (derived from channelNames, so it cannot
 * drift) and the shell actions, and nothing of Node or ipcRenderer leaks to the page.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, contract } from '../../electron/contract/channels';
import { FILES_PROGRESS_EVENT, filesIpc, type FilesShell } from '../../electron/contract/files-shell-api';
import type { WorkbookBridge, WorkbookShell } from '../../electron/contract/shell-api';
import { INVOKE_CHANNEL, MENU_EVENT, shellIpc } from '../../electron/desktop/support/ipc-names';
import { ipcRenderer, recorded } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let bridge: WorkbookBridge;
let shell: WorkbookShell;
let allowedChannels: readonly string[];

beforeAll(async () => {
  const preload = await import('../../electron/desktop/preload');
  allowedChannels = preload.allowedChannels;
  bridge = recorded.exposed.get('workbook') as WorkbookBridge;
  shell = recorded.exposed.get('workbookShell') as WorkbookShell;
});

describe('window.workbook', () => {
  it('is exposed alongside window.workbookShell and window.workbookFiles, and nothing else', () => {
    expect([...recorded.exposed.keys()].sort()).toEqual(['workbook', 'workbookFiles', 'workbookShell']);
    expect(Object.keys(bridge)).toEqual(['invoke']);
  });

  it('allows exactly the contract channels: the list cannot drift from the contract', () => {
    expect([...allowedChannels].sort()).toEqual(Object.keys(contract).sort());
    expect(allowedChannels).toBe(channelNames);
  });

  it('passes every contract channel to main on the single invoke channel', async () => {
    for (const channel of channelNames) {
      ipcRenderer.invoke.mockClear();
      await bridge.invoke(channel, {} as never);
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, { channel, input: {} });
    }
  });

  it.each(['workbook:delete', '__proto__', 'constructor', 'shell:saveFile', INVOKE_CHANNEL, 42, null])('refuses %j without sending anything', async (channel) => {
    ipcRenderer.invoke.mockClear();
    const result = await bridge.invoke(channel as never, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('window.workbookFiles', () => {
  it('offers exactly the file actions, each on the channel the files handlers register', async () => {
    const files = recorded.exposed.get('workbookFiles') as FilesShell;
    expect(Object.keys(files).sort()).toEqual([...Object.keys(filesIpc), 'onImportProgress'].sort());
    ipcRenderer.invoke.mockClear();
    await files.pickAndAttach(7);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(filesIpc.pickAndAttach, 7);
  });

  it('progress reaches the page without the IPC event', () => {
    const files = recorded.exposed.get('workbookFiles') as FilesShell;
    const seen: unknown[] = [];
    const stop = files.onImportProgress((p) => seen.push(p));
    ipcRenderer.emitFromMain(FILES_PROGRESS_EVENT, { done: 1, total: 2 });
    ipcRenderer.emitFromMain(FILES_PROGRESS_EVENT, 'junk');
    stop();
    ipcRenderer.emitFromMain(FILES_PROGRESS_EVENT, { done: 2, total: 2 });
    expect(seen).toEqual([{ done: 1, total: 2 }]);
  });
});

describe('window.workbookShell', () => {
  it('offers exactly the shell actions, each on its own IPC channel', async () => {
    expect(Object.keys(shell).sort()).toEqual([...Object.keys(shellIpc), 'onMenu'].sort());
    ipcRenderer.invoke.mockClear();
    await shell.saveFile({ fileName: 'SEF.docx', mimeType: 'application/zip', base64: '' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(shellIpc.saveFile, { fileName: 'SEF.docx', mimeType: 'application/zip', base64: '' });
  });

  it('has no way to send a path: open and save take no path argument', async () => {
    ipcRenderer.invoke.mockClear();
    await (shell.openWorkbook as (...a: unknown[]) => Promise<unknown>)('/etc/passwd');
    await (shell.saveCopy as (...a: unknown[]) => Promise<unknown>)('/etc/passwd');
    expect(ipcRenderer.invoke).toHaveBeenNthCalledWith(1, shellIpc.openWorkbook);
    expect(ipcRenderer.invoke).toHaveBeenNthCalledWith(2, shellIpc.saveCopy);
  });

  it('menu events reach the page as action names only, and unknown ones are dropped', () => {
    const seen: unknown[] = [];
    const unsubscribe = shell.onMenu((action) => seen.push(action));
    ipcRenderer.emitFromMain(MENU_EVENT, 'export:sef');
    ipcRenderer.emitFromMain(MENU_EVENT, 'rm -rf');
    ipcRenderer.emitFromMain(MENU_EVENT, { action: 'export:sef' });
    unsubscribe();
    ipcRenderer.emitFromMain(MENU_EVENT, 'export:sef');
    expect(seen).toEqual(['export:sef']);
  });
});
