#!/usr/bin/env node
/**
 * Bundles the Electron main process and preload with esbuild:
 *   electron/main.ts    -> dist-electron/main.cjs     (Node in Electron; electron and better-sqlite3 stay external)
 *   electron/preload.ts -> dist-electron/preload.cjs  (sandboxed preload: everything inlined except electron)
 * `npm run build` runs it after `vite build`; scripts/start.mjs calls buildElectron() directly.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 40 runs Node 24; node22 keeps the output conservative. */
const NODE_TARGET = 'node22';

export async function buildElectron({ root = projectRoot, production = false, outdir = path.join(root, 'dist-electron') } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'linked',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: { main: path.join(root, 'electron/main.ts') },
      outdir,
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      target: NODE_TARGET,
      // better-sqlite3 loads a native addon (the Electron build is passed as nativeBinding).
      external: ['electron', 'better-sqlite3'],
      // db/app-root.ts reads import.meta.url, which a CJS bundle lacks; main sets
      // EVIDENCE_WORKBOOK_ROOT first, but give it a real value rather than undefined.
      define: { ...common.define, 'import.meta.url': '__ewb_import_meta_url' },
      banner: { js: "const __ewb_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    }),
    build({
      ...common,
      entryPoints: { preload: path.join(root, 'electron/preload.ts') },
      outdir,
      outExtension: { '.js': '.cjs' },
      // A sandboxed preload has no Node: only `require('electron')` is available at run time.
      platform: 'browser',
      target: 'chrome140',
      external: ['electron'],
    }),
  ]);
  return { main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron({ production: process.argv.includes('--production') }).then(
    (out) => console.log(`Bundled ${path.relative(projectRoot, out.main)} and ${path.relative(projectRoot, out.preload)}.`),
    (e) => {
      console.error(`Could not bundle the Electron main process: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
