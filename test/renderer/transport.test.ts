// @vitest-environment jsdom
/** Browser-mode transport: the token leaves the address bar, travels as a bearer header, and refusals are explained. */
import { httpTransport, takeTokenFromUrl } from '../../renderer/api/transport';

test('the token is taken from ?token=, kept for the tab, and removed from the address bar', () => {
  window.history.replaceState(null, '', '/?token=abc123#/evidence');
  expect(takeTokenFromUrl()).toBe('abc123');
  expect(window.location.search).toBe('');
  expect(window.location.hash).toBe('#/evidence');
  expect(sessionStorage.getItem('evidence-workbook.token')).toBe('abc123');
  // A reload (no token in the URL) still finds it.
  expect(takeTokenFromUrl()).toBe('abc123');
});

test('requests carry the bearer token and answer the Result', async () => {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify({ ok: true, value: { items: [], total: 0 } }), { status: 200 });
  }) as unknown as typeof fetch;
  const r = await httpTransport('tok', fetchImpl)('evidence:list', { limit: 5 });
  expect(r).toEqual({ ok: true, value: { items: [], total: 0 } });
  expect(seen[0]!.url).toBe('/api/evidence:list');
  expect((seen[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  expect(seen[0]!.init.body).toBe('{"limit":5}');
});

test('a refused token and a dead server give messages an officer can act on', async () => {
  const refused = (async () => new Response('{}', { status: 401 })) as unknown as typeof fetch;
  const r1 = await httpTransport(null, refused)('workbook:info', {});
  expect(r1.ok).toBe(false);
  expect(!r1.ok && r1.error.message).toMatch(/Open the address the server printed/);
  const dead = (async () => {
    throw new TypeError('Failed to fetch');
  }) as unknown as typeof fetch;
  const r2 = await httpTransport('t', dead)('workbook:info', {});
  expect(!r2.ok && r2.error.message).toMatch(/not answering/);
});
