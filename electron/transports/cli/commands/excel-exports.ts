/** CLI commands: export plan, import plan (issue #5). */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildPlanXlsx } from '../../../core/exports/xlsx/build-plan-xlsx';
import { WriteFileError, writeFileAtomically } from '../../../core/exports/write-file-atomically';
import { applyPlanReturn, compareReturn, readPlanReturn, type Preview } from '../../../core/plan-returns/plan-returns';
import { RETURN_LIMITS } from '../../../core/plan-returns/file-guard';
import { withWorkbook } from '../with-workbook';
import { CliError, type CliCommand, type CliIO } from '../command';

function planIdOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError('--plan must be the number of a plan (see the plan list in the app).', 2);
  return n;
}

const exportPlan: CliCommand = {
  name: 'export plan',
  summary: 'Export an action plan to Excel (.xlsx) for partners to update and return',
  usage: 'workbook export plan --workbook FILE --out PLAN.xlsx [--plan ID]',
  options: { workbook: { type: 'string' }, out: { type: 'string' }, plan: { type: 'string' } },
  required: ['workbook', 'out'],
  async run({ values }, io) {
    const out = path.resolve(String(values.out));
    const planId = planIdOf(values.plan);
    const bytes = await withWorkbook(String(values.workbook), { readOnly: true }, (ctx) => buildPlanXlsx(ctx, { planId }));
    try {
      await writeFileAtomically(out, bytes);
    } catch (e) {
      if (e instanceof WriteFileError) throw new CliError(e.message);
      throw e;
    }
    io.out(`Action plan written to ${out} (${Math.round(bytes.length / 1024)} KB).`);
    return 0;
  },
};

function printPreview(p: Preview, io: CliIO): void {
  io.out(`Return: ${p.fileName}${p.planTitle ? ` — plan “${p.planTitle}”` : ''}${p.exportedOn ? `, exported ${p.exportedOn.split('-').reverse().join('/')}` : ''}`);
  const c = p.counts;
  io.out(
    `${c.rowsRead} rows read: ${c.changed} changed, ${c.newMilestones} new milestones, ${c.newUpdates} new updates, ${c.conflicts} conflicts, ${c.rejected} rejected, ${c.unchanged} unchanged, ${c.alreadyPresent} already in the workbook.`,
  );
  for (const w of p.warnings) io.out(`Warning: ${w}`);
  for (const r of p.rows) {
    io.out(`\n[${r.rowKey}] ${r.sheet} row ${r.rowNumber}: ${r.title}${r.conflict ? '  (CONFLICT: also changed in the app since export)' : ''}`);
    for (const ch of r.changes) io.out(`  ${ch.conflict ? '!' : '-'} ${ch.label}: ${ch.from} → ${ch.to}`);
    if (r.newUpdate) io.out(`  + New progress update: ${r.newUpdate}`);
  }
  for (const r of p.rejected) io.out(`\nRejected: ${r.sheet} row ${r.rowNumber} (${r.title}): ${r.reason}`);
}

const importPlan: CliCommand = {
  name: 'import plan',
  summary: 'Preview (or with --apply, apply) a returned action plan spreadsheet',
  usage: 'workbook import plan --workbook FILE --in RETURN.xlsx [--apply] [--take-theirs] [--returned-by NAME]',
  options: {
    workbook: { type: 'string' },
    in: { type: 'string' },
    apply: { type: 'boolean' },
    'take-theirs': { type: 'boolean' },
    'returned-by': { type: 'string' },
  },
  required: ['workbook', 'in'],
  async run({ values }, io) {
    const file = path.resolve(String(values.in));
    let bytes: Buffer;
    try {
      if (statSync(file).size > RETURN_LIMITS.fileBytes) throw new CliError(`${path.basename(file)} is larger than the 25 MB an action plan return can be.`);
      bytes = readFileSync(file);
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
    }
    const apply = values.apply === true;
    const returnedBy = typeof values['returned-by'] === 'string' ? values['returned-by'] : '';
    return withWorkbook(String(values.workbook), { readOnly: !apply }, async (ctx) => {
      const parsed = await readPlanReturn(bytes, path.basename(file));
      const { preview } = compareReturn(ctx, parsed, { returnedBy });
      printPreview(preview, io);
      if (!apply) {
        io.out('\nNothing was changed. Run again with --apply to apply these changes.');
        return 0;
      }
      const resolution = values['take-theirs'] === true ? 'take_theirs' : 'keep_mine';
      const summary = ctx.workbook.sqlite.transaction(() => applyPlanReturn(ctx, parsed, { returnedBy, defaultConflictResolution: resolution }))();
      io.out(`\nApplied. ${summary.message}${preview.counts.conflicts && resolution === 'keep_mine' ? ' (Conflicts kept your version; use --take-theirs to take the partner’s.)' : ''}`);
      return 0;
    });
  },
};

export const excelExportCommands: CliCommand[] = [exportPlan, importPlan];
