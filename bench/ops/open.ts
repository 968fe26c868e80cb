/** Opening the workbook (header check, quick_check, schema version) vs a bare open + quick_check. */
import Database from 'better-sqlite3';
import { openWorkbook } from '../../db/open-workbook';
import { measure } from '../measure';
import { ok, type OpResult } from '../result';

export async function benchOpen(file: string, runs: number): Promise<OpResult> {
  const timing = await measure(async () => (await openWorkbook(file)).close(), { runs, warmup: 1 });
  const bare = await measure(
    () => {
      const db = new Database(file, { fileMustExist: true });
      db.pragma('quick_check', { simple: true });
      db.close();
    },
    { runs, warmup: 1 },
  );
  return ok('open', 'Open the workbook (openWorkbook)', timing, {
    baseline: { name: 'better-sqlite3 open + quick_check', timing: bare },
  });
}
