/** Saving an export writes the whole file or nothing, on both the blocking and the non-blocking path. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically, writeFileAtomicallyAsync, WriteFileError } from '../../electron/core/exports/write-file-atomically';
import { tempDir } from '../helpers/temp-workbook';

const writers = { blocking: async (t: string, b: Uint8Array) => writeFileAtomically(t, b), 'non-blocking': writeFileAtomicallyAsync };

describe.each(Object.entries(writers))('%s writer', (_name, write) => {
  test('replaces an existing file whole and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'Plan.xlsx');
    writeFileSync(target, 'old contents');
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(7);
    await write(target, bytes);
    expect(readFileSync(target).equals(Buffer.from(bytes))).toBe(true);
    expect(readdirSync(dir)).toEqual(['Plan.xlsx']);
  });

  test('a folder that does not exist is explained in plain words, and nothing is written', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'missing', 'SEF.docx');
    await expect(write(target, new Uint8Array([1]))).rejects.toThrow(WriteFileError);
    await expect(write(target, new Uint8Array([1]))).rejects.toThrow(/The folder .*missing does not exist\. Choose another folder\./);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a target that is a folder fails without leaving a partial file', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'SEF.docx'));
    await expect(write(path.join(dir, 'SEF.docx'), new Uint8Array([1, 2]))).rejects.toThrow(WriteFileError);
    expect(readdirSync(dir)).toEqual(['SEF.docx']);
  });
});
