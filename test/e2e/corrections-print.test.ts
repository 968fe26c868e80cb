/**
 * Issue #15 in Chromium over browser mode, on the demo workbook: the Overview prints on at most two
 * A4 pages without navigation or buttons and with the protective marking; at 320 CSS px the
 * navigation folds behind "Menu" and nothing scrolls sideways; a milestone deleted from its action
 * page comes back with Undo; a person's name is corrected in Settings; the error summary takes focus.
 */
import { PDFDocument } from 'pdf-lib';
import { DEMO_NOW, firstLink, launch, settle, visit, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await launch('demo', { now: DEMO_NOW });
}, 120_000);
afterAll(async () => e?.close());

test('the Overview prints on at most two A4 pages, without the navigation or buttons, with the marking', async () => {
  await visit(e.page, '/');
  await e.page.emulateMedia({ media: 'print' });
  const hidden = await e.page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('nav[aria-label="Main"]')!).display,
    buttons: [...document.querySelectorAll('main button')].filter((b) => getComputedStyle(b).display !== 'none').length,
    marking: (document.querySelector('[data-print="banner"]') as HTMLElement).innerText,
  }));
  // Chromium's own PDF printing, with the print stylesheet (as Ctrl+P would).
  const pdf = await e.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
  await e.page.emulateMedia({ media: 'screen' });
  expect(hidden.nav).toBe('none');
  expect(hidden.buttons).toBe(0);
  expect(hidden.marking).toMatch(/OFFICIAL/);
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
}, 60_000);

test("a plan prints its actions' lead, due date and status as words where the screen has inline controls", async () => {
  await visit(e.page, '/plans');
  await visit(e.page, await firstLink(e.page, '/plans/'));
  const table = e.page.getByRole('table').first();
  await table.getByRole('combobox').first().waitFor();
  await e.page.emulateMedia({ media: 'print' });
  const printed = await table.evaluate((t) => (t as HTMLElement).innerText);
  const controlsShown = await table.evaluate((t) => [...t.querySelectorAll('select, input')].filter((c) => getComputedStyle(c).display !== 'none' && (c as HTMLElement).offsetParent !== null).length);
  await e.page.emulateMedia({ media: 'screen' });
  expect(controlsShown).toBe(0);
  // The words a control holds are on paper: a status and a UK date in the first table.
  expect(printed).toMatch(/Not started|In progress, on track|Delayed|Complete|Not achieved|Superseded/);
  expect(printed).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  // On screen, the printed copy is not there (nor read out twice).
  expect(await table.locator('[data-print="only"]').first().isVisible()).toBe(false);
}, 60_000);

test('at 320 CSS px the navigation folds behind Menu and no screen scrolls sideways', async () => {
  await e.page.setViewportSize({ width: 320, height: 640 });
  try {
    await visit(e.page, '/');
    const menu = e.page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await e.page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await menu.click();
    expect(await e.page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    for (const path of ['/', '/plans', '/evidence', '/settings', '/history']) {
      await visit(e.page, path);
      const overflow = await e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
      const mainWidth = await e.page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().width);
      expect(mainWidth, `${path}: main column`).toBeGreaterThan(280);
    }
  } finally {
    await e.page.setViewportSize({ width: 1366, height: 900 });
  }
}, 90_000);

test('a milestone moved to the Bin from its action page comes back with Undo', async () => {
  await visit(e.page, '/plans');
  await visit(e.page, await firstLink(e.page, '/plans/'));
  await visit(e.page, await firstLink(e.page, '/actions/'));
  const milestones = e.page.getByRole('table', { name: 'Milestones' });
  await milestones.waitFor();
  const before = await milestones.locator('tbody tr').count();
  const del = milestones.getByRole('button', { name: /^Move to Bin: milestone / }).first();
  const name = (await del.getAttribute('aria-label'))!.replace('Move to Bin: ', '');
  await del.click();
  await e.page.getByText(`${name.charAt(0).toUpperCase()}${name.slice(1)} moved to the Bin`).waitFor();
  await e.page.waitForFunction((n) => document.querySelectorAll('table[aria-label="Milestones"] tbody tr, main table tbody tr').length >= 0 && n >= 0, before);
  expect(await e.page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
  await e.page.keyboard.press('Enter');
  await e.page.getByText('Undone').waitFor();
  await e.page.waitForFunction((n) => {
    const t = [...document.querySelectorAll('caption')].find((c) => c.textContent === 'Milestones')?.closest('table');
    return !!t && t.querySelectorAll('tbody tr').length === n;
  }, before);
  // Focus goes to the restored row once it has re-rendered; it must never be left on the page body.
  await e.page.waitForFunction(() => document.activeElement !== document.body && document.activeElement !== null, undefined, { timeout: 5_000 });
}, 60_000);

test("a person's name is corrected in Settings, with an announced Saved", async () => {
  await visit(e.page, '/settings');
  const edit = e.page.getByRole('button', { name: /^Edit / }).last();
  const who = (await edit.getAttribute('aria-label'))!.replace('Edit ', '');
  await edit.click();
  const name = e.page.getByRole('textbox', { name: /^Name/ });
  expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
  await name.fill(`${who} (corrected)`);
  await e.page.getByRole('button', { name: 'Save person' }).click();
  await e.page.getByRole('status', { name: 'Notifications' }).getByText('Saved').waitFor();
  await e.page.getByRole('rowheader', { name: `${who} (corrected)` }).waitFor();
}, 60_000);

test('a failed save scrolls the error summary into view and focuses it; its link focuses the field', async () => {
  await visit(e.page, '/inspections');
  await e.page.getByRole('button', { name: /^Record an inspection|^Add an inspection|^Record inspection/ }).first().click();
  await e.page.getByRole('button', { name: 'Record inspection' }).click();
  const summary = e.page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  const inView = await summary.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  expect(inView).toBe(true);
  await summary.getByRole('link').first().click();
  expect(await e.page.evaluate(() => document.activeElement?.tagName)).toMatch(/INPUT|SELECT|TEXTAREA/);
  await settle(e.page);
}, 60_000);
