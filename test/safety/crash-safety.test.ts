/**
 * A writer process is killed with SIGKILL at random moments, again and again. Every change it
 * acknowledged (after commit) must survive, and the file must pass integrity_check every time.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { appRoot } from '../../db/app-root';
import { createWorkbook, openWorkbook } from '../../db/open-workbook';
import { verifyAuditChain } from '../../electron/core/services/audit-log';
import { tempDir } from '../helpers/temp-workbook';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const WRITER_SOURCE = path.join(import.meta.dirname, 'crash-writer.ts');

/**
 * The writer is bundled once into plain JavaScript: starting it through tsx costs seconds per
 * process on this machine, which would leave little time for the kills themselves.
 */
async function bundleWriter(dir: string): Promise<string> {
  const outfile = path.join(dir, 'crash-writer.mjs');
  const sqlite = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  await build({
    entryPoints: [WRITER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // The native module stays where npm installed it.
    plugins: [{ name: 'native-sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
  });
  return outfile;
}

/** mulberry32: a seeded PRNG, so a failure reproduces with the same seed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runAndKill(writer: string, file: string, run: number, delayMs: number): Promise<{ acked: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, String(run)], {
      env: { ...process.env, EVIDENCE_WORKBOOK_ROOT: appRoot() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line.startsWith('ack ')) acked.push(line.slice(4));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${stderr})`));
      else resolve({ acked, stderr });
    });
  });
}

test(`every acknowledged change survives ${KILLS} SIGKILLs at random moments`, async () => {
  const seed = Number(process.env.CRASH_SEED ?? 20261122);
  const random = prng(seed);
  const dir = tempDir();
  const file = path.join(dir, 'crash.workbook');
  createWorkbook(file, { areaName: 'Crashshire' }).close();
  const writer = await bundleWriter(dir);
  const allAcked: string[] = [];
  try {
    for (let run = 0; run < KILLS; run++) {
      const delay = Math.floor(5 + random() * 300);
      const { acked } = await runAndKill(writer, file, run, delay);
      allAcked.push(...acked);
      const wb = await openWorkbook(file); // as the app would: recovers the WAL
      try {
        expect(wb.sqlite.pragma('integrity_check', { simple: true }), `seed ${seed}, run ${run}`).toBe('ok');
        expect(verifyAuditChain(wb.sqlite).intact, `seed ${seed}, run ${run}`).toBe(true);
        const saved = new Set([
          ...(wb.sqlite.prepare('SELECT title FROM evidence_items').pluck().all() as string[]),
          ...(wb.sqlite.prepare('SELECT name FROM partners').pluck().all() as string[]),
        ]);
        const lost = allAcked.filter((title) => !saved.has(title));
        expect(lost, `seed ${seed}, run ${run}: acknowledged but lost`).toEqual([]);
      } finally {
        wb.close();
      }
    }
    // The kills landed mid-stream, not only before the first write.
    expect(allAcked.length).toBeGreaterThan(KILLS * 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
