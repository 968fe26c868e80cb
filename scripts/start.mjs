#!/usr/bin/env node
/**
 * `npm start`: builds and launches the desktop app.
 *   1. the renderer (vite build -> dist/)
 *   2. the main process and preload (esbuild -> dist-electron/)
 *   3. the Electron runtime, downloaded once if node_modules/electron/dist is missing
 *      (package.json allowScripts denies electron's own postinstall, so it is fetched here)
 *   4. better-sqlite3 for Electron's ABI in .electron-native/ (the Node build stays untouched)
 *   5. Electron on the app
 * Every failure ends with a plain message saying what to do, not a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildElectron, projectRoot } from './build-electron.mjs';
import { electronVersion, ensureNative, StartError } from './electron-native.mjs';

const USAGE = `Usage: npm start [-- [options] [workbook file]]

Builds the screens and the main process, then opens Evidence Workbook.

Options:
  --skip-renderer   use the screens already built in dist/ (skip vite build)
  --no-launch       do every build step but do not open the app (a check)
  --help            show this help

A file ending in .workbook is opened in the app, e.g. npm start -- "Bristol evidence workbook.workbook".
Environment: ELECTRON_MIRROR (where the Electron runtime is downloaded from), ELECTRON_HEADERS_URL
(where Electron's C++ headers come from, for building better-sqlite3), HTTPS_PROXY.`;

export function parseArgs(argv) {
  const options = { skipRenderer: false, launch: true, help: false, appArgs: [] };
  for (const arg of argv) {
    if (arg === '--skip-renderer') options.skipRenderer = true;
    else if (arg === '--no-launch') options.launch = false;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) throw new StartError(`Unknown option ${arg}.\n\n${USAGE}`);
    else options.appArgs.push(arg);
  }
  return options;
}

function step(n, text) {
  console.log(`[${n}/5] ${text}`);
}

function buildRenderer(root) {
  if (!existsSync(path.join(root, 'vite.config.ts'))) throw new StartError('vite.config.ts is missing, so the screens cannot be built.');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new StartError('The screens (renderer) did not build: see vite\'s messages above, fix them, and run `npm start` again.');
  if (!existsSync(path.join(root, 'dist/index.html'))) throw new StartError('vite finished but dist/index.html is missing. Check build.outDir in vite.config.ts.');
}

/** The Electron executable's path, or null when the runtime has not been downloaded. */
export function installedElectron(root) {
  try {
    const file = createRequire(path.join(root, 'package.json'))('electron');
    return typeof file === 'string' && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function ensureElectron(root) {
  const existing = installedElectron(root);
  const version = electronVersion(root);
  if (existing) {
    console.log(`    Electron ${version} is installed`);
    return existing;
  }
  console.log(`    downloading Electron ${version} (once; kept in node_modules/electron/dist)…`);
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
    cwd: path.join(root, 'node_modules/electron'),
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const installed = result.status === 0 ? installedElectron(root) : null;
  if (installed) return installed;
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  const firstLine = output.split('\n').find((l) => /Error/.test(l))?.trim() ?? output.trim().split('\n')[0] ?? 'no output';
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo|socket hang up/i.test(output);
  throw new StartError(
    [
      `Electron ${version} (the desktop runtime, about 100 MB) is not installed and could not be downloaded${offline ? ': the download site could not be reached' : ''}.`,
      `  (${firstLine})`,
      'To fix, then run `npm start` again:',
      '  - connect to the internet (behind a proxy, set HTTPS_PROXY); or',
      '  - download from an internal mirror: ELECTRON_MIRROR=https://your-mirror/electron/ npm start; or',
      `  - copy electron-v${version}-${process.platform}-${process.arch}.zip into the Electron cache (see @electron/get: electron_config_cache).`,
      'Everything else (tests, the CLI, `npm run serve` in a browser) works without it.',
    ].join('\n'),
  );
}

function launch(electronPath, root, appArgs) {
  const env = { ...process.env };
  // If set, Electron would run as plain Node and ignore the app (the packaged app's fuse does the same).
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronPath, [root, ...appArgs], { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (e) => {
    console.error(`npm start stopped: Electron could not be started (${e.message}). Delete node_modules/electron/dist and run \`npm start\` again.`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

export async function main(argv, root = projectRoot) {
  const options = parseArgs(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (pkg.name !== 'evidence-workbook') throw new StartError(`${root} is not the Evidence Workbook project.`);

  if (options.skipRenderer) {
    step(1, 'Screens: using dist/ as built (--skip-renderer)');
    if (!existsSync(path.join(root, 'dist/index.html'))) throw new StartError('dist/index.html is missing: run without --skip-renderer.');
  } else {
    step(1, 'Building the screens (vite)…');
    buildRenderer(root);
  }
  step(2, 'Bundling the main process and preload (esbuild)…');
  try {
    await buildElectron({ root });
  } catch (e) {
    throw new StartError(`The main process did not bundle: ${e.message.split('\n')[0]}\nFix the error above and run \`npm start\` again.`);
  }
  step(3, 'Checking the Electron runtime…');
  const electronPath = ensureElectron(root);
  step(4, 'Checking the database module built for Electron…');
  ensureNative(root);
  if (!options.launch) {
    step(5, 'Ready (not launched: --no-launch)');
    return;
  }
  step(5, 'Opening Evidence Workbook…');
  launch(electronPath, root, options.appArgs);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e) => {
    if (e instanceof StartError) {
      console.error(`\nnpm start stopped: ${e.message}`);
    } else {
      console.error(`\nnpm start stopped unexpectedly: ${e?.message ?? e}`);
    }
    process.exitCode = 1;
  });
}
