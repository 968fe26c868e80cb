/**
 * Runs one heavy export in a process of its own, so its peak memory (the kernel's maxRSS) is the
 * export's and not the benchmark's. Prints one JSON line: timings, peak RSS and any baseline.
 *
 *   node --import tsx bench/child/export-child.ts <op> <workbook> <runs> [planId] [sefId]
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../db/open-workbook';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import type { ServiceContext } from '../../electron/core/services/context';
import { findExport } from '../find-export';
import { summarise, type Timing } from '../measure';

type Build = (ctx: ServiceContext, options: Record<string, unknown>) => Promise<Buffer | Uint8Array>;
type Preview = (ctx: ServiceContext, bytes: Uint8Array, options: { fileName?: string }) => Promise<unknown>;

export interface ChildReport {
  available: boolean;
  note: string;
  timing?: Timing;
  bytes?: number;
  baseline?: { name: string; timing: Timing };
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ samples: number[]; cpu: number[]; last: unknown }> {
  let last: unknown = await fn(); // warm-up: module initialisation and statement caches
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = await fn();
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { samples, cpu, last };
}

/** Wall-clock timing with the median CPU time beside it (the machine may be shared). */
function timing(t: { samples: number[]; cpu: number[] }): Timing {
  return { ...summarise(t.samples, maxRssMb()), cpuMedianMs: [...t.cpu].sort((a, b) => a - b)[Math.floor((t.cpu.length - 1) / 2)] };
}

interface BareSheet {
  name: string;
  state: ExcelJS.WorksheetState;
  widths: (number | undefined)[];
  /** Row number, then each cell's value and its (shared) style. */
  rows: { r: number; cells: { c: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }[] }[];
}

/**
 * The fair baseline (issue #17): exceljs's streaming writer, with the export's own compression
 * (deflate level 1), shared strings and styles, writing the same cells with the same styles,
 * each distinct style one shared object (as the export shares one per column). What it leaves
 * out is the export's own work: reading the plan from the workbook, data validation, conditional
 * formatting, protection, identity fingerprints and the export record.
 */
async function bareExcel(bytes: Buffer, runs: number): Promise<{ timing: Timing; bytes: number }> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(bytes as unknown as ArrayBuffer);
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const share = (style: Partial<ExcelJS.Style>) => {
    const key = JSON.stringify(style);
    let s = shared.get(key);
    if (!s) shared.set(key, (s = JSON.parse(key) as Partial<ExcelJS.Style>));
    return s;
  };
  const sheets: BareSheet[] = source.worksheets.map((ws) => {
    const rows: BareSheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: BareSheet['rows'][number]['cells'] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => cells.push({ c, value: cell.value, style: share(cell.style ?? {}) }));
      rows.push({ r, cells });
    });
    return { name: ws.name, state: ws.state, widths: (ws.columns ?? []).map((col) => col.width), rows };
  });
  const run = await timed(runs, async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name, { state: s.state });
      ws.columns = s.widths.map((width) => ({ width }));
      for (const { r, cells } of s.rows) {
        const row = ws.getRow(r);
        for (const { c, value, style } of cells) {
          const cell = row.getCell(c);
          cell.style = style;
          cell.value = value;
        }
        row.commit();
      }
      (ws as unknown as { commit(): void }).commit();
    }
    await wb.commit();
    return Buffer.concat(chunks);
  });
  return { timing: timing(run), bytes: (run.last as Buffer).length };
}

async function main(): Promise<ChildReport> {
  const [op, file, runsText, planIdText, sefIdText] = process.argv.slice(2);
  const runs = Number(runsText ?? 3);
  const workbook = await openWorkbook(file!);
  const session = new WorkbookSession();
  session.use(workbook);
  const ctx = session.context()!;
  const planId = planIdText ? Number(planIdText) : undefined;
  const sefId = sefIdText ? Number(sefIdText) : undefined;
  try {
    if (op === 'sef-docx' || op === 'progress-docx') {
      const name = op === 'sef-docx' ? 'buildSefDocx' : 'buildProgressDocx';
      const found = await findExport<Build>('electron/core/exports/docx', name);
      if (!found.fn) return { available: false, note: found.note };
      const build = found.fn;
      const run = await timed(runs, () => build(ctx, op === 'sef-docx' ? { sefId } : { planId }));
      return { available: true, note: found.note, timing: timing(run), bytes: (run.last as Buffer).length };
    }
    const found = await findExport<Build>('electron/core/exports/xlsx', 'buildPlanXlsx');
    if (!found.fn) return { available: false, note: found.note };
    const build = found.fn;
    if (op === 'plan-xlsx') {
      const run = await timed(runs, () => build(ctx, { planId }));
      const bytes = Buffer.from(run.last as Uint8Array);
      // Reading the plan from the workbook, timed on its own: part of the export's time, not the baseline's.
      const loader = await findExport<(ctx: ServiceContext, planId?: number) => unknown>('electron/core/exports/xlsx', 'loadPlanData');
      const loading = loader.fn ? timing(await timed(runs, async () => loader.fn!(ctx, planId))) : null;
      const bare = await bareExcel(bytes, runs);
      const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en-GB')} KB`;
      return {
        available: true,
        note: `${found.note}; of which reading the plan ${loading ? `${loading.medianMs.toFixed(0)} ms (cpu ${loading.cpuMedianMs?.toFixed(0)})` : '?'}; baseline file ${kb(bare.bytes)}`,
        timing: timing(run),
        bytes: bytes.length,
        baseline: { name: 'exceljs streaming writer, same cells, styles and compression', timing: bare.timing },
      };
    }
    if (op === 'plan-return') {
      const preview = await findExport<Preview>('electron/core/plan-returns', 'previewPlanReturn');
      if (!preview.fn) return { available: false, note: preview.note };
      const previewFn = preview.fn;
      const bytes = Buffer.from(await build(ctx, { planId }));
      const run = await timed(runs, () => previewFn(ctx, bytes, { fileName: 'plan-return.xlsx' }));
      return { available: true, note: preview.note, timing: timing(run), bytes: bytes.length };
    }
    return { available: false, note: `unknown operation ${op}` };
  } finally {
    session.close();
  }
}

main().then(
  (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  (e: unknown) => {
    process.stdout.write(`${JSON.stringify({ available: true, note: '', error: (e as Error).stack ?? String(e) })}\n`);
    process.exitCode = 1;
  },
);
