#!/usr/bin/env node
/**
 * Bundles the Electron main process and preload with esbuild:
 *   electron/main.ts    -> dist-electron/main.cjs     (Node in Electron; electron and better-sqlite3 stay external)
 *   electron/preload.ts -> dist-electron/preload.cjs  (sandboxed preload: everything inlined except electron)
 *   electron/files/text/worker-entry.ts -> dist-electron/text-worker.mjs (text extraction worker thread;
 *     pdfjs-dist stays external because it loads its own pdf.worker.mjs relative to itself)
 *   electron/core/host/host-entry.ts -> dist-electron/workbook-host.cjs (the workbook host: main forks it
 *     as a utility process, which owns the workbook, services, exports, imports and backups; issue #12)
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
  // The main process and the workbook host: Node in Electron, the same externals and import.meta shim.
  const nodeCjs = {
    ...common,
    outdir,
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    target: NODE_TARGET,
    // better-sqlite3 loads a native addon (the Electron build is passed as nativeBinding);
    // pdfjs-dist loads its own worker file relative to itself, so it must stay a real package.
    external: ['electron', 'better-sqlite3', 'pdfjs-dist'],
    // db/app-root.ts reads import.meta.url, which a CJS bundle lacks; main sets
    // EVIDENCE_WORKBOOK_ROOT first, but give it a real value rather than undefined.
    define: { ...common.define, 'import.meta.url': '__ewb_import_meta_url' },
    banner: { js: "const __ewb_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  };
  await Promise.all([
    build({ ...nodeCjs, entryPoints: { 'workbook-host': path.join(root, 'electron/core/host/host-entry.ts') } }),
    build({
      ...common,
      entryPoints: { main: path.join(root, 'electron/desktop/main.ts') },
      outdir,
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      target: NODE_TARGET,
      // better-sqlite3 loads a native addon (the Electron build is passed as nativeBinding);
      // pdfjs-dist loads its own worker file relative to itself, so it must stay a real package.
      external: ['electron', 'better-sqlite3', 'pdfjs-dist'],
      // db/app-root.ts reads import.meta.url, which a CJS bundle lacks; main sets
      // EVIDENCE_WORKBOOK_ROOT first, but give it a real value rather than undefined.
      define: { ...common.define, 'import.meta.url': '__ewb_import_meta_url' },
      banner: { js: "const __ewb_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    }),
    build({
      ...common,
      entryPoints: { preload: path.join(root, 'electron/desktop/preload.ts') },
      outdir,
      outExtension: { '.js': '.cjs' },
      // A sandboxed preload has no Node: only `require('electron')` is available at run time.
      platform: 'browser',
      target: 'chrome140',
      external: ['electron'],
    }),
    build({
      ...common,
      entryPoints: { 'text-worker': path.join(root, 'electron/core/files/text/worker-entry.ts') },
      outdir,
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      platform: 'node',
      target: NODE_TARGET,
      external: ['pdfjs-dist', 'electron', 'better-sqlite3'],
      // Some bundled CommonJS dependencies call require(); give the ES module one.
      banner: { js: "import { createRequire as __ewbCreateRequire } from 'node:module'; const require = __ewbCreateRequire(import.meta.url);" },
    }),
  ]);
  return {
    main: path.join(outdir, 'main.cjs'),
    preload: path.join(outdir, 'preload.cjs'),
    textWorker: path.join(outdir, 'text-worker.mjs'),
    workbookHost: path.join(outdir, 'workbook-host.cjs'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectron({ production: process.argv.includes('--production') }).then(
    (out) => console.log(`Bundled ${[out.main, out.preload, out.textWorker, out.workbookHost].map((f) => path.relative(projectRoot, f)).join(', ')}.`),
    (e) => {
      console.error(`Could not bundle the Electron main process: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
