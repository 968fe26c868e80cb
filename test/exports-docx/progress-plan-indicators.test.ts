/**
 * Issue #17: a plan's progress report (and its Excel KPIs sheet) shows the key indicators linked to
 * the plan, not every indicator in the workbook; a plan with none linked shows them all and says so.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { exportPlan } from '../exports-xlsx/xlsx-helpers';
import { plainText, unzipDocx } from './fixture';

const ALL_SHOWN = "This plan has no key indicators linked to it, so all of the workbook's are shown.";

let t: TestWorkbook;
let wsoa: { id: number };
let app: { id: number };

beforeAll(async () => {
  t = makeTestWorkbook({ now: '2026-11-30T12:00:00Z' });
  wsoa = await t.api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action' });
  app = await t.api.call('plan:create', { type: 'app', title: 'Accelerated Progress Plan' });
  for (const plan of [wsoa, app]) {
    const p = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'EHC plans' });
    const a = await t.api.call('action:create', { priorityId: p.id, reference: '1.1', what: 'Clear the backlog' });
    await t.api.call('milestone:create', { actionId: a.id, title: 'Backlog halved', dueOn: '2026-11-16', periodLabel: 'November 2026' });
  }
  const indicators = [
    { code: 'K1', title: 'EHC plans issued within 20 weeks', value: 52.3 },
    { code: 'K2', title: 'Persistent absence of pupils with SEN support', value: 24.1 },
    { code: 'K3', title: 'Tribunal appeals per 10,000 EHC plans', value: 180 },
  ];
  for (const i of indicators) {
    const created = await t.api.call('indicator:create', { code: i.code, title: i.title, unit: '%' });
    await t.api.call('value:set', { indicatorId: created.id, periodLabel: '2025', periodStart: '2025-01-01', geography: 'local', value: i.value });
    if (i.code !== 'K2') await t.api.call('plan:linkIndicator', { planId: wsoa.id, indicatorId: created.id });
  }
});
afterAll(() => t.cleanup());

async function keyIndicators(planId: number): Promise<string> {
  const out = await t.api.call('export:progressDocx', { planId, asOf: '2026-11-30' });
  const text = plainText(unzipDocx(Buffer.from(out.base64, 'base64'))['word/document.xml']!);
  const from = text.indexOf('Key indicators\n');
  const to = text.indexOf('Next steps', from);
  expect(from).toBeGreaterThan(-1);
  return text.slice(from, to);
}

async function kpiTitles(planId: number): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportPlan(t.api, planId)) as unknown as ExcelJS.Buffer);
  const kpis = wb.getWorksheet('KPIs')!;
  const titles: string[] = [];
  for (let r = 5; r <= kpis.rowCount; r++) titles.push(String(kpis.getRow(r).getCell(2).value));
  return titles;
}

it('lists only the indicators linked to the plan, with their figures', async () => {
  const part = await keyIndicators(wsoa.id);
  expect(part).toMatch(/K1 EHC plans issued within 20 weeks\s*\n\s*52\.3%/);
  expect(part).toMatch(/K3 Tribunal appeals per 10,000 EHC plans\s*\n\s*180%/);
  expect(part).not.toContain('Persistent absence');
  expect(part).not.toContain(ALL_SHOWN);
});

it('lists every indicator, and says why, for a plan with none linked', async () => {
  const part = await keyIndicators(app.id);
  expect(part).toContain(ALL_SHOWN);
  for (const title of ['K1 EHC plans issued within 20 weeks', 'K2 Persistent absence of pupils with SEN support', 'K3 Tribunal appeals per 10,000 EHC plans']) {
    expect(part).toContain(title);
  }
});

it('the Excel plan’s KPIs sheet shows the same indicators as the report', async () => {
  expect(await kpiTitles(wsoa.id)).toEqual(['EHC plans issued within 20 weeks', 'Tribunal appeals per 10,000 EHC plans']);
  expect(await kpiTitles(app.id)).toEqual(['EHC plans issued within 20 weeks', 'Persistent absence of pupils with SEN support', 'Tribunal appeals per 10,000 EHC plans']);
});

it('a plan whose linked indicators are all in the Bin falls back to every live indicator', async () => {
  const linked = await t.api.call('plan:indicators', { planId: wsoa.id });
  const binned = [];
  for (const l of linked) binned.push(await t.api.call('indicator:delete', { id: l.indicatorId }));
  try {
    const part = await keyIndicators(wsoa.id);
    expect(part).toContain(ALL_SHOWN);
    expect(part).toContain('K2 Persistent absence of pupils with SEN support');
    expect(part).not.toContain('K1 ');
  } finally {
    for (const b of binned) await t.api.call('bin:restore', { binEntryId: b.binEntryId });
  }
  expect(await keyIndicators(wsoa.id)).not.toContain(ALL_SHOWN);
});
