/**
 * A partner without Excel opens the plan in LibreOffice and saves it: the return must import with
 * no spurious changes (dates, numbers as text, blanks, whitespace and line ends all survive), and
 * real edits must still come through exactly.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestWorkbook, tempDir, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture, type PlanFixture } from './plan-fixture';
import { b64, editWorkbook, exportPlan, findRow, preview, setCell } from './xlsx-helpers';

let t: TestWorkbook;
let fx: PlanFixture;
let untouched: Buffer;
let edited: Buffer;

/** Converts xlsx files through LibreOffice (headless, with its own profile so runs never collide). */
function resaveWithLibreOffice(files: Record<string, Buffer>): Record<string, Buffer> {
  const dir = tempDir('ewb-lo-');
  const out = path.join(dir, 'out');
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  });
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...inputs],
      { stdio: 'pipe', timeout: 90_000 },
    );
    return Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(path.join(out, name))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  t = makeTestWorkbook();
  fx = await buildPlanFixture(t.api);
  // Values that trip naive round trips: trailing spaces, CRLF, a number-like reference, a long text.
  await t.api.call('action:update', { id: fx.actions.a12, how: 'Line one  \r\nLine two\t', successMeasures: '100' });
  const exported = await exportPlan(t.api);
  const changed = await editWorkbook(exported, (wb) => {
    const plan = wb.getWorksheet('Plan')!;
    const r = findRow(plan, 'Action ref', '2.1');
    setCell(plan, r, 'Status', 'Delayed');
    setCell(plan, r, 'Due', '15/07/2027');
    setCell(plan, r, 'New update: progress and highlights', 'Provider appointed.');
  });
  const saved = resaveWithLibreOffice({ 'untouched.xlsx': exported, 'edited.xlsx': changed });
  untouched = saved['untouched.xlsx']!;
  edited = saved['edited.xlsx']!;
}, 120_000);

afterAll(() => t.cleanup());

it('an untouched plan re-saved by LibreOffice imports with zero changes', async () => {
  const p = await preview(t.api, untouched);
  expect(p.rejected).toEqual([]);
  expect(p.rows).toEqual([]);
  expect(p.counts.unchanged).toBe(8);
  expect(p.planId).toBe(fx.planId);
});

it('edits saved through LibreOffice come back exactly', async () => {
  const p = await preview(t.api, edited);
  expect(p.rejected).toEqual([]);
  expect(p.rows).toHaveLength(1);
  expect(p.rows[0]!.changes.map((c) => [c.field, c.from, c.to])).toEqual([
    ['dueOn', '30/06/2027', '15/07/2027'],
    ['status', 'In progress, on track', 'Delayed'],
  ]);
  await t.api.call('import:planApply', { base64: b64(edited), decisions: [] });
  expect(await t.api.call('action:get', { id: fx.actions.a21 })).toMatchObject({ status: 'delayed', dueOn: '2027-07-15' });
  expect((await preview(t.api, edited)).rows).toEqual([]);
});
