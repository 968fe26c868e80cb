/**
 * Generated benchmark workbooks are cached in the temp folder, keyed by scale, seed, generator
 * version and schema version, so a rerun at L starts in seconds and a change to either rebuilds.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { knownMigrations } from '../db/open-workbook';
import { GENERATOR_VERSION, generateWorkbook, type GenerateSummary } from '../electron/core/synthetic/generate-workbook';
import type { ScaleName } from '../electron/core/synthetic/scales';

export function cacheDir(): string {
  return process.env.EWB_BENCH_CACHE ?? path.join(tmpdir(), 'evidence-workbook-bench');
}

export function cachedWorkbookPath(scale: ScaleName, seed: number, withFiles: boolean): string {
  const key = `${scale}-seed${seed}-gen${GENERATOR_VERSION}-schema${knownMigrations().length}${withFiles ? '-files' : ''}`;
  return path.join(cacheDir(), `synthetic-${key}.workbook`);
}

export interface CachedWorkbook {
  file: string;
  fromCache: boolean;
  summary: GenerateSummary | null;
}

function removeWorkbook(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

export async function ensureWorkbook(scale: ScaleName, seed: number, withFiles: boolean, log: (line: string) => void): Promise<CachedWorkbook> {
  const file = cachedWorkbookPath(scale, seed, withFiles);
  if (existsSync(file)) return { file, fromCache: true, summary: null };
  mkdirSync(path.dirname(file), { recursive: true });
  // Build under a temporary name so an interrupted run never leaves a half-built cache entry.
  const partial = `${file}.partial-${process.pid}`;
  removeWorkbook(partial);
  log(`Generating the ${scale} workbook (seed ${seed}); it is cached for later runs…`);
  try {
    const summary = await generateWorkbook(partial, { scale, seed, withFiles, log: (l) => log(`  ${l}`) });
    removeWorkbook(file);
    renameSync(partial, file);
    return { file, fromCache: false, summary: { ...summary, file } };
  } finally {
    removeWorkbook(partial);
  }
}
