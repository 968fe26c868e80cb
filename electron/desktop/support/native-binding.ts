/**
 * Where the Electron build of better-sqlite3 lives. scripts/start.mjs builds it into
 * .electron-native/ (never over node_modules/better-sqlite3, which stays the Node build for tests
 * and the CLI); packaging unpacks it from the asar because a .node file must be a real file.
 */
import path from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';

export function electronNativeBinding(appPath: string): string {
  const root = path.basename(appPath) === 'app.asar' ? path.join(path.dirname(appPath), 'app.asar.unpacked') : appPath;
  return path.join(root, ELECTRON_NATIVE_DIR, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** A workbook path given on the command line (double-click, "Open with", `npm start -- file`). */
export function workbookFromArgs(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 1; i -= 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') && /\.workbook$/i.test(arg)) return path.resolve(arg);
  }
  return null;
}
