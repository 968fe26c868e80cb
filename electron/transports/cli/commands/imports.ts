/**
 * Imports of a partnership's existing work (issue #16). The file is read here (it is named on the
 * command line); what the workbook holds is read, and every change written, through channels.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Client } from '../../../contract/client';
import { label } from '../../../contract/enums';
import type { statisticsPreview } from '../../../contract/groups/imports';
import { CliError, type CliCommand, type CliIO } from '../command';

function inputFile(value: unknown): { file: string; size: number } {
  const file = path.resolve(String(value));
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`There is no file at ${file}.`);
  return { file, size: statSync(file).size };
}

function parseFilters(raw: unknown): { column: string; value: string }[] {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((f) => {
    const text = String(f);
    const at = text.indexOf('=');
    if (at <= 0) throw new CliError(`--filter needs the form column=value (for example --filter "sen_provision=EHC plan"), not “${text}”.`, 2);
    return { column: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
  });
}

async function findIndicator(api: Client, into: string): Promise<{ id: number; title: string }> {
  const all = await api.call('indicator:list', { limit: 500 });
  const wanted = into.trim().toLowerCase();
  const hit = all.items.find((i) => String(i.id) === wanted || i.code.toLowerCase() === wanted || i.title.toLowerCase() === wanted);
  if (!hit) throw new CliError(`There is no indicator “${into}”. Give its code, title or number (see the Indicators screen), or leave out --into to create a new one.`);
  return hit;
}

async function valuesOf(api: Client, indicatorId: number) {
  const out: { geography: string; periodLabel: string; value: number }[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api.call('value:list', { indicatorId, offset, limit: 500 });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

function printPreview(io: CliIO, p: z.output<typeof statisticsPreview>): void {
  io.out(`${p.fileName}: ${p.rowsRead.toLocaleString('en-GB')} rows read, ${p.rowsUsed.toLocaleString('en-GB')} used (column ${p.indicatorColumn}${p.regionName ? `; region ${p.regionName}` : ''}).`);
  io.out('');
  io.out(`${'Period'.padEnd(14)} ${'Geography'.padEnd(24)} ${'Value'.padStart(12)}  Now in the workbook`);
  for (const v of p.values) {
    const now = v.change === 'new' ? 'new' : v.change === 'same' ? 'same' : `was ${v.from}`;
    io.out(`${v.periodLabel.padEnd(14)} ${label(v.geography).padEnd(24)} ${String(v.value).padStart(12)}  ${now}${v.note ? ` (${v.note})` : ''}`);
  }
  io.out('');
  const symbols = Object.entries(p.suppressed).map(([k, n]) => `${n} “${k}”`).join(', ');
  io.out(`${p.counts.new} new, ${p.counts.changed} changed, ${p.counts.unchanged} already the same; ${p.counts.suppressed} suppressed cell(s) skipped${symbols ? ` (${symbols})` : ''}.`);
  for (const w of p.warnings) io.out(`Note: ${w}`);
}

const importIndicators: CliCommand = {
  name: 'import-indicators',
  summary: 'Preview (or with --apply, import) national comparators for an indicator from a DfE open data CSV.',
  usage: 'workbook import-indicators --workbook FILE --in X.csv --indicator-column NAME [--filter col=value]… [--into INDICATOR] [--apply] [--json]',
  options: {
    workbook: { type: 'string' },
    in: { type: 'string' },
    'indicator-column': { type: 'string' },
    filter: { type: 'string', multiple: true },
    into: { type: 'string' },
    apply: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  required: ['workbook', 'in', 'indicator-column'],
  async run({ values }, io, host) {
    const { file, size } = inputFile(values.in);
    const filters = parseFilters(values.filter);
    const indicatorColumn = String(values['indicator-column']);
    // Loaded when the command runs, not for `workbook --help` (issue #12: a fast start).
    const [{ periodTypeOfLabel }, { scanDfeCsv }, { buildPreview }] = await Promise.all([
      import('../../../core/imports/indicators/dfe-periods'),
      import('../../../core/imports/indicators/dfe-tidy'),
      import('../../../core/imports/indicators/statistics-import'),
    ]);
    return host.withWorkbook(String(values.workbook), { readOnly: !values.apply }, async (api) => {
      const area = await api.call('area:get', {});
      const target = values.into ? await findIndicator(api, String(values.into)) : null;
      const existing = target ? await valuesOf(api, target.id) : [];
      let shown = 0;
      const scan = await scanDfeCsv(file, size, { indicatorColumn, filters, area: { laCode: area.laCode, region: area.region, neighbours: area.statisticalNeighbours } }, {
        onProgress: (p) => {
          const percent = Math.floor((p.bytesRead / Math.max(1, p.totalBytes)) * 10) * 10;
          if (percent > shown && percent < 100) {
            shown = percent;
            io.err(`Read ${percent}% (${p.rowsRead.toLocaleString('en-GB')} rows)…`);
          }
        },
      });
      const preview = buildPreview(scan, existing, path.basename(file), indicatorColumn);
      if (values.json && !values.apply) {
        io.out(JSON.stringify(preview, null, 2));
        return 0;
      }
      printPreview(io, preview);
      const toWrite = preview.values.filter((v) => v.change !== 'same');
      if (!values.apply) {
        io.out(toWrite.length > 0 ? '\nNothing was changed. Run again with --apply to import these values.' : '\nNothing to import: the workbook already has these values.');
        return 0;
      }
      if (toWrite.length === 0) {
        io.out('\nNothing to import: the workbook already has these values.');
        return 0;
      }
      const filterWords = filters.map((f) => `${f.column}=${f.value}`).join(', ');
      const result = await api.call('statistics:apply', {
        indicatorId: target?.id ?? null,
        newIndicator: target
          ? null
          : {
              title: indicatorColumn.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()).slice(0, 300),
              source: `DfE open data: ${path.basename(file)}, column ${indicatorColumn}${filterWords ? ` (${filterWords})` : ''}`.slice(0, 500),
              periodType: periodTypeOfLabel(toWrite[0]!.periodLabel),
              unit: /percent|_pc$|_pct|rate/i.test(indicatorColumn) ? '%' : '',
            },
        sourceNote: `DfE open data: ${path.basename(file)}`.slice(0, 500),
        values: toWrite.map((v) => ({ geography: v.geography as 'local', periodLabel: v.periodLabel, periodStart: v.periodStart, value: v.value, note: v.note })),
      });
      io.out(
        `\nImported into ${target ? `“${target.title}”` : `a new indicator (number ${result.indicatorId})`}: ${result.created} value(s) added, ${result.updated} changed, ${preview.counts.unchanged + result.unchanged} already the same.`,
      );
      return 0;
    });
  },
};

export const importCommands: CliCommand[] = [importIndicators];
