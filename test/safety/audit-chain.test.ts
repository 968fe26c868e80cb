import path from 'node:path';
import { hashOfEntry, insertAuditEntry } from '../../db/audit-storage';
import { describeAuditChain } from '../../electron/core/safety/audit-check';
import { startBackupScheduler } from '../../electron/core/safety/backup-scheduler';
import { chainHash } from '../../electron/core/services/audit-log';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
beforeEach(async () => {
  t = makeTestWorkbook();
  const partner = await t.api.call('partner:create', { name: 'Bristol City Council', kind: 'council' });
  await t.api.call('partner:update', { id: partner.id, expectedVersion: partner.version, notes: 'Lead partner' });
  await t.api.call('evidence:create', { title: 'Ofsted and CQC letter, 2019', kind: 'document', level: 'output' });
  await t.api.call('evidence:create', { title: 'Parent carer forum survey', kind: 'survey', level: 'impact' });
});
afterEach(() => t.cleanup());

const sqlite = () => t.workbook.sqlite;
const ids = () => (sqlite().prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);

test('an untouched history is reported intact, through the channel too', async () => {
  const status = await t.api.call('audit:verify', {});
  expect(status).toMatchObject({ intact: true, brokenAt: null });
  expect(status.entries).toBeGreaterThanOrEqual(4);
  expect(status.message).toMatch(/^The history is intact: all \d+ entries are linked and unaltered, and every record matches its history\.$/);
});

test('editing an entry outside the app is detected at that entry', async () => {
  const target = ids()[1]!;
  sqlite().prepare("UPDATE audit_log SET author = 'Someone else' WHERE id = ?").run(target);
  const status = describeAuditChain(sqlite());
  expect(status).toMatchObject({ intact: false, brokenAt: target });
  expect(status.message).toMatch(/altered outside the app: entry \d+/);
  expect((await t.api.call('audit:verify', {})).intact).toBe(false);
});

test('deleting an entry is detected at the entry after it', () => {
  const [, second, third] = ids();
  sqlite().prepare('DELETE FROM audit_log WHERE id = ?').run(second);
  expect(describeAuditChain(sqlite())).toMatchObject({ intact: false, brokenAt: third });
});

test('inserting a forged entry (even with its own hash recomputed) is detected', () => {
  const all = ids();
  // Make room after the first entry and insert a plausible forged one there.
  sqlite().prepare('UPDATE audit_log SET id = id + 1000 WHERE id > ?').run(all[0]);
  const forged = { at: '2026-11-22T10:00:00.000Z', author: 'Forger', entity: 'evidence', entityId: 99, operation: 'delete', field: null, oldValue: null, newValue: null, prevHash: hashOfEntry(sqlite(), all[0]!)! };
  insertAuditEntry(sqlite(), { ...forged, id: all[0]! + 1, hash: chainHash(forged) });
  // The forged entry chains from its predecessor, but the genuine next entry does not chain from it.
  expect(describeAuditChain(sqlite())).toMatchObject({ intact: false, brokenAt: all[1]! + 1000 });
});

describe('against the newest backup', () => {
  let backupsDir: string;
  let stop: () => void;
  beforeEach(() => {
    backupsDir = path.join(t.dir, 'backups');
    stop = startBackupScheduler(t.session, { backupsDir, backupOnStart: false });
  });
  afterEach(() => stop());

  test('removing the newest entries (which leaves a chain that is still linked) is detected', async () => {
    await t.api.call('backup:create', {});
    await new Promise((resolve) => setImmediate(resolve)); // the app records the head it saw after each save
    const last = Math.max(...ids());
    sqlite().prepare('DELETE FROM audit_log WHERE id >= ?').run(last - 1);
    const status = await t.api.call('audit:verify', {});
    expect(status).toMatchObject({ intact: false, brokenAt: last });
    expect(status.message).toMatch(/^On \d\d\/\d\d\/\d{4} at \d\d:\d\d this computer saw this workbook with its history up to entry \d+/);
    expect(status.message).toMatch(/this file's history stops before that \(\d+ entries\)\. It may have been replaced by an older copy/);
    expect(status.message).toMatch(/The backup of \d\d\/\d\d\/\d{4} at \d\d:\d\d \(.+\.workbook\) holds that newer state/);
  });

  test('new work after a backup, and a restore, are not mistaken for tampering', async () => {
    const first = await t.api.call('backup:create', {});
    await t.api.call('evidence:create', { title: 'Added after the backup', kind: 'document', level: 'activity' });
    expect((await t.api.call('audit:verify', {})).intact).toBe(true);
    t.setNow('2026-11-22T11:00:00Z');
    await t.api.call('backup:create', {});
    t.setNow('2026-11-22T12:00:00Z');
    await t.api.call('backup:restore', { fileName: first.fileName }); // history goes back to the first backup
    expect((await t.api.call('audit:verify', {})).intact).toBe(true);
    await t.api.call('evidence:create', { title: 'A new line of history', kind: 'document', level: 'activity' });
    t.setNow('2026-11-22T13:00:00Z');
    await t.api.call('backup:create', {});
    expect((await t.api.call('audit:verify', {})).intact).toBe(true);
  });
});
