// @vitest-environment jsdom
/**
 * The one way a screen sends a file (the evidence panel and the letter, statistics and plan
 * spreadsheet imports): in pieces with progress; a failed piece removes the partial copy; choosing
 * another file removes the first; closing the screen removes the last.
 */
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ApiProvider, useApi } from '../../renderer/api/api-context';
import { sendFile } from '../../renderer/api/send-file';
import { useFileUpload } from '../../renderer/api/use-file-upload';
import type { Transport } from '../../electron/contract/client';

function fakeBackend(opts: { failAtChunk?: number } = {}) {
  const calls: { channel: string; input: Record<string, unknown> }[] = [];
  let next = 0;
  const transport: Transport = async (channel, input) => {
    const i = input as Record<string, unknown>;
    calls.push({ channel, input: i });
    if (channel === 'file:uploadBegin') return { ok: true, value: { uploadId: `u${++next}`, chunkBytes: 4 } };
    if (channel === 'file:uploadChunk' && i.seq === opts.failAtChunk) return { ok: false, error: { code: 'internal', message: 'The disk is full.' } };
    return { ok: true, value: {} };
  };
  const wrapper = ({ children }: { children: ReactNode }) => <ApiProvider transport={transport}>{children}</ApiProvider>;
  return { calls, wrapper };
}

const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

test('sends the file in pieces, replaces the first upload with the second, and removes the last on close', async () => {
  const { calls, wrapper } = fakeBackend();
  const { result, unmount } = renderHook(() => useFileUpload(), { wrapper });

  let first = '';
  await act(async () => {
    first = await result.current.send(file('letter.txt', 'abcdefghij'));
  });
  expect(first).toBe('u1');
  expect(calls.filter((c) => c.channel === 'file:uploadChunk').map((c) => c.input.seq)).toEqual([0, 1, 2]);
  expect(result.current.sending).toBeNull();

  await act(async () => {
    await result.current.send(file('second.txt', 'xyz'));
  });
  expect(calls.filter((c) => c.channel === 'file:uploadCancel').map((c) => c.input.uploadId)).toEqual(['u1']);

  unmount();
  await Promise.resolve();
  expect(calls.filter((c) => c.channel === 'file:uploadCancel').map((c) => c.input.uploadId)).toEqual(['u1', 'u2']);
});

test('progress is reported after every piece', async () => {
  const { calls, wrapper } = fakeBackend();
  const { result } = renderHook(() => useApi(), { wrapper });
  const progress: [number, number][] = [];
  await sendFile(result.current.client, file('plan.csv', 'abcdefghij'), (done, total) => progress.push([done, total]));
  expect(progress).toEqual([[0, 10], [4, 10], [8, 10], [10, 10]]);
  expect(calls.map((c) => c.channel)).toEqual(['file:uploadBegin', 'file:uploadChunk', 'file:uploadChunk', 'file:uploadChunk']);
});

test('a piece that fails removes the partial copy and passes the reason on', async () => {
  const { calls, wrapper } = fakeBackend({ failAtChunk: 1 });
  const { result } = renderHook(() => useFileUpload(), { wrapper });
  await act(async () => {
    await expect(result.current.send(file('stats.csv', 'abcdefghij'))).rejects.toThrow('The disk is full.');
  });
  expect(calls.filter((c) => c.channel === 'file:uploadCancel').map((c) => c.input.uploadId)).toEqual(['u1']);
  expect(result.current.sending).toBeNull();
});
