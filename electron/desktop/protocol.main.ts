/**
 * The app:// scheme serving the built renderer (dist/) with a strict CSP, instead of file://
 * (which would give the page the reach of the whole file system). Requests outside dist/ are
 * refused by resolveAppPath.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { securityHeaders } from './support/content-security-policy';
import { mimeTypeFor } from '../core/files/mime-types';
import { resolveAppPath } from './support/protocol-path';
import { APP_SCHEME } from './support/trusted-url';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The request handler, exported for tests: answers a Response for any request, never throws. */
export function createAppRequestHandler(distDir: string, log: (message: string) => void = (m) => console.warn(`[protocol] ${m}`)) {
  return async (request: Pick<Request, 'url' | 'method'>): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed');
    const file = resolveAppPath(distDir, request.url);
    if (!file) {
      log(`refused ${request.url.slice(0, 200)}`);
      return refusal(403, 'Forbidden');
    }
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: securityHeaders(mimeTypeFor(file)) });
    } catch {
      return refusal(404, 'Not found');
    }
  };
}

/** Must run after the app is ready. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, distDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(distDir));
}
