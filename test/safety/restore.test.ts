import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../db/open-workbook';
import { startBackupScheduler } from '../../electron/core/safety/backup-scheduler';
import { listBackups } from '../../electron/core/safety/backup-store';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { FakeTimer } from './fake-timer';

let t: TestWorkbook;
let backupsDir: string;
let stop: () => void;

beforeEach(() => {
  t = makeTestWorkbook({ now: '2026-11-22T09:00:00Z' });
  backupsDir = path.join(t.dir, 'backups');
  stop = startBackupScheduler(t.session, { backupsDir, backupOnStart: false, timer: new FakeTimer(Date.parse('2026-11-22T09:00:00Z')) });
});
afterEach(() => {
  stop();
  t.cleanup();
});

const titles = async () => (await t.api.call('evidence:list', {})).items.map((e) => e.title).sort();

test('restoring a backup brings back its contents and keeps the present as a revert point', async () => {
  await t.api.call('evidence:create', { title: 'Ofsted letter 2019', kind: 'document', level: 'output' });
  const before = await t.api.call('backup:create', {});

  t.setNow('2026-11-22T10:00:00Z');
  await t.api.call('evidence:create', { title: 'Parent survey 2026', kind: 'survey', level: 'impact' });
  const oldWorkbook = t.session.workbook;

  const result = await t.api.call('backup:restore', { fileName: before.fileName });
  expect(result.restored.fileName).toBe(before.fileName);
  expect(result.revertPoint?.reason).toBe('before-restore');
  expect(result.revertPoint?.counts?.evidence).toBe(2);
  expect(await titles()).toEqual(['Ofsted letter 2019']);
  expect(t.session.workbook).not.toBe(oldWorkbook);
  expect(t.session.workbook!.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(existsSync(`${t.file}-journal`)).toBe(false);
  expect(readdirSync(t.dir).filter((f) => f.includes('.restoring-'))).toEqual([]);

  // The revert point undoes the restore.
  await t.api.call('backup:restore', { fileName: result.revertPoint!.fileName });
  expect(await titles()).toEqual(['Ofsted letter 2019', 'Parent survey 2026']);
  // New work after restoring is saved normally.
  await t.api.call('evidence:create', { title: 'After restore', kind: 'document', level: 'activity' });
  expect(await titles()).toContain('After restore');
});

test('a damaged backup is refused before anything is replaced', async () => {
  await t.api.call('evidence:create', { title: 'Ofsted letter 2019', kind: 'document', level: 'output' });
  const good = await t.api.call('backup:create', {});
  const backupFile = path.join(backupsDir, good.fileName);
  const bytes = readFileSync(backupFile);
  bytes.fill(0xff, 4096 + 0, 4096 + 12); // wreck the first b-tree page header after the file header page
  writeFileSync(backupFile, bytes);

  const result = await t.api.result('backup:restore', { fileName: good.fileName });
  expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringMatching(/damaged.*has not been changed/) } });
  expect(await titles()).toEqual(['Ofsted letter 2019']);
  expect(listBackups(backupsDir).filter((b) => b.reason === 'before-restore')).toEqual([]);
});

test('only a backup from the list can be restored: no paths, no other files', async () => {
  writeFileSync(path.join(t.dir, 'other.workbook'), 'not ours');
  for (const fileName of ['../other.workbook', '/etc/passwd', 'C:\\x.workbook', 'test-2026-11-22T09-00-00-000Z-manual.workbook']) {
    const result = await t.api.result('backup:restore', { fileName });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['invalid_input', 'not_found']).toContain(result.error.code);
  }
});

test('restore is refused, plainly, where the host has not enabled it', async () => {
  stop();
  const result = await t.api.result('backup:restore', { fileName: 'test-2026-11-22T09-00-00-000Z-manual.workbook' });
  expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
});

test('a workbook open in another window or program is not replaced under it', async () => {
  await t.api.call('evidence:create', { title: 'Ofsted letter 2019', kind: 'document', level: 'output' });
  const backup = await t.api.call('backup:create', {});
  await t.api.call('evidence:create', { title: 'Parent survey 2026', kind: 'survey', level: 'impact' });
  const elsewhere = await openWorkbook(t.file);
  elsewhere.sqlite.prepare('SELECT count(*) FROM evidence_items').get();
  try {
    const result = await t.api.result('backup:restore', { fileName: backup.fileName });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/open in another window or program.*Nothing was replaced/) } });
    // The session carries on with the workbook as it was.
    expect(await titles()).toEqual(['Ofsted letter 2019', 'Parent survey 2026']);
  } finally {
    elsewhere.close();
  }
});
