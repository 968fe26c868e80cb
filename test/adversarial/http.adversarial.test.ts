/**
 * Browser mode under attack: requests without the token, with a wrong one, from another
 * origin or host, oversized, not JSON, with the wrong method or path, and seeded hostile payloads
 * to every channel. Each is refused with a typed answer, the server keeps serving, and the
 * workbook does not change.
 */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { channelNames, contract } from '../../electron/contract/channels';
import { MAX_BODY_BYTES, startServer, type InlineServer } from '../../electron/transports/serve/start-server';
import { buildFixture } from '../api/fixture';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { contentHash, rowsWritten, expectNoPollution, expectTypedRefusal, hostilePayload, prng, SEED } from './hostile';

const TOKEN = 'adversarial-token-0123456789';
let t: TestWorkbook;
// Inline: the test reads the database directly to prove nothing changed.
let server: InlineServer;
let before: string;

beforeAll(async () => {
  t = makeTestWorkbook();
  await buildFixture(t.api);
  t.session.close();
  const staticDir = path.join(t.dir, 'dist');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Evidence Workbook</title>');
  server = await startServer({ workbookPath: t.file, staticDir, token: TOKEN, host: 'inline' });
  before = contentHash(server.session.workbook!.sqlite);
});
afterAll(async () => {
  await server.close();
  t.cleanup();
});

interface Reply {
  status: number;
  body: string;
}

/** A raw request, so headers like Host and Origin can be anything an attacker sends. */
function send(options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a request that lies about its length must not poison the next.
    const req = request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'POST', path: options.path, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const good = () => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, Host: `127.0.0.1:${server.port}` });

function expectRefused(reply: Reply, status: number, where: string) {
  expect(reply.status, `${where}: ${reply.body.slice(0, 200)}`).toBe(status);
  const parsed = JSON.parse(reply.body) as unknown;
  expectTypedRefusal(parsed, where);
}

async function stillServing() {
  const reply = await send({ path: '/api/area:get', headers: good(), body: '{}' });
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
}

test('no token, a wrong token, or the token only in the URL is refused', async () => {
  const { Authorization: _a, ...noToken } = good();
  expectRefused(await send({ path: '/api/area:get', headers: noToken, body: '{}' }), 401, 'no token');
  expectRefused(await send({ path: '/api/area:get', headers: { ...good(), Authorization: 'Bearer wrong' }, body: '{}' }), 401, 'wrong token');
  expectRefused(await send({ path: '/api/area:get', headers: { ...good(), Authorization: `Bearer ${TOKEN}x` }, body: '{}' }), 401, 'longer token');
  expectRefused(await send({ path: '/api/area:get', headers: { ...good(), Authorization: TOKEN }, body: '{}' }), 401, 'no Bearer');
  expectRefused(await send({ path: `/api/area:get?token=${TOKEN}`, headers: noToken, body: '{}' }), 401, 'token in URL');
  await stillServing();
});

test('other origins and other host names are refused (CSRF, DNS rebinding)', async () => {
  for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `http://127.0.0.1.evil.example:${server.port}`]) {
    expectRefused(await send({ path: '/api/partner:create', headers: { ...good(), Origin: origin }, body: JSON.stringify({ name: 'CSRF', kind: 'other' }) }), 403, origin);
  }
  for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `0.0.0.0:${server.port}`]) {
    expectRefused(await send({ path: '/api/area:get', headers: { ...good(), Host: host }, body: '{}' }), 421, host);
  }
  await stillServing();
});

test('oversized bodies are refused without being read into memory', async () => {
  expectRefused(await send({ path: '/api/area:get', headers: { ...good(), 'Content-Length': MAX_BODY_BYTES + 1 }, body: '{}' }), 413, 'declared too large');
  // Sent for real, chunked, with no length declared.
  const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
  const reply = await send({ path: '/api/evidence:create', headers: good(), body: big });
  expectRefused(reply, 413, 'chunked too large');
  await stillServing();
}, 60_000);

test('not JSON, the wrong content type, the wrong method and odd paths are refused', async () => {
  expectRefused(await send({ path: '/api/area:get', headers: good(), body: '{"unterminated' }), 400, 'bad JSON');
  expectRefused(await send({ path: '/api/area:get', headers: good(), body: '\u0000\u0001' }), 400, 'binary');
  expectRefused(await send({ path: '/api/area:get', headers: { ...good(), 'Content-Type': 'text/plain' }, body: '{}' }), 415, 'text/plain');
  expectRefused(await send({ path: '/api/area:get', headers: { ...good(), 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' }), 415, 'form');
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    expectRefused(await send({ method, path: '/api/area:get', headers: good() }), 405, method);
  }
  for (const p of ['/api/', '/api/nope', '/api/__proto__', '/api/constructor', '/api/area:get/..', '/api/..%2farea:get', `/api/${'x'.repeat(4000)}`, '/api/area%3Aget%00']) {
    const reply = await send({ path: p, headers: good(), body: '{}' });
    expect(reply.status, p).toBe(200);
    expect(JSON.parse(reply.body), p).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  }
  await stillServing();
});

test(`seeded hostile payloads to every channel over HTTP change nothing (seed ${SEED})`, async () => {
  const random = prng(SEED + 1);
  for (const channel of channelNames) {
    for (let i = 0; i < 4; i++) {
      const payload = hostilePayload(channel, random);
      let body: string;
      try {
        body = JSON.stringify(payload) ?? 'null';
      } catch {
        continue; // not expressible as JSON, so not sendable over HTTP
      }
      const sqlite = server.session.workbook!.sqlite;
      const written = rowsWritten(sqlite);
      const reply = await send({ path: `/api/${encodeURIComponent(channel)}`, headers: good(), body });
      const result = JSON.parse(reply.body) as { ok: boolean };
      const where = `seed ${SEED + 1}, HTTP ${channel} #${i}`;
      const after = rowsWritten(sqlite) === written ? before : contentHash(sqlite);
      if (result.ok && contract[channel].mutates) before = after; // valid by accident: a new baseline
      else expect(after, where).toBe(before);
      if (!result.ok) expectTypedRefusal(result, where, payload);
    }
  }
  expectNoPollution();
  expect(contentHash(server.session.workbook!.sqlite)).toBe(before);
  await stillServing();
}, 120_000);
