/** Applying partners' returns first keeps a revert point (issue #7), taken before anything changes. */
import { defaultBackupsDir } from '../../electron/core/safety/backup-names';
import { listBackups } from '../../electron/core/safety/backup-store';
import { buildFixture } from '../api/fixture';
import { makeTestWorkbook } from '../helpers/temp-workbook';

test('import:planApply takes a before-import backup of the workbook as it was', async () => {
  const t = makeTestWorkbook();
  const f = await buildFixture(t.api);
  const exported = await t.api.call('export:planXlsx', { planId: f.planId });
  await t.api.call('import:planPreview', { base64: exported.base64, fileName: exported.fileName });
  await t.api.call('import:planApply', { base64: exported.base64, decisions: [] });
  const backups = listBackups(defaultBackupsDir(t.file));
  expect(backups.map((b) => b.reason)).toContain('before-import');
  t.cleanup();
});
