/**
 * Issue #16 part 3, in Chromium: an officer brings the partnership's existing WSOA tracker in from
 * Excel. The workbook (made here with exceljs, as a council's would be) has a cover sheet, title
 * rows above the headings, priority cells merged down over their actions, milestones listed in one
 * column with their dates, target dates typed as UK dates (one only a month, one "Ongoing"), a
 * repeated heading row and a status word the app does not know. Every step is checked with axe
 * and photographed at 1366×768; the plan page then shows what was imported.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from '../../electron/contract/client';
import { seriousAxeProblems } from './axe-check';
import { launch, SCREENSHOTS, settle, visit, type E2E } from './harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await launch('empty');
});
afterAll(async () => {
  await e2e?.close();
});

const HEADINGS = ['Priority area', 'Ref', 'Action', 'Lead officer', 'Partner', 'Start date', 'Target date', 'Milestones', 'Status', 'RAG', 'Impact / success measures'];

type Row = [string, string, string, string, string, Date | string, string, string, string, string, string];

const ROWS: Row[] = [
  [
    '1. Leadership and accountability',
    '1.1',
    'Set up a SEND Improvement Board with clear terms of reference',
    'Jo Bloggs',
    'Testshire Council',
    new Date(Date.UTC(2026, 8, 1)),
    '31/01/2027',
    'Terms of reference agreed by 30/11/2026\nFirst board meeting held (Dec 2026)',
    'On track',
    'G',
    'Board minutes show decisions tracked to completion',
  ],
  ['', '1.2', 'Agree a joint commissioning strategy across education, health and care', 'Sam Patel', 'Testshire ICB', new Date(Date.UTC(2026, 9, 1)), 'Mar 2027', 'Draft strategy to the board by 28/02/2027', 'Paused', 'Amber', 'Strategy published and funded'],
  ['', '1.3', 'Publish a quarterly SEND performance report', 'Jo Bloggs', 'Testshire Council', new Date(Date.UTC(2026, 8, 1)), 'Ongoing', '', 'Complete', 'Blue', 'Report reaches every partner board'],
  [
    '2. Identifying and meeting needs',
    '2.1',
    'Improve the timeliness of EHC needs assessments',
    'Priya Shah',
    'Testshire Council',
    new Date(Date.UTC(2026, 10, 1)),
    '30/06/2027',
    'Recovery plan agreed by 31/12/2026; 60% of plans within 20 weeks by 30/04/2027',
    'Delayed',
    'Red',
    'EHC plans issued within 20 weeks above the England average',
  ],
  ['', '2.2', 'Train school SENCOs in the graduated approach', 'Alex Green', 'Testshire Parent Carer Forum', new Date(Date.UTC(2026, 10, 1)), '31/07/2027', '', 'Not started', 'Amber', 'SENCO survey shows confidence rising'],
];

/** The tracker as a council keeps it: a cover sheet, then the plan with title rows and merged priority cells. */
async function trackerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('Cover');
  cover.getCell('A1').value = 'Testshire Local Area Partnership';
  cover.getCell('A2').value = 'Written Statement of Action tracker. Owner: SEND Improvement Board.';
  const ws = wb.addWorksheet('WSOA');
  ws.getCell('A1').value = 'Testshire Written Statement of Action: progress tracker';
  ws.mergeCells('A1:K1');
  ws.getCell('A2').value = 'Updated for the SEND Improvement Board, October 2026';
  ws.getRow(4).values = HEADINGS;
  ws.getRow(4).font = { bold: true };
  let at = 5;
  const put = (r: Row) => {
    ws.getRow(at).values = r;
    at++;
  };
  put(ROWS[0]!);
  put(ROWS[1]!);
  put(ROWS[2]!);
  ws.mergeCells('A5:A7');
  // Printed over two pages: the headings repeat, then a blank line.
  ws.getRow(at++).values = HEADINGS;
  at++;
  const second = at;
  put(ROWS[3]!);
  put(ROWS[4]!);
  ws.mergeCells(`A${second}:A${second + 1}`);
  ws.getColumn(6).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `plan-sheet-${name}.png`), fullPage: false });
}

/** The step's heading has focus, and axe finds nothing serious on the page. */
async function checkStep(page: Page, title: string, name: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 2, name: title });
  await heading.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(title);
  expect(await seriousAxeProblems(page), `axe on “${title}”`).toEqual([]);
  await shot(page, name);
}

