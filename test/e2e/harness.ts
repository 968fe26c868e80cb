/** Shared e2e setup: a temp workbook (empty or the demo), browser mode on port 0, and Debian Chromium. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createWorkbook } from '../../db/open-workbook';
import { buildDemoWorkbook } from '../../electron/core/demo/build-demo';
import { startServer, type RunningServer } from '../../electron/transports/serve/start-server';

export const DIST = path.resolve(__dirname, '../../dist');
export const SCREENSHOTS = path.resolve(__dirname, '../../test-output/screenshots');
/** The demo's "today", so overdue items and screenshots do not drift with the calendar. */
export const DEMO_NOW = new Date('2026-11-22T10:00:00Z');

export interface E2E {
  server: RunningServer;
  browser: Browser;
  page: Page;
  dir: string;
  close(): Promise<void>;
}

export async function launch(kind: 'empty' | 'demo', options: { now?: Date } = {}): Promise<E2E> {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('The renderer is not built: run `npx vite build` (test/e2e/global-setup.ts does it for test runs).');
  const dir = mkdtempSync(path.join(tmpdir(), 'ewb-e2e-'));
  const file = path.join(dir, `${kind}.workbook`);
  const now = options.now;
  if (kind === 'demo') await buildDemoWorkbook(file, now ? { now: () => now } : {});
  else createWorkbook(file, { areaName: 'Testshire', authorName: 'Test Officer' }).close();
  const server = await startServer({ workbookPath: file, port: 0, staticDir: DIST, ...(now ? { now: () => now } : {}) });
  const browser = await chromium.launch({
    // Debian's Chromium by default; elsewhere point CHROMIUM_PATH at a Chromium or Chrome binary.
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return {
    server,
    browser,
    page,
    dir,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Goes to a hash route and waits until no loading spinner is left. */
export async function visit(page: Page, hashPath: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = p;
  }, hashPath);
  await settle(page, hashPath.split('?')[0]);
}

/** Waits until the screen for `path` (default: whatever is shown) has loaded: its heading is there and no spinner is left. */
export async function settle(page: Page, path?: string): Promise<void> {
  await page.waitForFunction(
    (p) => {
      const main = document.querySelector('main');
      if (!main || (p !== undefined && main.getAttribute('data-path') !== p)) return false;
      return main.querySelector('h1') !== null && main.querySelectorAll('.fui-Spinner').length === 0;
    },
    path,
    { timeout: 15_000 },
  );
}

/** The hash path of the first in-page link whose target starts with `prefix` (e.g. '/actions/'). */
export async function firstLink(page: Page, prefix: string): Promise<string> {
  const href = await page.locator(`main a[href^="#${prefix}"]`).first().getAttribute('href');
  if (!href) throw new Error(`No link to ${prefix} on ${page.url()}`);
  return href.slice(1);
}

/** Every main screen of the demo workbook, found by following links as a person would. */
export async function mainScreens(page: Page): Promise<{ name: string; path: string }[]> {
  const out: { name: string; path: string }[] = [];
  const add = (name: string, p: string) => out.push({ name, path: p });
  add('overview', '/');
  add('inspections', '/inspections');
  await visit(page, '/inspections');
  // The event with findings (the inspection itself, not a later review).
  const event = await page
    .locator('main table')
    .first()
    .evaluate((table) => {
      const column = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent?.trim().startsWith('Findings'));
      const rows = [...table.querySelectorAll('tbody tr')];
      return rows.find((r) => r.children[column]?.textContent?.trim() !== '0')?.querySelector('a')?.getAttribute('href')?.slice(1) ?? '';
    });
  add('inspection-event', event);
  await visit(page, event);
  add('finding', await firstLink(page, '/findings/'));
  add('action-plans', '/plans');
  await visit(page, '/');
  const plan = await page.evaluate(() => document.querySelector('main a[href^="#/priorities/"]') !== null);
  if (plan) {
    const priorities = await page.locator('main a[href^="#/priorities/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    add('priority', priorities[2] ?? priorities[0]!);
  }
  await visit(page, '/plans');
  const planPath = await firstLink(page, '/plans/');
  add('action-plan', planPath);
  await visit(page, planPath);
  add('action', await firstLink(page, '/actions/'));
  add('evidence-library', '/evidence');
  await visit(page, '/evidence');
  await page.locator('main a[href^="#/evidence/"]').first().waitFor();
  add('evidence-item', await firstLink(page, '/evidence/'));
  add('indicators', '/indicators');
  await visit(page, '/indicators');
  add('indicator', await firstLink(page, '/indicators/'));
  add('self-evaluation', '/sef');
  await visit(page, '/sef');
  const sef = await firstLink(page, '/sef/');
  add('self-evaluation-version', sef);
  await visit(page, sef);
  add('self-evaluation-section', await firstLink(page, '/sections/'));
  add('history', `/history/plan/${planPath.split('/').pop()}`);
  add('bin', '/bin');
  add('backups', '/backups');
  add('settings', '/settings');
  add('help', '/help');
  return out;
}
