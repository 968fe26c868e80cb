// Shared by bin/workbook.mjs and bin/serve.mjs: the esbuild bundle in dist-cli/ (issue #12), rebuilt
// first when any source is newer than it (a cheap walk of file times), so a developer never runs
// stale code and a fresh clone needs only `npm install` (whose `prepare` script builds it).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, bundleTime, CLI_OUTDIR, newestSourceTime } from '../scripts/build-cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Imports one entry of the bundle (`workbook` or `serve`), building or rebuilding it first if needed. */
export async function importBundled(entry) {
  const built = bundleTime(root);
  if (built === null || newestSourceTime(root) > built) {
    try {
      await buildCli({ root });
    } catch (e) {
      // Without esbuild (an install without dev dependencies) an existing bundle is still used.
      if (built === null) throw new Error(`The command line could not be built (${e.message}). Run "npm install" in ${root}.`, { cause: e });
    }
  }
  const dir = path.join(root, CLI_OUTDIR);
  // Worker threads cannot load the TypeScript sources: point them at their bundled entry points.
  process.env.EVIDENCE_WORKBOOK_TEXT_WORKER ??= path.join(dir, 'text-worker.mjs');
  process.env.EVIDENCE_WORKBOOK_HOST_WORKER ??= path.join(dir, 'workbook-host.mjs');
  return import(pathToFileURL(path.join(dir, `${entry}.mjs`)).href);
}
