/**
 * Issue 8's journey in Debian Chromium against browser mode: an inspection, the notification call,
 * the timeline in working days, an inspector's request answered with evidence, and the evidence
 * pack downloaded as a zip with its index.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { ukDate } from '../../electron/contract/format';
import { pointerDriver } from './drivers';
import { launch, settle, visit, type E2E } from './harness';

// Monday 16/11/2026: the call comes the week before "today" in the other suites.
const NOW = new Date('2026-11-17T10:00:00Z');
let e: E2E | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

/** What the server itself says, to compare the screen with (the working-day rules live there). */
async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${new URL(e!.server.url).origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${e!.server.token}` },
    body: JSON.stringify(input),
  });
  const result = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

test('notification date → timeline → a request answered with evidence → the evidence pack', async () => {
  e = await launch('empty', { now: NOW });
  const { page } = e;
  const d = pointerDriver(page);

  await visit(page, '/inspections');
  await d.press('Record an inspection');
  await d.fill('Title', 'Area SEND inspection, November 2026');
  await d.press('Record inspection');
  await page.waitForFunction(() => (document.querySelector('main')?.getAttribute('data-path') ?? '').startsWith('/inspections/'));

  await visit(page, '/evidence');
  await d.press('Add evidence');
  await d.fill('Evidence title', 'EHC plan timeliness audit, October 2026');
  await d.press('Add evidence');
  await page.waitForFunction(() => (document.querySelector('main')?.getAttribute('data-path') ?? '').startsWith('/evidence/'));

  await visit(page, '/inspection-week');
  await d.fill('Date Ofsted called (notification)', '16/11/2026');
  await d.press('Lay out the timeline');
  const timeline = page.getByRole('list', { name: 'Inspection timeline' });
  await timeline.getByText('Fieldwork starts').waitFor();

  const events = await call<{ items: { id: number }[] }>('event:list', { limit: 10 });
  const expected = await call<{ entries: { key: string; label: string; date: string | null }[] }>('week:timeline', { eventId: events.items[0]!.id });
  expect(expected.entries.find((x) => x.key === 'notified')!.date).toBe('2026-11-16');
  for (const key of ['information_request_due', 'fieldwork_start', 'onsite_start']) {
    const entry = expected.entries.find((x) => x.key === key)!;
    expect(entry.date).not.toBeNull();
    await expect(timeline.getByRole('listitem').filter({ hasText: entry.label }).textContent()).resolves.toContain(ukDate(entry.date));
  }

  await d.fill('What was asked for', 'Latest audit of EHC plan quality');
  await d.fill('From (inspector)', 'HMI Patel');
  await d.fill('Due', '18/11/2026 16:00');
  await d.press('Log request');
  const requests = page.getByRole('table', { name: 'Requests from inspectors' });
  await requests.getByText('Latest audit of EHC plan quality').waitFor();
  await requests.getByRole('button', { name: /^Answer / }).click();
  await d.fill('Response', 'Audit sent by secure email.');
  await d.check(/EHC plan timeliness audit, October 2026/);
  await d.press('Save answer');
  await requests.getByRole('cell', { name: 'Answered' }).waitFor();
  await expect(requests.getByRole('row').nth(1).textContent()).resolves.toMatch(/E-\d+/);

  const download = page.waitForEvent('download');
  await d.press('Build evidence pack');
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  await page.getByText(/^Saved .*\.zip: 1 evidence item, 0 files\.$/).waitFor();
  const entries = unzipSync(readFileSync((await zip.path())!));
  expect(Object.keys(entries)).toContain('index.html');
  expect(new TextDecoder().decode(entries['index.html'])).toContain('EHC plan timeliness audit, October 2026');
  await settle(page, '/inspection-week');
}, 120_000);
