/** The export is the spreadsheet a council would make on its best day: checked in the file's own XML. */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture } from './plan-fixture';
import { exportPlan } from './xlsx-helpers';

let t: TestWorkbook;
let bytes: Buffer;
let wb: ExcelJS.Workbook;
let xml: Record<string, string>;

/** Sheet XML by sheet name, via workbook.xml and its relationships. */
function sheetXml(files: Record<string, Uint8Array>): Record<string, string> {
  const book = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const out: Record<string, string> = {};
  for (const m of book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)?.[1];
    out[m[1]!] = strFromU8(files[`xl/${target!.replace(/^\/?xl\//, '')}`]!);
  }
  out['workbook.xml'] = book;
  out['core.xml'] = strFromU8(files['docProps/core.xml']!);
  return out;
}

beforeAll(async () => {
  t = makeTestWorkbook();
  const fixture = await buildPlanFixture(t.api);
  // An earlier year, so the KPI row shows a direction of travel and recent values.
  await t.api.call('value:set', { indicatorId: fixture.indicatorId, periodLabel: '2023', periodStart: '2023-01-01', geography: 'local', value: 48 });
  await t.api.call('value:set', { indicatorId: fixture.indicatorId, periodLabel: '2023', periodStart: '2023-01-01', geography: 'england', value: 45.1 });
  const file = await t.api.call('export:planXlsx', {});
  expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(file.fileName).toBe('Written Statement of Action 2019 - 22-11-2026.xlsx');
  bytes = await exportPlan(t.api);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  xml = sheetXml(unzipSync(bytes));
});
afterAll(() => t.cleanup());

