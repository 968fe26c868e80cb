import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APPLICATION_ID, createWorkbook, knownMigrations, migrationsFolder, openWorkbook, WorkbookError } from '../../db/open-workbook';
import { tempDir } from '../helpers/temp-workbook';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface Journal {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

/** A copy of the real migrations folder, cut to the first `keep` entries and/or with extra migrations. */
function migrationsCopy(dir: string, keep: number, extra: { tag: string; sql: string }[] = []): string {
  const out = path.join(dir, `migrations-${keep}-${extra.length}`);
  mkdirSync(path.join(out, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as Journal;
  journal.entries = journal.entries.slice(0, keep);
  for (const e of journal.entries) copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  let when = journal.entries.at(-1)!.when;
  for (const x of extra) {
    when += 1000;
    journal.entries.push({ idx: journal.entries.length, version: '6', when, tag: x.tag, breakpoints: true });
    writeFileSync(path.join(out, `${x.tag}.sql`), x.sql);
  }
  writeFileSync(path.join(out, 'meta', '_journal.json'), JSON.stringify(journal));
  return out;
}

function seedPlanWithChildren(sqlite: Database.Database): void {
  const now = '2026-11-22T10:00:00.000Z';
  sqlite.prepare("INSERT INTO plans (id, type, title, created_at, updated_at) VALUES (1, 'wsoa', 'WSOA', ?, ?)").run(now, now);
  sqlite.prepare("INSERT INTO priorities (id, plan_id, reference, title, created_at, updated_at) VALUES (1, 1, '1', 'Accountability', ?, ?)").run(now, now);
  sqlite.prepare("INSERT INTO actions (id, priority_id, reference, what, created_at, updated_at) VALUES (1, 1, '1.1', 'Data', ?, ?)").run(now, now);
  sqlite.prepare("INSERT INTO milestones (id, action_id, title, created_at, updated_at) VALUES (1, 1, 'Data set published', ?, ?)").run(now, now);
}

test('a new workbook is marked, in WAL mode, with foreign keys on and every migration applied', () => {
  const file = path.join(tempDir(), 'new.workbook');
  const wb = createWorkbook(file);
  expect(wb.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  expect(wb.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(wb.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(wb.sqlite.pragma('user_version', { simple: true })).toBe(knownMigrations().length);
  expect(wb.schemaVersion).toBe(knownMigrations().length);
  wb.close();
});

test('creating over an existing file is refused', () => {
  const file = path.join(tempDir(), 'exists.workbook');
  createWorkbook(file).close();
  expect(() => createWorkbook(file)).toThrow(/already exists/);
});

test('an older workbook is backed up, then upgraded with its data kept', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'old.workbook');
  const old = createWorkbook(file, { migrationsFolder: migrationsCopy(dir, 1) });
  seedPlanWithChildren(old.sqlite);
  expect(old.schemaVersion).toBe(1);
  old.close();

  const upgraded = await openWorkbook(file, { backupDir: dir });
  expect(upgraded.schemaVersion).toBe(knownMigrations().length);
  expect(upgraded.preMigrationBackup).not.toBeNull();
  expect(existsSync(upgraded.preMigrationBackup!)).toBe(true);
  expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM milestones').get()).toEqual({ n: 1 });
  // Tables the upgrade added are there and usable.
  expect(upgraded.sqlite.prepare('SELECT count(*) AS n FROM evidence_files').get()).toEqual({ n: 0 });
  upgraded.close();

  const backup = new Database(readdirSync(dir).map((f) => path.join(dir, f)).find((f) => f.includes('before-update'))!, { readonly: true });
  expect(backup.pragma('user_version', { simple: true })).toBe(1);
  expect(backup.prepare('SELECT title FROM plans').get()).toEqual({ title: 'WSOA' });
  backup.close();
});

test('a migration that rebuilds a parent table does not cascade-delete its children (drizzle-orm #5782)', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'rebuild.workbook');
  const wb = createWorkbook(file);
  seedPlanWithChildren(wb.sqlite);
  const ddl = (wb.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'plans'").get() as { sql: string }).sql;
  wb.close();
  // What drizzle-kit generates when a SQLite column changes: new table, copy, drop, rename.
  const rebuild = `PRAGMA foreign_keys=OFF;--> statement-breakpoint
${ddl.replace('CREATE TABLE `plans`', 'CREATE TABLE `__new_plans`')};--> statement-breakpoint
INSERT INTO \`__new_plans\` SELECT * FROM \`plans\`;--> statement-breakpoint
DROP TABLE \`plans\`;--> statement-breakpoint
ALTER TABLE \`__new_plans\` RENAME TO \`plans\`;--> statement-breakpoint
PRAGMA foreign_keys=ON;`;
  const folder = migrationsCopy(dir, knownMigrations().length, [{ tag: '9000_rebuild_plans', sql: rebuild }]);
  const reopened = await openWorkbook(file, { migrationsFolder: folder, backupDir: dir });
  expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM priorities').get()).toEqual({ n: 1 });
  expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM actions').get()).toEqual({ n: 1 });
  expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM milestones').get()).toEqual({ n: 1 });
  expect(reopened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  reopened.close();
});

test('a migration that would leave dangling links is rolled back and the file kept as it was', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'dangling.workbook');
  const wb = createWorkbook(file);
  seedPlanWithChildren(wb.sqlite);
  wb.close();
  const folder = migrationsCopy(dir, knownMigrations().length, [{ tag: '9001_drop_plans', sql: 'DELETE FROM plans;' }]);
  await expect(openWorkbook(file, { migrationsFolder: folder, backupDir: dir })).rejects.toMatchObject({ code: 'migration_failed' });
  const check = await openWorkbook(file);
  expect(check.sqlite.prepare('SELECT count(*) AS n FROM plans').get()).toEqual({ n: 1 });
  check.close();
});

test('a workbook from a newer version is refused and left untouched', async () => {
  const file = path.join(tempDir(), 'newer.workbook');
  const wb = createWorkbook(file);
  wb.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', 9_999_999_999_999);
  wb.close();
  const before = sha(file);
  await expect(openWorkbook(file)).rejects.toMatchObject({ code: 'newer_version', message: expect.stringMatching(/newer version of Evidence Workbook/) });
  expect(sha(file)).toBe(before);
  // A read-only look at a WAL-mode file may leave an empty -wal beside it, never content.
  if (existsSync(`${file}-wal`)) expect(readFileSync(`${file}-wal`).length).toBe(0);
});

test('files that are not workbooks are refused and left untouched', async () => {
  const dir = tempDir();
  const text = path.join(dir, 'notes.workbook');
  writeFileSync(text, 'Minutes of the SEND board\n'.repeat(20));
  const plain = path.join(dir, 'other-app.db');
  const db = new Database(plain);
  db.exec('CREATE TABLE t (x)');
  db.close();
  for (const file of [text, plain]) {
    const before = sha(file);
    const error = await openWorkbook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: 'not_a_workbook', message: expect.stringMatching(/not an Evidence Workbook file/) });
    expect(sha(file)).toBe(before);
  }
  await expect(openWorkbook(path.join(dir, 'missing.workbook'))).rejects.toMatchObject({ code: 'not_found' });
});

