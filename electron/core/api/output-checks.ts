/**
 * Whether answers are checked against the contract's output schemas when the caller does not say.
 * The rule is described where it is used, in dispatch.ts. It lives in a module of its own, with no
 * imports, so the Electron main process (ipc-registrar.main.ts) can follow it without loading the
 * services.
 */

/** Where the answers go: the command line defaults to no checks (see dispatch.ts). */
export type OutputCheckUse = 'app' | 'cli';

export function checkOutputsByDefault(use: OutputCheckUse = 'app'): boolean {
  const chosen = process.env.EVIDENCE_WORKBOOK_CHECK_OUTPUTS;
  if (chosen === '1') return true;
  if (chosen === '0') return false;
  // Written out in full: esbuild replaces `process.env.NODE_ENV` in the bundles with the build's
  // mode (scripts/build-electron.mjs, scripts/build-cli.mjs: 'production' with --production).
  const mode = process.env.NODE_ENV;
  if (mode === 'production') return false;
  if (mode === 'test') return true;
  return use === 'app';
}
