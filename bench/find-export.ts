/**
 * Finds a function other engineers are still building (exports, plan returns, search, backups)
 * by its exported name in a folder, so the benchmark reports "not available" rather than failing
 * while the module has not landed.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Found<T> {
  fn: T | null;
  /** Where it was found, or why not. */
  note: string;
}

const ROOT = path.resolve(import.meta.dirname, '..');

export async function findExport<T>(folder: string, name: string): Promise<Found<T>> {
  const dir = path.join(ROOT, folder);
  if (!existsSync(dir)) return { fn: null, note: `${folder}/ does not exist yet` };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .sort();
  const problems: string[] = [];
  for (const f of files) {
    try {
      const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as Record<string, unknown>;
      if (typeof mod[name] === 'function') return { fn: mod[name] as T, note: `${folder}/${f}` };
    } catch (e) {
      problems.push(`${f}: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  return { fn: null, note: `no ${name} in ${folder}/ yet${problems.length ? ` (could not load ${problems.join('; ')})` : ''}` };
}
