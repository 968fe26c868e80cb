/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: electron-builder hooks and `node -r` preloads are required, not imported. */
/**
 * electron-builder afterPack hook: flips Electron fuses in the packaged binary, after the app and
 * asar integrity data are in place and before code signing (so the OS signature then protects
 * the fuses). Read back and checked, so a build never ships with a fuse silently left open.
 * See electron docs tutorial/fuses.md and the shared style guide's security checklist (issue 7).
 */
const path = require('node:path');

/** Fuse name (FuseV1Options key) -> wanted state. Names are checked against @electron/fuses. */
const FUSES = {
  // No `ELECTRON_RUN_AS_NODE=1 "Evidence Workbook.exe" evil.js`: the app binary is never a Node.
  RunAsNode: false,
  // Cookies (none today, but sessions may hold some) encrypted with the OS keychain.
  EnableCookieEncryption: true,
  // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // The app code must be our signed app.asar, unmodified (macOS; Windows since Electron 30).
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // The app is served from app://, never file://, so file: needs no extra powers.
  GrantFileProtocolExtraPrivileges: false,
};

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The Electron binary (or .app bundle, which @electron/fuses resolves) inside the packaged app. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${name}.app`);
    case 'win32':
      return path.join(appOutDir, `${name}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

function fuseConfig(fuses, context) {
  const { FuseVersion, FuseV1Options } = fuses;
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch;
  const config = {
    version: FuseVersion.V1,
    // Flipping fuses invalidates the ad-hoc signature of an arm64 macOS binary; re-sign ad hoc so an
    // unsigned (developer) build still launches. A real signing identity signs after this hook.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && (arch === 'arm64' || arch === 'universal'),
  };
  for (const [name, wanted] of Object.entries(FUSES)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses does not know the fuse ${name}; check its name.`);
    config[index] = wanted;
  }
  return config;
}

async function setFuses(context) {
  // @electron/fuses is ESM-only; this hook is CommonJS because electron-builder requires it.
  const fuses = await import('@electron/fuses');
  const binary = electronBinary(context);
  const config = fuseConfig(fuses, context);
  await fuses.flipFuses(binary, config);

  const wire = await fuses.getCurrentFuseWire(binary);
  const wrong = Object.entries(FUSES).filter(([name, wanted]) => {
    const state = wire[fuses.FuseV1Options[name]];
    return state !== (wanted ? fuses.FuseState.ENABLE : fuses.FuseState.DISABLE);
  });
  if (wrong.length > 0) {
    throw new Error(`Electron fuses not set in ${binary}: ${wrong.map(([name]) => name).join(', ')}. The package is not safe to ship.`);
  }
  console.log(`  • fuses set on ${path.basename(binary)}: ${Object.entries(FUSES).map(([n, v]) => `${n}=${v ? 'on' : 'off'}`).join(', ')}`);
}

module.exports = setFuses;
module.exports.default = setFuses;
module.exports.FUSES = FUSES;
module.exports.electronBinary = electronBinary;
