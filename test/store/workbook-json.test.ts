import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../db/open-workbook';
import { buildDemoWorkbook } from '../../electron/core/demo/build-demo';
import { verifyAuditChain } from '../../electron/core/services/audit-log';
import { exportWorkbookJson, importWorkbookJson, parseWorkbookJson, serialiseWorkbookJson } from '../../electron/core/workbook-json/workbook-json';
import { makeTestWorkbook, tempDir } from '../helpers/temp-workbook';

test('export → import → export gives identical JSON, including the bin and the history', async () => {
  const dir = tempDir();
  const demo = path.join(dir, 'demo.workbook');
  await buildDemoWorkbook(demo);
  const wb = await openWorkbook(demo);
  // Something in the bin too, so deleted rows travel.
  wb.sqlite.prepare("UPDATE partners SET deleted_at = '2026-11-20T10:00:00Z', deletion_id = 'd1' WHERE id = 6").run();
  const first = serialiseWorkbookJson(exportWorkbookJson(wb.sqlite));
  wb.close();

  const copy = path.join(dir, 'copy.workbook');
  importWorkbookJson(parseWorkbookJson(first), copy);
  const reopened = await openWorkbook(copy);
  const second = serialiseWorkbookJson(exportWorkbookJson(reopened.sqlite));
  expect(verifyAuditChain(reopened.sqlite).intact).toBe(true);
  reopened.close();
  expect(second).toBe(first);
  const parsed = JSON.parse(first);
  expect(parsed).toMatchObject({ format: 'evidence-workbook', formatVersion: 1 });
  expect(parsed.tables.evidence_items.rows).toHaveLength(19);
});

test('bad JSON exports are refused in words and create nothing', () => {
  const dir = tempDir();
  const out = path.join(dir, 'x.workbook');
  expect(() => parseWorkbookJson('{not json')).toThrow(/not valid JSON/);
  expect(() => parseWorkbookJson(JSON.stringify({ format: 'other' }))).toThrow(/not an Evidence Workbook JSON export/);
  const t = makeTestWorkbook();
  const json = exportWorkbookJson(t.workbook.sqlite);
  t.cleanup();
  expect(() => parseWorkbookJson(JSON.stringify({ ...json, schemaVersion: 999 }))).toThrow(/newer version/);
  expect(() => parseWorkbookJson(JSON.stringify({ ...json, tables: { ...json.tables, secrets: { columns: ['x'], rows: [] } } }))).toThrow(/has the table secrets, which that version did not have/);
  const dangling = structuredClone(json);
  dangling.tables.priorities = { columns: ['id', 'plan_id', 'reference', 'title', 'created_at', 'updated_at'], rows: [[1, 42, '1', 'Orphan', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']] };
  expect(() => importWorkbookJson(parseWorkbookJson(JSON.stringify(dangling)), out)).toThrow(/pointing at records that are not in it/);
  expect(() => readFileSync(out)).toThrow();
  writeFileSync(path.join(dir, 'unused'), '');
});
