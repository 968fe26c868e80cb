import { existsSync, readdirSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../db/open-workbook';
import { runCli } from '../../electron/transports/cli/run-cli';
import { inspectWorkbookFile } from '../../electron/core/safety/inspect-file';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
beforeEach(() => {
  t = makeTestWorkbook();
});
afterEach(() => t.cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('workbook backup, backups and restore work from the command line, with a revert point', async () => {
  await t.api.call('evidence:create', { title: 'Before', kind: 'document', level: 'output' });
  // The app may have the workbook open while the command runs.
  const made = await cli('backup', '--workbook', t.file);
  expect(made.code).toBe(0);
  expect(made.out).toMatch(/^Backed up test\.workbook to .*test\.backups.*manual\.workbook \([\d.]+ MB: 1 evidence, 0 actions, 0 findings\)\.$/);
  await t.api.call('evidence:create', { title: 'After', kind: 'document', level: 'output' });
  t.session.close();

  const listed = await cli('backups', '--workbook', t.file);
  expect(listed.code).toBe(0);
  expect(listed.out).toMatch(/1 backup in .*test\.backups:\n {2}\d\d\/\d\d\/\d{4} at \d\d:\d\d +Made on request +[\d.]+ MB {2}1 evidence, 0 actions, 0 findings\n {4}test-.*-manual\.workbook/);
  const fileName = /(test-\S+-manual\.workbook)/.exec(listed.out)![1]!;

  const restored = await cli('restore', '--workbook', t.file, '--from', fileName);
  expect(restored.err).toBe('');
  expect(restored.code).toBe(0);
  expect(restored.out).toMatch(/^Restored test\.workbook from the backup of \d\d\/\d\d\/\d{4} at \d\d:\d\d\.\nThe state before the restore was saved as a revert point; to undo, restore:\n {2}.*before-restore\.workbook$/);
  const wb = await openWorkbook(t.file);
  expect(wb.sqlite.prepare('SELECT title FROM evidence_items').pluck().all()).toEqual(['Before']);
  wb.close();
  const revert = /\n {2}(\S+before-restore\.workbook)$/.exec(restored.out)![1]!;
  expect(inspectWorkbookFile(revert)).toMatchObject({ ok: true, counts: { evidence: 2 } });
});

test('backup --to DIR writes there and prunes nothing in a folder the person chose', async () => {
  const to = path.join(t.dir, 'usb');
  for (let i = 0; i < 12; i++) expect((await cli('backup', '--workbook', t.file, '--to', to)).code).toBe(0);
  expect(readdirSync(to).filter((f) => f.endsWith('.workbook'))).toHaveLength(12);
});

test('restore over a damaged workbook keeps the damaged file aside and says where', async () => {
  await cli('backup', '--workbook', t.file);
  t.session.close();
  truncateSync(t.file, 8192);
  const fileName = readdirSync(path.join(t.dir, 'test.backups'))[0]!;
  const restored = await cli('restore', '--workbook', t.file, '--from', fileName);
  expect(restored.code).toBe(0);
  expect(restored.out).toMatch(/The damaged workbook was kept, unchanged, at:\n {2}.*damaged\.workbook/);
  const kept = /\n {2}(\S+damaged\.workbook)/.exec(restored.out)![1]!;
  expect(existsSync(kept)).toBe(true);
  expect(inspectWorkbookFile(t.file, { check: 'integrity' }).ok).toBe(true);
});

test('plain-words refusals: missing backup, damaged source, not a workbook', async () => {
  expect(await cli('restore', '--workbook', t.file, '--from', 'nope.workbook')).toMatchObject({ code: 1, err: expect.stringMatching(/^There is no backup at /) });
  expect(await cli('backup', '--workbook', path.join(t.dir, 'missing.workbook'))).toMatchObject({ code: 1, err: expect.stringMatching(/^There is no workbook at /) });
  t.session.close();
  truncateSync(t.file, 8192);
  expect(await cli('backup', '--workbook', t.file)).toMatchObject({ code: 1, err: expect.stringMatching(/is damaged, so it cannot be backed up/) });
});
