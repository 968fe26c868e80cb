import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler } from '../../electron/desktop/protocol.main';
import { CONTENT_SECURITY_POLICY } from '../../electron/desktop/support/content-security-policy';
import { resolveAppPath } from '../../electron/desktop/support/protocol-path';

let root: string;
let dist: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ewb-protocol-'));
  dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Evidence Workbook</title>');
  writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.workbook'), 'OFFICIAL-SENSITIVE');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const handler = () => createAppRequestHandler(dist, () => {});

describe('app:// serves only the built renderer', () => {
  it('serves the page with the strict CSP', async () => {
    const res = await handler()({ url: 'app://workbook/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Evidence Workbook');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin and assets with their type', async () => {
    expect((await handler()({ url: 'app://workbook/', method: 'GET' })).status).toBe(200);
    const js = await handler()({ url: 'app://workbook/assets/index-abc.js', method: 'GET' });
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('the CSP forbids remote and inline script, plugins, framing and base tags', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    expect((await handler()({ url: 'app://workbook/nope.js', method: 'GET' })).status).toBe(404);
    expect((await handler()({ url: 'app://workbook/index.html', method: 'POST' })).status).toBe(405);
  });
});

describe('path traversal is refused, never cleaned up', () => {
  const hostile = [
    'app://workbook/../secret.workbook',
    'app://workbook/assets/../../secret.workbook',
    'app://workbook/%2e%2e/secret.workbook',
    'app://workbook/%2E%2E/%2E%2E/secret.workbook',
    'app://workbook/.%2e/secret.workbook',
    'app://workbook/%252e%252e/secret.workbook',
    'app://workbook/..%2fsecret.workbook',
    'app://workbook/..%2Fsecret.workbook',
    'app://workbook/..%5csecret.workbook',
    'app://workbook/..\\secret.workbook',
    'app://workbook/assets\\..\\..\\secret.workbook',
    'app://workbook//etc/passwd',
    'app://workbook/%2fetc%2fpasswd',
    'app://workbook/C:/Windows/win.ini',
    'app://workbook/c:%5cWindows%5cwin.ini',
    'app://workbook/index.html%00.js',
    'app://workbook/%ZZ',
    'app://evil/index.html',
    'app://workbook:99/index.html',
    'file:///etc/passwd',
    'https://workbook/index.html',
    'not a url',
  ];

  it.each(hostile)('%s', async (url) => {
    const resolved = resolveAppPath(dist, url);
    if (resolved !== null) {
      // The WHATWG parser may fold a dot segment away entirely; what remains must be inside dist/.
      expect(path.relative(dist, resolved).startsWith('..')).toBe(false);
      expect(resolved.startsWith(dist + path.sep)).toBe(true);
    }
    const res = await handler()({ url, method: 'GET' });
    expect(await res.text()).not.toContain('OFFICIAL-SENSITIVE');
    expect(res.status).not.toBe(200);
  });

  it('never resolves outside dist/ for any request', () => {
    for (const url of hostile) {
      const resolved = resolveAppPath(dist, url);
      if (resolved) expect(resolved.startsWith(dist + path.sep)).toBe(true);
    }
  });
});
