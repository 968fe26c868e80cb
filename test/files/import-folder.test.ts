import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../electron/transports/cli/run-cli';
import { importFolder, titleFromFileName, type ImportProgress } from '../../electron/core/files/import-folder';
import { createWorkerExtractor } from '../../electron/core/files/text/text-extractor';
import { makeDocx, makePdf, utf8 } from './fixtures';
import { fileTestWorkbook, newEvidence } from './helpers';

let t: ReturnType<typeof fileTestWorkbook>;
let folder: string;
beforeEach(async () => {
  t = fileTestWorkbook();
  folder = path.join(t.dir, 'Evidence for inspection');
  mkdirSync(path.join(folder, 'Board papers'), { recursive: true });
  writeFileSync(path.join(folder, '2023-01_Cabinet_report.docx'), await makeDocx(['Accelerated progress plan agreed by cabinet']));
  // One PDF written twice (pdf-lib stamps the time, so two generated PDFs can differ).
  const minutes = await makePdf(['SEND board minutes: tribunal appeals fell']);
  writeFileSync(path.join(folder, 'Board papers', 'SEND board minutes.pdf'), minutes);
  writeFileSync(path.join(folder, 'Board papers', 'copy of minutes.pdf'), minutes);
  writeFileSync(path.join(folder, 'survey.csv'), 'Question,Answer\nFelt listened to,72%\n');
  writeFileSync(path.join(folder, 'setup.exe'), new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]));
  writeFileSync(path.join(folder, '~$Cabinet_report.docx'), 'lock file');
  writeFileSync(path.join(folder, '.DS_Store'), 'litter');
});
afterEach(() => t.cleanup());

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
};

test('imports a folder: one evidence item per file, duplicates and refusals reported, progress as it goes', async () => {
  const progress: ImportProgress[] = [];
  const summary = await importFolder(t.ctx, folder, { onProgress: (p) => progress.push(p), waitForText: true });
  expect(summary.imported.map((i) => [i.reference, i.file])).toEqual([
    ['E-001', '2023-01_Cabinet_report.docx'],
    ['E-002', path.join('Board papers', 'copy of minutes.pdf')],
    ['E-003', 'survey.csv'],
  ]);
  expect(summary.duplicates).toEqual([{ file: path.join('Board papers', 'SEND board minutes.pdf'), existingReference: 'E-002', existingFileName: 'copy of minutes.pdf' }]);
  expect(summary.refused).toEqual([{ file: 'setup.exe', reason: expect.stringMatching(/not a kind of file the workbook keeps/) }]);
  expect(progress.at(-1)).toMatchObject({ done: 5, total: 5, current: null, imported: 3, duplicates: 1, refused: 1 });
  expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));

  const item = await t.api.call('evidence:get', { id: summary.imported[0]!.evidenceId });
  expect([item.title, item.kind, item.level]).toEqual(['2023-01 Cabinet report', 'document', 'activity']);
  const found = await t.api.call('search:query', { q: 'tribunal appeals' });
  expect(found.results.map((r) => r.context)).toEqual(['File in E-002 copy of minutes']);
});

test('cancelling stops between files; what was imported stays whole', async () => {
  const controller = new AbortController();
  const summary = await importFolder(t.ctx, folder, {
    signal: controller.signal,
    onProgress: (p) => {
      if (p.done === 2) controller.abort();
    },
  });
  expect(summary.cancelled).toBe(true);
  expect(summary.imported.length + summary.duplicates.length + summary.refused.length).toBe(2);
  expect(summary.notImported).toBe(3);
  const files = t.workbook.sqlite.prepare('SELECT count(*) AS n FROM evidence_files').get() as { n: number };
  const items = t.workbook.sqlite.prepare('SELECT count(*) AS n FROM evidence_items').get() as { n: number };
  expect(files.n).toBe(items.n);
});

test('a folder that does not exist, or a file, is refused in words', async () => {
  await expect(importFolder(t.ctx, path.join(t.dir, 'nowhere'))).rejects.toThrow(/cannot be read: it no longer exists/);
  await expect(importFolder(t.ctx, path.join(folder, 'survey.csv'))).rejects.toThrow(/is not a folder/);
});

test('a file that cannot be read when its turn comes is reported as refused and the rest are imported', async () => {
  const summary = await importFolder(t.ctx, folder, {
    onProgress: (p) => {
      if (p.current === 'survey.csv') unlinkSync(path.join(folder, 'survey.csv'));
    },
  });
  expect(summary.refused).toContainEqual({ file: 'survey.csv', reason: 'It could not be read: it no longer exists.' });
  expect(summary.imported).toHaveLength(2);
});

test('file titles read like titles', () => {
  expect(titleFromFileName('2023-01_Cabinet__report.final.docx')).toBe('2023-01 Cabinet report.final');
});

describe('command line', () => {
  test('import-files, then search finds text inside the files', async () => {
    t.session.close();
    const imp = capture();
    expect(await runCli(['import-files', '--workbook', t.file, '--dir', folder, '--level', 'impact'], imp.io)).toBe(1);
    expect(imp.out[0]).toMatch(/^Imported 3 file\(s\) .*MB\/s\), 1 duplicate\(s\), 1 refused\.$/);
    expect(imp.err.some((l) => l.startsWith('[5/5, 100%]'))).toBe(true);

    const s = capture();
    expect(await runCli(['search', '--workbook', t.file, 'accelerated progress', '--json'], s.io)).toBe(0);
    const json = JSON.parse(s.out.join('\n'));
    expect(json.results[0].context).toBe('File in E-001 2023-01 Cabinet report');

    const plain = capture();
    await runCli(['search', '--workbook', t.file, 'cabinet'], plain.io);
    expect(plain.out.join('\n')).toContain('[Cabinet]');
  });

  test('attach by evidence reference; an unreadable path is reported and the rest attached', async () => {
    const item = await newEvidence(t, 'Pack');
    t.session.close();
    const a = capture();
    const code = await runCli(['attach', '--workbook', t.file, '--evidence', item.reference, path.join(folder, 'survey.csv'), path.join(folder, 'missing.pdf'), path.join(folder, 'Board papers')], a.io);
    expect(code).toBe(1);
    expect(a.out).toEqual([`survey.csv: attached to ${item.reference} (CSV data, 37 bytes)`]);
    expect(a.err).toContain('missing.pdf: not attached. It could not be read: it no longer exists.');
    expect(a.err).toContain('Board papers: not attached. It could not be read: it is a folder, not a file.');
    const bad = capture();
    expect(await runCli(['attach', '--workbook', t.file, '--evidence', 'E-999', path.join(folder, 'survey.csv')], bad.io)).toBe(1);
    expect(bad.err.join()).toMatch(/no evidence item E-999/);
  });
});

test('text is read in a worker thread', async () => {
  const extractor = createWorkerExtractor();
  try {
    const pdf = await extractor.extract(await makePdf(['Read off the main thread']), 'application/pdf');
    expect(pdf).toEqual({ status: 'extracted', text: 'Read off the main thread', note: '' });
    const broken = await extractor.extract(utf8('%PDF-1.7 garbage'), 'application/pdf');
    expect(broken.status).toBe('failed');
  } finally {
    await extractor.close();
  }
});