it('imports a WSOA tracker from Excel: sheet, header row, columns, an unknown status word, preview, import, then the plan page', { timeout: 120_000 }, async () => {
  const { page } = e2e;
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const file = path.join(e2e.dir, 'Testshire WSOA tracker.xlsx');
  writeFileSync(file, await trackerXlsx());

  await visit(page, '/plans');
  await page.getByRole('link', { name: 'import a plan you already keep in a spreadsheet' }).waitFor();
  await page.getByRole('button', { name: 'Import a plan from a spreadsheet' }).click();
  await settle(page, '/plans/import/spreadsheet');
  await page.getByRole('heading', { level: 1, name: 'Import a plan from a spreadsheet' }).waitFor();
  expect(await seriousAxeProblems(page)).toEqual([]);
  await shot(page, '1-file');

  // 1 → 2: choosing the file sends it and reads the sheets.
  await page.getByLabel('Spreadsheet file (.xlsx or .csv)').setInputFiles(file);
  await checkStep(page, 'Choose the sheet', '2-sheet');
  await page.getByRole('radio', { name: /^WSOA: / }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // 3: the headings are found in row 4, under the title rows.
  await checkStep(page, 'Check the header row', '3-header');
  expect(await page.getByRole('radio', { name: 'Row 4 (suggested)' }).isChecked()).toBe(true);
  // By keyboard alone: from the heading into the rows (a region that scrolls sideways), to the chosen row, arrows to move, then Continue.
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('The first rows of WSOA');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Row 4 (suggested)');
  await page.keyboard.press('ArrowDown');
  expect(await page.getByRole('radio', { name: 'Row 5' }).isChecked()).toBe(true);
  await page.keyboard.press('ArrowUp');
  expect(await page.getByRole('radio', { name: 'Row 4 (suggested)' }).isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Continue');
  await page.keyboard.press('Enter');

  // 4: the columns, guessed from the heading words.
  await checkStep(page, 'Match the columns to the plan', '4-columns');
  const column = (label: string) => page.getByRole('combobox', { name: label, exact: true }).inputValue();
  expect(await column('Priority title')).toBe('A');
  expect(await column('Action reference')).toBe('B');
  expect(await column('What we will do (action)')).toBe('C');
  expect(await column('Lead officer')).toBe('D');
  expect(await column('Due date')).toBe('G');
  expect(await column('Milestones')).toBe('H');
  expect(await column('Status')).toBe('I');
  expect(await column('RAG rating')).toBe('J');
  // Two fields on one column is refused in the error summary, which links to the field.
  await page.getByRole('combobox', { name: 'How we will do it', exact: true }).selectOption('C');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('[data-error-summary]');
  await summary.getByText(/Column C is mapped to both/).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary') ?? false)).toBe(true);
  expect(await seriousAxeProblems(page)).toEqual([]);
  await shot(page, '4-columns-problem');
  await summary.getByRole('link').first().click();
  await page.getByRole('combobox', { name: 'How we will do it', exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Continue' }).click();

  // 5: "Paused" is not a word the app knows; it must be given a meaning before going on.
  await checkStep(page, 'Check the status and RAG words', '5-words');
  const paused = page.getByRole('combobox', { name: '“Paused”' });
  expect(await paused.inputValue()).toBe('');
  await page.getByRole('button', { name: 'Confirm these meanings' }).click();
  await summary.getByText(/Choose what “Paused” \(status, row 6\) means/).waitFor();
  expect(await seriousAxeProblems(page)).toEqual([]);
  await paused.selectOption({ label: 'Delayed' });
  expect(await page.getByRole('combobox', { name: '“On track”' }).inputValue()).toBe('on_track');
  await page.getByRole('button', { name: 'Confirm these meanings' }).click();

  // 6: a new plan, its title typed and Enter pressed (the steps are forms).
  await checkStep(page, 'Choose where the plan goes', '6-target');
  const title = page.getByRole('textbox', { name: /Title of the new plan/ });
  expect(await title.inputValue()).toBe('Testshire WSOA tracker');
  await title.fill('Testshire Written Statement of Action');
  await page.getByRole('textbox', { name: /Date of the progress in the spreadsheet/ }).fill('14/10/2026');
  await title.press('Enter');

  // 7: the preview.
  await checkStep(page, 'Check what will be imported', '7-preview');
  const counts = page.getByRole('list', { name: 'What will be created' });
  await expect.poll(() => counts.textContent()).toContain('2priorities');
  expect(await counts.textContent()).toContain('5actions');
  expect(await counts.textContent()).toContain('5milestones');
  await page.getByRole('heading', { level: 4, name: 'Priority 1: Leadership and accountability' }).waitFor();
  await page.getByRole('heading', { level: 4, name: 'Priority 2: Identifying and meeting needs' }).waitFor();
  const firstActions = page.getByRole('list', { name: 'Actions of priority 1' });
  expect(await firstActions.getByRole('listitem').filter({ hasText: 'Set up a SEND Improvement Board' }).first().textContent()).toContain('Due: 31/01/2027');
  expect(await page.getByRole('list', { name: 'Milestones of action 1.1' }).textContent()).toContain('Terms of reference agreed: due 30/11/2026');
  // The month-only date is flagged, in the tree and in the table of dates.
  expect(await firstActions.getByRole('listitem').filter({ hasText: 'joint commissioning strategy' }).first().textContent()).toMatch(/Due: 31\/03\/2027 \(approximate\)/);
  const dates = page.getByRole('table', { name: /Dates that were not written as plain dates/ });
  expect(await dates.getByRole('row', { name: /^6 / }).textContent()).toMatch(/Mar 2027.*31\/03\/2027 \(approximate\).*“Mar 2027” is approximate: the last day of the month is used\./);
  expect(await dates.getByRole('row', { name: /^7 / }).textContent()).toMatch(/Ongoing.*None \(no date\)/);
  // The repeated heading row is skipped, with its row number and reason.
  const skipped = page.getByRole('table', { name: /not imported, with the reason/ });
  expect(await skipped.getByRole('row', { name: /^8 / }).textContent()).toContain('It repeats the column headings.');
  const people = await page.getByText('(leads and senior responsible officers)').locator('xpath=following-sibling::ul[1]').textContent();
  for (const name of ['Jo Bloggs', 'Sam Patel', 'Priya Shah', 'Alex Green']) expect(people).toContain(name);
  await page.getByRole('button', { name: 'Import', exact: true }).scrollIntoViewIfNeeded();
  await shot(page, '7-preview-end');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await checkStep(page, 'Plan imported', '8-done');
  await page.getByText('To undo the whole import, delete this plan').waitFor();

  // What was written, asked of the running workbook through the contract.
  const api = createClient(e2e.server.host.dispatch);
  const plans = await api.call('plan:list', { limit: 10 });
  expect(plans.items.map((p) => p.title)).toEqual(['Testshire Written Statement of Action']);
  const planId = plans.items[0]!.id;
  expect((await api.call('priority:list', { planId, limit: 10 })).items.map((p) => `${p.reference} ${p.title}`)).toEqual(['1 Leadership and accountability', '2 Identifying and meeting needs']);
  const actions = (await api.call('action:list', { planId, limit: 50 })).items;
  expect(actions.map((a) => a.reference)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2']);
  expect(actions.find((a) => a.reference === '1.2')).toMatchObject({ status: 'delayed', dueOn: '2027-03-31', leadName: 'Sam Patel' });
  expect(actions.find((a) => a.reference === '1.3')).toMatchObject({ status: 'complete', dueOn: null });
  const milestones = await Promise.all(actions.map(async (a) => (await api.call('milestone:list', { actionId: a.id, limit: 50 })).items.map((m) => m.title)));
  expect(milestones).toEqual([['Terms of reference agreed', 'First board meeting held'], ['Draft strategy to the board'], [], ['Recovery plan agreed', '60% of plans within 20 weeks'], []]);

  // The plan page shows the priorities and actions; the action page its milestones.
  await page.getByRole('link', { name: 'Open Testshire Written Statement of Action' }).click();
  await page.getByRole('heading', { level: 1, name: 'Testshire Written Statement of Action' }).waitFor();
  await settle(page);
  await page.getByRole('link', { name: 'Priority 1: Leadership and accountability' }).waitFor();
  await page.getByRole('link', { name: 'Priority 2: Identifying and meeting needs' }).waitFor();
  await page.getByRole('link', { name: '2.1 Improve the timeliness of EHC needs assessments' }).waitFor();
  await shot(page, '9-plan');
  await page.getByRole('link', { name: '1.1 Set up a SEND Improvement Board with clear terms of reference' }).click();
  await page.getByRole('heading', { level: 1, name: /Set up a SEND Improvement Board/ }).waitFor();
  await settle(page);
  await page.getByText('Terms of reference agreed', { exact: true }).first().waitFor();
  await page.getByText('First board meeting held', { exact: true }).first().waitFor();
  await page.getByText('Jo Bloggs').first().waitFor();
  await shot(page, '10-action');
});
