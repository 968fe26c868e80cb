/**
 * Issue #16: Settings in Chromium with a workbook made before statistical neighbours had to be LA
 * codes. It opens; the names are shown with a prompt to replace them; replacing one with a name
 * again is refused in the set-up's words; codes are saved and the prompt goes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkbook } from '../../db/open-workbook';
import { startServer, type InlineServer } from '../../electron/transports/serve/start-server';
import { seriousAxeProblems } from './axe-check';
import { DIST, SCREENSHOTS, visit } from './harness';

let browser: Browser;
let server: InlineServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ewb-neighbours-'));
  const file = path.join(dir, 'old.workbook');
  const w = createWorkbook(file, { areaName: 'Testshire', authorName: 'Test Officer' });
  w.sqlite.prepare('UPDATE area_profile SET statistical_neighbours = ?').run(JSON.stringify(['Northmoor', 'E06000022', 'Castlebridge']));
  w.close();
  server = await startServer({ workbookPath: file, port: 0, staticDir: DIST, host: 'inline' });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('shows neighbour names with a prompt, refuses a name, saves codes', { timeout: 90_000 }, async () => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await visit(page, '/settings');
  await page.getByText('lists 2 by name: “Northmoor”, “Castlebridge”', { exact: false }).waitFor();
  const field = page.getByRole('textbox', { name: /^Statistical neighbours/ });
  expect(await field.inputValue()).toBe('Northmoor\nE06000022\nCastlebridge');
  expect(await seriousAxeProblems(page)).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-neighbour-names.png') });

  await field.fill('878\nE06000022\nCastlebridge');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Statistical neighbour “Castlebridge” is not an LA code', { exact: false }).first().waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-neighbour-refused.png') });
  const sqlite = server.session.workbook!.sqlite;
  expect(sqlite.prepare('SELECT statistical_neighbours AS n FROM area_profile').get()).toEqual({ n: '["Northmoor","E06000022","Castlebridge"]' });

  await field.fill('878\nE06000022\n873');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.waitForFunction(() => !document.body.textContent?.includes('by name:'));
  expect(sqlite.prepare('SELECT statistical_neighbours AS n FROM area_profile').get()).toEqual({ n: '["878","E06000022","873"]' });
});
