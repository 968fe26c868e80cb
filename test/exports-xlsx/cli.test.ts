/** `workbook export plan` and `workbook import plan`: preview changes nothing; --apply applies. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runCli } from '../../electron/transports/cli/run-cli';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture } from './plan-fixture';
import { editWorkbook, findRow, setCell } from './xlsx-helpers';

let t: TestWorkbook;
afterEach(() => t?.cleanup());

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

it('exports, previews without changing anything, then applies with --apply', async () => {
  t = makeTestWorkbook();
  const fx = await buildPlanFixture(t.api);
  const xlsx = path.join(t.dir, 'plan.xlsx');
  const exported = await cli('export', 'plan', '--workbook', t.file, '--out', xlsx, '--plan', String(fx.planId));
  expect(exported.code).toBe(0);
  expect(exported.out).toContain('Action plan written to');

  const edited = await editWorkbook(readFileSync(xlsx), (wb) => {
    const plan = wb.getWorksheet('Plan')!;
    setCell(plan, findRow(plan, 'Action ref', '1.2'), 'Status', 'Complete');
  });
  const returned = path.join(t.dir, 'return.xlsx');
  writeFileSync(returned, edited);

  const dry = await cli('import', 'plan', '--workbook', t.file, '--in', returned);
  expect(dry.code).toBe(0);
  expect(dry.out).toContain('1 changed');
  expect(dry.out).toContain('Status: Not started → Complete');
  expect(dry.out).toContain('Nothing was changed');
  expect((await t.api.call('action:get', { id: fx.actions.a12 })).status).toBe('not_started');

  const applied = await cli('import', 'plan', '--workbook', t.file, '--in', returned, '--apply', '--returned-by', 'Bristol City Council');
  expect(applied.code).toBe(0);
  expect(applied.out).toContain('1 action changed, 1 progress update added.');
  expect((await t.api.call('action:get', { id: fx.actions.a12 })).status).toBe('complete');

  const bad = await cli('import', 'plan', '--workbook', t.file, '--in', path.join(t.dir, 'missing.xlsx'));
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('no such file');
});
