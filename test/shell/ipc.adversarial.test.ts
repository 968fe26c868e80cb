/**
 * The Electron IPC handler behind window.workbook.invoke, fed hostile senders and payloads with
 * `electron` mocked and a real workbook behind it. Refusals must not reach dispatch.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { registerWorkbookIpc } from '../../electron/desktop/ipc.main';
import { INVOKE_CHANNEL } from '../../electron/desktop/support/ipc-names';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { ipcEvent, ipcMain, recorded, resetRecorded } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let t: TestWorkbook;
beforeEach(() => {
  resetRecorded();
  t = makeTestWorkbook({ areaName: 'Bristol' });
});
afterEach(() => t.cleanup());

function handler(dispatch = t.dispatch) {
  const spy = vi.fn(dispatch);
  const log = vi.fn();
  registerWorkbookIpc(ipcMain, { dispatch: spy, log });
  const h = recorded.handlers.get(INVOKE_CHANNEL)!;
  return { invoke: (event: unknown, payload: unknown) => h(event as IpcMainInvokeEvent, payload) as Promise<unknown>, dispatch: spy, log };
}

describe('a trusted page', () => {
  it('reaches the contract through the single invoke channel', async () => {
    const { invoke } = handler();
    const result = (await invoke(ipcEvent(), { channel: 'area:get', input: {} })) as { ok: boolean; value: { areaName: string } };
    expect(result.ok).toBe(true);
    expect(result.value.areaName).toBe('Bristol');
  });

  it('gets the contract\'s officer-readable validation messages', async () => {
    const { invoke } = handler();
    const result = (await invoke(ipcEvent(), { channel: 'partner:create', input: { name: '' } })) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('hostile senders are refused before dispatch', () => {
  it.each([
    ['another web origin', ipcEvent('https://evil.example/')],
    ['a file:// page', ipcEvent('file:///tmp/evil.html')],
    ['a look-alike app host', ipcEvent('app://evil/index.html')],
    ['a sub-frame', ipcEvent('app://workbook/index.html', { subFrame: true })],
    ['a sub-frame from elsewhere', ipcEvent('https://evil.example/', { subFrame: true })],
    ['no frame', ipcEvent(undefined, { noFrame: true })],
    ['a destroyed frame', ipcEvent(undefined, { destroyed: true })],
    ['an event without a frame property', { sender: {} }],
  ])('%s', async (_label, event) => {
    const { invoke, dispatch, log } = handler();
    const result = await invoke(event, { channel: 'area:update', input: { areaName: 'Hacked' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/untrusted sender/));
    expect((await t.api.call('area:get', {})).areaName).toBe('Bristol');
  });
});

describe('channels the contract does not declare are refused', () => {
  it.each([
    'workbook:delete',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'AREA:GET',
    'area:get ',
    '',
    'x'.repeat(10_000),
  ])('%j', async (channel) => {
    const { invoke, dispatch } = handler();
    expect(await invoke(ipcEvent(), { channel, input: {} })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    ['no payload', undefined],
    ['null', null],
    ['a string', 'area:get'],
    ['an array', ['area:get', {}]],
    ['a numeric channel', { channel: 1, input: {} }],
    ['an object channel', { channel: { toString: () => 'area:get' }, input: {} }],
    ['extra keys', { channel: 'area:get', input: {}, asAdmin: true }],
    ['a polluted prototype key', JSON.parse('{"channel":"area:get","input":{},"__proto__":{"admin":true}}')],
  ])('a malformed payload: %s', async (_label, payload) => {
    const { invoke, dispatch } = handler();
    const result = (await invoke(ipcEvent(), payload)) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

it('an unexpected dispatch failure becomes a plain message, not a stack trace', async () => {
  const { invoke } = handler(async () => {
    throw new Error('SECRET at /home/officer/evidence.workbook:12');
  });
  const result = await invoke(ipcEvent(), { channel: 'area:get', input: {} });
  expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  expect(JSON.stringify(result)).not.toContain('SECRET');
});
