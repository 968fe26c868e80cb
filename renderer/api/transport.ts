/**
 * How the renderer reaches the contract: the Electron preload (window.workbook) when present,
 * otherwise HTTP to browser mode (POST /api/<channel>, bearer token from the page URL).
 */
import type { ChannelName } from '../../electron/contract/channels';
import type { Transport } from '../../electron/contract/client';
import type { Result } from '../../electron/contract/define';
import type {} from '../../electron/contract/shell-api';

const TOKEN_KEY = 'evidence-workbook.token';

/**
 * Takes the browser-mode token from `?token=…`, keeps it for this tab only (sessionStorage) and
 * removes it from the address bar so it is not bookmarked, shared or kept in history.
 */
export function takeTokenFromUrl(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(window.history.state, '', `${loc.pathname}${rest ? `?${rest}` : ''}${loc.hash}`);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

const offline = (message: string): Result<unknown> => ({ ok: false, error: { code: 'internal', message } });

export function httpTransport(token: string | null, fetchImpl: typeof fetch = fetch.bind(window)): Transport {
  return async (channel: ChannelName, input: unknown) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return offline('The workbook server is not answering. Check that it is still running, then try again.');
    }
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        error: { code: 'not_allowed', message: 'This page is not allowed to use the workbook. Open the address the server printed, including its token.' },
      };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return offline(`The workbook server sent an answer that could not be read (HTTP ${response.status}).`);
    }
  };
}

export function createTransport(): Transport {
  const bridge = window.workbook;
  if (bridge) return (channel, input) => bridge.invoke(channel, input as never) as Promise<Result<unknown>>;
  return httpTransport(takeTokenFromUrl());
}
