/**
 * The Plan sheet prints readably (issue #13): each row is tall enough for its longest wrapped
 * text, so nothing is cut off on paper, and a short row stays one line high.
 */
import ExcelJS from 'exceljs';
import { rowHeightFor } from '../../electron/core/exports/xlsx/sheet-helpers';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture } from './plan-fixture';
import { exportPlan, findRow } from './xlsx-helpers';

describe('row heights sized to their text', () => {
  test('one line for short text; a line per wrapped line and per paragraph, up to Excel’s limit', () => {
    expect(rowHeightFor([{ text: 'Short', width: 40 }])).toBe(17);
    expect(rowHeightFor([{ text: 'x'.repeat(43 * 3), width: 40 }])).toBe(3 * 15 + 2);
    expect(rowHeightFor([{ text: 'One\nTwo\n\nFour', width: 40 }])).toBe(4 * 15 + 2);
    expect(rowHeightFor([{ text: 'a', width: 9 }, { text: 'word '.repeat(60), width: 20 }])).toBe(15 * 15 + 2);
    expect(rowHeightFor([{ text: 'x'.repeat(100_000), width: 10 }])).toBe(409);
  });
});

describe('the exported Plan sheet', () => {
  let t: TestWorkbook;
  afterAll(() => t?.cleanup());

  test('a long action is taller than a short one, and tall enough for its text', async () => {
    t = makeTestWorkbook();
    const f = await buildPlanFixture(t.api);
    const long = 'The designated clinical officer reviews every draft plan with health advisers before it is issued. '.repeat(6);
    const current = await t.api.call('action:get', { id: f.actions.a12 });
    await t.api.call('action:update', { id: f.actions.a12, expectedVersion: current.version, how: long });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportPlan(t.api, f.planId)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Plan')!;
    const tall = findRow(ws, 'Action ref', '1.2');
    const short = findRow(ws, 'Action ref', '2.1');
    expect(tall.height).toBeGreaterThan(short.height);
    // "How we will do it" is 40 wide: at most 43 characters a line.
    expect(tall.height).toBeGreaterThanOrEqual(Math.ceil(long.length / 43) * 15);
  });
});
