/**
 * The Electron IPC handler (electron/desktop/ipc.main.ts), registered on a mocked ipcMain, fed seeded
 * hostile payloads for every channel from the app's own page, and ordinary requests from pages
 * that are not the app: typed errors only, nothing thrown, nothing changed.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { vi } from 'vitest';
import { channelNames, contract } from '../../electron/contract/channels';
import { registerWorkbookIpc } from '../../electron/desktop/ipc.main';
import { INVOKE_CHANNEL } from '../../electron/desktop/support/ipc-names';
import { buildFixture } from '../api/fixture';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { ipcEvent, ipcMain, recorded, resetRecorded } from '../shell/fake-electron';
import { contentHash, expectNoPollution, expectTypedRefusal, HOSTILE_CHANNEL_NAMES, hostilePayload, hostileValue, prng, rowsWritten, SEED } from './hostile';

vi.mock('electron', () => import('../shell/fake-electron'));

let t: TestWorkbook;
let invoke: (event: unknown, payload: unknown) => Promise<unknown>;
const dispatched = vi.fn();

beforeAll(async () => {
  resetRecorded();
  t = makeTestWorkbook();
  await buildFixture(t.api);
  registerWorkbookIpc(ipcMain, {
    dispatch: (channel, input) => {
      dispatched(channel);
      return t.dispatch(channel, input);
    },
    log: () => {},
  });
  const handler = recorded.handlers.get(INVOKE_CHANNEL)!;
  invoke = async (event, payload) => handler(event as IpcMainInvokeEvent, payload);
});
afterAll(() => t.cleanup());

test(`seeded hostile payloads to every channel over IPC get typed errors and change nothing (seed ${SEED})`, async () => {
  const random = prng(SEED + 2);
  const sqlite = t.workbook.sqlite;
  let hash = contentHash(sqlite);
  for (const channel of channelNames) {
    for (let i = 0; i < 6; i++) {
      const input = hostilePayload(channel, random);
      const where = `seed ${SEED + 2}, IPC ${channel} #${i}`;
      const written = rowsWritten(sqlite);
      const result = (await invoke(ipcEvent(), { channel, input })) as { ok: boolean };
      const after = rowsWritten(sqlite) === written ? hash : contentHash(sqlite);
      if (result.ok && contract[channel].mutates) hash = after;
      else expect(after, where).toBe(hash);
      if (!result.ok) expectTypedRefusal(result, where, input);
    }
  }
  expectNoPollution();
});

test('envelopes that are not { channel, input } are refused before dispatch', async () => {
  const random = prng(SEED + 3);
  const before = contentHash(t.workbook.sqlite);
  dispatched.mockClear();
  const envelopes: unknown[] = [
    ...HOSTILE_CHANNEL_NAMES.map((channel) => ({ channel, input: {} })),
    ...Array.from({ length: 200 }, () => hostileValue(random)),
    { channel: 'area:get', input: {}, extra: true },
    JSON.parse('{"channel": "area:get", "input": {}, "__proto__": {"polluted": "yes"}}'),
    { channel: 'x'.repeat(101), input: {} },
  ];
  for (const envelope of envelopes) {
    const result = await invoke(ipcEvent(), envelope);
    expectTypedRefusal(result, `envelope ${String(JSON.stringify(envelope)).slice(0, 80)}`);
  }
  expect(dispatched).not.toHaveBeenCalled();
  expect(contentHash(t.workbook.sqlite)).toBe(before);
  expectNoPollution();
});

test('valid requests from anything but the app page are refused before dispatch', async () => {
  const before = contentHash(t.workbook.sqlite);
  dispatched.mockClear();
  const senders = [
    ipcEvent('https://evil.example/'),
    ipcEvent('file:///etc/passwd'),
    ipcEvent('app://workbook.evil.example/index.html'),
    ipcEvent('app://user:pass@workbook/index.html'),
    ipcEvent('app://workbook/index.html', { subFrame: true }),
    ipcEvent('app://workbook/index.html', { noFrame: true }),
    ipcEvent('app://workbook/index.html', { destroyed: true }),
    {},
    null,
  ];
  for (const sender of senders) {
    for (const channel of ['partner:create', 'backup:restore', 'area:get'] as const) {
      const input = channel === 'partner:create' ? { name: 'Injected', kind: 'other' } : channel === 'backup:restore' ? { fileName: 'x.workbook' } : {};
      const result = await invoke(sender, { channel, input });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
  }
  expect(dispatched).not.toHaveBeenCalled();
  expect(contentHash(t.workbook.sqlite)).toBe(before);
});
