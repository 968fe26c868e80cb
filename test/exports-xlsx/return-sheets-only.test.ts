/** An import parses only the sheets it reads; the rest of a return is emptied first, never the kept ones. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnSheetsOnly } from '../../electron/core/plan-returns/return-sheets-only';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture } from './plan-fixture';
import { exportPlan } from './xlsx-helpers';

let t: TestWorkbook;
let bytes: Buffer;

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return wb;
}

const rows = (ws: ExcelJS.Worksheet) => {
  const out: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (r) => out.push(r.values));
  return out;
};

beforeAll(async () => {
  t = makeTestWorkbook();
  await buildPlanFixture(t.api);
  bytes = await exportPlan(t.api);
});
afterAll(() => t.cleanup());

describe('returnSheetsOnly', () => {
  it('keeps Plan, Milestones, Updates and Lists cell for cell and empties the reference sheets', async () => {
    const [before, after] = [await load(bytes), await load(returnSheetsOnly(bytes))];
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    for (const name of ['Plan', 'Milestones', 'Updates', 'Lists']) expect(rows(after.getWorksheet(name)!), name).toEqual(rows(before.getWorksheet(name)!));
    for (const name of ['Summary', 'KPIs', 'Evidence', 'Key']) {
      expect(rows(before.getWorksheet(name)!).length, name).toBeGreaterThan(0);
      expect(rows(after.getWorksheet(name)!), name).toEqual([]);
    }
  });

  it('leaves a file it does not understand exactly as it was', () => {
    const notZip = new Uint8Array([1, 2, 3, 4]);
    expect(returnSheetsOnly(notZip)).toBe(notZip);
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(returnSheetsOnly(truncated)).toBe(truncated);
  });
});
