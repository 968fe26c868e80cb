/**
 * Issue #15 in Chromium over browser mode, on the demo workbook: records are named unambiguously
 * (actions with their plan, criteria in their framework's words) on the evidence page and in search;
 * a plan's actions tables line up and take status, due date and lead in place, announcing "Saved"
 * and showing a refusal beside the cell; the evidence library's linked-item filter is a visible
 * control, remembered like the other filters.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_NOW, firstLink, launch, SCREENSHOTS, settle, visit, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await launch('demo', { now: DEMO_NOW });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);
afterAll(async () => e?.close());

/** The actions tables of a plan or priority page (their captions, hidden on screen, say so). */
const actionTables = () => e.page.locator('main table').filter({ has: e.page.locator('caption', { hasText: /^Actions/ }) });
const shot = (name: string) => e.page.screenshot({ path: path.join(SCREENSHOTS, `h3-${name}.png`), fullPage: false });

async function planWithMostPriorities(): Promise<{ path: string; title: string }> {
  await visit(e.page, '/plans');
  const plans = await e.page.locator('main a[href^="#/plans/"]').evaluateAll((as) => as.map((a) => ({ path: a.getAttribute('href')!.slice(1), title: a.textContent!.trim() })));
  let best = plans[0]!;
  let most = -1;
  for (const p of plans) {
    await visit(e.page, p.path);
    // The actions load after the priorities: wait for the first table (a plan may have none).
    await actionTables().first().waitFor({ timeout: 3000 }).catch(() => undefined);
    const n = await actionTables().count();
    if (n > most) [best, most] = [p, n];
  }
  return best;
}

test("a plan's actions tables share their column widths", async () => {
  await e.page.setViewportSize({ width: 1366, height: 768 });
  const plan = await planWithMostPriorities();
  await visit(e.page, plan.path);
  await actionTables().nth(1).waitFor();
  const widths = await actionTables().evaluateAll((tables) =>
    tables.map((t) => [...t.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().width)).join(',')),
  );
  expect(widths.length).toBeGreaterThan(1);
  expect(new Set(widths).size, `column widths per table: ${widths.join(' | ')}`).toBe(1);
  await shot('plan-actions-tables');
}, 120_000);

test('status, due date and lead change in the actions table, say Saved, and a bad date is refused beside the cell', async () => {
  await e.page.setViewportSize({ width: 1366, height: 768 });
  await visit(e.page, '/plans');
  const planPath = await firstLink(e.page, '/plans/');
  await visit(e.page, planPath);
  const table = actionTables().first();
  const status = table.getByRole('combobox', { name: /^Status of action / }).first();
  const name = (await status.getAttribute('aria-label'))!;
  const reference = name.replace('Status of action ', '');
  const before = await status.inputValue();
  const next = before === 'delayed' ? 'on_track' : 'delayed';
  // Keyboard: focus the select and choose with the arrow keys as a person would.
  await status.focus();
  await status.selectOption(next);
  await e.page.getByRole('status').filter({ hasText: `Saved: status of action ${reference} is now` }).waitFor();
  expect(await e.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(name);

  const due = table.getByRole('textbox', { name: `Due date of action ${reference}` });
  if ((await due.count()) > 0) {
    await due.fill('31/02/2027');
    await due.press('Enter');
    const cell = due.locator('xpath=ancestor::td[1]');
    await cell.getByText('Enter the date as day/month/year, such as 22/11/2026.').waitFor();
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    await due.fill('30/04/2027');
    await due.press('Tab');
    await e.page.getByRole('status').filter({ hasText: `Saved: action ${reference} is now due 30/04/2027` }).waitFor();
  }

  const lead = table.getByRole('combobox', { name: `Lead of action ${reference}` });
  const options = await lead.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent! })));
  const current = await lead.inputValue();
  const other = options.find((o) => o.value && o.value !== current)!;
  await lead.selectOption(other.value);
  await e.page.getByRole('status').filter({ hasText: `Saved: lead of action ${reference} is now ${other.text}` }).waitFor();
  await shot('plan-inline-edit');

  // Saved for real: the action's own page shows the new values after the screen is reloaded.
  await e.page.reload();
  await settle(e.page, planPath);
  const again = actionTables().first();
  expect(await again.getByRole('combobox', { name }).inputValue()).toBe(next);
  expect(await again.getByRole('combobox', { name: `Lead of action ${reference}` }).inputValue()).toBe(other.value);
  const dueAgain = again.getByRole('textbox', { name: `Due date of action ${reference}` });
  if ((await dueAgain.count()) > 0) expect(await dueAgain.inputValue()).toBe('30/04/2027');
}, 120_000);

