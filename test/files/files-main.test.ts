/** The Electron glue with fakes for ipcMain, dialog and shell (typed loosely: only what it calls). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialog, IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import { FILES_PROGRESS_EVENT, filesIpc } from '../../electron/contract/files-shell-api';
import { registerFileHandlers } from '../../electron/desktop/files.main';
import { makePdf, utf8 } from './fixtures';
import { attach, fileTestWorkbook, newEvidence } from './helpers';

let t: ReturnType<typeof fileTestWorkbook>;
type Handler = (event: unknown, arg: unknown) => Promise<unknown>;
let handlers: Map<string, Handler>;
let opened: string[];
let dialogAnswer: { canceled: boolean; filePaths?: string[]; filePath?: string };
let sent: [string, unknown][];
let trusted: boolean;

beforeEach(() => {
  t = fileTestWorkbook();
  handlers = new Map();
  opened = [];
  sent = [];
  trusted = true;
  dialogAnswer = { canceled: true };
  registerFileHandlers({
    ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) } as unknown as IpcMain,
    dialog: { showOpenDialog: async () => dialogAnswer, showSaveDialog: async () => dialogAnswer } as unknown as Dialog,
    shell: { openPath: async (p: string) => (opened.push(p), '') } as unknown as Shell,
    getSession: () => t.session,
    isTrustedSender: () => trusted,
    tempDir: path.join(t.dir, 'open'),
    log: () => {},
  });
});
afterEach(() => t.cleanup());

const event = { sender: { isDestroyed: () => false, send: (channel: string, payload: unknown) => sent.push([channel, payload]) } } as unknown as IpcMainInvokeEvent;
const invoke = (channel: string, arg?: unknown) => handlers.get(channel)!(event, arg) as Promise<{ ok: boolean; value?: never; error?: { code: string; message: string } }>;

test('opens a temporary copy with a safe name and the real extension', async () => {
  const item = await newEvidence(t);
  const { file } = await attach(t, item.id, 'minutes.docx', await makePdf(['Minutes']));
  expect(await invoke(filesIpc.openFile, file.id)).toEqual({ ok: true, value: null });
  expect(path.basename(opened[0]!)).toBe('minutes.pdf');
  expect(opened[0]!.startsWith(path.join(t.dir, 'open'))).toBe(true);
});

test('Save as writes the bytes where the officer chose', async () => {
  const item = await newEvidence(t);
  const { file } = await attach(t, item.id, 'notes.txt', utf8('Board notes'));
  dialogAnswer = { canceled: false, filePath: path.join(t.dir, 'saved') };
  const r = await invoke(filesIpc.saveFileAs, file.id);
  expect(r).toEqual({ ok: true, value: { fileName: 'saved.txt' } });
  expect(readFileSync(path.join(t.dir, 'saved.txt'), 'utf8')).toBe('Board notes');
});

test('attaches picked files; the page sends only the evidence id', async () => {
  const item = await newEvidence(t);
  writeFileSync(path.join(t.dir, 'a.csv'), 'x,y\n1,2\n');
  dialogAnswer = { canceled: false, filePaths: [path.join(t.dir, 'a.csv'), path.join(t.dir, 'gone.pdf')] };
  const r = await invoke(filesIpc.pickAndAttach, item.id);
  expect(r.value).toEqual({
    attached: [{ fileName: 'a.csv', notice: null, alreadyAttached: false }],
    refused: [{ fileName: 'gone.pdf', reason: 'It could not be read: it no longer exists.' }],
  });
});

test('imports a folder with progress events', async () => {
  const dir = path.join(t.dir, 'Evidence');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'one.txt'), 'one');
  writeFileSync(path.join(dir, 'two.txt'), 'two');
  dialogAnswer = { canceled: false, filePaths: [dir] };
  const r = await invoke(filesIpc.importFolder, { level: 'impact' });
  expect(r.ok).toBe(true);
  expect((r.value as unknown as { folderName: string; imported: unknown[] }).folderName).toBe('Evidence');
  expect((r.value as unknown as { imported: unknown[] }).imported).toHaveLength(2);
  expect(sent.at(-1)).toEqual([FILES_PROGRESS_EVENT, expect.objectContaining({ done: 2, total: 2, current: null })]);
});

test('refuses untrusted senders and bad ids, and a cancelled dialog changes nothing', async () => {
  const item = await newEvidence(t);
  expect((await invoke(filesIpc.pickAndAttach, item.id)).error?.code).toBe('cancelled');
  expect((await invoke(filesIpc.openFile, '../../etc/passwd')).error?.message).toBe('That file could not be found.');
  trusted = false;
  expect((await invoke(filesIpc.openFile, 1)).error?.code).toBe('not_allowed');
  expect(existsSync(path.join(t.dir, 'open'))).toBe(false);
});
