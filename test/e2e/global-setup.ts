/**
 * Builds the renderer once per test run, so the end-to-end suite drives the current UI (served
 * from dist/ by browser mode). Skipped when the run was asked only for other folders
 * (e.g. `npx vitest run test/store`), to keep those runs quick.
 */
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(__dirname, '../..');

function e2eRequested(argv: string[]): boolean {
  const runAt = argv.findIndex((a) => a === 'run' || a === 'watch');
  const filters = argv.slice(runAt + 1).filter((a) => !a.startsWith('-'));
  if (filters.length === 0) return true;
  return filters.some((f) => f.includes('e2e') || 'test/e2e'.startsWith(f.replace(/\/$/, '')) || f === '.');
}

export default async function setup(): Promise<void> {
  if (!e2eRequested(process.argv)) return;
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: path.join(ROOT, 'renderer'), logLevel: 'warn' });
}