test('the evidence page names actions with their plan and sections in the framework’s words; search names the plan', async () => {
  await e.page.setViewportSize({ width: 1366, height: 768 });
  await visit(e.page, '/evidence');
  await e.page.locator('main a[href^="#/evidence/"]').first().waitFor();
  await visit(e.page, await firstLink(e.page, '/evidence/'));
  // Link it to an action and to a self-evaluation section through the picker.
  await e.page.getByRole('button', { name: 'Link to an item' }).click();
  await e.page.getByLabel(/^What to link to/).selectOption('action');
  const item = e.page.getByLabel(/^Item/);
  await item.locator('option').nth(1).waitFor({ state: 'attached' });
  const actionLabel = await item.locator('option').nth(1).textContent();
  expect(actionLabel).toMatch(/^Action \S+ .+ — .+/);
  await item.selectOption({ index: 1 });
  await e.page.getByRole('button', { name: 'Link', exact: true }).click();
  const links = e.page.getByRole('table', { name: 'Links' });
  // The link list names the action as the picker did, with its plan (a long title is shortened).
  const [actionName, planName] = actionLabel!.trim().split(' — ');
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await links.getByRole('link', { name: new RegExp(`^${escape(actionName!.slice(0, 40))}.* — ${escape(planName!)}$`) }).waitFor();

  await e.page.getByRole('button', { name: 'Link to an item' }).click();
  await e.page.getByLabel(/^What to link to/).selectOption('sefSection');
  const version = e.page.getByLabel(/^Self-evaluation version/);
  await version.locator('option').nth(1).waitFor({ state: 'attached' });
  await version.selectOption({ index: 1 });
  await item.locator('option').nth(1).waitFor({ state: 'attached' });
  await item.selectOption({ index: 1 });
  await e.page.getByRole('button', { name: 'Link', exact: true }).click();
  await links.locator('tbody th').filter({ hasText: /\(.+\)$/ }).first().waitFor();
  const named = await links.locator('tbody th').allTextContents();
  expect(named.join(' | ')).not.toMatch(/Section [a-z_]+/);
  expect(named.some((n) => /^(Identifying|Participation|The right help|Next steps|Valued|Joint leadership|Assessing|Improving)/.test(n))).toBe(true);
  await shot('evidence-item-links');

  // Search: an action's result carries its plan.
  await visit(e.page, '/search');
  const box = e.page.getByRole('searchbox', { name: 'Search the workbook' });
  await box.fill(actionLabel!.replace(/^Action \S+ /, '').split(' — ')[0]!.split(' ').slice(0, 3).join(' '));
  const result = e.page.getByRole('button').filter({ hasText: /Action in priority \S+ — / }).first();
  await result.waitFor();
  // The kind is said once ("Action in priority 1 — …", not "Action · Action in priority 1 — …").
  expect(await result.textContent()).not.toMatch(/Action · Action/);
  await shot('search-plan-context');
}, 120_000);

test('the evidence library filters by linked item through a visible control, remembered on return', async () => {
  await e.page.setViewportSize({ width: 1366, height: 768 });
  await visit(e.page, '/evidence');
  const all = Number((await e.page.getByRole('status').filter({ hasText: / items?$/ }).first().textContent())!.replace(/[^0-9]/g, ''));
  await e.page.getByLabel('Linked to', { exact: true }).selectOption('action');
  const which = e.page.getByLabel('Linked action', { exact: true });
  await which.locator('option').nth(1).waitFor({ state: 'attached' });
  // An action some evidence is linked to, read from the links of the demo's evidence items.
  let chosen = '';
  for (let i = 1; i <= 20 && !chosen; i++) {
    await visit(e.page, `/evidence/${i}`);
    const href = await e.page.locator('main table a[href^="#/actions/"]').first().getAttribute('href', { timeout: 500 }).catch(() => null);
    if (href) chosen = href.split('/').pop()!;
  }
  expect(chosen).not.toBe('');
  await visit(e.page, '/evidence');
  await e.page.getByLabel('Linked to', { exact: true }).selectOption('action');
  await which.locator(`option[value="${chosen}"]`).waitFor({ state: 'attached' });
  await which.selectOption(chosen);
  await e.page.getByText(/^Linked to Action /).waitFor();
  await e.page.getByRole('status').filter({ hasText: / items?$/ }).first().waitFor();
  const shown = Number((await e.page.getByRole('status').filter({ hasText: / items?$/ }).first().textContent())!.replace(/[^0-9]/g, ''));
  expect(shown).toBeLessThan(all);
  const badge = await e.page.getByText(/^Linked to Action /).textContent();
  expect(badge).toMatch(/ — /);
  await shot('evidence-library-linked-filter');

  // Remembered: leave the screen and come back.
  await visit(e.page, '/');
  await visit(e.page, '/evidence');
  expect(await e.page.getByLabel('Linked to', { exact: true }).inputValue()).toBe('action');
  expect(await e.page.getByLabel('Linked action', { exact: true }).inputValue()).toBe(chosen);
  await e.page.getByRole('button', { name: 'Show evidence linked to anything' }).click();
  await e.page.getByRole('status').filter({ hasText: `${all.toLocaleString('en-GB')} items` }).waitFor();

  // A link from another screen (?linkedType=…&linkedId=…) still sets the control.
  await visit(e.page, `/evidence?linkedType=action&linkedId=${chosen}`);
  expect(await e.page.getByLabel('Linked action', { exact: true }).inputValue()).toBe(chosen);
}, 120_000);
