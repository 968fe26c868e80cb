/**
 * Rollbacks the chain alone cannot see (issue #14, failure 8): the -wal deleted while the app is
 * writing and then a crash (100 of 100 acknowledged changes vanished, check said nothing), and a
 * newer file replaced by an older copy. `check` must report both, with when this computer saw the
 * newer state and which backup holds it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { appRoot } from '../../db/app-root';
import { createWorkbook } from '../../db/open-workbook';
import { startBackupScheduler } from '../../electron/core/safety/backup-scheduler';
import { openWorkbookSafely } from '../../electron/core/safety/safe-open';
import { checkWorkbook } from '../../electron/core/workbook-check/check-workbook';
import { makeTestWorkbook, tempDir } from '../helpers/temp-workbook';

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir('ewb-data-');
  process.env.EWB_DATA_DIR = dataDir;
});
afterEach(() => {
  delete process.env.EWB_DATA_DIR;
});

async function bundleWriter(dir: string): Promise<string> {
  const outfile = path.join(dir, 'crash-rollback-writer.mjs');
  const sqlite = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  await build({
    entryPoints: [path.join(import.meta.dirname, 'crash-rollback-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    plugins: [{ name: 'native-sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
  });
  return outfile;
}

/** Runs the writer until "done", lets `atDone` act (e.g. delete the -wal), then SIGKILLs it. */
function writeThenKill(writer: string, file: string, count: number, atDone: () => void): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, String(count)], {
      env: { ...process.env, EVIDENCE_WORKBOOK_ROOT: appRoot(), EWB_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (line === 'done') {
          atDone();
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer ended by itself (${stderr})`))));
  });
}

test('the -wal deleted while writing, then a crash: the lost changes are reported by check', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Partnership.workbook');
  createWorkbook(file, { areaName: 'Testshire' }).close();
  const writer = await bundleWriter(dir);
  const acked = await writeThenKill(writer, file, 100, () => rmSync(`${file}-wal`));
  expect(acked).toHaveLength(100);

  const report = await checkWorkbook(file);
  expect(report.ok).toBe(false);
  // The changes really are gone (this is the loss the check must not stay silent about)…
  expect(report.counts.find((c) => c.entity === 'partner')?.live).toBe(0);
  // …and the check says so, with the newer state's date.
  expect(report.auditChain.intact).toBe(false);
  expect(report.problems.join(' ')).toMatch(/this computer saw this workbook with its history up to entry 100, a change made on \d\d\/\d\d\/\d{4} at \d\d:\d\d; this file's history stops before that \(0 entries\)\. It may have been replaced by an older copy, or changes were lost \(for example when its -wal file was deleted\)\./);
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

test('a newer workbook replaced by an older copy is reported by check and on open, naming the backup that has the newer state', async () => {
  const t = makeTestWorkbook();
  const backupsDir = path.join(t.dir, 'backups');
  const stop = startBackupScheduler(t.session, { backupsDir, backupOnStart: false });
  try {
    for (let i = 0; i < 5; i++) await t.api.call('partner:create', { name: `Partner ${i}`, kind: 'other' });
    const older = path.join(t.dir, 'older-copy.workbook');
    await t.workbook.sqlite.backup(older);
    for (let i = 5; i < 10; i++) await t.api.call('partner:create', { name: `Partner ${i}`, kind: 'other' });
    t.setNow('2026-11-22T15:30:00Z');
    const newest = await t.api.call('backup:create', {});
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    t.session.close();
    for (const side of ['-wal', '-shm']) rmSync(`${t.file}${side}`, { force: true });
    copyFileSync(older, t.file);

    const report = await checkWorkbook(t.file, { backupsDir });
    expect(report.ok).toBe(false);
    const words = report.problems.join(' ');
    expect(words).toMatch(/this file's history stops before that \(5 entries\)/);
    expect(words).toContain(`The backup of 22/11/2026 at 15:30 (${newest.fileName}) holds that newer state: restore it, or compare it with this file before carrying on.`);

    const opened = await openWorkbookSafely(t.file, { backupsDir });
    try {
      expect(opened.error).toBeUndefined();
      expect(opened.error ? null : opened.historyWarning).toContain(newest.fileName);
    } finally {
      opened.workbook?.close();
    }
  } finally {
    stop();
    t.cleanup();
  }
});
