/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: electron-builder hooks and `node -r` preloads are required, not imported. */
/**
 * electron-builder beforePack hook: refuses to package an app that would not run. The Electron
 * build of better-sqlite3 (.electron-native/, made by `npm start` or `node scripts/start.mjs
 * --no-launch`) must exist and match the Electron version, platform and architecture being
 * packaged; the renderer and the bundled main process must be built. electron-builder's own
 * native rebuild is off (npmRebuild: false) because it would rebuild node_modules/better-sqlite3
 * in place and break `npm test`.
 */
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

function beforePack(context) {
  const root = context.packager.info.projectDir;
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  const problems = [];

  for (const file of ['dist/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs']) {
    if (!existsSync(path.join(root, file))) problems.push(`${file} is missing: run \`npm run build\` first.`);
  }

  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const native = path.join(root, '.electron-native/better-sqlite3');
  const stampFile = path.join(native, '.built-for.json');
  if (!existsSync(path.join(native, 'build/Release/better_sqlite3.node')) || !existsSync(stampFile)) {
    problems.push('The Electron build of better-sqlite3 is missing: run `node scripts/start.mjs --no-launch` on this platform first.');
  } else {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.electron !== electronVersion || stamp.platform !== platform || stamp.arch !== arch) {
      problems.push(
        `.electron-native holds better-sqlite3 for Electron ${stamp.electron} ${stamp.platform}-${stamp.arch}, but this package is Electron ${electronVersion} ${platform}-${arch}. ` +
          'Native modules cannot be cross-built here: package each platform on that platform (CI matrix) after `node scripts/start.mjs --no-launch`.',
      );
    }
  }

  if (problems.length > 0) throw new Error(`Cannot package Evidence Workbook:\n  - ${problems.join('\n  - ')}`);
}

module.exports = beforePack;
module.exports.default = beforePack;
