/**
 * Reads the parts of a zip (DOCX, XLSX, PPTX are zips) that we need, defensively: the central
 * directory is parsed by hand so every size is checked before anything is inflated, inflation
 * runs in small pieces with a running count, and an entry that inflates past its declared size
 * or a sane ratio (a zip bomb disguised as a .docx) is refused instead of filling memory.
 */
import { Inflate } from 'fflate';
import type { ByteSource } from './byte-source';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {
  constructor(
    message: string,
    readonly bomb = false,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRIES = 20_000;
/** Biggest single part we will inflate (document.xml of a very long report is a few MB). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** Deflate cannot honestly do better than about 1000:1; real Office XML sits well under 100:1. */
const MAX_RATIO = 250;
const INFLATE_PIECE = 16 * 1024;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

/** Lists the entries from the central directory. Throws ZipError for anything malformed. */
export function listZipEntries(source: ByteSource): ZipEntry[] {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tailStart = source.size - tailLength;
  const tail = source.read(tailStart, tailLength);
  const tv = view(tail);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('The file is incomplete or damaged (its index is missing).');
  const count = tv.getUint16(eocd + 10, true);
  const cdSize = tv.getUint32(eocd + 12, true);
  const cdOffset = tv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('The file uses a zip format too large to read for text.');
  if (count > MAX_ENTRIES) throw new ZipError('The file has too many parts to read.', true);
  if (cdOffset + cdSize > source.size) throw new ZipError('The file is incomplete or damaged (it may have been cut short).');
  const cd = source.read(cdOffset, cdSize);
  const v = view(cd);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || v.getUint32(p, true) !== CENTRAL_SIGNATURE) throw new ZipError('The file is damaged (its index is unreadable).');
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    entries.push({
      method: v.getUint16(p + 10, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      localHeaderOffset: v.getUint32(p + 42, true),
      name: new TextDecoder().decode(cd.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry, refusing anything bigger than `maxBytes` or suspiciously compressed. */
export function readZipEntry(source: ByteSource, entry: ZipEntry, maxBytes = MAX_ENTRY_BYTES): Uint8Array {
  if (entry.size > maxBytes) throw new ZipError(`A part of the file (${entry.name}) is too large to read.`, true);
  if (entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > MAX_RATIO) {
    throw new ZipError('The file is compressed far more than any real document (it looks like a zip bomb).', true);
  }
  const header = source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || view(header).getUint32(0, true) !== LOCAL_SIGNATURE) throw new ZipError('The file is damaged (a part is missing).');
  const dataStart = entry.localHeaderOffset + 30 + view(header).getUint16(26, true) + view(header).getUint16(28, true);
  if (dataStart + entry.compressedSize > source.size) throw new ZipError('The file is incomplete (it may have been cut short).');
  const compressed = source.read(dataStart, entry.compressedSize);
  if (entry.method === 0) return compressed.slice();
  if (entry.method !== 8) throw new ZipError('The file uses a compression method that cannot be read.');
  // The declared size may lie: the real limit is the declared size (a true document matches it).
  const limit = Math.min(maxBytes, entry.size);
  const out = new Uint8Array(limit);
  let written = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > limit) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let p = 0; p < compressed.length && !overflow; p += INFLATE_PIECE) {
      inflate.push(compressed.subarray(p, p + INFLATE_PIECE), p + INFLATE_PIECE >= compressed.length);
    }
  } catch {
    throw new ZipError('The file is damaged (a part cannot be decompressed).');
  }
  if (overflow) throw new ZipError('A part of the file decompresses to far more than it claims (it looks like a zip bomb).', true);
  return written === limit ? out : out.subarray(0, written);
}

export function findEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  return entries.find((e) => e.name === name);
}