test('a truncated workbook is reported as damaged and not written to', async () => {
  const dir = tempDir();
  const good = path.join(dir, 'good.workbook');
  const wb = createWorkbook(good);
  seedPlanWithChildren(wb.sqlite);
  for (let i = 0; i < 200; i++) wb.sqlite.prepare("INSERT INTO partners (name, kind, created_at, updated_at) VALUES (?, 'other', 'x', 'x')").run(`Partner ${i} ${'x'.repeat(200)}`);
  wb.close();
  const cut = path.join(dir, 'cut.workbook');
  const bytes = readFileSync(good);
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const before = sha(cut);
  await expect(openWorkbook(cut)).rejects.toMatchObject({ code: 'damaged' });
  expect(sha(cut)).toBe(before);
});

test('a read-only open never migrates', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'ro.workbook');
  createWorkbook(file, { migrationsFolder: migrationsCopy(dir, 1) }).close();
  await expect(openWorkbook(file, { readOnly: true })).rejects.toMatchObject({ code: 'cannot_write' });
});

test('a migration with an older timestamp than one already applied is still applied', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'branch.workbook');
  createWorkbook(file).close();
  // A migration merged from a branch, dated before the newest one this workbook already has.
  const folder = migrationsCopy(dir, knownMigrations().length, [{ tag: '9002_from_a_branch', sql: 'CREATE TABLE branch_marker (x integer);' }]);
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  journal.entries.at(-1)!.when = journal.entries[0]!.when + 1;
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  const wb = await openWorkbook(file, { migrationsFolder: folder, backupDir: dir });
  expect(wb.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'branch_marker'").get()).toBeTruthy();
  wb.close();
});
