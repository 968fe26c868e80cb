import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../electron/transports/cli/run-cli';
import { tempDir } from '../helpers/temp-workbook';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('no command, an unknown command or bad arguments print usage and exit non-zero', async () => {
  expect((await cli()).code).toBe(2);
  const unknown = await cli('frobnicate');
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/Unknown command: frobnicate[\s\S]*Commands:/);
  const bad = await cli('check', '--workbok', 'x');
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/Usage: workbook check/);
  const missing = await cli('check');
  expect(missing).toMatchObject({ code: 2, err: expect.stringMatching(/Missing --workbook/) });
  expect((await cli('--help')).out).toMatch(/demo/);
});

test('demo, check, export-json and import-json work together', async () => {
  const dir = tempDir();
  const demo = path.join(dir, 'demo.workbook');
  expect((await cli('demo', '--out', demo)).code).toBe(0);
  expect((await cli('demo', '--out', demo)).err).toMatch(/already exists/);
  const check = await cli('check', '--workbook', demo, '--json');
  expect(check.code).toBe(0);
  const report = JSON.parse(check.out);
  expect(report).toMatchObject({ ok: true, integrity: 'ok', auditChain: { intact: true } });
  expect(report.counts.find((c: { entity: string }) => c.entity === 'finding').live).toBe(5);
  const json = path.join(dir, 'demo.json');
  expect((await cli('export-json', '--workbook', demo, '--out', json)).code).toBe(0);
  const copy = path.join(dir, 'copy.workbook');
  expect((await cli('import-json', json, '--out', copy)).code).toBe(0);
  const json2 = path.join(dir, 'copy.json');
  await cli('export-json', '--workbook', copy, '--out', json2);
  expect(readFileSync(json2, 'utf8')).toBe(readFileSync(json, 'utf8'));
  const text = await cli('check', '--workbook', demo);
  expect(text.out).toMatch(/No problems found/);
});

test('check reports damaged and foreign files with a non-zero exit', async () => {
  const dir = tempDir();
  const foreign = path.join(dir, 'budget.xlsx');
  writeFileSync(foreign, 'PK\u0003\u0004 not a workbook');
  const result = await cli('check', '--workbook', foreign);
  expect(result.code).toBe(1);
  expect(result.err).toMatch(/not an Evidence Workbook file/);
  const json = await cli('check', '--workbook', foreign, '--json');
  expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'not_a_workbook' } });
});

test('check reports an edited history', async () => {
  const dir = tempDir();
  const demo = path.join(dir, 'demo.workbook');
  await cli('demo', '--out', demo);
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(demo);
  db.prepare("UPDATE audit_log SET new_value = 'tampered' WHERE id = 10").run();
  db.close();
  const result = await cli('check', '--workbook', demo);
  expect(result.code).toBe(1);
  expect(result.err).toMatch(/history has been altered outside the app: entry 10/);
});

test('check inspects a workbook from an older version without updating it', async () => {
  const { copyFileSync, mkdirSync, readdirSync } = await import('node:fs');
  const { createWorkbook, knownMigrations, migrationsFolder } = await import('../../db/open-workbook');
  const dir = tempDir();
  const folder = path.join(dir, 'old-migrations');
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, 1);
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  copyFileSync(path.join(migrationsFolder(), `${journal.entries[0].tag}.sql`), path.join(folder, `${journal.entries[0].tag}.sql`));
  const file = path.join(dir, 'old.workbook');
  createWorkbook(file, { migrationsFolder: folder }).close();
  const before = readFileSync(file);
  const result = await cli('check', '--workbook', file);
  expect(result.code).toBe(0);
  expect(result.out).toMatch(new RegExp(`Schema version: 1 \\(this app uses ${knownMigrations().length}`));
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(readdirSync(dir).some((f) => f.includes('before-update'))).toBe(false);

  // An export updates it first (after a backup) rather than refusing.
  const exported = await cli('export-json', '--workbook', file, '--out', path.join(dir, 'old.json'));
  expect(exported.code).toBe(0);
  expect(readdirSync(dir).some((f) => f.includes('before-update'))).toBe(true);
  expect(JSON.parse(readFileSync(path.join(dir, 'old.json'), 'utf8')).schemaVersion).toBe(knownMigrations().length);
});
