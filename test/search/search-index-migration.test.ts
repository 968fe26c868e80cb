/** The search index migration indexes what an older workbook already holds (backfill), and later edits keep it in step. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createWorkbook, migrationsFolder, openWorkbook } from '../../db/open-workbook';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { searchWorkbook } from '../../electron/core/search/search-workbook';
import { tempDir } from '../helpers/temp-workbook';

test('an older workbook is indexed when it is updated', async () => {
  const dir = tempDir();
  const older = path.join(dir, 'migrations-before-search');
  mkdirSync(path.join(older, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const before = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.endsWith('_add_search_index')));
  writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: before }));
  for (const e of before) copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(older, `${e.tag}.sql`));

  const file = path.join(dir, 'old.workbook');
  const old = createWorkbook(file, { migrationsFolder: older });
  const now = '2020-11-01T00:00:00Z';
  old.sqlite
    .prepare("INSERT INTO evidence_items (reference, title, kind, level, summary, added_on, created_at, updated_at) VALUES ('E-001', 'Café survey', 'survey', 'impact', 'Parents felt heard', '2020-11-01', ?, ?)")
    .run(now, now);
  old.sqlite
    .prepare("INSERT INTO evidence_items (reference, title, kind, level, added_on, created_at, updated_at, deleted_at, deletion_id) VALUES ('E-002', 'Binned survey', 'survey', 'impact', '2020-11-01', ?, ?, ?, 'd1')")
    .run(now, now, now);
  old.close();

  const workbook = await openWorkbook(file, { backupDir: dir });
  const session = new WorkbookSession();
  session.use(workbook);
  const ctx = session.context()!;
  const found = searchWorkbook(ctx, { q: 'cafe survey' });
  expect(found.results.map((r) => r.id)).toEqual([1]);
  expect(searchWorkbook(ctx, { q: 'binned' }).total).toBe(0);
  workbook.sqlite.prepare("UPDATE evidence_items SET deleted_at = NULL, deletion_id = NULL WHERE id = 2").run();
  expect(searchWorkbook(ctx, { q: 'binned' }).total).toBe(1);
  session.close();
});
