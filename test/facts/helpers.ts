/** Reading exports back with real readers (unzip for Word, exceljs for Excel), for the facts tests. */
import ExcelJS from 'exceljs';
import type { Client } from '../../electron/contract/client';
import { plainText, unzipDocx } from '../exports-docx/fixture';

export async function sefText(api: Client, sefId: number): Promise<string> {
  const out = await api.call('export:sefDocx', { sefId, includeDrafts: true });
  return plainText(unzipDocx(Buffer.from(out.base64, 'base64'))['word/document.xml']!);
}

export async function progressText(api: Client, planId: number, asOf?: string): Promise<string> {
  const out = await api.call('export:progressDocx', asOf ? { planId, asOf } : { planId });
  return plainText(unzipDocx(Buffer.from(out.base64, 'base64'))['word/document.xml']!);
}

export async function planWorkbook(api: Client, planId: number): Promise<ExcelJS.Workbook> {
  const file = await api.call('export:planXlsx', { planId });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** The text of a cell, whatever exceljs made of it (rich text, formula result, date). */
export function cellString(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Rows of a sheet as header → text, the header row given. */
export function sheetRows(ws: ExcelJS.Worksheet, headerRow: number): Record<string, string>[] {
  const headers = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).map(cellString);
  const out: Record<string, string>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as ExcelJS.CellValue[];
    if (!values || values.every((v) => v == null || v === '')) continue;
    out.push(Object.fromEntries(headers.map((h, i) => [h, cellString(values[i])]).filter(([h]) => h)));
  }
  return out;
}

/** "Green" → "green", from the area's status key. */
export const RAG_BY_LABEL: Record<string, string> = { Green: 'green', Amber: 'amber', Red: 'red', Blue: 'blue' };
