/**
 * The packaging hooks, run against a stand-in Electron binary (the real one cannot be downloaded
 * here): the afterPack hook must leave every security fuse in the state we ship, and the
 * beforePack hook must refuse to package an app whose database module would not load.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Hook = ((context: unknown) => Promise<void> | void) & { FUSES?: Record<string, boolean> };
const setFuses = require('../../build/set-fuses.cjs') as Hook;
const beforePack = require('../../build/before-pack.cjs') as Hook;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const INHERIT = 0x90;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ewb-pack-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file laid out like an Electron binary's fuse wire: sentinel, version 1, length, states. */
function fakeElectron(file: string, wireLength = 9): void {
  const wire = Buffer.from([1, wireLength, ...Array(wireLength).fill(INHERIT)]);
  writeFileSync(file, Buffer.concat([Buffer.alloc(2048, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(2048, 7)]));
  chmodSync(file, 0o755);
}

function wireOf(file: string): number[] {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return [...bytes.subarray(at + 2, at + 2 + bytes[at + 1]!)];
}

const linuxContext = (appOutDir: string) => ({
  appOutDir,
  electronPlatformName: 'linux',
  arch: 1,
  packager: { appInfo: { productFilename: 'Evidence Workbook' }, executableName: 'evidence-workbook', info: { projectDir: appOutDir } },
});

describe('afterPack: Electron fuses', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off; asar-only loading, asar integrity and cookie encryption on', async () => {
    const binary = path.join(dir, 'evidence-workbook');
    fakeElectron(binary);
    await setFuses(linuxContext(dir));
    const [runAsNode, cookieEncryption, nodeOptions, inspect, asarIntegrity, onlyAsar, , fileProtocol] = wireOf(binary);
    const on = '1'.charCodeAt(0);
    const off = '0'.charCodeAt(0);
    expect({ runAsNode, cookieEncryption, nodeOptions, inspect, asarIntegrity, onlyAsar, fileProtocol }).toEqual({
      runAsNode: off,
      cookieEncryption: on,
      nodeOptions: off,
      inspect: off,
      asarIntegrity: on,
      onlyAsar: on,
      fileProtocol: off,
    });
  });

  it('finds the Windows executable by product name', async () => {
    const binary = path.join(dir, 'Evidence Workbook.exe');
    fakeElectron(binary);
    await setFuses({ ...linuxContext(dir), electronPlatformName: 'win32' });
    expect(wireOf(binary)[0]).toBe('0'.charCodeAt(0));
  });

  it('fails the build rather than ship a binary whose fuses cannot all be set', async () => {
    const binary = path.join(dir, 'evidence-workbook');
    fakeElectron(binary, 3);
    await expect(setFuses(linuxContext(dir))).rejects.toThrow();
  });

  it('fails the build when the binary has no fuse wire at all', async () => {
    writeFileSync(path.join(dir, 'evidence-workbook'), 'not electron');
    await expect(setFuses(linuxContext(dir))).rejects.toThrow();
  });
});

describe('beforePack: nothing ships without its Electron database module', () => {
  function project(stamp: object | null) {
    for (const f of ['dist/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), '');
    }
    mkdirSync(path.join(dir, 'node_modules/electron'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/electron/package.json'), JSON.stringify({ version: '40.10.2' }));
    if (stamp) {
      const native = path.join(dir, '.electron-native/better-sqlite3');
      mkdirSync(path.join(native, 'build/Release'), { recursive: true });
      writeFileSync(path.join(native, 'build/Release/better_sqlite3.node'), '');
      writeFileSync(path.join(native, '.built-for.json'), JSON.stringify(stamp));
    }
  }

  it('passes when the build matches the platform being packaged', () => {
    project({ electron: '40.10.2', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' });
    expect(() => beforePack(linuxContext(dir))).not.toThrow();
  });

  it('refuses when the Electron build is missing', () => {
    project(null);
    expect(() => beforePack(linuxContext(dir))).toThrow(/Electron build of better-sqlite3 is missing/);
  });

  it('refuses a build made for another platform or Electron version', () => {
    project({ electron: '40.10.2', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' });
    expect(() => beforePack({ ...linuxContext(dir), electronPlatformName: 'win32' })).toThrow(/package each platform on that platform/);
    project({ electron: '39.0.0', platform: 'linux', arch: 'x64', betterSqlite3: '12.11.1' });
    expect(() => beforePack(linuxContext(dir))).toThrow(/Electron 39\.0\.0/);
  });
});
