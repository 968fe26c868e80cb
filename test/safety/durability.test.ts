/**
 * Issue #14, failures 8–10, as attacks on the file around the workbook: its -wal deleted while
 * open, read-only media (with and without leftover -wal/-shm), temporaries left by killed backups
 * and restores, another program holding the lock, and a file just over the size limit.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../db/open-workbook';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { createClient } from '../../electron/contract/client';
import type { ChannelName } from '../../electron/contract/channels';
import { overLimit } from '../../electron/core/files/file-store';
import { LEFTOVER_AGE_MS } from '../../electron/core/safety/leftovers';
import { openWorkbookSafely } from '../../electron/core/safety/safe-open';
import { makeTestWorkbook, tempDir, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
beforeEach(async () => {
  process.env.EWB_DATA_DIR = tempDir('ewb-data-');
  t = makeTestWorkbook();
  await t.api.call('partner:create', { name: 'Bristol City Council', kind: 'council' });
});
afterEach(() => {
  t.cleanup();
  delete process.env.EWB_DATA_DIR;
});

test('every commit is synced to disk before it is acknowledged (synchronous = FULL)', () => {
  expect(t.workbook.sqlite.pragma('synchronous', { simple: true })).toBe(2);
});

test('a -wal deleted while the workbook is open stops every later save with a clear message, and nothing acknowledged is lost', async () => {
  for (let i = 0; i < 20; i++) await t.api.call('partner:create', { name: `Partner ${i}`, kind: 'other' });
  rmSync(`${t.file}-wal`);
  const refused = await t.dispatch('partner:create', { name: 'After the -wal went', kind: 'other' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
  if (!refused.ok) {
    expect(refused.error.message).toMatch(/^The workbook’s companion file test\.workbook-wal was deleted while the workbook was open/);
    expect(refused.error.message).toContain('no more changes will be saved until you close the workbook and open it again');
  }
  // Still refused (even if something recreates the file), while reading goes on.
  writeFileSync(`${t.file}-wal`, '');
  expect(await t.dispatch('partner:create', { name: 'Again', kind: 'other' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
  expect((await t.api.call('partner:list', {})).total).toBe(21);
  // The app folds the deleted -wal's changes into the file, so a crash now loses none of them.
  await new Promise((resolve) => setImmediate(resolve));
  const copy = path.join(t.dir, 'as-on-disk.workbook');
  copyFileSync(t.file, copy); // the main file alone: what survives if the process dies now
  const onDisk = new Database(copy, { readonly: true });
  expect((onDisk.prepare('SELECT count(*) AS n FROM partners').get() as { n: number }).n).toBe(21);
  onDisk.close();
});

test('a -wal replaced by another file is noticed too', async () => {
  rmSync(`${t.file}-wal`);
  writeFileSync(`${t.file}-wal`, '');
  const refused = await t.dispatch('partner:create', { name: 'X', kind: 'other' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
  if (!refused.ok) expect(refused.error.message).toMatch(/test\.workbook-wal was replaced while the workbook was open/);
});

describe('read-only media', () => {
  let media: string;
  let file: string;
  const lock = (target: string) =>
    process.getuid?.() === 0 ? execFileSync('chattr', ['+i', target]) : execFileSync('chmod', [target === media ? '555' : '444', target]);
  const unlock = (target: string) => (process.getuid?.() === 0 ? execFileSync('chattr', ['-i', target]) : execFileSync('chmod', ['755', target]));

  beforeEach(() => {
    media = tempDir('ewb-usb-');
    file = path.join(media, 'Partnership.workbook');
    t.session.close();
    copyFileSync(t.file, file);
  });
  afterEach(() => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) unlock(f);
    unlock(media);
    rmSync(media, { recursive: true, force: true });
  });

  test('a workbook on read-only media opens read-only (not "damaged"), even with no side files', async () => {
    lock(file);
    lock(media);
    const opened = await openWorkbookSafely(file);
    expect(opened.error).toBeUndefined();
    expect(opened.workbook?.readOnly).toBe(true);
    const session = new WorkbookSession();
    session.use(opened.workbook!);
    const dispatch = createDispatcher(session, { logError: () => {} });
    const api = createClient((channel: ChannelName, input: unknown) => dispatch(channel, input));
    expect((await api.call('partner:list', {})).items.map((p) => p.name)).toEqual(['Bristol City Council']);
    expect(await dispatch('partner:create', { name: 'X', kind: 'other' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    session.close();
    expect(existsSync(`${file}-shm`)).toBe(false); // nothing written beside it
  });

  test('leftover -wal and -shm files do not make browser mode open it writable', async () => {
    unlock(media);
    writeFileSync(`${file}-wal`, '');
    writeFileSync(`${file}-shm`, Buffer.alloc(32768));
    lock(file);
    lock(`${file}-wal`);
    lock(`${file}-shm`);
    lock(media);
    // serve opens with openWorkbook(path) and no options.
    const workbook = await openWorkbook(file);
    try {
      expect(workbook.readOnly).toBe(true);
      expect((workbook.sqlite.prepare('SELECT count(*) AS n FROM partners').get() as { n: number }).n).toBe(1);
    } finally {
      workbook.close();
    }
  });
});

test('temporaries left by a killed backup or restore are removed on the next open; fresh ones and other files are left', async () => {
  t.session.close();
  const backupsDir = path.join(t.dir, 'test.backups');
  mkdirSync(backupsDir);
  const old = new Date(Date.now() - LEFTOVER_AGE_MS - 60_000);
  const stale = [
    path.join(t.dir, '.test.workbook.restoring-1a2b3c4d'),
    path.join(t.dir, '.test.workbook.restoring-1a2b3c4d-journal'),
    path.join(backupsDir, '.test-2026-11-22T10-00-00-000Z-manual.workbook.partial'),
    path.join(backupsDir, '.test-2026-11-22T10-00-00-000Z-manual.workbook.partial-wal'),
  ];
  const kept = [
    path.join(backupsDir, '.test-2026-11-22T11-00-00-000Z-automatic.workbook.partial'), // a backup still being written
    path.join(t.dir, 'notes.restoring-1a2b3c4d'),
    path.join(backupsDir, 'other-2026-11-22T10-00-00-000Z-manual.workbook'),
  ];
  for (const f of [...stale, ...kept]) writeFileSync(f, 'x'.repeat(1000));
  for (const f of [...stale, ...kept.slice(1)]) utimesSync(f, old, old);
  const opened = await openWorkbookSafely(t.file, { backupsDir });
  opened.workbook?.close();
  for (const f of stale) expect(existsSync(f), f).toBe(false);
  for (const f of kept) expect(existsSync(f), f).toBe(true);
});

test('"database is locked" becomes a sentence naming the workbook, after waiting for the other program', async () => {
  const other = new Database(t.file);
  other.exec('BEGIN EXCLUSIVE');
  try {
    const started = Date.now();
    const result = await t.dispatch('partner:create', { name: 'While locked', kind: 'other' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000); // busy_timeout waited first
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Another program is using this workbook \(test\.workbook: .+\) and did not finish within 5 seconds; try again\.$/);
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(await t.dispatch('partner:create', { name: 'After', kind: 'other' })).toMatchObject({ ok: true });
  // A program holding the file exclusively (not even reading is possible): opening says the same.
  t.session.close();
  const holder = new Database(t.file);
  holder.pragma('locking_mode = EXCLUSIVE');
  holder.exec("BEGIN EXCLUSIVE; INSERT INTO partners (name, kind, notes, created_at, updated_at, version) VALUES ('x', 'other', '', 'x', 'x', 1)");
  try {
    await expect(openWorkbook(t.file)).rejects.toMatchObject({ code: 'busy', message: expect.stringMatching(/^Another program is using this workbook \(test\.workbook/) });
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
  }
  (await openWorkbook(t.file)).close();
}, 30_000);

test('a file just over the limit is refused with sizes that differ', () => {
  const limit = 200 * 1024 * 1024;
  expect(overLimit(limit + 1, limit)).toBe('209,715,201 bytes, over the limit of 209,715,200 bytes (200 MB)');
  expect(overLimit(250 * 1024 * 1024, limit)).toBe('250 MB, over the 200 MB limit');
});

describe('quick_check after the first screen (issue #17)', () => {
  test('a damaged page found after opening stops every save with the damaged message', async () => {
    for (let i = 0; i < 30; i++) await t.api.call('partner:create', { name: `Partner ${i}`, kind: 'other', notes: 'n'.repeat(500) });
    t.session.close();
    const probe = new Database(t.file, { readonly: true });
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const page = (probe.prepare("SELECT max(pageno) AS p FROM dbstat WHERE name = 'audit_log'").get() as { p: number }).p;
    probe.close();
    const fd = openSync(t.file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (page - 1) * pageSize);
    closeSync(fd);

    const workbook = await openWorkbook(t.file, { quickCheck: 'after' });
    const session = new WorkbookSession();
    session.use(workbook);
    try {
      expect(await workbook.checked).not.toBe('ok');
      const dispatch = createDispatcher(session, { logError: () => {} });
      const refused = await dispatch('partner:create', { name: 'Onto damage', kind: 'other' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'read_only', message: 'test.workbook is damaged (it may have been copied only in part). It has not been changed; restore it from a backup.' } });
    } finally {
      session.close();
    }
    // Checked before opening (the CLI's default), the same file is refused outright.
    await expect(openWorkbook(t.file)).rejects.toMatchObject({ code: 'damaged' });
  });

  test('a copy cut short is still refused at once, before anything reads it', async () => {
    t.session.close();
    const cut = path.join(t.dir, 'cut.workbook');
    const bytes = readFileSync(t.file);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 4096));
    await expect(openWorkbook(cut, { quickCheck: 'after' })).rejects.toMatchObject({ code: 'damaged' });
  });
});
