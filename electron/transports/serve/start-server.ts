/**
 * Browser mode: the same renderer and the same contract over HTTP, on 127.0.0.1 only.
 * Every API request must carry the random token printed at start (in the URL) and, when the
 * browser sends an Origin, it must be this server's own. Static files are served only from the
 * renderer build folder.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { appRoot } from '../../../db/app-root';
import { WorkbookError, type WorkbookErrorCode } from '../../../db/open-workbook';
import type { Dispatch } from '../../core/api/dispatch';
import type { WorkbookSession } from '../../core/api/workbook-session';
import { spawnWorkerHost, type HostClient } from '../../core/host/host-client';
import { inlineHost } from '../../core/host/inline-host';
import type { HostWorkbook } from '../../core/host/host-ops';
import { isFolderOp } from '../../contract/workbook-folder';
import { createWorkbookFolder, type WorkbookFolder } from './workbook-folder';
import type { Result } from '../../contract/define';
import { mimeTypeFor } from '../../core/files/mime-types';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface ServerOptions {
  /** The workbook to open; without it the page shows Welcome (new/open in `folder`). */
  workbookPath?: string;
  /** The only folder the Welcome screen may create or open workbooks in (issue #16). */
  folder?: string;
  /** A file name the Welcome screen suggests for a new workbook. */
  suggestedName?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The renderer build (defaults to dist/ in the app folder). */
  staticDir?: string;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  now?: () => Date;
  /**
   * Where the workbook lives: 'worker' (the default, and what `npm run serve` uses) runs the
   * workbook host in a worker thread, so a long export or backup never stalls other requests;
   * 'inline' runs the same host on this thread, for tests that look at the database directly.
   */
  host?: 'worker' | 'inline';
  /** Rolling backups while a workbook is open (on open, then every 15 minutes while there are changes). */
  backups?: boolean;
  /** With host 'inline': called after the workbook opens. Returns a stop function. */
  onOpen?: (session: WorkbookSession) => (() => void) | void;
}

export interface RunningServer {
  url: string;
  token: string;
  port: number;
  /** The workbook host: open/create/close are messages to it (host-ops.ts), as is every contract call. */
  host: HostClient;
  close(): Promise<void>;
}

/** With host 'inline', the host's session is on this thread and can be looked at. */
export interface InlineServer extends RunningServer {
  session: WorkbookSession;
}


const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  const result: Result<never> = { ok: false, error: { code: 'not_allowed', message } };
  send(res, status, result);
}

function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves a URL path inside `root`, refusing anything that escapes it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too_large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, dispatch: Dispatch, channel: string): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'Use POST for the workbook API.');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Send the request as JSON.');
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === 'too_large') return refuse(res, 413, 'That request is too large.');
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    const bad: Result<never> = { ok: false, error: { code: 'invalid_input', message: 'The request was not valid JSON.' } };
    return send(res, 400, bad);
  }
  send(res, 200, await dispatch(channel, input));
}

async function handleFolderOp(req: IncomingMessage, res: ServerResponse, folder: WorkbookFolder, op: Parameters<WorkbookFolder['handle']>[0]): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'Use POST for the workbook API.');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Send the request as JSON.');
  const body = await readBody(req, 64 * 1024);
  if (body === 'too_large') return refuse(res, 413, 'That request is too large.');
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, 400, 'The request was not valid JSON.');
  }
  send(res, 200, await folder.handle(op, input));
}

function serveStatic(req: IncomingMessage, res: ServerResponse, staticDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, SECURITY_HEADERS);
    res.end();
    return;
  }
  const file = resolveStaticPath(staticDir, req.url ?? '/');
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    const index = path.join(staticDir, 'index.html');
    const missing = !existsSync(index);
    res.writeHead(missing ? 503 : 404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(missing ? 'The app has not been built yet. Run "npm run build:renderer" and reload.' : 'Not found');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeTypeFor(file),
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
}

export async function startServer(options: ServerOptions & { host: 'inline' }): Promise<InlineServer>;
export async function startServer(options: ServerOptions): Promise<RunningServer>;
export async function startServer(options: ServerOptions): Promise<RunningServer | InlineServer> {
  // A fixed clock (tests) is read once and given to the host; the real clock otherwise.
  const init = { fixedNow: options.now?.().toISOString() };
  const backend = options.host === 'inline' ? await inlineHost(init) : spawnWorkerHost(init);
  const host = backend.client;
  const session = 'core' in backend ? backend.core.session : null;
  let current: HostWorkbook | null = null;
  let stopOnOpen: (() => void) | void = undefined;
  const adopt = (result: Awaited<ReturnType<HostClient['op']>>) => {
    if (!result.ok) throw new WorkbookError(result.error.code as WorkbookErrorCode, result.error.message);
    current = result.value as HostWorkbook;
    if (session) stopOnOpen = options.onOpen?.(session);
  };
  const scheduleBackups = options.backups ?? false;
  const openFile = async (file: string) => adopt(await host.op('host:open', { file, scheduleBackups }));
  try {
    if (options.workbookPath) await openFile(options.workbookPath);
  } catch (e) {
    await backend.close();
    throw e;
  }
  const folder: WorkbookFolder | null = options.folder
    ? createWorkbookFolder(options.folder, {
        current: () => current?.path ?? null,
        open: openFile,
        create: async (file, areaName, frameworkId) => adopt(await host.op('host:create', { file, areaName, frameworkId, scheduleBackups })),
      }, { suggestedName: options.suggestedName ?? null })
    : null;
  // The contract only: host channels (open, copy, …) are never reachable from a page.
  const dispatch = host.dispatch;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticDir = path.resolve(options.staticDir ?? path.join(appRoot(), 'dist'));
  let origin = '';

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    // DNS rebinding: only our own host name may address us.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${(server.address() as AddressInfo).port}` && host !== `localhost:${(server.address() as AddressInfo).port}`) {
      return refuse(res, 421, 'This server answers only on 127.0.0.1.');
    }
    if (url.startsWith('/api/')) {
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin && requestOrigin !== origin.replace('127.0.0.1', 'localhost')) {
        return refuse(res, 403, 'Requests from other websites are refused.');
      }
      if (!tokenMatches(token, req.headers.authorization)) {
        return refuse(res, 401, 'This request is missing the access token. Open the address printed when the workbook server started.');
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
      } catch {
        return refuse(res, 400, 'That request address is not valid.');
      }
      if (folder && isFolderOp(channel)) {
        handleFolderOp(req, res, folder, channel).catch(() => {
          if (!res.headersSent) refuse(res, 500, 'Something went wrong and nothing was changed.');
        });
        return;
      }
      handleApi(req, res, dispatch, channel).catch(() => {
        if (!res.headersSent) refuse(res, 500, 'Something went wrong and nothing was changed.');
      });
      return;
    }
    serveStatic(req, res, staticDir);
  });
  server.requestTimeout = 5 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    token,
    port,
    host,
    ...(session ? { session } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        stopOnOpen?.();
        server.closeAllConnections();
        server.close(() => {
          void backend.close().then(resolve);
        });
      }),
  };
}
