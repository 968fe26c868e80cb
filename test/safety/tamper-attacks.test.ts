/**
 * Issue #14, failures 6 and 7, written as attacks: someone with the workbook file (and SQLite)
 * edits it behind the app's back. Each must be reported by `check` / audit:verify, naming the
 * record and field where there is one.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { decodeValue, encodeHash, encodeValue, iterateAuditEntries } from '../../db/audit-storage';
import { openWorkbook } from '../../db/open-workbook';
import { checkHistory } from '../../electron/core/safety/audit-check';
import { startBackupScheduler } from '../../electron/core/safety/backup-scheduler';
import { readAnchor, workbookIdOf } from '../../electron/core/safety/chain-anchor';
import { chainHash, GENESIS_HASH } from '../../electron/core/services/audit-log';
import { makeTestWorkbook, tempDir, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
let dataDir: string;
let evidenceId: number;
let partnerId: number;
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(async () => {
  dataDir = tempDir('ewb-data-');
  process.env.EWB_DATA_DIR = dataDir;
  t = makeTestWorkbook();
  const partner = await t.api.call('partner:create', { name: 'Bristol City Council', kind: 'council' });
  partnerId = partner.id;
  await t.api.call('partner:update', { id: partner.id, expectedVersion: partner.version, notes: 'Lead partner' });
  const item = await t.api.call('evidence:create', {
    title: 'Ofsted and CQC revisit letter',
    kind: 'document',
    level: 'output',
    summary: 'Sufficient progress in 3 of the 5 significant weaknesses; the written statement of action continues.',
  });
  evidenceId = item.id;
  await t.api.call('evidence:create', { title: 'Parent carer forum survey', kind: 'survey', level: 'impact' });
  await settle();
});
afterEach(() => {
  t.cleanup();
  delete process.env.EWB_DATA_DIR;
});

const sqlite = () => t.workbook.sqlite;
const check = (full = false) => checkHistory(sqlite(), { file: t.file, backupsDir: path.join(t.dir, 'backups'), full });

/** What an attacker who has read audit-log.ts and db/audit-storage.ts does: recompute every hash so the chain links again. */
function rechain(db: Database.Database): void {
  const entries = [...iterateAuditEntries(db)];
  const update = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
  let prevHash = GENESIS_HASH;
  for (const { id, hash: _old, ...fields } of entries) {
    const hash = chainHash({ ...fields, prevHash });
    update.run(encodeHash(hash), id);
    prevHash = hash;
  }
}

test('the untouched workbook passes, and a second check starts from the verified checkpoint', () => {
  expect(check()).toMatchObject({ intact: true, mismatches: [], rollback: null, verified: 'full' });
  expect(check()).toMatchObject({ intact: true, verified: 'from_checkpoint' });
  expect(check(true)).toMatchObject({ intact: true, verified: 'full' });
});

test('a direct SQL edit of a record is reported by entity, id and field, from a checkpoint and in full', () => {
  check(); // leaves a checkpoint
  sqlite().prepare("UPDATE evidence_items SET title = 'Ofsted letter (rewritten)' WHERE id = ?").run(evidenceId);
  for (const full of [false, true]) {
    const report = check(full);
    expect(report.intact).toBe(false);
    expect(report.mismatches).toEqual([
      expect.objectContaining({ entity: 'evidence', entityId: evidenceId, field: 'title', kind: 'changed', actual: 'Ofsted letter (rewritten)', expected: 'Ofsted and CQC revisit letter' }),
    ]);
    expect(report.message).toContain(`evidence item ${evidenceId}: “title” is “Ofsted letter (rewritten)” but its history says “Ofsted and CQC revisit letter”`);
  }
});

test('a soft delete with no history entry, and a row added or removed by hand, are reported', () => {
  check();
  sqlite().prepare("UPDATE partners SET deleted_at = '2026-11-22T10:00:00.000Z', deletion_id = 'x' WHERE id = ?").run(partnerId);
  sqlite().prepare("INSERT INTO partners (name, kind, notes, created_at, updated_at, version) VALUES ('Forged partner', 'other', '', 'x', 'x', 1)").run();
  const forged = (sqlite().prepare("SELECT id FROM partners WHERE name = 'Forged partner'").get() as { id: number }).id;
  sqlite().pragma('foreign_keys = OFF');
  sqlite().prepare('DELETE FROM evidence_items WHERE id = ?').run(evidenceId);
  for (const full of [false, true]) {
    const report = check(full);
    expect(report.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: 'partner', entityId: partnerId, field: 'deletedAt', kind: 'binned_without_entry' }),
        expect.objectContaining({ entity: 'partner', entityId: forged, kind: 'no_history' }),
        expect.objectContaining({ entity: 'evidence', entityId: evidenceId, kind: 'missing' }),
      ]),
    );
    expect(report.message).toContain(`partner ${partnerId} is in the Bin with no history entry saying so`);
    expect(report.message).toContain(`partner ${forged} has no history (added outside the app)`);
  }
});

