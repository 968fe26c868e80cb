/**
 * The workbook host in a worker thread, as browser mode and the desktop app's utility process run
 * it: a read asked for while a long backup is under way is answered before the backup finishes
 * (the backup copies in steps and checks its copy in another thread); the contract path cannot
 * reach the host's own channels; hostile input to those channels is refused in plain words.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createWorkbook } from '../../db/open-workbook';
import { spawnWorkerHost, type WorkerHost } from '../../electron/core/host/host-client';
import { tempDir } from '../helpers/temp-workbook';

let host: WorkerHost;
let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir();
  file = path.join(dir, 'Large.workbook');
  createWorkbook(file, { areaName: 'Largeshire' }).close();
  // 48 MB of stored bytes, so a backup takes many steps (a real XL workbook is several times this).
  const raw = new Database(file);
  raw.exec('CREATE TABLE bulk_filler (b BLOB)');
  const insert = raw.prepare('INSERT INTO bulk_filler (b) VALUES (randomblob(1048576))');
  raw.transaction(() => {
    for (let i = 0; i < 48; i++) insert.run();
  })();
  raw.close();
  host = spawnWorkerHost();
  expect(await host.client.op('host:open', { file, backupsDir: path.join(dir, 'backups') })).toMatchObject({ ok: true, value: { fileName: 'Large.workbook' } });
}, 60_000);
afterAll(() => host?.close());

test('a read asked for during a long backup is answered before the backup finishes', async () => {
  const order: string[] = [];
  const backup = host.client.dispatch('backup:create', {}).then((r) => {
    order.push('backup');
    return r;
  });
  const reads = [0, 5, 20, 40].map(
    (delay) =>
      new Promise<void>((resolve) => {
        setTimeout(() => {
          void host.client.dispatch('area:get', {}).then((r) => {
            expect(r).toMatchObject({ ok: true, value: { areaName: 'Largeshire' } });
            order.push('read');
            resolve();
          });
        }, delay);
      }),
  );
  await Promise.all(reads);
  expect(order).toEqual(['read', 'read', 'read', 'read']);
  const made = await backup;
  expect(made).toMatchObject({ ok: true, value: { reason: 'manual', usable: true } });
  expect(order.at(-1)).toBe('backup');
  // The backup is whole: it opens and holds every byte of the filler.
  const name = (made as { value: { fileName: string } }).value.fileName;
  const copy = new Database(path.join(dir, 'backups', name), { readonly: true });
  expect(copy.prepare('SELECT count(*) AS n, sum(length(b)) AS bytes FROM bulk_filler').get()).toEqual({ n: 48, bytes: 48 * 1048576 });
  expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
  copy.close();
  expect(readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
}, 60_000);

test('the contract path cannot reach the host’s own channels', async () => {
  for (const channel of ['host:open', 'host:saveCopy', 'host:close', 'host:readFile']) {
    expect(await host.client.dispatch(channel, { file: '/etc/passwd', target: path.join(dir, 'stolen.workbook') })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  }
  expect(existsSync(path.join(dir, 'stolen.workbook'))).toBe(false);
  expect(await host.client.dispatch('area:get', {})).toMatchObject({ ok: true });
});

test('hostile input to the host’s channels is refused in plain words, and the workbook stays open', async () => {
  for (const [channel, input] of [
    ['host:open', { file: 42 }],
    ['host:open', { file: '' }],
    ['host:open', { file: file, asAdmin: true }],
    ['host:saveCopy', {}],
    ['host:readFile', { fileId: -1 }],
    ['host:attachFiles', { evidenceId: 1, paths: [] }],
    ['host:importFolder', { folder: dir, kind: 'made-up' }],
    ['host:nonsense', {}],
  ] as const) {
    const answer = await host.client.call(channel, input);
    expect(answer, channel).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid_input|unknown_channel/), message: expect.any(String) } });
    expect((answer as { error: { message: string } }).error.message).not.toMatch(/Invalid input: expected|ZodError/);
  }
  expect(await host.client.op('host:current', {})).toMatchObject({ ok: true, value: { fileName: 'Large.workbook' } });
});

test('a copy cannot be saved over the open workbook', async () => {
  expect(await host.client.op('host:saveCopy', { target: file })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  expect(await host.client.op('host:saveCopy', { target: `${file}-wal` })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
});