describe('export structure', () => {
  it('has the sheets in order, with Lists hidden', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Plan', 'Milestones', 'Updates', 'KPIs', 'Evidence', 'Key', 'Lists']);
    expect(xml['workbook.xml']).toMatch(/<sheet [^>]*name="Lists"[^>]*state="hidden"/);
  });

  it('dropdowns on status, RAG and partner read from the Lists sheet, never inline lists', () => {
    const plan = xml.Plan!;
    const lists = [...plan.matchAll(/<dataValidation [^>]*type="list"[^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]+)<\/formula1>/g)].map((m) => [m[1], m[2]]);
    expect(lists).toEqual(
      expect.arrayContaining([
        ['H3:H5', 'Lists!$E$2:$E$4'],
        ['J3:J5', 'Lists!$D$2:$D$3'],
        ['O3:O5', 'Lists!$A$2:$A$7'],
        ['P3:P5', 'Lists!$C$2:$C$4'],
      ]),
    );
    for (const sheet of ['Plan', 'Milestones', 'Updates']) {
      for (const f of xml[sheet]!.matchAll(/<formula1>([^<]*)<\/formula1>/g)) expect(f[1]).not.toContain('"');
    }
    expect(xml.Milestones).toMatch(/sqref="G3:G105"[^>]*>\s*<formula1>Lists!\$B\$2:\$B\$5/);
  });

  it('fills RAG cells by conditional formatting, with the word in the cell', () => {
    expect(xml.Plan).toContain('<conditionalFormatting sqref="P3:P5">');
    expect(xml.Plan).toContain('<formula>$P3=&quot;Red&quot;</formula>');
    const plan = wb.getWorksheet('Plan')!;
    expect(plan.getCell('P3').value).toBe('Green');
  });

  it('freezes the headings, filters, wraps and prints landscape one page wide with the marking', () => {
    for (const name of ['Plan', 'Milestones', 'Updates']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.headerFooter.oddHeader).toContain('OFFICIAL-SENSITIVE');
      expect(xml[name]).toContain('<autoFilter ref="A2:');
    }
    for (const name of ['Milestones', 'Updates']) {
      expect(wb.getWorksheet(name)!.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    // The Plan sheet is too wide for one page (issue #13): A3 landscape at a readable scale, read
    // across, with the headings and the action reference (E) on every page.
    expect(wb.getWorksheet('Plan')!.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 8, fitToPage: false, scale: 85, pageOrder: 'overThenDown' });
    expect(xml['workbook.xml']).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Plan&apos;!$E:$E,&apos;Plan&apos;!$2:$2</definedName>');
    expect(wb.getWorksheet('Plan')!.getCell('F3').alignment).toMatchObject({ wrapText: true });
    expect(wb.getWorksheet('Plan')!.getColumn('F').width).toBe(40);
  });

  it('has a hidden, locked identity column and protected sheets that leave the editable cells open', () => {
    const plan = wb.getWorksheet('Plan')!;
    expect(plan.getColumn(1).hidden).toBe(true);
    expect(String(plan.getCell('A2').value)).toBe('Row ID (do not change)');
    expect(String(plan.getCell('A3').value)).toMatch(/^ewb:[0-9a-f-]{36}:action:\d+:v\d+:[A-Za-z0-9_-]+$/);
    expect(plan.getCell('A3').protection?.locked).not.toBe(false);
    expect(plan.getCell('F3').protection).toMatchObject({ locked: false });
    expect(plan.getCell('E3').protection?.locked).not.toBe(false);
    for (const name of ['Summary', 'Plan', 'Milestones', 'Updates', 'KPIs', 'Evidence', 'Key', 'Lists']) {
      expect(xml[name], name).toMatch(/<sheetProtection [^>]*sheet="1"/);
    }
    expect(xml.Plan).toMatch(/<sheetProtection [^>]*autoFilter="0"/);
    expect(xml.Plan).not.toMatch(/<sheetProtection [^>]*formatColumns="0"/);
    // Blank rows below the records stay open on the protected sheets, for partners to add to.
    const milestones = wb.getWorksheet('Milestones')!;
    expect(milestones.getCell('D6').protection).toMatchObject({ locked: false });
    expect(milestones.getCell('D105').protection).toMatchObject({ locked: false });
    expect(milestones.getCell('I6').protection?.locked).not.toBe(false);
    expect(wb.getWorksheet('Updates')!.getCell('H204').protection).toMatchObject({ locked: false });
    expect(xml.Milestones).toMatch(/<row r="105"[^>]*>.*?<c r="D105" s="\d+"/);
    expect(String(wb.getWorksheet('Milestones')!.getCell('A3').value)).toContain(':milestone:');
    expect(String(wb.getWorksheet('Updates')!.getCell('A3').value)).toContain(':progress:');
  });

  it('sets the workbook properties and dates as real dates shown 22/11/2026', () => {
    expect(wb.title).toBe('Written Statement of Action 2019');
    expect(wb.creator).toBe('Evidence Workbook');
    expect(wb.keywords).toContain('OFFICIAL-SENSITIVE');
    expect(xml['core.xml']).toContain('<dc:title>Written Statement of Action 2019</dc:title>');
    const due = wb.getWorksheet('Plan')!.getCell('L3');
    expect(due.value).toEqual(new Date(Date.UTC(2027, 2, 31)));
    expect(due.numFmt).toBe('dd/mm/yyyy');
  });

  it('summarises milestones and actions by status with percentages adding to 100', () => {
    const ws = wb.getWorksheet('Summary')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Largely achieved', 1, 0.33]);
    expect(rows).toContainEqual(['Not yet due', 2, 0.67]);
    expect(rows).toContainEqual(['In progress, on track', 2, 0.67]);
    expect(rows).toContainEqual(['Total', 3, 1]);
    expect(rows[0]).toEqual(['OFFICIAL-SENSITIVE']);
  });

  it('lists the full update history and the KPIs with comparators', () => {
    const updates = wb.getWorksheet('Updates')!;
    expect(updates.getCell('H3').value).toBe('Framework agreed; first audit scheduled.');
  });

  it('shows one KPI row per indicator: latest local value against target and comparators, with recent values', () => {
    const kpis = wb.getWorksheet('KPIs')!;
    const row = (n: number) => (kpis.getRow(n).values as unknown[]).slice(1);
    expect(row(4)).toEqual([
      'Code',
      'Indicator',
      'Unit',
      'Better when',
      'Source',
      'Baseline',
      'Baseline period',
      'Latest period',
      'Local',
      'Provisional',
      'England',
      'England period',
      'Region',
      'Region period',
      'Statistical neighbours',
      'Statistical neighbours period',
      'Target',
      'Target period',
      'On target',
      'Direction of travel',
      'Where we stand',
      'Recent local values (last 6, oldest first)',
      'All targets',
      'Series break notes',
    ]);
    expect(row(5)).toEqual(['EHC20', 'EHC plans issued within 20 weeks', '%', 'Higher is better', undefined, 40.1, '2022', '2024', 52.3, 'No', 46.4, '2024', undefined, undefined, undefined, undefined, 60, '2024', 'Off target', 'Improving', '52.3% in 2024, up from 48% in 2023; above England (46.4%). Improving; better than England; off target (60% for 2024).', '2023: 48; 2024: 52.3', '2024: 60']);
    expect(kpis.rowCount).toBe(5);
  });
});
