/**
 * A read-only or full destination: the export fails with a message an officer can act on and
 * leaves no half-written file. Tests may run as root (which ignores folder permissions), so the
 * file system's refusal is injected at the fs call the atomic writer makes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/transports/cli/run-cli';
import { makeFixture, type Fixture } from './fixture';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const failure = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  const writes = new Map<number, number>();
  const openSync = ((file: string, ...rest: unknown[]) => {
    if (String(file).includes('read-only-folder')) throw failure('EROFS');
    const fd = (fs.openSync as (...a: unknown[]) => number)(file, ...rest);
    if (String(file).includes('full-disk')) writes.set(fd, 0);
    return fd;
  }) as typeof fs.openSync;
  const writeSync = ((fd: number, data: Uint8Array, offset: number, length: number) => {
    if (writes.has(fd)) {
      // Half the file fits, then the disk is full.
      if (writes.get(fd)! > 0) throw failure('ENOSPC');
      const half = Math.ceil(length / 2);
      writes.set(fd, half);
      return fs.writeSync(fd, data, offset, half);
    }
    return fs.writeSync(fd, data, offset, length);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, openSync, writeSync }, openSync, writeSync };
});

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
});
afterAll(() => f.cleanup());

async function cli(...argv: string[]) {
  const err: string[] = [];
  const code = await runCli(argv, { out: () => {}, err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
}

describe('exports to a location that cannot take the file', () => {
  it('a read-only folder: clear message, no file', async () => {
    const folder = path.join(f.dir, 'read-only-folder');
    mkdirSync(folder);
    const r = await cli('export', 'sef', '--workbook', f.file, '--out', path.join(folder, 'sef.docx'));
    expect(r).toEqual({ code: 1, err: `${folder} cannot be written to (it may be read-only). Choose another folder.` });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a full disk: clear message, the half-written temporary file is removed, an earlier file is kept', async () => {
    const folder = path.join(f.dir, 'full-disk');
    mkdirSync(folder);
    const target = path.join(folder, 'progress.docx');
    writeFileSync(target, 'the earlier report');
    const r = await cli('export', 'progress', '--workbook', f.file, '--out', target);
    expect(r).toEqual({ code: 1, err: 'There is not enough free disk space to save progress.docx. Free some space and try again.' });
    expect(readdirSync(folder)).toEqual(['progress.docx']);
    expect(readFileSync(target, 'utf8')).toBe('the earlier report');
  });
});
