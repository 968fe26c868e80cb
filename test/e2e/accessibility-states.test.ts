/**
 * axe in the states the screen tests do not reach (issue #15): Ctrl+K open, a form showing its
 * error summary, an edit form open, the Restore dialog, History and Recent changes — at 1366×768
 * and at 320 CSS px. No serious or critical violations; Fluent's tabster focus sentinels are the
 * only exclusion (see accessibility.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { DEMO_NOW, launch, visit, type E2E } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

async function serious(page: Page, where: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations;
  })) as Violation[];
  return violations
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) } : v))
    .filter((v) => v.nodes.length > 0 && (v.impact === 'serious' || v.impact === 'critical'))
    .map((v) => `${where}: ${v.id} – ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

let e: E2E;
beforeAll(async () => {
  e = await launch('demo', { now: DEMO_NOW });
}, 120_000);
afterAll(async () => e?.close());

for (const [width, height] of [
  [1366, 768],
  [320, 640],
] as const) {
  test(`dialog and form states have no serious accessibility violations at ${width} px`, async () => {
    await e.page.setViewportSize({ width, height });
    const problems: string[] = [];
    try {
      // Ctrl+K open, with results.
      await visit(e.page, '/');
      await e.page.keyboard.press('Control+k');
      const box = e.page.getByRole('combobox', { name: 'Search the workbook' });
      await box.waitFor();
      await box.fill('EHC');
      await e.page.waitForTimeout(600);
      problems.push(...(await serious(e.page, 'Ctrl+K open')));
      await e.page.keyboard.press('Escape');
      expect(await e.page.evaluate(() => document.activeElement !== document.body)).toBe(true);

      // A form showing its error summary.
      await visit(e.page, '/inspections');
      await e.page.getByRole('button', { name: 'Record an inspection' }).click();
      await e.page.getByRole('button', { name: 'Record inspection' }).click();
      await e.page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
      problems.push(...(await serious(e.page, 'form with errors')));

      // An edit form open, and the sortable tables.
      await visit(e.page, '/settings');
      await e.page.getByRole('button', { name: /^Edit / }).last().click();
      problems.push(...(await serious(e.page, 'Settings edit form open')));

      for (const path of ['/history', '/plans']) {
        await visit(e.page, path);
        problems.push(...(await serious(e.page, path)));
      }

      // The Restore dialog, when there is a backup to restore.
      await visit(e.page, '/backups');
      const restore = e.page.getByRole('button', { name: /^Restore the backup of/ }).first();
      if ((await restore.count()) > 0 && (await restore.isEnabled())) {
        await restore.click();
        const dialog = e.page.getByRole('dialog', { name: 'Restore this backup?' });
        await dialog.waitFor();
        expect(await e.page.evaluate(() => document.activeElement?.textContent)).not.toBe('Restore');
        problems.push(...(await serious(e.page, 'Restore dialog')));
        await e.page.keyboard.press('Escape');
      }
    } finally {
      await e.page.setViewportSize({ width: 1366, height: 900 });
    }
    expect(problems).toEqual([]);
  }, 150_000);
}
