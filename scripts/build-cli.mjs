#!/usr/bin/env node
/**
 * Bundles the command line and browser mode with esbuild (issue #12), so `workbook` starts in a
 * fraction of a second instead of compiling TypeScript through tsx on every run:
 *   electron/transports/cli/run-cli.ts      -> dist-cli/workbook.mjs   (bin/workbook.mjs)
 *   electron/transports/serve/serve-main.ts -> dist-cli/serve.mjs      (bin/serve.mjs)
 *   electron/core/files/text/worker-entry.ts -> dist-cli/text-worker.mjs    (text extraction thread)
 *   electron/core/host/host-entry.ts         -> dist-cli/workbook-host.mjs  (the workbook host thread)
 * The two workers are found through EVIDENCE_WORKBOOK_TEXT_WORKER / EVIDENCE_WORKBOOK_HOST_WORKER,
 * which bin/*.mjs set (a worker thread cannot load the TypeScript sources without tsx).
 * better-sqlite3 (a native addon) and pdfjs-dist (loads its own worker file) stay real packages;
 * db/app-root.ts finds migrations and resources by walking up from the bundle to package.json.
 *
 * `npm install` runs it (the `prepare` script); bin/*.mjs run it again when a source file is
 * newer than the bundle, so a developer never runs stale code.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUTDIR = 'dist-cli';
/** Written last: its presence and time say a whole bundle was built. */
export const STAMP = 'built.json';

/** Folders and files whose change makes the bundle stale (resources/ and migrations are read at run time). */
export const SOURCE_ROOTS = ['electron', 'db', 'package.json', 'package-lock.json', 'scripts/build-cli.mjs'];

/** The newest modification time among the sources, in ms (a cheap walk: a few hundred stat calls). */
export function newestSourceTime(root = projectRoot) {
  let newest = 0;
  const visit = (p) => {
    let s;
    try {
      s = statSync(p);
    } catch {
      return;
    }
    if (s.isDirectory()) {
      if (path.basename(p) === 'migrations') return;
      for (const name of readdirSync(p)) visit(path.join(p, name));
    } else if (/\.(ts|mts|mjs|js|json)$/.test(p)) newest = Math.max(newest, s.mtimeMs);
  };
  for (const r of SOURCE_ROOTS) visit(path.join(root, r));
  return newest;
}

/** When the bundle was built (ms), or null when there is none. */
export function bundleTime(root = projectRoot) {
  try {
    return statSync(path.join(root, CLI_OUTDIR, STAMP)).mtimeMs;
  } catch {
    return null;
  }
}

export async function buildCli({ root = projectRoot, production = false } = {}) {
  const { build } = await import('esbuild');
  const outdir = path.join(root, CLI_OUTDIR);
  // Build beside, then swap in, so a command running meanwhile never sees half a bundle.
  const staging = `${outdir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      workbook: path.join(root, 'electron/transports/cli/run-cli.ts'),
      serve: path.join(root, 'electron/transports/serve/serve-main.ts'),
      'text-worker': path.join(root, 'electron/core/files/text/worker-entry.ts'),
      'workbook-host': path.join(root, 'electron/core/host/host-entry.ts'),
    },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'linked',
    logLevel: 'warning',
    external: ['better-sqlite3', 'pdfjs-dist', 'electron'],
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    // Some bundled CommonJS dependencies call require(); give each ES module one.
    banner: { js: "import { createRequire as __ewbCreateRequire } from 'node:module'; const require = __ewbCreateRequire(import.meta.url);" },
  });
  writeFileSync(path.join(staging, STAMP), `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
  mkdirSync(path.dirname(outdir), { recursive: true });
  const old = `${outdir}.old-${process.pid}`;
  try {
    renameSync(outdir, old);
  } catch {
    // No earlier bundle.
  }
  try {
    renameSync(staging, outdir);
  } catch (e) {
    // Another build finished first and is in place: use that one.
    rmSync(staging, { recursive: true, force: true });
    if (bundleTime(root) === null) throw e;
  }
  rmSync(old, { recursive: true, force: true });
  return outdir;
}

/** esbuild is a dev dependency: an install without them (npm ci --omit=dev) keeps a bundle it already has. */
async function esbuildAvailable() {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `--if-possible` (the prepare script): without esbuild, say so and succeed.
  if (process.argv.includes('--if-possible') && !(await esbuildAvailable())) {
    console.log('esbuild is not installed (dev dependencies left out), so the command line was not bundled.');
    process.exit(0);
  }
  buildCli({ production: process.argv.includes('--production') }).then(
    (out) => console.log(`Bundled the command line into ${path.relative(projectRoot, out)}/.`),
    (e) => {
      console.error(`Could not bundle the command line: ${e.message}`);
      process.exitCode = 1;
    },
  );
}
