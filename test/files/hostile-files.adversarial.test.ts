/** Files that are broken, disguised or hostile: each is refused or kept without text, with a clear message, and nothing else changes. */
import { attachFile } from '../../electron/core/files/file-store';
import { memorySource } from '../../electron/core/files/byte-source';
import { sanitizeFileName } from '../../electron/core/files/sanitize-name';
import { base64, makeDocx, makeLyingZipBombDocx, makePdf, makeXlsx, makeZipBombDocx, utf8 } from './fixtures';
import { attach, fileTestWorkbook, footprint, newEvidence } from './helpers';

let t: ReturnType<typeof fileTestWorkbook>;
beforeEach(() => {
  t = fileTestWorkbook();
});
afterEach(() => t.cleanup());

async function storedText(fileName: string, bytes: Uint8Array) {
  const item = await newEvidence(t);
  const before = footprint(t);
  const r = await attach(t, item.id, fileName, bytes);
  await t.textReady();
  const [file] = await t.api.call('file:list', { evidenceId: item.id });
  const after = footprint(t);
  return { r, file: file!, before, after };
}

describe('damaged files are kept, without text, and say so', () => {
  test('a truncated PDF', async () => {
    const pdf = await makePdf(['Some words']);
    const { file } = await storedText('report.pdf', pdf.subarray(0, 200));
    expect(file.typeLabel).toBe('PDF document');
    expect(file.textStatus).toBe('failed');
    expect(file.textNote).toMatch(/damaged or incomplete/);
  });

  test('a truncated Word document', async () => {
    const docx = await makeDocx(['Some words']);
    const { file } = await storedText('report.docx', docx.subarray(0, Math.floor(docx.length / 2)));
    expect(file.typeLabel).toBe('Word document');
    expect(file.textStatus).toBe('failed');
    expect(file.textNote).toMatch(/incomplete or damaged/);
  });

  test('an Excel workbook with its sheets torn out', async () => {
    const xlsx = await makeXlsx([['a']]);
    // Corrupt every byte after the zip's first entry header: the central directory is gone.
    const broken = xlsx.slice();
    broken.fill(0x41, 600);
    const { file } = await storedText('data.xlsx', broken);
    expect(file.textStatus).toBe('failed');
    expect(file.textNote).toMatch(/It is kept as it is/);
  });

  test('a zip bomb disguised as a .docx is stored but never inflated', async () => {
    const bomb = makeZipBombDocx(20);
    expect(bomb.length).toBeLessThan(100_000);
    const { file } = await storedText('innocent.docx', bomb);
    expect(file.textStatus).toBe('failed');
    expect(file.textNote).toMatch(/zip bomb/);
  });

  test('a zip bomb that lies about its sizes is stopped while inflating', async () => {
    const { file } = await storedText('innocent.docx', makeLyingZipBombDocx(20));
    expect(file.textStatus).toBe('failed');
    expect(file.textNote).toMatch(/zip bomb/);
  });
});

