import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createWorkbook, migrationsFolder, openWorkbook } from '../../db/open-workbook';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { createClient } from '../../electron/contract/client';
import { createBackup, listBackups } from '../../electron/core/safety/backup-store';
import { backupOffer, openWorkbookSafely } from '../../electron/core/safety/safe-open';
import { makeTestWorkbook, tempDir as makeTempDir } from '../helpers/temp-workbook';

const dirs: string[] = [];
const tempDir = () => {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-11-22T09:00:00Z');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A closed workbook with some evidence, and a backups folder holding one good backup of it. */
async function workbookWithBackup() {
  const dir = tempDir();
  const file = path.join(dir, 'area.workbook');
  const backupsDir = path.join(dir, 'backups');
  const wb = createWorkbook(file, { areaName: 'Testshire', now: () => NOW });
  const session = new WorkbookSession({ now: () => NOW });
  session.use(wb);
  const api = createClient((c, i) => createDispatcher(session, { logError: () => {} })(c, i));
  for (let i = 0; i < 40; i++) await api.call('evidence:create', { title: `Evidence ${i} ${'x'.repeat(400)}`, kind: 'document', level: 'output' });
  const good = await createBackup(wb.sqlite, file, { backupsDir, reason: 'scheduled', now: NOW });
  session.close();
  const pageSize = 4096;
  return { dir, file, backupsDir, good, pageSize };
}

async function expectRefusedUntouched(file: string, backupsDir: string, expectedBackup: string | null) {
  const before = sha(file);
  const result = await openWorkbookSafely(file, { backupsDir });
  expect(result.workbook).toBeUndefined();
  expect(result.error?.code).toBe('damaged');
  expect(result.error?.message).toMatch(/is damaged.*It has not been changed; restore it from a backup\./);
  expect(result.error?.message).not.toMatch(/SQLITE|Error:|at \w+ \(/);
  if (result.error) expect(result.newestGoodBackup?.fileName ?? null).toBe(expectedBackup);
  expect(sha(file)).toBe(before);
  return result;
}

test('a truncated workbook (a copy cut short) is refused, untouched, with the newest good backup offered', async () => {
  const { file, backupsDir, good, pageSize } = await workbookWithBackup();
  truncateSync(file, pageSize * 5);
  const result = await expectRefusedUntouched(file, backupsDir, good.fileName);
  expect(result.error && backupOffer(result.newestGoodBackup!)).toMatch(/^The newest good backup is from 22\/11\/2026 at 09:00 \(40 evidence items/);
});

test('a bit-flipped workbook is refused, untouched (the command line checks before opening)', async () => {
  const { file, backupsDir, pageSize } = await workbookWithBackup();
  const bytes = readFileSync(file);
  for (let page = 2; page < bytes.length / pageSize; page += 3) bytes[page * pageSize + 5]! ^= 0x5a; // cell-content offsets
  writeFileSync(file, bytes);
  const before = sha(file);
  await expect(openWorkbook(file)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/is damaged.*restore it from a backup\./) });
  // The app opens first and checks off the main thread (issue #17): the damage then stops every save.
  const opened = await openWorkbookSafely(file, { backupsDir });
  const workbook = opened.workbook ?? null;
  if (workbook) {
    expect(await workbook.checked).not.toBe('ok');
    const session = new WorkbookSession();
    session.use(workbook);
    const refused = await createDispatcher(session, { logError: () => {} })('evidence:create', { title: 'Onto damage', kind: 'document', level: 'output' });
    session.close();
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is damaged .*restore it from a backup\./) } });
  } else {
    expect(opened.error?.code).toBe('damaged');
  }
  expect(sha(file)).toBe(before);
});

test('a half-copied workbook (the end never arrived: zeros) is refused, untouched', async () => {
  const { file, backupsDir, good } = await workbookWithBackup();
  const bytes = readFileSync(file);
  bytes.fill(0, Math.floor(bytes.length / 2));
  writeFileSync(file, bytes);
  await expectRefusedUntouched(file, backupsDir, good.fileName);
});

test('an empty or barely started copy is called damaged, not "not a workbook"', async () => {
  const { file, backupsDir, good } = await workbookWithBackup();
  writeFileSync(file, readFileSync(file).subarray(0, 10));
  await expectRefusedUntouched(file, backupsDir, good.fileName);
  writeFileSync(file, Buffer.alloc(0));
  await expectRefusedUntouched(file, backupsDir, good.fileName);
});

