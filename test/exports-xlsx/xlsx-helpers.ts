/** Helpers for the Excel round-trip tests: export through the API, edit like a partner would. */
import ExcelJS from 'exceljs';
import type { Client } from '../../electron/contract/client';

export async function exportPlan(api: Client, planId?: number): Promise<Buffer> {
  const file = await api.call('export:planXlsx', planId ? { planId } : {});
  return Buffer.from(file.base64, 'base64');
}

/** Opens the file with exceljs, lets the test edit it, and saves it again, as a partner's Excel would. */
export async function editWorkbook(bytes: Buffer, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  await edit(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The data row (1-based) on a sheet whose column `header` reads `value`. */
export function findRow(ws: ExcelJS.Worksheet, header: string, value: string): ExcelJS.Row {
  const col = columnOf(ws, header);
  for (let r = 3; r <= ws.rowCount; r++) {
    if (String(ws.getRow(r).getCell(col).value ?? '') === value) return ws.getRow(r);
  }
  throw new Error(`No row with ${header} = ${value}`);
}

export function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(2);
  for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
  throw new Error(`No column ${header}`);
}

export function setCell(ws: ExcelJS.Worksheet, row: ExcelJS.Row, header: string, value: ExcelJS.CellValue): void {
  row.getCell(columnOf(ws, header)).value = value;
}

/** The first blank data row below the records (where a partner adds one). */
export function firstBlankRow(ws: ExcelJS.Worksheet, header = 'Row ID (do not change)'): ExcelJS.Row {
  const col = columnOf(ws, header);
  let r = 3;
  while (ws.getRow(r).getCell(col).value) r++;
  return ws.getRow(r);
}

export const b64 = (bytes: Buffer) => bytes.toString('base64');

export async function preview(api: Client, bytes: Buffer, returnedBy = '') {
  return api.call('import:planPreview', { base64: b64(bytes), fileName: 'return.xlsx', returnedBy });
}
