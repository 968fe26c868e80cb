/**
 * Generated benchmark workbooks are cached in the temp folder, keyed by scale, seed, generator
 * version and schema version, so a rerun at L starts in seconds. A change to the generator
 * rebuilds; a new migration upgrades the newest cached copy of an older schema (as the app would
 * open an older workbook) instead of regenerating, since XL takes many minutes to generate.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { knownMigrations, openWorkbook } from '../db/open-workbook';
import { GENERATOR_VERSION, generateWorkbook, type GenerateSummary } from '../electron/core/synthetic/generate-workbook';
import type { ScaleName } from '../electron/core/synthetic/scales';

export function cacheDir(): string {
  return process.env.EWB_BENCH_CACHE ?? path.join(tmpdir(), 'evidence-workbook-bench');
}

const fileName = (scale: ScaleName, seed: number, withFiles: boolean, schema: number) =>
  `synthetic-${scale}-seed${seed}-gen${GENERATOR_VERSION}-schema${schema}${withFiles ? '-files' : ''}.workbook`;

export function cachedWorkbookPath(scale: ScaleName, seed: number, withFiles: boolean): string {
  return path.join(cacheDir(), fileName(scale, seed, withFiles, knownMigrations().length));
}

export interface CachedWorkbook {
  file: string;
  fromCache: boolean;
  summary: GenerateSummary | null;
}

function removeWorkbook(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/** The cached copy of the same scale, seed and generator with the newest older schema, if any. */
function olderSchemaCopy(scale: ScaleName, seed: number, withFiles: boolean): string | null {
  const dir = cacheDir();
  if (!existsSync(dir)) return null;
  const current = knownMigrations().length;
  let best: { file: string; schema: number } | null = null;
  for (let schema = current - 1; schema >= 1 && !best; schema--) {
    const name = fileName(scale, seed, withFiles, schema);
    if (readdirSync(dir).includes(name)) best = { file: path.join(dir, name), schema };
  }
  return best?.file ?? null;
}

export async function ensureWorkbook(scale: ScaleName, seed: number, withFiles: boolean, log: (line: string) => void): Promise<CachedWorkbook> {
  const file = cachedWorkbookPath(scale, seed, withFiles);
  if (existsSync(file)) return { file, fromCache: true, summary: null };
  mkdirSync(path.dirname(file), { recursive: true });
  // Build under a temporary name so an interrupted run never leaves a half-built cache entry.
  const partial = `${file}.partial-${process.pid}`;
  removeWorkbook(partial);
  try {
    const older = olderSchemaCopy(scale, seed, withFiles);
    if (older) {
      log(`Upgrading the cached ${scale} workbook from an older schema (${path.basename(older)})…`);
      for (const suffix of ['', '-wal']) if (existsSync(`${older}${suffix}`)) copyFileSync(`${older}${suffix}`, `${partial}${suffix}`);
      // The pre-migration copy the app keeps is of no use for a generated workbook: a throwaway folder.
      const backupDir = mkdtempSync(path.join(tmpdir(), 'ewb-bench-premigration-'));
      try {
        (await openWorkbook(partial, { backupDir })).close();
      } finally {
        rmSync(backupDir, { recursive: true, force: true });
      }
      removeWorkbook(file);
      renameSync(partial, file);
      return { file, fromCache: true, summary: null };
    }
    log(`Generating the ${scale} workbook (seed ${seed}); it is cached for later runs…`);
    const summary = await generateWorkbook(partial, { scale, seed, withFiles, log: (l) => log(`  ${l}`) });
    removeWorkbook(file);
    renameSync(partial, file);
    return { file, fromCache: false, summary: { ...summary, file } };
  } finally {
    removeWorkbook(partial);
  }
}