describe('type is decided by content, not the name', () => {
  test('a PDF renamed .docx is kept as a PDF, and says so', async () => {
    const { r, file } = await storedText('minutes.docx', await makePdf(['Board minutes']));
    expect(file.typeLabel).toBe('PDF document');
    expect(file.textStatus).toBe('extracted');
    expect(r.notice).toMatch(/really a pdf document/);
    const back = await t.api.call('file:get', { id: file.id });
    expect(back.fileName).toBe('minutes.pdf');
  });

  test('a program renamed .pdf is refused and nothing changes', async () => {
    const item = await newEvidence(t);
    const before = footprint(t);
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
    const r = await t.dispatch('file:attach', { evidenceId: item.id, fileName: 'report.pdf', base64: base64(exe) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/“report.pdf” is not a kind of file the workbook keeps/);
    expect(footprint(t)).toEqual(before);
  });
});

describe('size limit', () => {
  test('a file over the limit is refused with the sizes in words, and nothing changes', async () => {
    const item = await newEvidence(t);
    const before = footprint(t);
    expect(() => attachFile(t.ctx, item.id, memorySource(new Uint8Array(3 * 1024 * 1024)), 'huge.txt', { maxBytes: 2 * 1024 * 1024 })).toThrow(
      '“huge.txt” is 3.0 MB, over the 2.0 MB limit for one file. Split or compress it, then attach it again.',
    );
    expect(footprint(t)).toEqual(before);
  });

  test('an upload announcing more than 200 MB is refused before any byte is sent', async () => {
    const r = await t.dispatch('file:uploadBegin', { fileName: 'video.mp4', size: 250 * 1024 * 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('“video.mp4” is 250 MB, over the 200 MB limit for one file. Split or compress it, then attach it again.');
  });

  test('an upload that sends more than it announced is stopped', async () => {
    const { uploadId } = await t.api.call('file:uploadBegin', { fileName: 'a.txt', size: 4 });
    const r = await t.dispatch('file:uploadChunk', { uploadId, seq: 0, base64: base64(utf8('too many bytes')) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/bigger than it said/);
    expect((await t.dispatch('file:uploadChunk', { uploadId, seq: 1, base64: base64(utf8('x')) })).ok).toBe(false);
  });

  test('an upload finished early or out of order is refused and nothing is stored', async () => {
    const item = await newEvidence(t);
    const before = footprint(t);
    const { uploadId } = await t.api.call('file:uploadBegin', { fileName: 'a.txt', size: 10 });
    const skipped = await t.dispatch('file:uploadChunk', { uploadId, seq: 1, base64: base64(utf8('hello')) });
    expect(skipped.ok).toBe(false);
    await t.api.call('file:uploadChunk', { uploadId, seq: 0, base64: base64(utf8('hello')) });
    const early = await t.dispatch('file:uploadFinish', { uploadId, evidenceId: item.id });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toMatch(/Only 5 bytes of “a.txt” \(10 bytes\) arrived/);
    expect(footprint(t)).toEqual(before);
  });
});

describe('names', () => {
  test.each([
    ['../../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\evil.docx', 'evil.docx'],
    ['report<draft>:v2?.docx', 'report_draft__v2_.docx'],
    ['CON.txt', '_CON.txt'],
    ['nul', '_nul'],
    ['com1.report.pdf', '_com1.report.pdf'],
    ['trailing dots...', 'trailing dots'],
    ['.hidden', 'hidden'],
    ['tab\tand\u0000null\u202Egnp.exe', 'tab_and_null_gnp.exe'],
    ['..', 'file'],
    ['', 'file'],
  ])('%j is kept as %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });

  test('very long names are shortened but keep their extension', () => {
    const name = sanitizeFileName(`${'Very long board paper title '.repeat(20)}.pdf`);
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  test('an attached file with a hostile name is stored under the safe name and the officer is told', async () => {
    const item = await newEvidence(t);
    const r = await attach(t, item.id, '../../secret/CON.txt', utf8('hello'));
    expect(r.file.fileName).toBe('_CON.txt');
    expect(r.notice).toMatch(/name was changed to “_CON.txt”/);
  });
});

describe('bad requests', () => {
  test('base64 that is not base64 is refused in words', async () => {
    const item = await newEvidence(t);
    const r = await t.dispatch('file:attach', { evidenceId: item.id, fileName: 'a.txt', base64: 'not base64!' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('The file was not sent in the expected form.');
  });

  test('attaching to an evidence item in the Bin is refused and nothing is stored', async () => {
    const item = await newEvidence(t);
    await t.api.call('evidence:delete', { id: item.id });
    const before = footprint(t);
    const r = await t.dispatch('file:attach', { evidenceId: item.id, fileName: 'a.txt', base64: base64(utf8('x')) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/no longer exists.*Bin/);
    expect(footprint(t)).toEqual(before);
  });

  test('a read-only workbook refuses attachments', async () => {
    const item = await newEvidence(t);
    Object.defineProperty(t.workbook, 'readOnly', { value: true });
    const r = await t.dispatch('file:attach', { evidenceId: item.id, fileName: 'a.txt', base64: base64(utf8('x')) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('read_only');
  });
});
