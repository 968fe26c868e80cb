/**
 * Random access to a file's bytes without holding it all in memory: a file on disk (read in
 * pieces) or bytes already in memory (an upload). Hashing, type checks and storage all read
 * through this, so a 200 MB file never needs one 200 MB buffer.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ByteSource {
  readonly size: number;
  /** Reads up to `length` bytes at `offset` (fewer at the end). */
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    close: () => {},
  };
}

/** Opens a file for reading; throws the usual Node errors (ENOENT, EACCES, EISDIR…). */
export function fileSource(file: string): ByteSource {
  const fd = openSync(file, 'r');
  let size: number;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = stat.size;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  let open = true;
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, buf, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/** Calls `each` with consecutive pieces of the source. */
export function forEachPiece(source: ByteSource, pieceBytes: number, each: (piece: Uint8Array, index: number) => void): void {
  for (let offset = 0, i = 0; offset < source.size; offset += pieceBytes, i++) {
    const piece = source.read(offset, pieceBytes);
    if (piece.length === 0) break;
    each(piece, i);
  }
}
