/**
 * Issue #16: a workbook made with `workbook new` opens in the UI; browser mode with no workbook
 * shows Welcome, starts a new workbook in its folder, asks for the set-up and lands on the Overview.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createWorkbook } from '../../db/open-workbook';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/transports/cli/run-cli';
import { startServer, type RunningServer } from '../../electron/transports/serve/start-server';
import { seriousAxeProblems } from './axe-check';
import { DIST, settle } from './harness';

let browser: Browser;
const dirs: string[] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ewb-new-'));
  dirs.push(dir);
  return dir;
}

async function openPage(server: RunningServer): Promise<Page> {
  servers.push(server);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url);
  return page;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('workbook new → the UI opens it', { timeout: 90_000 }, () => {
  it('opens on the Overview with the area name and LA code given on the command line', async () => {
    const file = path.join(tempDir(), 'bristol.workbook');
    const made = await cli('new', '--out', file, '--area', 'Bristol', '--la-code', '801', '--framework', 'joint-2016');
    expect(made.code, made.err).toBe(0);
    const server = await startServer({ workbookPath: file, port: 0, staticDir: DIST, host: 'inline' });
    const page = await openPage(server);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await settle(page, '/');
    expect(await page.locator('main h1').textContent()).toMatch(/Overview|Bristol/);
    const area = await server.session.context()!;
    expect(area.workbook.sqlite.prepare('SELECT area_name, la_code, default_framework_id FROM area_profile').get()).toEqual({
      area_name: 'Bristol',
      la_code: '801',
      default_framework_id: 'joint-2016',
    });
  });

  it('without --area, the first open asks for the set-up instead of showing an unnamed workbook', async () => {
    const file = path.join(tempDir(), 'blank.workbook');
    expect((await cli('new', '--out', file)).code).toBe(0);
    const page = await openPage(await startServer({ workbookPath: file, port: 0, staticDir: DIST, host: 'inline' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Set up this workbook' }).waitFor()).resolves.toBeUndefined();
  });
});

describe('serve with no workbook → Welcome → new → set-up → Overview', { timeout: 90_000 }, () => {
  it('creates the workbook in the server’s folder, saves the set-up and shows the Overview', async () => {
    const dir = tempDir();
    const server = await startServer({ folder: dir, port: 0, staticDir: DIST, host: 'inline' });
    const page = await openPage(server);
    await page.getByRole('heading', { name: 'Start a new workbook' }).waitFor();
    await page.getByText('There are no workbooks in').waitFor();
    expect(await seriousAxeProblems(page)).toEqual([]);

    // A name that tries to leave the folder is refused, in words, and nothing is created.
    await page.getByLabel('File name').fill('../outside');
    await page.getByLabel('Local area name').fill('Northshire');
    await page.getByRole('button', { name: 'Start a new workbook' }).click();
    await page.getByText('Enter a file name only, without a folder').first().waitFor();
    expect(server.session.workbook).toBeNull();

    await page.getByLabel('File name').fill('northshire send');
    await page.getByRole('button', { name: 'Start a new workbook' }).click();
    await page.getByRole('heading', { level: 1, name: 'Set up this workbook' }).waitFor();
    expect(await seriousAxeProblems(page)).toEqual([]);
    expect(server.session.workbook?.path).toBe(path.join(realpathSync(dir), 'northshire send.workbook'));

    // A wrong LA code is refused with the field named; a good one is kept.
    await page.getByLabel('LA code').fill('80');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('LA code “80” is not an LA code').first().waitFor();
    await page.getByLabel('LA code').fill('E06000023');
    await page.getByLabel('Integrated care board').fill('Northshire ICB');
    await page.getByLabel('Region').fill('South West');
    await page.getByLabel('Statistical neighbours').fill('E06000022\n878');
    await page.getByLabel('Partner 2 name').fill('Northshire ICB');
    await page.getByLabel('Partner 3 name').fill('Northshire Parent Carer Forum');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await settle(page, '/');

    const sqlite = server.session.workbook!.sqlite;
    expect(sqlite.prepare('SELECT area_name, la_code, icb, region, statistical_neighbours FROM area_profile').get()).toEqual({
      area_name: 'Northshire',
      la_code: 'E06000023',
      icb: 'Northshire ICB',
      region: 'South West',
      statistical_neighbours: '["E06000022","878"]',
    });
    expect((sqlite.prepare('SELECT name, kind FROM partners ORDER BY id').all() as { name: string }[]).map((p) => p.name)).toEqual([
      'Northshire Council',
      'Northshire ICB',
      'Northshire Parent Carer Forum',
    ]);
  });

  it('opens an existing workbook from the folder, and refuses one the app could not use', async () => {
    const dir = tempDir();
    expect((await cli('new', '--out', path.join(dir, 'ready.workbook'), '--area', 'Readyshire')).code).toBe(0);
    const broken = createWorkbook(path.join(dir, 'broken.workbook'));
    broken.sqlite.prepare('DELETE FROM area_profile').run();
    broken.close();
    const server = await startServer({ folder: dir, port: 0, staticDir: DIST, host: 'inline' });
    const page = await openPage(server);
    await page.getByRole('button', { name: 'Open broken.workbook' }).click();
    await page.getByRole('alert').getByText('broken.workbook cannot be used by the app: The workbook has no area profile').waitFor();
    expect(server.session.workbook).toBeNull();
    await page.getByRole('button', { name: 'Open ready.workbook' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(path.basename(server.session.workbook!.path)).toBe('ready.workbook');
  });
});
