/**
 * `npm start`'s own logic, runnable here: argument handling, and the esbuild bundles — built,
 * then the bundled main process actually started under Node with a stand-in for electron, to
 * prove the bundle (module order, import.meta shim, external better-sqlite3 via nativeBinding)
 * reaches the point of loading the app page.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL, shellIpc } from '../../electron/desktop/support/ipc-names';
import { electronNativeBinding } from '../../electron/desktop/support/native-binding';

const repo = process.cwd();

interface StartModule {
  parseArgs(argv: string[]): { skipRenderer: boolean; launch: boolean; help: boolean; appArgs: string[] };
  installedElectron(root: string): string | null;
}
interface BuildModule {
  buildElectron(options: { root?: string; outdir?: string; production?: boolean }): Promise<{ main: string; preload: string; textWorker: string; workbookHost: string }>;
}
interface NativeModule {
  nativeTarget(root: string, o?: { version?: string; platform?: string; arch?: string }): { stamp: Record<string, string>; dir: string };
  nodeGypArgs(target: unknown, o?: { headersUrl?: string; devdir?: string }): string[];
  isNativeBuildCurrent(target: unknown): boolean;
}

const load = <T>(file: string) => import(/* @vite-ignore */ path.join(repo, file)) as Promise<T>;

describe('npm start arguments', () => {
  it('passes a workbook file through to the app and understands its options', async () => {
    const { parseArgs } = await load<StartModule>('scripts/start.mjs');
    expect(parseArgs(['--skip-renderer', '--', 'Bristol.workbook'])).toEqual({ skipRenderer: true, launch: true, help: false, appArgs: ['Bristol.workbook'] });
    expect(parseArgs(['--no-launch']).launch).toBe(false);
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it('refuses an unknown option with the usage, not a stack trace', async () => {
    const { parseArgs } = await load<StartModule>('scripts/start.mjs');
    expect(() => parseArgs(['--inspect-brk'])).toThrow(/Unknown option --inspect-brk[\s\S]*Usage: npm start/);
  });

  it('stops with a plain message for an unknown option', () => {
    const result = spawnSync(process.execPath, [path.join(repo, 'scripts/start.mjs'), '--frobnicate'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/npm start stopped: Unknown option --frobnicate/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the Electron build of better-sqlite3 is kept apart', () => {
  it('targets .electron-native for the installed Electron, with its headers', async () => {
    const { nativeTarget, nodeGypArgs, isNativeBuildCurrent } = await load<NativeModule>('scripts/electron-native.mjs');
    const target = nativeTarget(repo, { version: '40.10.2', platform: 'linux', arch: 'x64' });
    expect(target.dir).toBe(path.join(repo, '.electron-native', 'better-sqlite3'));
    expect(target.stamp).toMatchObject({ electron: '40.10.2', platform: 'linux', arch: 'x64' });
    const args = nodeGypArgs(target, { devdir: '/tmp/gyp' });
    expect(args).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--target=40.10.2', '--arch=x64', '--dist-url=https://electronjs.org/headers', '--devdir=/tmp/gyp']));
    expect(isNativeBuildCurrent(nativeTarget(repo, { version: '0.0.0-never' }))).toBe(false);
  });
});

describe('the bundled main process', () => {
  let root: string;
  let out: { main: string; preload: string; textWorker: string; workbookHost: string };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ewb-bundle-'));
    const { buildElectron } = await load<BuildModule>('scripts/build-electron.mjs');
    out = await buildElectron({ root: repo, outdir: path.join(root, 'dist-electron') });
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('produces CommonJS bundles that Node accepts, with electron left external', () => {
    for (const file of [out.main, out.preload]) {
      const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
    }
    expect(readFileSync(out.preload, 'utf8')).toMatch(/require\("electron"\)/);
    // The sandboxed preload cannot load Node modules.
    expect(readFileSync(out.preload, 'utf8')).not.toMatch(/require\("(node:)?(fs|path|child_process|os)"\)/);
  });

  it('bundles the text-extraction worker so it runs without tsx', async () => {
    const worker = new Worker(out.textWorker);
    try {
      const result = await new Promise((resolve) => {
        worker.on('message', (m: { id: number; result: unknown }) => resolve(m.result));
        worker.postMessage({ id: 1, bytes: new TextEncoder().encode('EHCP timeliness 22/11/2026'), mimeType: 'text/plain' });
      });
      expect(result).toMatchObject({ status: 'extracted', text: 'EHCP timeliness 22/11/2026' });
    } finally {
      await worker.terminate();
    }
  });

  it('starts, sets the app root, registers IPC and loads app:// with the sandboxed preload', () => {
    const appPath = path.join(root, 'app');
    mkdirSync(path.join(appPath, 'dist'), { recursive: true });
    for (const dir of ['db', 'resources']) symlinkSync(path.join(repo, dir), path.join(appPath, dir), 'dir');
    copyFileSync(path.join(repo, 'package.json'), path.join(appPath, 'package.json'));
    writeFileSync(path.join(appPath, 'dist', 'index.html'), '<!doctype html>');
    const binding = electronNativeBinding(appPath);
    mkdirSync(path.dirname(binding), { recursive: true });
    cpSync(path.join(repo, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binding);
    const userData = path.join(root, 'userData');
    mkdirSync(userData);

    const result = spawnSync(process.execPath, ['-r', path.join(repo, 'test/shell/fixtures/electron-stub.cjs'), out.main], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, STUB_APP_PATH: appPath, STUB_USER_DATA: userData, NODE_PATH: path.join(repo, 'node_modules'), EVIDENCE_WORKBOOK_ROOT: '' },
    });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(report.url).toBe('app://workbook/index.html');
    expect(report.root).toBe(appPath);
    expect(report.textWorker).toBe(out.textWorker);
    expect(report.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(report.webPreferences.preload).toBe(path.join(path.dirname(out.main), 'preload.cjs'));
    expect(report.handled).toEqual(expect.arrayContaining([INVOKE_CHANNEL, ...Object.values(shellIpc)]));
    // The workbook lives in the bundled host, forked from beside main (issue #12).
    expect(report.forked).toEqual([out.workbookHost]);
  }, 40_000);

  it('bundles the workbook host so it runs without tsx and answers the contract', async () => {
    const { spawnWorkerHost } = await import('../../electron/core/host/host-client');
    const { createWorkbook } = await import('../../db/open-workbook');
    const file = path.join(root, 'Bundled.workbook');
    createWorkbook(file, { areaName: 'Bundleshire' }).close();
    // The bundle keeps better-sqlite3 external, found in node_modules as in the packaged app.
    if (!existsSync(path.join(root, 'node_modules'))) symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    // The app's main sets the root before forking the host, which inherits it.
    const savedRoot = process.env.EVIDENCE_WORKBOOK_ROOT;
    process.env.EVIDENCE_WORKBOOK_ROOT = repo;
    const host = spawnWorkerHost({}, { script: out.workbookHost });
    if (savedRoot === undefined) delete process.env.EVIDENCE_WORKBOOK_ROOT;
    else process.env.EVIDENCE_WORKBOOK_ROOT = savedRoot;
    try {
      expect(await host.client.op('host:open', { file })).toMatchObject({ ok: true });
      expect(await host.client.dispatch('area:get', {})).toMatchObject({ ok: true, value: { areaName: 'Bundleshire' } });
    } finally {
      await host.close();
    }
  }, 60_000);
});
