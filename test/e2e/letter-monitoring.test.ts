/**
 * Issue #16: an Area SEND monitoring inspection letter imported from the Inspections screen in
 * Chromium. The report comes first (by the command line); the monitoring letter's PDF is chosen in
 * the page, previewed (matches, verdicts, summary check), imported; the judged finding's page then
 * shows the verdict and the letter as its evidence. Screenshots of the preview are kept.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../electron/transports/cli/run-cli';
import { startServer, type InlineServer } from '../../electron/transports/serve/start-server';
import { letterPdf } from '../imports/letters-documents';
import { AREA_SEND_REPORT } from '../imports/letters-fixtures';
import { MONITORING_LETTER } from '../imports/letters-monitoring-fixtures';
import { seriousAxeProblems } from './axe-check';
import { DIST, SCREENSHOTS, visit } from './harness';

let browser: Browser;
let server: InlineServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ewb-monitoring-'));
  const file = path.join(dir, 'testshire.workbook');
  const quiet = { out: () => {}, err: () => {} };
  expect(await runCli(['new', '--out', file, '--area', 'Testshire', '--la-code', '801'], quiet)).toBe(0);
  const report = path.join(dir, 'report.txt');
  writeFileSync(report, AREA_SEND_REPORT);
  expect(await runCli(['import-letter', '--workbook', file, '--in', report, '--apply'], quiet)).toBe(0);
  server = await startServer({ workbookPath: file, port: 0, staticDir: DIST, host: 'inline' });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('previews and imports a monitoring letter from its PDF; the finding shows the verdict and the letter', { timeout: 120_000 }, async () => {
  const pdf = path.join(dir, 'Testshire monitoring 2025.pdf');
  writeFileSync(pdf, await letterPdf(MONITORING_LETTER, 'Area SEND monitoring inspection: Testshire'));
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await visit(page, '/inspections');

  await page.getByRole('button', { name: 'Import an inspection letter…' }).click();
  await page.getByLabel('Letter file (PDF, Word or text)').setInputFiles(pdf);
  await page.getByRole('heading', { name: 'Preview: Area SEND monitoring inspection letter' }).waitFor();
  await page.getByText(/This agrees with the verdicts below/).waitFor();
  const second = page.getByRole('group', { name: 'Area for priority action 2' });
  expect(await second.getByLabel('Verdict').locator('option:checked').textContent()).toBe('Insufficient progress');
  expect(await second.getByLabel('Area for priority action of the earlier inspection').locator('option:checked').textContent()).toMatch(/^APA2 /);
  expect(await seriousAxeProblems(page)).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.getByRole('heading', { name: 'Preview: Area SEND monitoring inspection letter' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'letter-monitoring-preview.png') });
  await second.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'letter-monitoring-preview-area-2.png') });

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/0 findings added and 2 verdicts recorded/).waitFor();
  const sqlite = server.session.workbook!.sqlite;
  const apa2 = sqlite.prepare("SELECT id FROM findings WHERE reference = 'APA2' AND deleted_at IS NULL").get() as { id: number };
  expect(sqlite.prepare("SELECT kind FROM inspection_events WHERE kind = 'monitoring_inspection'").all()).toHaveLength(1);

  await visit(page, `/findings/${apa2.id}`);
  await page.getByText('Not improved enough').first().waitFor();
  await page.getByRole('link', { name: /Area SEND monitoring inspection of Testshire Local Area Partnership/ }).first().waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'letter-monitoring-finding.png'), fullPage: true });
});
