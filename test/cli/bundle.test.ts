/**
 * The bundled command line (issue #12): bin/workbook.mjs runs dist-cli/, rebuilt when any source
 * is newer than the bundle, so a developer never runs stale code; `--help` loads no backend.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without type declarations
import { bundleTime, CLI_OUTDIR, newestSourceTime, STAMP } from '../../scripts/build-cli.mjs';
import { tempDir } from '../helpers/temp-workbook';

const ROOT = path.join(__dirname, '..', '..');

function touch(file: string, secondsAgo: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, at, at);
}

it('a source newer than the bundle makes it stale; migrations and other files do not count', () => {
  const root = tempDir();
  touch(path.join(root, 'package.json'), 300);
  touch(path.join(root, 'electron', 'core', 'a.ts'), 200);
  touch(path.join(root, 'db', 'migrations', '0009_new.sql'), 10);
  touch(path.join(root, 'db', 'migrations', 'meta', '_journal.json'), 10);
  touch(path.join(root, 'electron', 'notes.txt'), 5);
  expect(bundleTime(root)).toBeNull();
  touch(path.join(root, CLI_OUTDIR, STAMP), 100);
  expect(newestSourceTime(root)).toBeLessThan(bundleTime(root)!);
  touch(path.join(root, 'db', 'schema.ts'), 50);
  expect(newestSourceTime(root)).toBeGreaterThan(bundleTime(root)!);
});

it('bin/workbook.mjs answers --help from the bundle, without loading the backend', () => {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'workbook.mjs'), '--help'], { encoding: 'utf8', timeout: 120_000 });
  expect(out).toMatch(/^Evidence Workbook command line/);
  expect(out).toMatch(/import plan/);
  // The entry and what it loads statically hold no database code: that comes with the first command.
  const seen = new Map<string, string>();
  const load = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/^import[^;]*?from\s*"(\.{1,2}\/[^"]+)"/gm)) load(path.resolve(path.dirname(file), m[1]!));
  };
  load(path.join(ROOT, CLI_OUTDIR, 'workbook.mjs'));
  expect(seen.size).toBeGreaterThan(1);
  expect([...seen.values()].join('\n')).not.toMatch(/better-sqlite3|drizzle-orm|exceljs/);
}, 120_000);