test('the offered backup is the newest that passes a full check, skipping a damaged newer one', async () => {
  const { file, backupsDir, good, pageSize } = await workbookWithBackup();
  const wb = await openWorkbook(file);
  const newer = await createBackup(wb.sqlite, file, { backupsDir, reason: 'manual', now: new Date('2026-11-22T10:00:00Z') });
  wb.close();
  const bytes = readFileSync(newer.path);
  bytes.fill(0xff, pageSize * 2, pageSize * 2 + 16);
  writeFileSync(newer.path, bytes);
  truncateSync(file, pageSize * 3);
  await expectRefusedUntouched(file, backupsDir, good.fileName);
});

test('no backups: the refusal says so', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'lonely.workbook');
  createWorkbook(file).close();
  truncateSync(file, 8192);
  const result = await openWorkbookSafely(file, { backupsDir: path.join(dir, 'none') });
  expect(result.error?.code).toBe('damaged');
  expect(result.error ? backupOffer(result.newestGoodBackup) : '').toBe('No backup of this workbook was found that passes its checks.');
});

test('a file that cannot be written opens read-only: info says so and changes are refused', async () => {
  const t = makeTestWorkbook();
  await t.api.call('partner:create', { name: 'Bristol City Council', kind: 'council' });
  t.session.close();
  // Root can write any file, so the permission probe is injected; the app uses fs.access(W_OK).
  const opened = await openWorkbookSafely(t.file, { canWrite: () => false });
  expect(opened.workbook?.readOnly).toBe(true);
  t.session.use(opened.workbook!);
  expect((await t.api.call('workbook:info', {})).readOnly).toBe(true);
  expect((await t.api.call('partner:list', {})).items).toHaveLength(1);
  const refused = await t.api.result('partner:create', { name: 'NHS ICB', kind: 'health' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringMatching(/read-only/) } });
  t.cleanup();
});

test('a full disk fails the write with a message and loses nothing already saved', async () => {
  const t = makeTestWorkbook();
  await t.api.call('evidence:create', { title: 'Saved before the disk filled', kind: 'document', level: 'output' });
  const sqlite = t.workbook.sqlite;
  // No loop devices here: cap the database at its current size, which SQLite reports as SQLITE_FULL.
  sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
  const full = await t.api.result('evidence:create', { title: 'Too big', kind: 'document', level: 'output', summary: 'x'.repeat(150_000) });
  expect(full).toMatchObject({ ok: false, error: { message: expect.stringMatching(/disk is full.*nothing already saved was lost/) } });
  sqlite.pragma('max_page_count = 1073741823');
  expect((await t.api.call('evidence:list', {})).items.map((e) => e.title)).toEqual(['Saved before the disk filled']);
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  await t.api.call('evidence:create', { title: 'After space was freed', kind: 'document', level: 'output' });
  expect((await t.api.call('evidence:list', {})).total).toBe(2);
  t.cleanup();
});

test('a backup that would not fit fails before writing anything', async () => {
  const t = makeTestWorkbook();
  const backupsDir = path.join(t.dir, 'backups');
  mkdirSync(backupsDir);
  await expect(createBackup(t.workbook.sqlite, t.file, { backupsDir, reason: 'manual', now: NOW, freeSpace: () => 1024 })).rejects.toThrow(
    /not enough free disk space for a backup \(it needs about [\d.]+ MB and only 0.0 MB is free\)/,
  );
  expect(existsSync(backupsDir) && readdirSync(backupsDir)).toEqual([]);
  t.cleanup();
});

test('updating an older workbook for this app first copies it into the backups folder, listed as such', async () => {
  const dir = tempDir();
  const oldMigrations = path.join(dir, 'old-migrations');
  cpSync(migrationsFolder(), oldMigrations, { recursive: true });
  const journalFile = path.join(oldMigrations, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  const file = path.join(dir, 'older.workbook');
  createWorkbook(file, { migrationsFolder: oldMigrations, now: () => NOW }).close();

  const backupsDir = path.join(dir, 'backups');
  const opened = await openWorkbookSafely(file, { backupsDir, now: () => NOW });
  expect(opened.workbook?.schemaVersion).toBe(journal.entries.length);
  opened.workbook?.close();
  const copies = listBackups(backupsDir);
  expect(copies.map((b) => [b.reason, b.reasonLabel, b.usable])).toEqual([['before-update', 'Before updating for a new app version', true]]);
  expect(copies[0]!.takenAt).toEqual(NOW);
});
