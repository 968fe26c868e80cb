/**
 * Dispatch checks answers against the contract by default outside production (issue #12): a
 * handler that drifts from its output schema is logged for the developer with the field that
 * failed, the caller gets a plain `internal` error, and a command's change is undone.
 * Also: file:processText, which stores extracted text, is a command (refused on a read-only
 * workbook) that dispatch does not wrap in one transaction.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { openWorkbook } from '../../db/open-workbook';
import { createDispatcher, OutputOutsideContract } from '../../electron/core/api/dispatch';
import { handlers } from '../../electron/core/api/handlers';
import { checkOutputsByDefault } from '../../electron/core/api/output-checks';
import { contract } from '../../electron/contract/channels';
import { inThreadExtractor } from '../../electron/core/files/text/text-extractor';
import { setTextExtractor } from '../../electron/core/files/text/text-queue';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook | undefined;
const restore: (() => void)[] = [];

afterEach(() => {
  while (restore.length) restore.pop()!();
  vi.unstubAllEnvs();
  t?.cleanup();
  t = undefined;
});

/** Replaces one handler for the test, as a drifted service would answer. */
function drift(channel: keyof typeof handlers, answer: (real: unknown) => unknown): void {
  const map = handlers as unknown as Record<string, (ctx: unknown, input: unknown) => unknown>;
  const real = map[channel]!;
  map[channel] = (ctx, input) => answer(real(ctx, input));
  restore.push(() => {
    map[channel] = real;
  });
}

function dispatcherWithLog(session: TestWorkbook['session']) {
  const logged: { channel: string; error: unknown }[] = [];
  const dispatch = createDispatcher(session, { logError: (channel, error) => logged.push({ channel, error }) });
  return { dispatch, logged };
}

test('outputs are checked by default in tests and development, not in production or the command line', () => {
  vi.stubEnv('EVIDENCE_WORKBOOK_CHECK_OUTPUTS', undefined);
  vi.stubEnv('NODE_ENV', 'test');
  expect(checkOutputsByDefault()).toBe(true);
  expect(checkOutputsByDefault('cli')).toBe(true);
  vi.stubEnv('NODE_ENV', 'development');
  expect(checkOutputsByDefault()).toBe(true);
  expect(checkOutputsByDefault('cli')).toBe(false);
  vi.stubEnv('NODE_ENV', 'production');
  expect(checkOutputsByDefault()).toBe(false);
  vi.stubEnv('EVIDENCE_WORKBOOK_CHECK_OUTPUTS', '1');
  expect(checkOutputsByDefault('cli')).toBe(true);
  vi.stubEnv('NODE_ENV', 'development');
  vi.stubEnv('EVIDENCE_WORKBOOK_CHECK_OUTPUTS', '0');
  expect(checkOutputsByDefault()).toBe(false);
});

test('a query answering outside its contract is logged with the failing field and reported in plain words', async () => {
  t = makeTestWorkbook();
  const partner = await t.api.call('partner:create', { name: 'Testshire Council', kind: 'council' });
  drift('partner:get', (real) => ({ ...(real as object), name: 42 }));
  const { dispatch, logged } = dispatcherWithLog(t.session);

  const result = await dispatch('partner:get', { id: partner.id });

  expect(result).toEqual({
    ok: false,
    error: { code: 'internal', message: expect.stringMatching(/^The app made an answer it could not check, so nothing was changed\. This is a fault in the app/) },
  });
  expect(logged).toHaveLength(1);
  expect(logged[0]!.channel).toBe('partner:get');
  expect(logged[0]!.error).toBeInstanceOf(OutputOutsideContract);
  const developerWords = (logged[0]!.error as Error).message;
  expect(developerWords).toContain('partner:get answered with something its contract');
  expect(developerWords).toMatch(/name/);
  // The officer's words carry no zod or stack detail.
  expect(JSON.stringify(result)).not.toMatch(/expected|received|at .+:\d+/);
});

test("a command answering outside its contract is undone, so 'nothing was changed' is true", async () => {
  t = makeTestWorkbook();
  drift('partner:create', (real) => ({ ...(real as object), version: 'one' }));
  const { dispatch, logged } = dispatcherWithLog(t.session);
  const auditBefore = t.workbook.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };

  const result = await dispatch('partner:create', { name: 'Testshire Council', kind: 'council' });

  expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  expect(logged.map((l) => l.channel)).toEqual(['partner:create']);
  expect(await t.api.call('partner:list', { offset: 0, limit: 50 })).toMatchObject({ items: [], total: 0 });
  expect(t.workbook.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
});

test('a caller may still turn the check off explicitly', async () => {
  t = makeTestWorkbook();
  const partner = await t.api.call('partner:create', { name: 'Testshire Council', kind: 'council' });
  drift('partner:get', (real) => ({ ...(real as object), name: 42 }));
  const dispatch = createDispatcher(t.session, { validateOutput: false });
  expect(await dispatch('partner:get', { id: partner.id })).toMatchObject({ ok: true, value: { name: 42 } });
});

test('file:processText is a command: refused on a read-only workbook, run outside one transaction on a writable one', async () => {
  expect(contract['file:processText'].mutates).toBe(true);
  setTextExtractor(inThreadExtractor);
  restore.push(() => setTextExtractor(null));
  t = makeTestWorkbook();
  const item = await t.api.call('evidence:create', { title: 'Board minutes', kind: 'document', level: 'activity' });
  await t.api.call('file:attach', { evidenceId: item.id, fileName: 'minutes.txt', base64: Buffer.from('Sufficiency of specialist places').toString('base64') });

  // Asynchronous, yet answered (a command held in one transaction must be synchronous).
  const run = await t.api.call('file:processText', {});
  expect(run.pending).toBe(0);
  expect((await t.api.call('file:list', { evidenceId: item.id }))[0]).toMatchObject({ textStatus: 'extracted' });

  t.workbook.close();
  t.session.use(await openWorkbook(t.file, { readOnly: true }));
  expect(await t.dispatch('file:processText', {})).toMatchObject({ ok: false, error: { code: 'read_only' } });
});
