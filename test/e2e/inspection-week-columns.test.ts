/**
 * Issue #15: the Inspection week tables gave every column the same share, so a request's own words
 * wrapped every two or three words while dates had room to spare. Now the record's text takes the
 * room left by columns sized for what they hold; at 1366×768 the tables fit without scrolling.
 */
import path from 'node:path';
import { DEMO_NOW, launch, SCREENSHOTS, visit, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await launch('demo', { now: DEMO_NOW });
}, 120_000);
afterAll(async () => e?.close());

test('inspection-week columns are sized for what they hold, the record’s own text widest', async () => {
  const p = e.page;
  await p.setViewportSize({ width: 1366, height: 768 });
  await visit(p, '/inspection-week');
  await p.getByLabel(/^What was asked for/).fill('Latest audit of EHC plan quality across all settings, with the moderation notes');
  await p.getByLabel(/^From \(inspector\)/).fill('HMI Patel');
  await p.getByLabel(/^Due/).first().fill('25/11/2026 16:00');
  await p.getByRole('button', { name: 'Log request' }).click();
  await p.getByRole('table', { name: 'Requests from inspectors' }).waitFor();
  await p.getByRole('button', { name: 'Add the usual information request items' }).click();
  await p.getByRole('table', { name: 'Information request items' }).waitFor();
  await p.getByLabel(/^Pseudonym/).fill('CYP-A');
  await p.getByRole('button', { name: 'Add tracked child' }).click();
  await p.getByRole('table', { name: 'Tracked children' }).waitFor();

  const widths = async (name: string) =>
    p.getByRole('table', { name }).evaluate((t) => ({
      columns: Object.fromEntries([...t.querySelectorAll('thead th')].map((th) => [th.textContent!.trim(), th.getBoundingClientRect().width])),
      overflow: t.parentElement!.scrollWidth - t.parentElement!.clientWidth,
    }));
  const requests = await widths('Requests from inspectors');
  const items = await widths('Information request items');
  const children = await widths('Tracked children');
  expect(requests.columns.Request).toBeGreaterThan(2 * requests.columns.Ref!);
  expect(requests.columns.Request).toBeGreaterThan(requests.columns.Due!);
  expect(items.columns.Item).toBeGreaterThan(1.5 * items.columns.Due!);
  expect(items.columns.Item).toBeGreaterThan(items.columns.Owner!);
  // Every column keeps room for its words (a pseudonym once collapsed to one letter a line).
  for (const [name, t] of Object.entries({ requests, items, children })) {
    for (const [header, width] of Object.entries(t.columns)) expect(width, `${name}: ${header}`).toBeGreaterThanOrEqual(64);
  }
  expect(children.columns.Meeting).toBeGreaterThan(children.columns.Selected!);
  // A status select and a date fit their columns (they were 135 px and squeezed the selects).
  expect(items.columns.Status).toBeGreaterThanOrEqual(160);
  for (const [name, t] of Object.entries({ requests, items, children })) expect(t.overflow, `${name} scrolls sideways at 1366 px`).toBeLessThanOrEqual(1);

  await p.getByRole('table', { name: 'Requests from inspectors' }).scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(SCREENSHOTS, 'h3-week-requests.png') });
  await p.getByRole('table', { name: 'Tracked children' }).scrollIntoViewIfNeeded();
  await p.screenshot({ path: path.join(SCREENSHOTS, 'h3-week-children.png') });
}, 120_000);
