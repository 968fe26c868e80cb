/**
 * The renderer check: the built renderer served by browser mode (startServer) on the benchmark
 * workbook, driven by Debian's Chromium. Reported, never asserted: a shared two-core machine makes
 * browser timings too noisy to gate on. Also the initial JavaScript (gzip) against a 500 KB budget.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findExport } from '../find-export';
import { failed, ok, unavailable, type OpResult } from '../result';
import { summarise } from '../measure';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUDGET_KB = 500;

type StartServer = (options: { workbookPath: string; staticDir?: string; port?: number }) => Promise<{ url: string; close(): Promise<void> }>;

/** The renderer build: dist/ when present, else a fresh `vite build` into the bench temp folder. */
function rendererBuild(tempRoot: string, log: (line: string) => void): { dir: string | null; note: string } {
  const dist = path.join(ROOT, 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return { dir: dist, note: 'dist/ (existing build)' };
  if (!existsSync(path.join(ROOT, 'vite.config.ts')) || !existsSync(path.join(ROOT, 'renderer', 'index.html'))) {
    return { dir: null, note: 'no renderer build (dist/index.html) and no vite.config.ts to build one' };
  }
  const out = path.join(tempRoot, 'renderer-dist');
  log('Building the renderer (vite build) for the renderer check…');
  const build = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (build.status !== 0 || !existsSync(path.join(out, 'index.html'))) {
    return { dir: null, note: `vite build failed: ${(build.stderr || build.stdout || '').trim().split('\n').slice(-2).join(' ')}` };
  }
  return { dir: out, note: 'fresh vite build' };
}

/** Scripts the page loads before anything runs: the entry module and its modulepreloads. */
export function initialScripts(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const m of indexHtml.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) found.add(m[1]!);
  for (const m of indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(m[1]!);
  return [...found];
}

function bundleSize(dir: string): OpResult {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts = initialScripts(html);
  let gzip = 0;
  let raw = 0;
  for (const src of scripts) {
    const bytes = readFileSync(path.join(dir, src.replace(/^\.?\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = gzip / 1024;
  const result = ok('renderer', 'Initial JavaScript bundle (gzip)', summarise([0], 0), {
    targets: [{ text: `≤ ${BUDGET_KB} KB gzip`, met: kb <= BUDGET_KB }],
    note: `${kb.toFixed(0)} KB gzip (${(raw / 1024).toFixed(0)} KB raw) in ${scripts.length} file(s)`,
  });
  result.timing = null;
  return result;
}

export async function benchRenderer(workbookPath: string, tempRoot: string, log: (line: string) => void): Promise<OpResult[]> {
  const build = rendererBuild(tempRoot, log);
  if (!build.dir) return [unavailable('renderer', 'Renderer check (Chromium)', `not available: ${build.note}`)];
  const results: OpResult[] = [];
  try {
    results.push(bundleSize(build.dir));
  } catch (e) {
    results.push(failed('renderer', 'Initial JavaScript bundle (gzip)', e));
  }
  const server = await findExport<StartServer>('electron/transports/serve', 'startServer');
  if (!server.fn) return [...results, unavailable('renderer', 'Renderer check (Chromium)', `not available: ${server.note}`)];
  if (!existsSync(CHROMIUM)) return [...results, unavailable('renderer', 'Renderer check (Chromium)', `not available: ${CHROMIUM} is not installed`)];
  const { chromium } = await import('playwright-core');
  const running = await server.fn({ workbookPath, staticDir: build.dir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const t0 = performance.now();
    await page.goto(running.url);
    // Interactive: the screen's heading is shown and no loading state remains.
    await page.waitForSelector('h1', { timeout: 60_000 });
    await page.waitForFunction(() => !document.body.innerText.includes('Loading…') && !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 60_000 });
    const overviewMs = performance.now() - t0;
    const heading = await page.textContent('h1');
    results.push(
      ok('renderer', 'Overview interactive in Chromium (reported, not asserted)', summarise([overviewMs], 0), { note: `first load incl. JS; h1 “${heading?.trim()}”` }),
    );
    results.push(await scrollEvidence(page));
  } catch (e) {
    results.push(failed('renderer', 'Renderer check (Chromium)', e));
  } finally {
    await browser.close();
    await running.close();
  }
  return results;
}

/**
 * Scrolls the largest scrollable element (the virtualised list, or the page) to its end, a
 * screenful per frame. A string, not a function: tsx's compiled helpers do not exist in the page.
 */
const SCROLL_TO_END = `(async () => {
  const candidates = [...document.querySelectorAll('*')].filter((el) => {
    const style = getComputedStyle(el);
    return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 10;
  });
  const scroller = candidates.sort((a, b) => b.scrollHeight - a.scrollHeight)[0] || document.scrollingElement;
  const started = performance.now();
  let steps = 0, stable = 0, lastHeight = -1;
  while (performance.now() - started < 120000 && stable < 5) {
    scroller.scrollTop += scroller.clientHeight;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    steps++;
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    stable = atEnd && scroller.scrollHeight === lastHeight ? stable + 1 : 0;
    lastHeight = scroller.scrollHeight;
  }
  const refs = document.body.innerText.match(/E-\\d{3,}/g) || [];
  return { ms: performance.now() - started, steps, lastSeen: refs[refs.length - 1] || null, rows: document.querySelectorAll('[role="row"], tr').length };
})()`;

type Page = Awaited<ReturnType<Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>['newPage']>>;

async function scrollEvidence(page: Page): Promise<OpResult> {
  const name = 'Evidence list scrolled end to end (reported, not asserted)';
  const t0 = performance.now();
  await page.evaluate(() => {
    window.location.hash = '#/evidence';
  });
  await page.waitForFunction(
    () => document.querySelector('h1')?.textContent?.includes('Evidence') && !document.body.innerText.includes('Loading…') && !document.querySelector('[aria-busy="true"]'),
    undefined,
    { timeout: 60_000 },
  );
  const listMs = performance.now() - t0;
  const outcome = (await page.evaluate(SCROLL_TO_END)) as { ms: number; steps: number; lastSeen: string | null; rows: number };
  return ok('renderer', name, summarise([listMs + outcome.ms], 0), {
    note: `list shown in ${listMs.toFixed(0)} ms, then ${outcome.steps} screenfuls in ${outcome.ms.toFixed(0)} ms; ${outcome.rows} rows in the DOM at the end; last reference on screen ${outcome.lastSeen ?? 'none'}`,
  });
}
