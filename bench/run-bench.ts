/**
 * `npm run bench [-- --scale L] [--json] [--runs N] [--seed N] [--files] [--no-renderer] [--only STEPS] [--compare BASE.json]`
 * `npm run bench -- generate --scale L --out FILE [--seed N] [--files]`
 *
 * Measures what an officer waits for on a large workbook, each beside a baseline measured in the
 * same run (issue #9). The generated workbook is cached, so reruns start at once.
 */
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../db/open-workbook';
import { createDispatcher } from '../electron/core/api/dispatch';
import { WorkbookSession } from '../electron/core/api/workbook-session';
import { DEFAULT_SEED, generateWorkbook } from '../electron/core/synthetic/generate-workbook';
import { isScaleName, type ScaleName } from '../electron/core/synthetic/scales';
import { benchBackup } from './ops/backup';
import { benchBulkInsert } from './ops/bulk-insert';
import { benchExports } from './ops/exports';
import { benchNationalStatistics } from './ops/national-statistics';
import { benchCheckOpen } from './ops/check-open';
import { benchOpen } from './ops/open';
import { benchReads } from './ops/reads';
import { benchRenderer } from './ops/renderer';
import { formatTable, toJson } from './report';
import type { OpResult } from './result';
import { ensureWorkbook } from './workbook-cache';

export interface BenchArgs {
  command: 'run' | 'generate';
  scale: ScaleName;
  seed: number;
  json: boolean;
  runs: number;
  files: boolean;
  renderer: boolean;
  out: string | null;
  /** Steps to run (open, screens, backup, bulk, exports, renderer); all when null. */
  only: Set<string> | null;
  /** A previous `--json` run to print ratios against. */
  compare: string | null;
}

export const STEPS = ['open', 'check', 'screens', 'backup', 'bulk', 'exports', 'renderer', 'statistics'] as const;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { command: 'run', scale: 'L', seed: DEFAULT_SEED, json: false, runs: 30, files: false, renderer: true, out: null, only: null, compare: null };
  const rest = [...argv];
  if (rest[0] === 'generate') {
    args.command = 'generate';
    rest.shift();
  }
  const value = (flag: string) => {
    const v = rest.shift();
    if (v === undefined) throw new UsageError(`${flag} needs a value.`);
    return v;
  };
  while (rest.length) {
    const flag = rest.shift()!;
    if (flag === '--scale') {
      const s = value(flag).toUpperCase();
      if (!isScaleName(s)) throw new UsageError('--scale must be S, L or XL.');
      args.scale = s;
    } else if (flag === '--seed') {
      args.seed = Number.parseInt(value(flag), 10);
      if (!Number.isSafeInteger(args.seed)) throw new UsageError('--seed must be a whole number.');
    } else if (flag === '--runs') {
      args.runs = Number.parseInt(value(flag), 10);
      if (!(args.runs >= 1 && args.runs <= 1000)) throw new UsageError('--runs must be between 1 and 1000.');
    } else if (flag === '--out') args.out = value(flag);
    else if (flag === '--compare') args.compare = value(flag);
    else if (flag === '--only') {
      const steps = value(flag).split(',').map((x) => x.trim());
      const unknown = steps.filter((x) => !(STEPS as readonly string[]).includes(x));
      if (unknown.length) throw new UsageError(`--only takes ${STEPS.join(', ')}; not ${unknown.join(', ')}.`);
      args.only = new Set(steps);
    } else if (flag === '--json') args.json = true;
    else if (flag === '--files') args.files = true;
    else if (flag === '--no-renderer') args.renderer = false;
    else throw new UsageError(`Unknown option ${flag}.`);
  }
  if (args.command === 'generate' && !args.out) throw new UsageError('generate needs --out FILE.');
  return args;
}

const STEP_OF: Record<string, (typeof STEPS)[number]> = {
  open: 'open',
  'check and open': 'check',
  'screens and search': 'screens',
  backup: 'backup',
  'bulk insert': 'bulk',
  'exports (child processes)': 'exports',
  'renderer (Chromium)': 'renderer',
  'national statistics import': 'statistics',
};

/**
 * Ratios against a previous `--json` run, operation by operation (median now / median then), so a
 * regression shows in one run. Operations only in one of the two runs are listed as such.
 */
export function compareWith(results: OpResult[], base: { scale?: string; measuredAt?: string; results: OpResult[] }): string {
  const before = new Map(base.results.map((r) => [r.name, r]));
  const lines = [`\nAgainst ${base.scale ?? '?'} run of ${base.measuredAt ?? '?'} (median now / median then; above 1.00 is slower):`];
  for (const r of results) {
    const b = before.get(r.name);
    const now = r.timing?.medianMs;
    const then = b?.timing?.medianMs;
    if (now == null || then == null || then <= 0) {
      lines.push(`- ${r.name}: ${b ? 'not comparable' : 'new'}`);
      continue;
    }
    const ratio = now / then;
    lines.push(`- ${r.name}: ${ratio.toFixed(2)}× (${then.toFixed(1)} → ${now.toFixed(1)} ms)${ratio > 1.25 ? '  ← slower' : ratio < 0.8 ? '  ← faster' : ''}`);
  }
  for (const name of before.keys()) if (!results.some((r) => r.name === name)) lines.push(`- ${name}: not measured this time`);
  return lines.join('\n');
}

