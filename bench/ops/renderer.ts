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

/**
 * A fresh production build in the bench's temp folder (issue #17): dist/ may hold the development
 * build the end-to-end tests leave there, whose figures are not what a user gets.
 */
function rendererBuild(tempRoot: string, log: (line: string) => void): { dir: string | null; note: string } {
  if (!existsSync(path.join(ROOT, 'vite.config.ts')) || !existsSync(path.join(ROOT, 'renderer', 'index.html'))) {
    return { dir: null, note: 'no vite.config.ts to build the renderer with' };
  }
  const out = path.join(tempRoot, 'renderer-dist');
  log('Building the renderer for production (vite build) for the renderer check…');
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'production', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0 || !existsSync(path.join(out, 'index.html'))) {
    return { dir: null, note: `vite build failed: ${(build.stderr || build.stdout || '').trim().split('\n').slice(-2).join(' ')}` };
  }
  return { dir: out, note: 'fresh production build' };
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

/**
 * Real content has arrived: something marked data-loaded="true" (QueryView's content, the
 * evidence list's scroller) and nothing marked data-loaded="false" (any loading state), whatever
 * words a spinner uses (issue #17: waiting for the text "Loading…" ended early).
 */
const contentLoaded = (heading: string) =>
  !!document.querySelector('h1')?.textContent?.includes(heading) &&
  !!document.querySelector('[data-loaded="true"]') &&
  !document.querySelector('[data-loaded="false"]') &&
  !document.querySelector('[aria-busy="true"]');

export async function benchRenderer(workbookPath: string, tempRoot: string, log: (line: string) => void, lastEvidence: string | null = null): Promise<OpResult[]> {
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
    await page.waitForFunction(contentLoaded, '', { timeout: 120_000, polling: 'raf' });
    const overviewMs = performance.now() - t0;
    const heading = await page.textContent('h1');
    results.push(
      ok('renderer', 'Overview with its data in Chromium (reported, not asserted)', summarise([overviewMs], 0), {
        note: `first load incl. JS, until the roll-up and evidence coverage are shown (data-loaded); ${build.note}; h1 “${heading?.trim()}”`,
      }),
    );
    results.push(await scrollEvidence(page, lastEvidence));
  } catch (e) {
    results.push(failed('renderer', 'Renderer check (Chromium)', e));
  } finally {
    await browser.close();
    await running.close();
  }
  return results;
}

/**
 * Scrolls the evidence list's own scroller (the virtualised list, marked data-scroller) a
 * screenful per frame for a fixed number of frames, then jumps to the end and waits until the last
 * item is on screen. A string, not a function: tsx's compiled helpers do not exist in the page.
 */
const SCROLL_FRAMES = 300;
const SCROLL = `(async (frames, last) => {
  const scroller = document.querySelector('[data-scroller="evidence"]');
  if (!scroller) return { error: 'no evidence list scroller on the page' };
  const started = performance.now();
  let steps = 0;
  for (; steps < frames && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2; steps++) {
    scroller.scrollTop += scroller.clientHeight;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
  const scrollMs = performance.now() - started;
  const jumped = performance.now();
  scroller.scrollTop = scroller.scrollHeight;
  const refs = () => scroller.innerText.match(/E-\\d{3,}/g) || [];
  while (performance.now() - jumped < 60000 && !(last ? refs().includes(last) : refs().length > 0)) {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    scroller.scrollTop = scroller.scrollHeight;
  }
  const seen = refs();
  return { scrollMs, steps, endMs: performance.now() - jumped, lastSeen: seen[seen.length - 1] || null, rows: scroller.querySelectorAll('[role="row"]').length, height: scroller.scrollHeight, screen: scroller.clientHeight };
})`;

type Page = Awaited<ReturnType<Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>['newPage']>>;

async function scrollEvidence(page: Page, lastEvidence: string | null): Promise<OpResult> {
  const name = 'Evidence list: shown, scrolled, end reached (reported, not asserted)';
  const t0 = performance.now();
  await page.evaluate(() => {
    window.location.hash = '#/evidence';
  });
  await page.waitForFunction(contentLoaded, 'Evidence', { timeout: 120_000, polling: 'raf' });
  const listMs = performance.now() - t0;
  const outcome = (await page.evaluate(`${SCROLL}(${SCROLL_FRAMES}, ${JSON.stringify(lastEvidence)})`)) as {
    error?: string;
    scrollMs: number;
    steps: number;
    endMs: number;
    lastSeen: string | null;
    rows: number;
    height: number;
    screen: number;
  };
  if (outcome.error) return failed('renderer', name, outcome.error);
  const valid = lastEvidence ? outcome.lastSeen === lastEvidence : outcome.lastSeen !== null;
  const result = ok('renderer', name, summarise([listMs], 0), {
    targets: [{ text: `the list's last item (${lastEvidence ?? '?'}) reached`, met: valid }],
    note: `list shown in ${listMs.toFixed(0)} ms; ${outcome.steps} screenfuls (of ${Math.round(outcome.height / outcome.screen).toLocaleString('en-GB')}) at ${(outcome.scrollMs / Math.max(1, outcome.steps)).toFixed(1)} ms each; jump to the end shown in ${outcome.endMs.toFixed(0)} ms, last reference on screen ${outcome.lastSeen ?? 'none'}; ${outcome.rows} rows in the DOM`,
  });
  return result;
}
