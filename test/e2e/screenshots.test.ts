/** A screenshot of every main screen on the demo workbook, for people to look at (test-output/screenshots/). */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEMO_NOW, launch, mainScreens, SCREENSHOTS, visit, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await launch('demo', { now: DEMO_NOW });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);
afterAll(async () => e?.close());

test('every main screen of the demo workbook renders and is captured', async () => {
  const screens = await mainScreens(e.page);
  expect(screens.length).toBeGreaterThanOrEqual(18);
  for (const [i, s] of screens.entries()) {
    await visit(e.page, s.path);
    await expect(e.page.locator('main [role="alert"]').count()).resolves.toBe(0);
    const file = path.join(SCREENSHOTS, `${String(i + 1).padStart(2, '0')}-${s.name}.png`);
    await e.page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  }
}, 120_000);
