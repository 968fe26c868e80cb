/**
 * Backup: the safety feature's backup (online backup API, verification, retention) vs the online
 * backup API alone; then the workbook host's responsiveness while it opens the workbook and backs
 * it up (issue #12's 100 ms budget, host-responsiveness.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, type Workbook } from '../../db/open-workbook';
import { findExport } from '../find-export';
import { measure } from '../measure';
import { failed, ok, type OpResult } from '../result';
import { benchHostResponsiveness } from './host-responsiveness';

type BackupNow = (target: Workbook, reason: string, now?: Date, overrides?: { backupsDir?: string }) => Promise<unknown>;

export async function benchBackup(workbook: Workbook, tempRoot: string, runs: number): Promise<OpResult[]> {
  return [await benchSafetyBackup(workbook, tempRoot, runs), ...(await benchHostResponsiveness(workbook.path, tempRoot))];
}

async function benchSafetyBackup(workbook: Workbook, tempRoot: string, runs: number): Promise<OpResult> {
  const found = await findExport<BackupNow>('electron/core/safety', 'backupNow');
  const name = found.fn ? 'Backup (safety backupNow)' : 'Backup (db backupDatabase)';
  const dir = mkdtempSync(path.join(tempRoot, 'backups-'));
  try {
    const fresh = () => {
      rmSync(dir, { recursive: true, force: true });
    };
    let n = 0;
    const timing = found.fn
      ? await measure(() => found.fn!(workbook, 'manual', new Date(Date.UTC(2026, 10, 22, 10, 0, n++)), { backupsDir: dir }), { runs, warmup: 0, before: fresh })
      : await measure(() => backupDatabase(workbook.sqlite, path.join(dir, `copy-${n++}.workbook`)), { runs, warmup: 0, before: fresh });
    const bare = await measure(
      async () => {
        await workbook.sqlite.backup(path.join(tempRoot, `bare-${n++}.workbook`));
      },
      { runs, warmup: 0, before: () => rmSync(path.join(tempRoot, `bare-${n - 1}.workbook`), { force: true }) },
    );
    rmSync(path.join(tempRoot, `bare-${n - 1}.workbook`), { force: true });
    return ok('safety', name, timing, {
      baseline: { name: 'better-sqlite3 online backup API alone', timing: bare },
      note: found.fn ? found.note : `safety backup not available yet (${found.note}); measured db/open-workbook backupDatabase`,
    });
  } catch (e) {
    return failed('safety', name, e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
