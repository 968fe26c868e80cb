/** CLI commands: export plan, import plan (issue #5), through the same channels as the Excel screens. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ChannelOutput } from '../../../contract/channels';
import { formatBytes, ukDate } from '../../../contract/format';
import { MAX_RETURN_BYTES } from '../../../contract/groups/excel-exports';
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
  async run({ values }, io, host) {
    const out = path.resolve(String(values.out));
    const planId = planIdOf(values.plan);
    // Writable: the export is recorded in the workbook, so a return can be bound to it (issue #14).
    const file = await host.withWorkbook(String(values.workbook), { readOnly: false }, (api) => api.call('export:planXlsx', { planId }));
    const size = host.save(out, file.base64);
    io.out(`Action plan written to ${out} (${formatBytes(size)}).`);
    return 0;
  },
};

function printPreview(p: ChannelOutput<'import:planPreview'>, io: CliIO): void {
  io.out(`Return: ${p.fileName}${p.planTitle ? ` — plan “${p.planTitle}”` : ''}${p.exportedOn ? `, exported ${ukDate(p.exportedOn)}` : ''}`);
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

/** The returned file as the channels take it; a file far too large is refused before it is read. */
function readReturn(file: string): string {
  try {
    if (statSync(file).size > MAX_RETURN_BYTES) throw new CliError(`${path.basename(file)} is larger than the ${MAX_RETURN_BYTES / 1024 / 1024} MB an action plan return can be.`);
    return readFileSync(file).toString('base64');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
}

const importPlan: CliCommand = {
  name: 'import plan',
  summary: 'Preview (or with --apply, apply) a returned action plan spreadsheet; applying backs the workbook up first',
  usage: 'workbook import plan --workbook FILE --in RETURN.xlsx [--apply] [--take-theirs] [--returned-by NAME]',
  options: {
    workbook: { type: 'string' },
    in: { type: 'string' },
    apply: { type: 'boolean' },
    'take-theirs': { type: 'boolean' },
    'returned-by': { type: 'string' },
  },
  required: ['workbook', 'in'],
  async run({ values }, io, host) {
    const file = path.resolve(String(values.in));
    const returned = { base64: readReturn(file), fileName: path.basename(file), returnedBy: typeof values['returned-by'] === 'string' ? values['returned-by'] : '' };
    const apply = values.apply === true;
    return host.withWorkbook(String(values.workbook), { readOnly: !apply }, async (api) => {
      const preview = await api.call('import:planPreview', returned);
      printPreview(preview, io);
      if (!apply) {
        io.out('\nNothing was changed. Run again with --apply to apply these changes.');
        return 0;
      }
      const resolution = values['take-theirs'] === true ? 'take_theirs' : 'keep_mine';
      // The same channel the import screen calls: a before-import backup, then the changes, in one step.
      const summary = await api.call('import:planApply', {
        ...returned,
        decisions: preview.rows.filter((r) => r.conflict).map((r) => ({ rowKey: r.rowKey, resolution })),
      });
      io.out(`\nApplied. ${summary.message}${preview.counts.conflicts && resolution === 'keep_mine' ? ' (Conflicts kept your version; use --take-theirs to take the partner’s.)' : ''}`);
      io.out('A backup of the workbook as it was before the import was made first (see "workbook backups").');
      return 0;
    });
  },
};

export const excelExportCommands: CliCommand[] = [exportPlan, importPlan];
