/**
 * The channels added so the CLI goes through dispatch (issue #12): workbook:check,
 * workbook:exportJson and evidence:importFile, with hostile input. A name is only a name: it is
 * never opened as a path; a file is refused in words, and nothing is half written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { setTextExtractor } from '../../electron/core/files/text/text-queue';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
afterEach(() => {
  t?.cleanup();
  setTextExtractor(null);
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function evidenceCount(w: TestWorkbook) {
  return (await w.api.call('evidence:list', {})).total;
}

it('imports one file as one evidence item, and the same content again as a duplicate', async () => {
  t = makeTestWorkbook();
  const first = await t.api.call('evidence:importFile', { relativePath: 'Board papers/2023-01_Cabinet report.txt', folderName: 'Evidence', base64: b64('Cabinet report on SEND sufficiency') });
  expect(first).toMatchObject({ outcome: 'imported', reference: 'E-001' });
  const item = await t.api.call('evidence:get', { id: first.outcome === 'imported' ? first.evidenceId : 0 });
  expect(item.title).toBe('2023-01 Cabinet report');
  expect(item.location).toBe(`Imported from Evidence${path.sep}Board papers/2023-01_Cabinet report.txt`);
  const again = await t.api.call('evidence:importFile', { relativePath: 'copy.txt', base64: b64('Cabinet report on SEND sufficiency') });
  expect(again).toEqual({ outcome: 'duplicate', existingReference: 'E-001', existingFileName: '2023-01_Cabinet report.txt' });
  expect(await evidenceCount(t)).toBe(1);
});

it('a path in the name is never opened: only its last part names the file', async () => {
  t = makeTestWorkbook();
  const r = await t.api.call('evidence:importFile', { relativePath: '../../../../etc/passwd', base64: b64('not the password file') });
  expect(r.outcome).toBe('imported');
  const files = await t.api.call('file:list', { evidenceId: r.outcome === 'imported' ? r.evidenceId : 0 });
  expect(files.map((f) => f.fileName)).toEqual(['passwd']);
  expect(files[0]!.size).toBe('not the password file'.length);
});

it('refuses hostile input in words, and writes nothing', async () => {
  t = makeTestWorkbook();
  const hostile: unknown[] = [
    {},
    { relativePath: 'a.txt' },
    { relativePath: 'a.txt', base64: b64('x'), uploadId: '00000000-0000-0000-0000-000000000000' },
    { relativePath: 'a.txt', base64: 'not base64!' },
    { relativePath: 'a.txt', uploadId: '../../etc' },
    { relativePath: '', base64: b64('x') },
    { relativePath: 'x'.repeat(5_000), base64: b64('x') },
    { relativePath: 'a.txt', base64: b64('x'), kind: 'malware' },
    { relativePath: 'a.txt', base64: b64('x'), evidenceId: 1 },
    { relativePath: 'a.txt', base64: 'A'.repeat(12 * 1024 * 1024) },
    null,
    'a.txt',
  ];
  for (const input of hostile) {
    const r = await t.dispatch('evidence:importFile', input);
    expect(r.ok, JSON.stringify(input)?.slice(0, 80)).toBe(false);
    if (!r.ok) expect(r.error.message).not.toMatch(/Invalid input|ZodError|at .*\.ts/);
  }
  const unknownUpload = await t.dispatch('evidence:importFile', { relativePath: 'a.txt', uploadId: '00000000-0000-0000-0000-000000000000' });
  expect(unknownUpload).toMatchObject({ ok: false });
  expect(await evidenceCount(t)).toBe(0);
});

it('a refused file type is reported, not stored', async () => {
  t = makeTestWorkbook();
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]).toString('base64');
  const r = await t.api.call('evidence:importFile', { relativePath: 'setup.exe', base64: exe });
  expect(r.outcome).toBe('refused');
  expect(await evidenceCount(t)).toBe(0);
});

it('a read-only workbook refuses the import; check and export-json only read', async () => {
  t = makeTestWorkbook();
  await t.api.call('evidence:create', { title: 'Board minutes', kind: 'document', level: 'activity' });
  const report = await t.api.call('workbook:check', {});
  expect(report).toMatchObject({ ok: true, integrity: 'ok', auditChain: { intact: true } });
  expect(report.counts.find((c) => c.entity === 'evidence')).toMatchObject({ live: 1 });
  const json = await t.api.call('workbook:exportJson', {});
  expect(json.fileName).toBe(`${path.basename(t.file, path.extname(t.file))}.json`);
  expect(JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8')).tables.evidence_items.rows).toHaveLength(1);
  expect(await t.dispatch('workbook:check', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

  t.workbook.close();
  const { openWorkbook } = await import('../../db/open-workbook');
  t.session.use(await openWorkbook(t.file, { readOnly: true }));
  expect(await t.dispatch('evidence:importFile', { relativePath: 'a.txt', base64: b64('x') })).toMatchObject({ ok: false, error: { code: 'read_only' } });
  expect(existsSync(t.file)).toBe(true);
});
