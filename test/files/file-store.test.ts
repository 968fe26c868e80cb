import { FILE_TYPES } from '../../electron/core/files/file-type';
import { base64, makeDocx, makePdf, makePptx, makeScannedPdf, makeXlsx, utf8 } from './fixtures';
import { attach, fileTestWorkbook, newEvidence } from './helpers';

let t: ReturnType<typeof fileTestWorkbook>;
beforeEach(() => {
  t = fileTestWorkbook();
});
afterEach(() => t.cleanup());

const blobCount = () => (t.workbook.sqlite.prepare('SELECT count(*) AS n FROM file_blobs').get() as { n: number }).n;

describe('attaching files to evidence items', () => {
  test('keeps each file with its original name, size, type and date added', async () => {
    const item = await newEvidence(t);
    const docx = await makeDocx(['Exclusions of pupils with EHC plans fell by a third.']);
    const pdf = await makePdf(['Annual review timeliness audit']);
    await attach(t, item.id, 'Cabinet report Jan 2023.docx', docx);
    await attach(t, item.id, 'Audit.pdf', pdf);
    const files = await t.api.call('file:list', { evidenceId: item.id });
    expect(files.map((f) => [f.fileName, f.size, f.typeLabel, f.addedOn])).toEqual([
      ['Cabinet report Jan 2023.docx', docx.length, 'Word document', '2026-11-22'],
      ['Audit.pdf', pdf.length, 'PDF document', '2026-11-22'],
    ]);
  });

  test('the same file attached twice is stored once', async () => {
    const a = await newEvidence(t, 'First');
    const b = await newEvidence(t, 'Second');
    const bytes = await makePdf(['Same content']);
    const first = await attach(t, a.id, 'report.pdf', bytes);
    const second = await attach(t, b.id, 'copy of report.pdf', bytes);
    expect(first.alreadyStored).toBe(false);
    expect(second.alreadyStored).toBe(true);
    expect(second.file.sha256).toBe(first.file.sha256);
    expect(blobCount()).toBe(1);
    const again = await attach(t, a.id, 'report again.pdf', bytes);
    expect(again.alreadyAttached).toBe(true);
    expect(await t.api.call('file:list', { evidenceId: a.id })).toHaveLength(1);
  });

  test('a large file goes up in chunks, is stored in 1 MB pieces and comes back byte for byte', async () => {
    const item = await newEvidence(t);
    const size = 9 * 1024 * 1024 + 123;
    const bytes = utf8('Evidence text. '.repeat(Math.ceil(size / 15))).subarray(0, size);
    const { uploadId, chunkBytes } = await t.api.call('file:uploadBegin', { fileName: 'big notes.txt', size });
    for (let seq = 0, at = 0; at < size; seq++, at += chunkBytes) {
      await t.api.call('file:uploadChunk', { uploadId, seq, base64: base64(bytes.subarray(at, at + chunkBytes)) });
    }
    const result = await t.api.call('file:uploadFinish', { uploadId, evidenceId: item.id });
    expect(result.file.size).toBe(size);
    const chunks = t.workbook.sqlite.prepare('SELECT count(*) AS n, max(length(data)) AS biggest FROM file_chunks').get() as { n: number; biggest: number };
    expect(chunks).toEqual({ n: 10, biggest: 1024 * 1024 });
    const back = await t.api.call('file:get', { id: result.file.id });
    expect(Buffer.from(back.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  test('removing a file puts it in the Bin; restoring brings it back; binning the evidence item takes its files', async () => {
    const item = await newEvidence(t);
    const { file } = await attach(t, item.id, 'minutes.txt', utf8('Minutes of the SEND board'));
    const removed = await t.api.call('file:delete', { id: file.id });
    expect(removed.label).toContain('minutes.txt');
    expect(await t.api.call('file:list', { evidenceId: item.id })).toEqual([]);
    await t.api.call('bin:restore', { binEntryId: removed.binEntryId });
    expect(await t.api.call('file:list', { evidenceId: item.id })).toHaveLength(1);

    const binned = await t.api.call('evidence:delete', { id: item.id });
    expect(binned.rowCount).toBe(2);
    expect((await t.dispatch('file:get', { id: file.id })).ok).toBe(false);
    await t.api.call('bin:restore', { binEntryId: binned.binEntryId });
    expect((await t.api.call('file:get', { id: file.id })).fileName).toBe('minutes.txt');
  });

  test('every attach and removal is in the audit history', async () => {
    const item = await newEvidence(t);
    const { file } = await attach(t, item.id, 'plan.txt', utf8('plan'));
    await t.api.call('file:delete', { id: file.id });
    const history = await t.api.call('history:get', { entity: 'evidenceFile', id: file.id });
    expect(history.items.map((h) => h.operation).sort()).toEqual(['create', 'delete']);
  });
});

describe('text extraction', () => {
  async function textOf(fileName: string, bytes: Uint8Array) {
    const item = await newEvidence(t);
    const { file } = await attach(t, item.id, fileName, bytes);
    expect(file.textStatus).toBe('pending');
    await t.textReady();
    const stored = t.workbook.sqlite.prepare('SELECT text_status AS status, text_note AS note, extracted_text AS text FROM file_blobs WHERE sha256 = ?').get(file.sha256);
    return { file, ...(stored as { status: string; note: string; text: string | null }) };
  }

  test.each([
    ['Word', 'report.docx', () => makeDocx(['Persistent absence of pupils with EHC plans', 'fell to 28%'])],
    ['Excel', 'data.xlsx', () => makeXlsx([['Measure', 'Value'], ['Persistent absence of pupils with EHC plans', 0.28]])],
    ['PowerPoint', 'board.pptx', async () => makePptx(['Persistent absence of pupils', 'with EHC plans'])],
    ['PDF', 'audit.pdf', () => makePdf(['Persistent absence of pupils with EHC plans'])],
    ['HTML', 'page.html', async () => utf8('<!doctype html><html><head><style>p{}</style><script>var absence=1</script></head><body><p>Persistent absence &amp; pupils</p><p>with EHC plans</p></body></html>')],
    ['Markdown', 'notes.md', async () => utf8('# Persistent absence\n\npupils with EHC plans')],
  ])('%s text becomes searchable', async (_kind, name, make) => {
    const { status, text } = await textOf(name, await make());
    expect(status).toBe('extracted');
    expect(text).toMatch(/Persistent absence/);
    const found = await t.api.call('search:query', { q: 'persistent absence', types: ['evidenceFile'] });
    expect(found.results.map((r) => r.title.map((p) => p.text).join(''))).toEqual([name]);
  });

  test('HTML scripts and styles are not indexed', async () => {
    const { text } = await textOf('page.htm', utf8('<html><body><script>secretToken()</script><p>Visible words</p></body></html>'));
    expect(text).toBe('Visible words');
  });

  test('a CSV saved by older Excel (Windows-1252) keeps its accents', async () => {
    const { status, text, file } = await textOf('survey.csv', new Uint8Array([...utf8('Respondent,Comment\n1,Tr'), 0xe8, ...utf8('s bien, caf'), 0xe9]));
    expect(status).toBe('extracted');
    expect(file.mimeType).toBe(FILE_TYPES.csv.mimeType);
    expect(text).toContain('café');
  });

  test('a scanned PDF is kept and says it has no text', async () => {
    const { status, note, file } = await textOf('scan.pdf', await makeScannedPdf());
    expect(status).toBe('no_text');
    expect(note).toMatch(/scanned/);
    const [listed] = await t.api.call('file:list', { evidenceId: file.evidenceId });
    expect(listed?.textStatus).toBe('no_text');
    expect(listed?.textNote).toMatch(/scanned/);
  });

  test('a picture is kept; its words are not searchable and it says so', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const { status, note, file } = await textOf('chart.png', png);
    expect(file.typeLabel).toBe('PNG image');
    expect(status).toBe('no_text');
    expect(note).toMatch(/Pictures/);
  });
});
