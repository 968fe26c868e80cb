/**
 * The officer's core journey on an empty workbook (issue 3): an inspection with a significant
 * weakness, a plan with a priority answering it, an action with two milestones and a progress
 * update, an evidence item linked to the action, and a self-evaluation judgement citing it.
 * Then reload and find it all there, and see the roll-up on the Overview.
 */
import type { Page } from 'playwright-core';
import type { Driver } from './drivers';
import { settle, visit } from './harness';

async function waitForPath(page: Page, prefix: string): Promise<string> {
  await page.waitForFunction((p) => (document.querySelector('main')?.getAttribute('data-path') ?? '').startsWith(p), prefix);
  const path = (await page.locator('main').getAttribute('data-path'))!;
  await settle(page, path);
  return path;
}

export async function recordEverything(page: Page, d: Driver): Promise<void> {
  await visit(page, '/inspections');
  await d.press('Record an inspection');
  await d.fill('Title', 'Joint local area SEND inspection, autumn 2019');
  await d.select('Framework', /^Joint local area SEND inspection/);
  await d.fill('On-site start', '30/09/2019');
  await d.press('Record inspection');
  await waitForPath(page, '/inspections/');

  await d.press('Add a finding');
  await d.select('Finding type', 'Significant area of weakness');
  await d.fill('Reference', 'SW1');
  await d.fill('Short title', 'Weak strategic leadership');
  await d.press('Add finding');
  await page.getByRole('link', { name: 'SW1 Weak strategic leadership' }).waitFor();

  await visit(page, '/plans');
  await d.press('Create a plan');
  await d.fill('Plan title', 'Written Statement of Action 2020');
  await d.press('Create plan');
  await waitForPath(page, '/plans/');

  await d.press('Add a priority');
  await d.fill('Priority reference', '1');
  await d.fill('Priority title', 'Leadership and accountability');
  await d.check(/SW1 Weak strategic leadership/);
  await d.press('Add priority');
  await d.follow('Priority 1: Leadership and accountability');
  await waitForPath(page, '/priorities/');

  await d.press('Add an action');
  await d.fill('Action reference', '1.1');
  await d.fill('What we will do', 'Establish a joint SEND improvement board');
  await d.fill('Due date', '31/03/2027');
  await d.press('Add action');
  await d.follow('1.1 Establish a joint SEND improvement board');
  await waitForPath(page, '/actions/');

  for (const [title, due] of [
    ['Board terms of reference agreed', '31/01/2027'],
    ['Board meets every six weeks', '31/03/2027'],
  ]) {
    await d.press('Add a milestone');
    await d.fill('Milestone', title!);
    await d.fill('Due date', due!);
    await d.press('Add milestone');
    await page.getByRole('rowheader', { name: title }).waitFor();
  }

  await d.press('Add a progress update');
  await d.fill('Date of the update', '20/11/2026');
  await d.fill('Reporting period', 'November 2026');
  await d.fill('Highlights', 'Terms of reference drafted with the parent carer forum.');
  await d.press('Add update');
  await page.getByText('Terms of reference drafted with the parent carer forum.').waitFor();

  await visit(page, '/evidence');
  await d.press('Add evidence');
  await d.fill('Evidence title', 'Improvement board minutes, November 2026');
  await d.select('Level', 'Impact');
  await d.press('Add evidence');
  await waitForPath(page, '/evidence/');
  await d.press('Link to an item');
  await d.select('What to link to', 'Action');
  await d.select('Item', /^Action 1\.1 Establish a joint SEND improvement board — Written Statement of Action 2020$/);
  await d.press('Link');
  await page.getByRole('link', { name: /1\.1/ }).first().waitFor();

  await visit(page, '/sef');
  await d.press('Create a self-evaluation');
  await d.fill('Self-evaluation title', 'Self-evaluation, autumn 2026');
  await d.select('Framework', /^Joint local area SEND inspection/);
  await d.select(/^Judgement scale/, 'Red, amber, green');
  await d.press('Create self-evaluation');
  await waitForPath(page, '/sef/');
  await d.follow('Identifying children and young people with SEND');
  await waitForPath(page, '/sections/');
  await d.select(/^Judgement \(/, 'Amber');
  await d.fill('What we know', 'Leaders now meet every six weeks as one board.');
  await d.press('Save section');
  await page.getByRole('button', { name: 'Save section' }).waitFor();
  await page.waitForFunction(() => !document.body.textContent?.includes('Unsaved changes'));
  await d.press('Link evidence');
  await d.fill('Find evidence', 'Improvement board');
  await d.select('Evidence item', /^E-\d+ Improvement board minutes/);
  await d.press('Link evidence');
  await page.getByRole('link', { name: /Improvement board minutes, November 2026/ }).waitFor();

  // The plan is still a draft, and the Overview never follows a draft by itself (issue #13):
  // the officer chooses it, and the choice is kept in the workbook.
  await visit(page, '/');
  await page.getByText('No approved or published plan to follow yet').waitFor();
  await d.select('Plan the Overview follows', /^Written Statement of Action 2020/);
  await page.getByText(/^2 milestones: 2 \(100%\) not yet due\.$/).waitFor();
}

/** After a reload: everything recorded is still there, and the Overview rolls it up. */
export async function expectEverythingKept(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();

  await visit(page, '/inspections');
  await page.getByRole('link', { name: 'Joint local area SEND inspection, autumn 2019' }).click();
  await settle(page);
  await page.getByRole('link', { name: 'SW1 Weak strategic leadership' }).click();
  await settle(page);
  await page.getByRole('link', { name: 'Priority 1: Leadership and accountability' }).waitFor();
  await page.getByRole('link', { name: '1.1 Establish a joint SEND improvement board' }).click();
  await settle(page);
  await page.getByRole('rowheader', { name: 'Board terms of reference agreed' }).waitFor();
  await page.getByRole('rowheader', { name: 'Board meets every six weeks' }).waitFor();
  await page.getByText('Terms of reference drafted with the parent carer forum.').waitFor();
  await page.getByRole('link', { name: /Improvement board minutes, November 2026/ }).waitFor();

  await visit(page, '/sef');
  await page.getByRole('link', { name: 'Self-evaluation, autumn 2026' }).click();
  await settle(page);
  await page.getByRole('row', { name: /Identifying children and young people with SEND.*Amber/ }).waitFor();
  await page.getByRole('link', { name: 'Identifying children and young people with SEND' }).click();
  await settle(page);
  await page.getByRole('link', { name: /Improvement board minutes, November 2026/ }).waitFor();

  await visit(page, '/');
  await page.getByText(/^2 milestones: 2 \(100%\) not yet due\.$/).waitFor();
  await page.getByText(/^1 action: 1 \(100%\) not started\.$/).waitFor();
}