test('an edit with the history changed to match and the whole chain recomputed is detected', () => {
  check();
  sqlite().prepare("UPDATE evidence_items SET title = 'Forged title' WHERE id = ?").run(evidenceId);
  const created = sqlite().prepare("SELECT id, new_value FROM audit_log WHERE entity = 'evidence' AND entity_id = ? AND operation = 'create'").get(evidenceId) as { id: number; new_value: unknown };
  const forged = { ...(JSON.parse(decodeValue(created.new_value)!) as object), title: 'Forged title' };
  sqlite().prepare('UPDATE audit_log SET new_value = ? WHERE id = ?').run(encodeValue(JSON.stringify(forged)), created.id);
  rechain(sqlite());
  const report = check();
  expect(report.mismatches).toEqual([]); // the records now agree with the forged history…
  expect(report.intact).toBe(false); // …but not with what this computer saw
  expect(report.rollback?.kind).toBe('diverged');
  expect(report.message).toMatch(/this file's history is different at that point\. It was replaced by a different copy, or its history was rewritten outside the app/);
});

test('deleting every history entry is detected with no backups at all, through the anchor', () => {
  expect(existsSync(path.join(t.dir, 'backups'))).toBe(false);
  sqlite().exec('DELETE FROM audit_log');
  const report = check();
  expect(report.intact).toBe(false);
  expect(report.rollback?.kind).toBe('shorter');
  expect(report.message).toMatch(/this computer saw this workbook with its history up to entry 4, a change made on 22\/11\/2026 at 10:00; this file's history stops before that \(0 entries\)\./);
  expect(report.message).toContain('No backup in this workbook’s backups folder holds that state');
});

test('a backup taken after tampering does not become the anchor', async () => {
  const backupsDir = path.join(t.dir, 'backups');
  mkdirSync(backupsDir);
  const stop = startBackupScheduler(t.session, { backupsDir, backupOnStart: false });
  try {
    await t.api.call('backup:create', {});
    await settle();
    const workbookId = workbookIdOf(sqlite())!;
    const before = readAnchor(workbookId, t.file, backupsDir)!;
    // Cut the newest entries off (the chain still links), then let the app take a backup of that.
    sqlite().prepare('DELETE FROM audit_log WHERE id > ?').run(before.head.id - 2);
    t.setNow('2026-11-22T11:00:00Z');
    await t.api.call('backup:create', {});
    await settle();
    expect(readAnchor(workbookId, t.file, backupsDir)?.head).toEqual(before.head);
    const status = await t.api.call('audit:verify', {});
    expect(status.intact).toBe(false);
    expect(status.message).toMatch(/The backup of 22\/11\/2026 at 10:00 \(.+\) holds that newer state/);
    // A later edit through the app does not move the anchor onto the cut history either.
    await t.api.call('partner:create', { name: 'After the tampering', kind: 'other' });
    await settle();
    expect(readAnchor(workbookId, t.file, backupsDir)?.head).toEqual(before.head);
    expect((await t.api.call('audit:verify', {})).intact).toBe(false);
  } finally {
    stop();
  }
});

test('one flipped bit inside a record’s stored text is reported by field', async () => {
  check();
  const file = t.file;
  t.session.close(); // the last connection folds the -wal into the file
  const summary = 'Sufficient progress in 3 of the 5 significant weaknesses';
  // Find the bytes inside a page of evidence_items (the history and search index hold copies too).
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const pages = (probe.prepare("SELECT pageno FROM dbstat WHERE name = 'evidence_items'").all() as { pageno: number }[]).map((p) => p.pageno);
  probe.close();
  const bytes = readFileSync(file);
  let offset = -1;
  for (const page of pages) {
    const at = bytes.subarray((page - 1) * pageSize, page * pageSize).indexOf(summary);
    if (at >= 0) offset = (page - 1) * pageSize + at + summary.indexOf('progress');
  }
  expect(offset).toBeGreaterThan(0);
  const fd = openSync(file, 'r+');
  const one = Buffer.alloc(1);
  readSync(fd, one, 0, 1, offset);
  one[0] = one[0]! ^ 0x01; // 'p' → 'q'
  writeSync(fd, one, 0, 1, offset);
  closeSync(fd);

  const reopened = await openWorkbook(file, { readOnly: true });
  try {
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok'); // SQLite itself cannot see it
    const report = checkHistory(reopened.sqlite, { file, backupsDir: path.join(t.dir, 'backups') });
    expect(report.mismatches).toEqual([expect.objectContaining({ entity: 'evidence', entityId: evidenceId, field: 'summary', kind: 'changed' })]);
    expect(report.message).toContain('“summary” is “Sufficient qrogress');
  } finally {
    reopened.close();
  }
});

test('edits through the app after a checkpoint are not mistaken for tampering', async () => {
  check();
  const item = await t.api.call('evidence:get', { id: evidenceId });
  await t.api.call('evidence:update', { id: evidenceId, expectedVersion: item.version, title: 'Revisit letter, 2022' });
  await t.api.call('partner:delete', { id: partnerId });
  const bin = await t.api.call('bin:list', { offset: 0, limit: 10 });
  await t.api.call('bin:restore', { binEntryId: bin.items[0]!.id });
  await t.api.call('evidence:delete', { id: evidenceId });
  await settle();
  expect(check()).toMatchObject({ intact: true, verified: 'from_checkpoint', mismatches: [] });
  expect(check(true)).toMatchObject({ intact: true, mismatches: [] });
});

test('workbook:check names the edited record; full: true runs integrity_check and the whole history, and a malformed flag is refused', async () => {
  sqlite().prepare("UPDATE evidence_items SET summary = 'Edited behind the app' WHERE id = ?").run(evidenceId);
  const quick = await t.api.call('workbook:check', {});
  expect(quick.ok).toBe(false);
  expect(quick.problems.join(' ')).toContain(`evidence item ${evidenceId}: “summary” is “Edited behind the app”`);
  const full = await t.api.call('workbook:check', { full: true });
  expect(full).toMatchObject({ ok: false, integrity: 'ok' });
  expect(await t.dispatch('workbook:check', { full: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Full must be true or false.' } });
});
