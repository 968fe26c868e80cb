/** Issue #16: national statistics from the Indicators screen — choose the DfE CSV, filter, preview, import; re-import finds nothing to do. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../electron/transports/cli/run-cli';
import { startServer, type InlineServer } from '../../electron/transports/serve/start-server';
import { tidyCsv } from '../imports/dfe-fixture';
import { seriousAxeProblems } from './axe-check';
import { DIST, visit } from './harness';

let browser: Browser;
let server: InlineServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ewb-stats-'));
  const file = path.join(dir, 'bristol.workbook');
  expect(await runCli(['new', '--out', file, '--area', 'Bristol', '--la-code', '801'], { out: () => {}, err: () => {} })).toBe(0);
  server = await startServer({ workbookPath: file, port: 0, staticDir: DIST, host: 'inline' });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('imports England, region and this area’s values from the CSV, and a second import has nothing to do', { timeout: 90_000 }, async () => {
  const csv = path.join(dir, 'ehcp.csv');
  writeFileSync(csv, tidyCsv({ lagRegion: true }));
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' })).newPage();
  page.setDefaultTimeout(8000);
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await visit(page, '/indicators');

  await page.getByRole('button', { name: 'Import national statistics (DfE CSV)…' }).click();
  await page.getByLabel('DfE CSV file').setInputFiles(csv);
  await page.getByLabel('Filter: sen_provision').selectOption('EHC plan');
  await page.getByLabel('New indicator title').fill('EHC plans issued within 20 weeks');
  await page.getByRole('button', { name: 'Read the file and preview' }).click();
  await page.getByRole('status').filter({ hasText: '8 new, 0 changed' }).waitFor();
  await page.getByText('no South West figures for 2023/24').waitFor();
  expect(await seriousAxeProblems(page)).toEqual([]);
  await page.getByRole('button', { name: 'Import 8 values' }).click();
  await page.getByRole('link', { name: 'EHC plans issued within 20 weeks' }).waitFor();

  const sqlite = server.session.workbook!.sqlite;
  expect((sqlite.prepare("SELECT count(*) AS n FROM indicator_values WHERE deleted_at IS NULL").get() as { n: number }).n).toBe(8);
  expect(sqlite.prepare("SELECT value FROM indicator_values WHERE geography = 'local' AND period_label = '2023/24'").get()).toEqual({ value: 35 });

  // The same file into the same indicator: nothing to import.
  await page.getByRole('button', { name: 'Import national statistics (DfE CSV)…' }).click();
  await page.getByLabel('DfE CSV file').setInputFiles(csv);
  await page.getByLabel('Filter: sen_provision').selectOption('EHC plan');
  await page.getByRole('radio', { name: 'Add to an existing indicator' }).check();
  await page.getByRole('combobox', { name: /^Indicator\s*\*?$/ }).selectOption({ label: 'EHC plans issued within 20 weeks' });
  await page.getByRole('button', { name: 'Read the file and preview' }).click();
  await page.getByRole('status').filter({ hasText: '0 new, 0 changed, 8 already the same' }).waitFor();
  expect(await page.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
});
