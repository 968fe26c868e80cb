import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createWorkbook } from '../../db/open-workbook';
import { resolveStaticPath, startServer, type RunningServer } from '../../electron/transports/serve/start-server';
import { tempDir } from '../helpers/temp-workbook';

let server: RunningServer;
let staticDir: string;

beforeAll(async () => {
  const dir = tempDir();
  const file = path.join(dir, 'serve.workbook');
  createWorkbook(file, { areaName: 'Serveshire' }).close();
  staticDir = path.join(dir, 'dist');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Evidence Workbook</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the app folder');
  server = await startServer({ workbookPath: file, staticDir, token: 'test-token' });
});
afterAll(() => server.close());

const base = () => `http://127.0.0.1:${server.port}`;
const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base()}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-token', ...headers },
    body: JSON.stringify(body),
  });

test('prints a loopback URL that carries the token', () => {
  expect(server.url).toBe(`${base()}/?token=test-token`);
});

test('answers contract calls with the token', async () => {
  const res = await api('area:get', {});
  expect(res.status).toBe(200);
  const result = await res.json();
  expect(result).toMatchObject({ ok: true, value: { areaName: 'Serveshire' } });
});

test('refuses API requests without the right token', async () => {
  expect((await api('area:get', {}, { Authorization: '' })).status).toBe(401);
  expect((await api('area:get', {}, { Authorization: 'Bearer wrong-token' })).status).toBe(401);
});

test('refuses requests from another website', async () => {
  const res = await api('area:get', {}, { Origin: 'https://evil.example' });
  expect(res.status).toBe(403);
});

test('allows its own origin', async () => {
  expect((await api('area:get', {}, { Origin: base() })).status).toBe(200);
});

test('validation errors come back as typed results, not crashes', async () => {
  const result = await (await api('partner:create', { name: 42 })).json();
  expect(result.ok).toBe(false);
  expect(result.error.code).toBe('invalid_input');
});

test('refuses non-JSON and GET on the API', async () => {
  const res = await fetch(`${base()}/api/area:get`, { method: 'POST', headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' }, body: '{not json' });
  expect(res.status).toBe(400);
  expect((await fetch(`${base()}/api/area:get`, { headers: { Authorization: 'Bearer test-token' } })).status).toBe(405);
});

test('serves the renderer and nothing outside it', async () => {
  const index = await fetch(`${base()}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(resolveStaticPath(staticDir, '/../secret.txt')).toBeNull();
  expect(resolveStaticPath(staticDir, '/%2e%2e/secret.txt')).toBeNull();
  expect(resolveStaticPath(staticDir, '/..%5csecret.txt')).toBeNull();
  const traversal = await fetch(`${base()}/%2e%2e/secret.txt`);
  expect(await traversal.text()).not.toContain('outside the app folder');
});

test('a malformed channel address is refused, and the server keeps answering', async () => {
  const res = await fetch(`${base()}/api/area%E0%A4%A`, { method: 'POST', headers: { Authorization: 'Bearer test-token', 'Content-Type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(400);
  expect((await api('area:get', {})).status).toBe(200);
});
