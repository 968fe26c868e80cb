/**
 * Issue #15 (WCAG 2.4.3): every form and dialog gives focus back to the control that opened it when
 * it closes, and focus never falls to <body>. Enumerated here in Chromium over the demo workbook:
 * each "Add…" form and an Edit form (Escape and Cancel), "Link to an item", Ctrl+K, the Restore
 * dialog, and a row's Move to Bin (focus goes to Undo, and back to the row after Undo). Also: the
 * Welcome screen opened inside the shell has one <main>.
 */
import type { Page } from 'playwright-core';
import { DEMO_NOW, firstLink, launch, visit, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await launch('demo', { now: DEMO_NOW });
}, 120_000);
afterAll(async () => e?.close());

/** What has focus, as "role:name" (the accessible name roughly as a screen reader says it). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });

const waitForFocusOn = (page: Page, name: string) =>
  page
    .waitForFunction((n) => (document.activeElement?.textContent ?? '').trim() === n || document.activeElement?.getAttribute('aria-label') === n, name, { timeout: 5000 })
    .catch(() => undefined);

async function pathsOf(page: Page) {
  await visit(page, '/plans');
  const plan = await firstLink(page, '/plans/');
  await visit(page, plan);
  const priority = await firstLink(page, '/priorities/');
  const action = await firstLink(page, '/actions/');
  await visit(page, '/evidence');
  await page.locator('main a[href^="#/evidence/"]').first().waitFor();
  const evidence = await firstLink(page, '/evidence/');
  await visit(page, '/indicators');
  const indicator = await firstLink(page, '/indicators/');
  await visit(page, '/inspections');
  const event = await firstLink(page, '/inspections/');
  return { plan, priority, action, evidence, indicator, event };
}

test('each Add, Edit and Link form gives focus to its first field, and back to its opener on Escape and on Cancel', async () => {
  const p = await pathsOf(e.page);
  const forms: [string, string][] = [
    ['/inspections', 'Record an inspection'],
    [p.event, 'Add a finding'],
    ['/plans', 'Create a plan'],
    [p.plan, 'Add a priority'],
    [p.plan, 'Edit'],
    [p.priority, 'Add an action'],
    [p.action, 'Add a milestone'],
    [p.action, 'Add a progress update'],
    ['/evidence', 'Add evidence'],
    [p.evidence, 'Link to an item'],
    [p.evidence, 'Edit'],
    ['/indicators', 'Add an indicator'],
    [p.indicator, 'Add a target'],
    [p.indicator, 'Add a value'],
    ['/sef', 'Create a self-evaluation'],
  ];
  const problems: string[] = [];
  for (const [path, opener] of forms) {
    for (const close of ['Escape', 'Cancel'] as const) {
      await visit(e.page, path);
      const button = e.page.locator('main').getByRole('button', { name: opener, exact: true }).first();
      if ((await button.count()) === 0) {
        problems.push(`${path}: no “${opener}” button`);
        break;
      }
      await button.click();
      await e.page.waitForTimeout(200);
      const inForm = await focused(e.page);
      if (inForm === 'body' || inForm === `button:${opener}`) problems.push(`${path} “${opener}”: focus stayed on ${inForm} when the form opened`);
      if (close === 'Escape') await e.page.keyboard.press('Escape');
      else await e.page.locator('main').getByRole('button', { name: 'Cancel', exact: true }).first().click();
      await waitForFocusOn(e.page, opener);
      const after = await focused(e.page);
      if (after !== `button:${opener}`) problems.push(`${path} “${opener}” closed with ${close}: focus on ${after}`);
    }
  }
  expect(problems).toEqual([]);
}, 300_000);

test('Ctrl+K gives focus back to where it was; the Restore dialog to its Restore button', async () => {
  await visit(e.page, '/evidence');
  const search = e.page.getByRole('searchbox').first();
  await search.focus();
  await e.page.keyboard.press('Control+k');
  await e.page.getByRole('combobox', { name: 'Search the workbook' }).waitFor();
  expect(await focused(e.page)).not.toBe('body');
  await e.page.keyboard.press('Escape');
  await e.page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'search');

  await visit(e.page, '/backups');
  if ((await e.page.getByRole('button', { name: /^Restore the backup of/ }).count()) === 0) {
    await e.page.getByRole('button', { name: 'Back up now' }).click();
  }
  const restore = e.page.getByRole('button', { name: /^Restore the backup of/ }).first();
  await restore.waitFor();
  const name = (await restore.getAttribute('aria-label')) ?? (await restore.textContent())!;
  await restore.click();
  await e.page.getByRole('dialog', { name: 'Restore this backup?' }).waitFor();
  expect(await focused(e.page)).not.toBe('body');
  await e.page.keyboard.press('Escape');
  await waitForFocusOn(e.page, name.trim());
  expect(await focused(e.page)).toBe(`button:${name.trim()}`);
}, 120_000);

test('a row’s Move to Bin puts focus on Undo, and Undo gives it back to the restored row', async () => {
  await visit(e.page, '/plans');
  await visit(e.page, await firstLink(e.page, '/plans/'));
  await visit(e.page, await firstLink(e.page, '/actions/'));
  const milestones = e.page.getByRole('table', { name: 'Milestones' });
  const bin = milestones.getByRole('button', { name: /^Move to Bin/ }).first();
  await bin.click();
  await e.page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Undo', undefined, { timeout: 5000 });
  await e.page.keyboard.press('Enter');
  await e.page.waitForFunction(() => /^Move to Bin|^Edit/.test((document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '').trim()), undefined, { timeout: 5000 });
  expect(await focused(e.page)).not.toBe('body');
}, 120_000);

test('the Welcome screen opened inside the shell has one main landmark', async () => {
  await e.page.evaluate(() => {
    window.location.hash = '/welcome';
  });
  await e.page.getByRole('heading', { name: 'Welcome to Evidence Workbook', level: 1 }).waitFor();
  expect(await e.page.locator('main').count()).toBe(1);
  expect(await e.page.getByRole('main').count()).toBe(1);
}, 60_000);
