/** Files that are not what they claim: each gets a clear message and changes nothing. */
import ExcelJS from 'exceljs';
import { Zip, ZipDeflate, zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkReturnFile, RETURN_LIMITS } from '../../electron/core/plan-returns/file-guard';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture } from './plan-fixture';
import { b64, editWorkbook, exportPlan, findRow, setCell } from './xlsx-helpers';

let t: TestWorkbook;

beforeEach(async () => {
  t = makeTestWorkbook();
  await buildPlanFixture(t.api);
});
afterEach(() => t.cleanup());

async function auditCount(): Promise<number> {
  return (await t.api.call('history:recent', { limit: 1 })).total;
}

/** Previews and applies the file; both must fail with a message containing `expected`, changing nothing. */
async function expectRefused(bytes: Uint8Array, expected: string): Promise<void> {
  const before = await auditCount();
  const base64 = Buffer.from(bytes).toString('base64');
  const p = await t.api.result('import:planPreview', { base64, fileName: 'return.xlsx' });
  expect(p.ok).toBe(false);
  if (!p.ok) {
    expect(p.error.code).toBe('invalid_input');
    expect(p.error.message).toContain(expected);
    expect(p.error.message).toContain('Nothing was changed');
  }
  const a = await t.api.result('import:planApply', { base64, decisions: [] });
  expect(a.ok).toBe(false);
  expect(await auditCount()).toBe(before);
}

function cfb(withEncryptedPackage: boolean): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(4096);
  if (withEncryptedPackage) Buffer.from('EncryptedPackage', 'utf16le').copy(body, 1024);
  return Buffer.concat([header, body]);
}

/** A zip whose one sheet inflates to `mb` MB of spaces but is only KB on disk. */
function zipBomb(mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    parts.push(chunk);
  });
  const types = new ZipDeflate('[Content_Types].xml');
  zip.add(types);
  types.push(strToU8('<Types/>'), true);
  const book = new ZipDeflate('xl/workbook.xml');
  zip.add(book);
  book.push(strToU8('<workbook/>'), true);
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < mb; i++) sheet.push(chunk, i === mb - 1);
  zip.end();
  return Buffer.concat(parts);
}

describe('hostile returns', () => {
  it('plain text is not a spreadsheet', async () => {
    await expectRefused(Buffer.from('Action 1.1, on track\n'), 'not an Excel workbook');
  });

  it('a password-protected workbook is named as such', async () => {
    await expectRefused(cfb(true), 'password-protected');
  });

  it('an old .xls file is told to save as .xlsx', async () => {
    await expectRefused(cfb(false), 'Excel 97–2003');
  });

  it('an OpenDocument spreadsheet is told how to save as .xlsx', async () => {
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    await expectRefused(ods, '.ods');
  });

  it('a zip that is not a workbook is refused', async () => {
    await expectRefused(zipSync({ 'notes.txt': strToU8('hello') }), 'not an Excel workbook');
  });

  it('a damaged (truncated) workbook is refused', async () => {
    const bytes = await exportPlan(t.api);
    await expectRefused(bytes.subarray(0, Math.floor(bytes.length / 2)), 'damaged');
  });

  it('a zip bomb is refused before it is expanded in memory', () => {
    // The real limit is 150 MB; a smaller one keeps the test fast and exercises the same path.
    const bomb = zipBomb(12);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(() => checkReturnFile(bomb, { ...RETURN_LIMITS, expandedBytes: 8 * 1024 * 1024 })).toThrow(/expands to more than 8 MB/);
    expect(() => checkReturnFile(bomb)).not.toThrow();
  });

  it('an oversized file is refused with the limit', async () => {
    expect(() => checkReturnFile(Buffer.alloc(RETURN_LIMITS.fileBytes + 1))).toThrow(/larger than the 25 MB/);
    const r = await t.api.result('import:planPreview', { base64: 'A'.repeat(36 * 1024 * 1024), fileName: 'big.xlsx' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('25 MB');
  });

  it('a spreadsheet that is not our export (no Row ID column) is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Action ref', 'Status']);
    ws.addRow(['1.1', 'Complete']);
    await expectRefused(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'no Row ID column');
  });

  it('formulas where values belong are refused, naming the cells', async () => {
    const edited = await editWorkbook(await exportPlan(t.api), (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      setCell(plan, findRow(plan, 'Action ref', '1.1'), 'Due', { formula: 'TODAY()+30', result: 46400 } as ExcelJS.CellFormulaValue);
    });
    await expectRefused(edited, 'formulas where values belong (Plan!L');
  });

  it('rows from another workbook are rejected, not matched', async () => {
    const other = makeTestWorkbook();
    try {
      await buildPlanFixture(other.api);
      const foreign = await exportPlan(other.api);
      const p = await t.api.call('import:planPreview', { base64: b64(foreign), fileName: 'other.xlsx' });
      expect(p.rows).toEqual([]);
      expect(p.rejected.length).toBe(8);
      expect(p.rejected[0]!.reason).toContain('different workbook');
      expect(p.warnings.join(' ')).toContain('different workbook');
    } finally {
      other.cleanup();
    }
  });

  it('an edited Row ID and a copied row are rejected with the reason', async () => {
    const edited = await editWorkbook(await exportPlan(t.api), (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      const r11 = findRow(plan, 'Action ref', '1.1');
      r11.getCell(1).value = 'ewb:tampered';
      const r12 = findRow(plan, 'Action ref', '1.2');
      const copy = plan.getRow(20);
      r12.eachCell({ includeEmpty: true }, (cell, c) => (copy.getCell(c).value = cell.value));
      setCell(plan, copy, 'Status', 'Complete');
    });
    const p = await t.api.call('import:planPreview', { base64: b64(edited), fileName: 'r.xlsx' });
    expect(p.rejected.map((r) => r.reason)).toEqual([
      'The hidden Row ID was changed, so this row cannot be matched to the workbook.',
      'This row is a copy of row 4; only the first copy is used.',
    ]);
    expect(p.rows).toEqual([]);
  });
});
