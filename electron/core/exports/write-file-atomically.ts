/**
 * Writes a whole file or nothing: bytes go to a temporary file in the same folder, are flushed,
 * then renamed over the target. A read-only folder or a full disk leaves no half-written file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open as openFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export class WriteFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteFileError';
  }
}

function explain(e: NodeJS.ErrnoException, target: string): string {
  const where = path.dirname(target);
  switch (e.code) {
    case 'ENOSPC':
      return `There is not enough free disk space to save ${path.basename(target)}. Free some space and try again.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${where} cannot be written to (it may be read-only). Choose another folder.`;
    case 'ENOENT':
      return `The folder ${where} does not exist. Choose another folder.`;
    default:
      return `${path.basename(target)} could not be saved: ${e.message}`;
  }
}

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
}

export function writeFileAtomically(target: string, data: Uint8Array): void {
  const temp = tempNameFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw new WriteFileError(explain(e as NodeJS.ErrnoException, target));
  }
}

/**
 * The same, without holding the thread: for the Electron main process, which must keep the window
 * answering while an export of several megabytes is written and flushed to a slow or network disk.
 */
export async function writeFileAtomicallyAsync(target: string, data: Uint8Array): Promise<void> {
  const temp = tempNameFor(target);
  let handle: Awaited<ReturnType<typeof openFile>> | undefined;
  try {
    handle = await openFile(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (e) {
    if (handle !== undefined) await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw new WriteFileError(explain(e as NodeJS.ErrnoException, target));
  }
}
