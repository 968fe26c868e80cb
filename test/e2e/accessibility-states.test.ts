/**
 * axe in the states the screen tests do not reach (issue #15): Ctrl+K open, a form showing its
 * error summary, an edit form open, the Restore dialog, History and Recent changes, and each step of
 * the import wizards (inspection letter, national statistics, a returned Excel plan) — at 1366×768
 * and at 320 CSS px. No serious or critical violations; Fluent's tabster focus sentinels are the
 * only exclusion (see accessibility.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { tidyCsv } from '../imports/dfe-fixture';
import { INITIAL_LETTER } from '../imports/letters-fixtures';
import { DEMO_NOW, firstLink, launch, visit, type E2E } from './harness';

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

/** A returned Excel plan: the demo plan's own export, downloaded as an officer would. */
let returnedPlan: string | null = null;
async function planWorkbook(): Promise<string> {
  if (returnedPlan) return returnedPlan;
  await visit(e.page, '/plans');
  await visit(e.page, await firstLink(e.page, '/plans/'));
  const download = e.page.waitForEvent('download');
  await e.page.getByRole('button', { name: 'Action plan (Excel)' }).click();
  returnedPlan = path.join(e.dir, 'returned-plan.xlsx');
  await (await download).saveAs(returnedPlan);
  return returnedPlan;
}

for (const [width, height] of [
  [1366, 768],
  [320, 640],
] as const) {
  test(`each step of the import wizards has no serious accessibility violations at ${width} px`, async () => {
    const xlsx = await planWorkbook();
    const csv = path.join(e.dir, 'ehcp.csv');
    writeFileSync(csv, tidyCsv());
    await e.page.setViewportSize({ width, height });
    const problems: string[] = [];
    try {
      // Inspection letter: the first step, then the preview of a pasted letter.
      await visit(e.page, '/inspections');
      await e.page.getByRole('button', { name: /^Import an inspection letter/ }).click();
      await e.page.getByLabel('Or paste the letter’s text').waitFor();
      problems.push(...(await serious(e.page, 'letter import, first step')));
      await e.page.getByLabel('Or paste the letter’s text').fill(INITIAL_LETTER);
      await e.page.getByRole('button', { name: 'Preview the pasted text' }).click();
      await e.page.locator('section[aria-labelledby="letter-preview"]').waitFor();
      problems.push(...(await serious(e.page, 'letter import, preview')));

      // National statistics: the first step, then the preview.
      await visit(e.page, '/indicators');
      await e.page.getByRole('button', { name: 'Import national statistics (DfE CSV)…' }).click();
      await e.page.getByLabel('DfE CSV file').waitFor();
      problems.push(...(await serious(e.page, 'statistics import, first step')));
      await e.page.getByLabel('DfE CSV file').setInputFiles(csv);
      await e.page.getByLabel('Filter: sen_provision').selectOption('EHC plan');
      await e.page.getByLabel('New indicator title').fill('EHC plans issued within 20 weeks');
      problems.push(...(await serious(e.page, 'statistics import, file read')));
      await e.page.getByRole('button', { name: 'Read the file and preview' }).click();
      await e.page.getByRole('status').filter({ hasText: /\d+ new, \d+ changed/ }).waitFor();
      problems.push(...(await serious(e.page, 'statistics import, preview')));

      // A returned Excel plan: the first step, then the preview of the changes.
      await visit(e.page, '/plans');
      await e.page.getByRole('button', { name: 'Import a returned Excel plan…' }).click();
      const chooser = e.page.locator('main input[type="file"]');
      await chooser.waitFor({ state: 'attached' });
      problems.push(...(await serious(e.page, 'Excel return import, first step')));
      await chooser.setInputFiles(xlsx);
      await e.page.getByRole('tablist', { name: 'Show' }).waitFor({ timeout: 30_000 });
      problems.push(...(await serious(e.page, 'Excel return import, preview')));
    } finally {
      await e.page.setViewportSize({ width: 1366, height: 900 });
    }
    expect(problems).toEqual([]);
  }, 180_000);
}
