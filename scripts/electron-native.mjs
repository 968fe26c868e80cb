/**
 * The better-sqlite3 build for Electron's ABI, kept APART from the Node build: node_modules is
 * copied (without its build/) to .electron-native/better-sqlite3 and rebuilt there with node-gyp
 * against Electron's headers. node_modules/better-sqlite3/build is never touched, so `npm test`
 * and the CLI keep working with no rebuild step (shared style guide: "better-sqlite3 is
 * ABI-specific"). A stamp file records what the build is for, so it is redone only when Electron,
 * better-sqlite3, the platform or the architecture change.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class StartError extends Error {
  constructor(message) {
    super(message);
    this.name = 'StartError';
  }
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

export function electronVersion(root) {
  const file = path.join(root, 'node_modules/electron/package.json');
  if (!existsSync(file)) throw new StartError('Electron is not installed in node_modules. Run `npm install`, then `npm start` again.');
  return readJson(file).version;
}

export function nativeTarget(root, { version = electronVersion(root), platform = process.platform, arch = process.arch } = {}) {
  const source = path.join(root, 'node_modules/better-sqlite3');
  const dir = path.join(root, '.electron-native/better-sqlite3');
  const sqliteVersion = readJson(path.join(source, 'package.json')).version;
  return {
    source,
    dir,
    binding: path.join(dir, 'build/Release/better_sqlite3.node'),
    stampFile: path.join(dir, '.built-for.json'),
    stamp: { electron: version, betterSqlite3: sqliteVersion, platform, arch },
    version,
    arch,
  };
}

export function isNativeBuildCurrent(target) {
  if (!existsSync(target.binding) || !existsSync(target.stampFile)) return false;
  try {
    return JSON.stringify(readJson(target.stampFile)) === JSON.stringify(target.stamp);
  } catch {
    return false;
  }
}

/** npm passes its config as npm_config_* variables; nodedir/target/runtime would make node-gyp build for Node. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

export const ELECTRON_HEADERS_URL = process.env.ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';

export function nodeGypArgs(target, { headersUrl = ELECTRON_HEADERS_URL, devdir = path.join(os.homedir(), '.electron-gyp') } = {}) {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${target.version}`,
    `--arch=${target.arch}`,
    `--dist-url=${headersUrl}`,
    `--devdir=${devdir}`,
  ];
}

/** Builds into a staging folder and swaps it in only on success: a failed build leaves the old one. */
export function buildNative(root, target, { log = console.log } = {}) {
  const staging = `${target.dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(target.source, staging, {
    recursive: true,
    // The Node build and any local node_modules stay behind: only sources and the bundled SQLite go.
    filter: (src) => {
      const rel = path.relative(target.source, src);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${path.sep}`);
    },
  });
  const nodeGyp = path.join(root, 'node_modules/node-gyp/bin/node-gyp.js');
  if (!existsSync(nodeGyp)) throw new StartError('node-gyp is missing from node_modules. Run `npm install`, then `npm start` again.');
  const args = nodeGypArgs(target);
  log(`    node-gyp ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [nodeGyp, ...args], { cwd: staging, env: cleanEnv(), encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|network|unable to get local issuer/i.test(output);
    const tail = output.trim().split('\n').slice(-6).join('\n');
    throw new StartError(
      offline
        ? [
            `The database module (better-sqlite3) must be built for Electron ${target.version}, which needs Electron's C++ headers from ${ELECTRON_HEADERS_URL}, and that address could not be reached.`,
            'To fix: connect to the internet (or set HTTPS_PROXY) and run `npm start` again; the build is kept in .electron-native/ and done only once per Electron version.',
            'Or point ELECTRON_HEADERS_URL at an internal mirror of the Electron headers.',
          ].join('\n')
        : [
            `The database module (better-sqlite3) could not be built for Electron ${target.version}. node-gyp said:`,
            tail,
            'A C++ compiler and Python 3 are needed (Windows: Visual Studio Build Tools; macOS: Xcode command line tools; Linux: build-essential).',
          ].join('\n'),
    );
  }
  if (!existsSync(path.join(staging, 'build/Release/better_sqlite3.node'))) {
    rmSync(staging, { recursive: true, force: true });
    throw new StartError('node-gyp finished but produced no better_sqlite3.node. Delete .electron-native/ and run `npm start` again.');
  }
  writeFileSync(path.join(staging, '.built-for.json'), `${JSON.stringify(target.stamp)}\n`);
  rmSync(target.dir, { recursive: true, force: true });
  renameSync(staging, target.dir);
}

export function ensureNative(root, { log = console.log } = {}) {
  const target = nativeTarget(root);
  if (isNativeBuildCurrent(target)) {
    log(`    already built for Electron ${target.version} (${target.arch})`);
    return target;
  }
  buildNative(root, target, { log });
  return target;
}
