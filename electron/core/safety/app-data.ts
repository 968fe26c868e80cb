/**
 * The app's own data folder on this computer (not beside the workbook), and the per-install key
 * kept in it. The history anchors (chain-anchor.ts) and verified checkpoints (history-checkpoint.ts)
 * live here, so a workbook file copied, rolled back or edited elsewhere can be compared with what
 * this computer last saw (issue #14). Whoever can write this folder AND the workbook can rewrite
 * both: the README says so.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

let configured: string | null = null;

/** The Electron shell passes app.getPath('userData'); the CLI and browser mode use the default. */
export function useAppDataDir(dir: string): void {
  configured = path.resolve(dir);
}

/**
 * EWB_DATA_DIR (tests, portable installs) > the shell's folder > the per-user folder the platform
 * expects. Under Vitest, a shared temp folder, so test runs never write into the developer's home.
 */
export function appDataDir(): string {
  if (process.env.EWB_DATA_DIR) return path.resolve(process.env.EWB_DATA_DIR);
  if (configured) return configured;
  if (process.env.VITEST) return path.join(tmpdir(), 'ewb-vitest-app-data');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), 'Evidence Workbook');
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'Evidence Workbook');
  return path.join(process.env.XDG_DATA_HOME || path.join(homedir(), '.local', 'share'), 'evidence-workbook');
}

/** Writes a small file so that a crash leaves either the old or the new content, never half. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${randomBytes(3).toString('hex')}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  renameSync(temp, file);
}

const keys = new Map<string, Buffer>();

/** 32 random bytes made on first use and kept in the data folder (readable only by this user). */
export function installKey(dir = appDataDir()): Buffer {
  const cached = keys.get(dir);
  if (cached) return cached;
  const file = path.join(dir, 'install.key');
  let key: Buffer | null = null;
  try {
    const text = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(text)) key = Buffer.from(text, 'hex');
  } catch {
    // Not made yet.
  }
  if (!key) {
    mkdirSync(dir, { recursive: true });
    try {
      // Exclusive create: two processes starting at once must not end up with different keys.
      writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    } catch {
      // Made by another process meanwhile (or Windows, where chmod means little): read it.
    }
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
  keys.set(dir, key);
  return key;
}

/** HMAC-SHA256 with this install's key, hex. */
export function seal(text: string, dir = appDataDir()): string {
  return createHmac('sha256', installKey(dir)).update(text).digest('hex');
}
