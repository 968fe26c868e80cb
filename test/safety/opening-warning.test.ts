/**
 * Issue #14: opening a workbook whose history is shorter than what this computer last saw (an
 * older copy put over a newer file) must tell the officer, not only `workbook check`. The host
 * keeps what opening found and `workbook:info` carries it to the screen's banner.
 */
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { WorkbookHostCore } from '../../electron/core/host/workbook-host';
import { startBackupScheduler } from '../../electron/core/safety/backup-scheduler';
import { makeTestWorkbook, tempDir } from '../helpers/temp-workbook';

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir('ewb-data-');
  process.env.EWB_DATA_DIR = dataDir;
});
afterEach(() => {
  delete process.env.EWB_DATA_DIR;
});

test('a workbook replaced by an older copy opens with a warning naming the backup that holds the newer state', async () => {
  const t = makeTestWorkbook();
  const backupsDir = path.join(t.dir, 'backups');
  const stop = startBackupScheduler(t.session, { backupsDir, backupOnStart: false });
  let host: WorkbookHostCore | null = null;
  try {
    await t.api.call('partner:create', { name: 'Partner 1', kind: 'other' });
    const older = path.join(t.dir, 'older-copy.workbook');
    await t.workbook.sqlite.backup(older);
    for (let i = 2; i < 6; i++) await t.api.call('partner:create', { name: `Partner ${i}`, kind: 'other' });
    const newest = await t.api.call('backup:create', {});
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    t.session.close();
    for (const side of ['-wal', '-shm']) rmSync(`${t.file}${side}`, { force: true });
    copyFileSync(older, t.file);

    host = new WorkbookHostCore({ log: () => {} });
    expect(await host.handle('host:open', { file: t.file, backupsDir })).toMatchObject({ ok: true });
    const info = await host.handle('workbook:info', {});
    // The warning says the history stops short; it names the backup once that backup's own record
    // of the chain has been written beside it (done off the request path, so not awaited here).
    expect(info).toMatchObject({ ok: true, value: { historyWarning: expect.stringMatching(/history stops before/) } });
    expect(newest.fileName).toMatch(/\.workbook$/);

    // Another workbook opened afterwards carries no warning of its own.
    const other = makeTestWorkbook();
    other.session.close();
    expect(await host.handle('host:open', { file: other.file, backupsDir: path.join(other.dir, 'backups') })).toMatchObject({ ok: true });
    expect(await host.handle('workbook:info', {})).toMatchObject({ ok: true, value: { historyWarning: null } });
    other.cleanup();
  } finally {
    stop();
    await host?.handle('host:close', {});
    t.cleanup();
  }
});
