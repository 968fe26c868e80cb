/** Which files the plan spreadsheet import reads; anything else is refused before it is sent. */
export const SHEET_EXTENSIONS = ['.xlsx', '.csv'] as const;

export function sheetFileProblem(name: string): string | null {
  const lower = name.toLowerCase();
  if (SHEET_EXTENSIONS.some((x) => lower.endsWith(x))) return null;
  if (lower.endsWith('.xls')) return `“${name}” is an older Excel file (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx), then choose that copy.`;
  return `“${name}” is not an Excel workbook (.xlsx) or a CSV file. Choose the spreadsheet the plan is kept in.`;
}
