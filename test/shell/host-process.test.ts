/**
 * The main process's relay to the workbook host in a utility process (electron mocked: the
 * "utility process" is a worker thread running the same host module). Requests and answers are
 * matched by id; if the host stops, every waiting request and every later one gets a typed error
 * and the officer is told once, instead of the window hanging.
 */
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { startHostProcess, type HostProcess } from '../../electron/desktop/host-process.main';
import { tempDir } from '../helpers/temp-workbook';
import { recorded, utilityProcess } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let running: HostProcess | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

it('relays contract and host requests by id, answers in the order they finish', async () => {
  const onStopped = vi.fn();
  running = startHostProcess(utilityProcess, '/app/dist-electron/workbook-host.cjs', {}, onStopped);
  expect(utilityProcess.fork).toHaveBeenLastCalledWith('/app/dist-electron/workbook-host.cjs', [], expect.objectContaining({ serviceName: expect.any(String) }));
  const file = path.join(tempDir(), 'Relay.workbook');
  expect(await running.client.op('host:create', { file, areaName: 'Relayshire', frameworkId: 'area-send-2025' })).toMatchObject({ ok: true, value: { fileName: 'Relay.workbook' } });
  const [area, info, unknown] = await Promise.all([
    running.client.dispatch('area:get', {}),
    running.client.op('host:current', {}),
    running.client.dispatch('host:close', {}),
  ]);
  expect(area).toMatchObject({ ok: true, value: { areaName: 'Relayshire' } });
  expect(info).toMatchObject({ ok: true, value: { path: file, readOnly: false } });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  expect(onStopped).not.toHaveBeenCalled();
});

it('a host that stops answers every waiting and later request with a typed error, and says so once', async () => {
  const onStopped = vi.fn();
  running = startHostProcess(utilityProcess, '/app/dist-electron/workbook-host.cjs', {}, onStopped);
  await running.client.ready;
  const { worker } = recorded.forked.at(-1)!;
  const waiting = running.client.op('host:buildDemo', { file: path.join(tempDir(), 'Demo.workbook') });
  await worker.terminate();
  expect(await waiting).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/stopped/) } });
  expect(await running.client.dispatch('area:get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  await vi.waitFor(() => expect(onStopped).toHaveBeenCalledTimes(1));
});