export function machine(): Record<string, unknown> {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGb: Math.round(totalmem() / 1024 ** 3),
    freeRamGb: Math.round(freemem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export async function runBench(argv: string[], out: (t: string) => void, err: (t: string) => void): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\nUsage: npm run bench [-- --scale S|L|XL] [--json] [--runs N] [--seed N] [--files] [--no-renderer]\n       npm run bench -- generate --scale L --out FILE`);
      return 2;
    }
    throw e;
  }
  const log = args.json ? err : out;

  if (args.command === 'generate') {
    const summary = await generateWorkbook(args.out!, { scale: args.scale, seed: args.seed, withFiles: args.files, log });
    out(JSON.stringify(summary, null, 2));
    return 0;
  }

  const started = performance.now();
  const cached = await ensureWorkbook(args.scale, args.seed, args.files, log);
  log(`${cached.fromCache ? 'Using cached' : `Generated in ${cached.summary?.seconds} s:`} ${cached.file}`);
  const temp = mkdtempSync(path.join(tmpdir(), 'ewb-bench-'));
  const results: OpResult[] = [];
  let planId = 1;
  let sefId = 1;
  let lastEvidence: string | null = null;
  const wanted = (key: string) => !args.only || args.only.has(key);
  const step = async (what: string, fn: () => Promise<OpResult | OpResult[]> | OpResult | OpResult[]) => {
    const key = STEP_OF[what]!;
    if (!wanted(key)) return;
    log(`… ${what}`);
    const r = await fn();
    results.push(...(Array.isArray(r) ? r : [r]));
  };
  try {
    await step('open', () => benchOpen(cached.file, Math.min(args.runs, 10)));
    await step('check and open', () => benchCheckOpen(cached.file, temp, args.runs));
    const workbook = await openWorkbook(cached.file);
    const session = new WorkbookSession();
    session.use(workbook);
    const dispatch = createDispatcher(session);
    const ctx = session.context()!;
    try {
      planId = (workbook.sqlite.prepare('SELECT id FROM plans WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1').pluck().get() as number) ?? 1;
      sefId = (workbook.sqlite.prepare('SELECT id FROM self_evaluations WHERE deleted_at IS NULL ORDER BY as_of DESC, id DESC LIMIT 1').pluck().get() as number) ?? 1;
      // The evidence list's last item in its default order, which the scroll check must reach.
      lastEvidence = (workbook.sqlite.prepare('SELECT reference FROM evidence_items WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
      await step('screens and search', () => benchReads(dispatch, ctx, args.runs, args.scale === 'XL' ? 40 : 20));
      await step('backup', () => benchBackup(workbook, temp, 3));
      if (wanted('bulk')) {
        // Writes go to a scratch copy: the cached workbook stays exactly as generated.
        const scratchFile = path.join(temp, 'scratch.workbook');
        await workbook.sqlite.backup(scratchFile);
        const scratch = new WorkbookSession();
        scratch.use(await openWorkbook(scratchFile));
        try {
          await step('bulk insert', () => benchBulkInsert(scratch.context()!, 5));
        } finally {
          scratch.close();
        }
      }
    } finally {
      session.close();
    }
    await step('exports (child processes)', () => {
      // On a copy: an Excel export records itself in the workbook (issue #14), and the cached
      // workbook must stay exactly as generated. The session above is closed, so the file is whole.
      const copy = path.join(temp, 'exports.workbook');
      copyFileSync(cached.file, copy);
      if (existsSync(`${cached.file}-wal`)) copyFileSync(`${cached.file}-wal`, `${copy}-wal`);
      return benchExports(copy, 3, planId, sefId);
    });
    await step('national statistics import', () => benchNationalStatistics(temp));
    if (args.renderer) await step('renderer (Chromium)', () => benchRenderer(cached.file, temp, log, lastEvidence));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  const meta = {
    scale: args.scale,
    seed: args.seed,
    workbook: cached.file,
    generated: cached.summary,
    machine: machine(),
    totalSeconds: Math.round((performance.now() - started) / 1000),
    measuredAt: new Date().toISOString(),
  };
  if (args.json) out(toJson(results, meta));
  else {
    out(`\nEvidence Workbook benchmark, scale ${args.scale} (seed ${args.seed}), ${JSON.stringify(meta.machine)}`);
    out(formatTable(results));
    const missed = results.flatMap((r) => r.targets.filter((t) => !t.met).map((t) => `${r.name}: ${t.text}`));
    out(`\n${missed.length ? `Targets not met:\n- ${missed.join('\n- ')}` : 'Every measured target was met.'}`);
    out(`Finished in ${meta.totalSeconds} s.`);
  }
  if (args.compare) {
    try {
      // A file saved from `npm run bench -- --json > f` starts with npm's own banner: read from the first brace.
      const text = readFileSync(args.compare, 'utf8');
      (args.json ? err : out)(compareWith(results, JSON.parse(text.slice(text.indexOf('{'))) as Parameters<typeof compareWith>[1]));
    } catch (e) {
      err(`Could not compare with ${args.compare}: ${(e as Error).message}`);
    }
  }
  return 0;
}
