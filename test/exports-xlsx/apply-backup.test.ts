/**
 * Commands that change many records at once back up first (issues #7, #12): the contract declares
 * `backupFirst` and dispatch takes the backup, before the transaction, whichever transport calls.
 */
import { writeFileSync } from 'node:fs';
import { openWorkbook } from '../../db/open-workbook';
import { contract, channelNames } from '../../electron/contract/channels';
import { defaultBackupsDir } from '../../electron/core/safety/backup-names';
import { listBackups } from '../../electron/core/safety/backup-store';
import { buildFixture } from '../api/fixture';
import { makeTestWorkbook } from '../helpers/temp-workbook';

test('import:planApply takes a before-import backup of the workbook as it was', async () => {
  const t = makeTestWorkbook();
  const f = await buildFixture(t.api);
  const exported = await t.api.call('export:planXlsx', { planId: f.planId });
  await t.api.call('import:planPreview', { base64: exported.base64, fileName: exported.fileName });
  await t.api.call('partner:create', { name: 'Made before the import', kind: 'council' });
  await t.api.call('import:planApply', { base64: exported.base64, decisions: [] });
  const backups = listBackups(defaultBackupsDir(t.file)).filter((b) => b.reason === 'before-import');
  expect(backups).toHaveLength(1);
  const copy = await openWorkbook(backups[0]!.path, { readOnly: true });
  expect(copy.sqlite.prepare('SELECT name FROM partners').pluck().all()).toContain('Made before the import');
  copy.close();
  t.cleanup();
});

test('when the backup cannot be made, the import does not run and says why', async () => {
  const t = makeTestWorkbook();
  const f = await buildFixture(t.api);
  const exported = await t.api.call('export:planXlsx', { planId: f.planId });
  const before = t.workbook.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
  // A file where the backups folder should be: the folder cannot be made.
  writeFileSync(defaultBackupsDir(t.file), 'not a folder');
  const result = await t.dispatch('import:planApply', { base64: exported.base64, decisions: [] });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.message).toMatch(/backup/i);
  expect(t.workbook.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(before);
  t.cleanup();
});

test('every import that writes many records declares backupFirst', () => {
  const declared = channelNames.filter((c) => contract[c].backupFirst === 'before-import');
  expect(declared).toEqual(expect.arrayContaining(['import:planApply', 'statistics:apply', 'letter:apply', 'planSheet:apply']));
  for (const c of declared) expect(contract[c].mutates).toBe(true);
});
