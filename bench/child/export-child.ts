/**
 * Runs one heavy export in a process of its own, so its peak memory (the kernel's maxRSS) is the
 * export's and not the benchmark's. Prints one JSON line: timings, peak RSS and any baseline.
 *
 *   node --import tsx bench/child/export-child.ts <op> <workbook> <runs> [planId] [sefId]
 */
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

async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ samples: number[]; last: unknown }> {
  let last: unknown = await fn(); // warm-up: module initialisation and statement caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    samples.push(performance.now() - t0);
  }
  return { samples, last };
}

/** The same cells as the export, written by exceljs with no styles, validation or protection. */
async function bareExcel(bytes: Buffer, runs: number): Promise<Timing> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = source.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: ws.name, rows };
  });
  const { samples } = await timed(runs, async () => {
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name);
      for (const r of s.rows) ws.addRow(r);
    }
    return wb.xlsx.writeBuffer();
  });
  return summarise(samples, maxRssMb());
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
      const { samples, last } = await timed(runs, () => build(ctx, op === 'sef-docx' ? { sefId } : { planId }));
      return { available: true, note: found.note, timing: summarise(samples, maxRssMb()), bytes: (last as Buffer).length };
    }
    const found = await findExport<Build>('electron/core/exports/xlsx', 'buildPlanXlsx');
    if (!found.fn) return { available: false, note: found.note };
    const build = found.fn;
    if (op === 'plan-xlsx') {
      const { samples, last } = await timed(runs, () => build(ctx, { planId }));
      const timing = summarise(samples, maxRssMb());
      const bytes = Buffer.from(last as Uint8Array);
      return { available: true, note: found.note, timing, bytes: bytes.length, baseline: { name: 'exceljs writing the same cells, bare', timing: await bareExcel(bytes, runs) } };
    }
    if (op === 'plan-return') {
      const preview = await findExport<Preview>('electron/core/plan-returns', 'previewPlanReturn');
      if (!preview.fn) return { available: false, note: preview.note };
      const previewFn = preview.fn;
      const bytes = Buffer.from(await build(ctx, { planId }));
      const { samples } = await timed(runs, () => previewFn(ctx, bytes, { fileName: 'plan-return.xlsx' }));
      return { available: true, note: preview.note, timing: summarise(samples, maxRssMb()), bytes: bytes.length };
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
