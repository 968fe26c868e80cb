/**
 * The evidence pack: a zip with index.html (grouped by SEF criterion and by finding) and every
 * stored file of the evidence it lists. "For publication" leaves out personal data (see
 * pack-data.ts). The CLI writes it to disk after checking there is room; the UI gets the bytes.
 */
import { statfsSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { today, type ServiceContext } from '../services/context';
import { ServiceError } from '../services/service-error';
import { writeFileAtomically } from '../exports/write-file-atomically';
import { readFileBytes, readPackData, type PackData } from './pack-data';
import { formatBytes, renderPackIndex } from './pack-html';
import { sanitizeFileName } from '../files/sanitize-name';

export interface PackProgress {
  stage: string;
  done: number;
  total: number;
}

export interface PackOptions {
  forPublication: boolean;
  onProgress?: (p: PackProgress) => void;
}

export interface BuiltPack {
  fileName: string;
  bytes: Uint8Array;
  itemCount: number;
  fileCount: number;
  leftOut: string[];
}

export const ZIP_MIME = 'application/zip';

/** Never a path ("../../x" becomes "x"), safe on every system: the one file-name sanitiser (issue #12). */
export function safeFileName(name: string, fallback = 'file'): string {
  return sanitizeFileName(name, fallback);
}

/** Where each file goes in the zip: files/E-001/name, de-duplicated within an item. */
export function packPaths(data: PackData): Map<number, string> {
  const paths = new Map<number, string>();
  for (const item of data.items) {
    const used = new Set<string>();
    const folder = `files/${safeFileName(item.reference, `item-${item.id}`)}`;
    for (const f of item.files) {
      let name = safeFileName(f.originalName, `file-${f.id}`);
      const dot = name.lastIndexOf('.');
      const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext}`;
      used.add(name.toLowerCase());
      paths.set(f.id, `${folder}/${name}`);
    }
  }
  return paths;
}

/** Bytes the pack will need on disk, before building it: stored files plus index and zip overhead. */
export function estimatePackSize(data: PackData): number {
  const files = data.items.flatMap((i) => i.files);
  return files.reduce((n, f) => n + f.size + 200 + 2 * f.originalName.length, 0) + 1_000_000;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function buildEvidencePack(ctx: ServiceContext, options: PackOptions): Promise<BuiltPack> {
  const report = options.onProgress ?? (() => {});
  report({ stage: 'Reading the workbook', done: 0, total: 1 });
  const data = readPackData(ctx, options.forPublication);
  return buildFromData(ctx, data, report);
}

async function buildFromData(ctx: ServiceContext, data: PackData, report: (p: PackProgress) => void): Promise<BuiltPack> {
  const paths = packPaths(data);
  const files = data.items.flatMap((i) => i.files);
  const entries: Zippable = {};
  let done = 0;
  for (const f of files) {
    report({ stage: `Adding files (${done + 1} of ${files.length})`, done, total: files.length });
    const bytes = readFileBytes(ctx, f.sha256);
    if (bytes.length !== f.size) {
      throw new ServiceError('internal', `The stored file “${f.originalName}” is incomplete in the workbook, so the pack was not made. Run “workbook check” on it.`);
    }
    // Stored, not deflated: office files and PDFs are already compressed, and the size stays predictable.
    entries[paths.get(f.id)!] = [bytes, { level: 0 }];
    done++;
    await yieldToOthers();
  }
  report({ stage: 'Writing the index', done: files.length, total: files.length });
  entries['index.html'] = [strToU8(renderPackIndex(data, paths, today(ctx))), { level: 6 }];
  report({ stage: 'Compressing', done: files.length, total: files.length });
  const bytes = zipSync(entries, { mtime: ctx.now() });
  report({ stage: 'Done', done: files.length, total: files.length });
  const date = today(ctx);
  return {
    fileName: `Evidence pack ${date}${data.forPublication ? ' (for publication)' : ''}.zip`,
    bytes,
    itemCount: data.items.length,
    fileCount: files.length,
    leftOut: data.leftOut,
  };
}

export interface WritePackOptions extends PackOptions {
  /** Free bytes where the pack will be written (tests inject a small number). */
  freeBytes?: (dir: string) => number;
}

export function freeBytesAt(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

function refuseIfNoRoom(needed: number, free: number, target: string): void {
  if (needed > free) {
    throw new ServiceError(
      'not_allowed',
      `The evidence pack needs about ${formatBytes(needed)} but only ${formatBytes(free)} is free where ${path.basename(target)} would go. Free some space or choose another drive; nothing was written.`,
    );
  }
}

/** Builds and writes the pack, refusing before anything is written when the disk is too full. */
export async function writeEvidencePack(ctx: ServiceContext, target: string, options: WritePackOptions): Promise<BuiltPack> {
  const free = options.freeBytes ?? freeBytesAt;
  const dir = path.dirname(path.resolve(target));
  const report = options.onProgress ?? (() => {});
  report({ stage: 'Reading the workbook', done: 0, total: 1 });
  const data = readPackData(ctx, options.forPublication);
  refuseIfNoRoom(estimatePackSize(data), free(dir), target);
  const pack = await buildFromData(ctx, data, report);
  refuseIfNoRoom(pack.bytes.length, free(dir), target);
  writeFileAtomically(target, pack.bytes);
  return pack;
}

// Progress of the pack being built for each open workbook, for the UI to poll while it waits.
const progressByWorkbook = new Map<string, PackProgress & { running: boolean }>();

export function packProgressFor(ctx: ServiceContext): PackProgress & { running: boolean } {
  return progressByWorkbook.get(ctx.workbook.path) ?? { running: false, stage: 'Not started', done: 0, total: 0 };
}

/** The channel's build: records progress for `pack:progress` and returns the bytes as base64. */
export async function buildPackForChannel(ctx: ServiceContext, forPublication: boolean) {
  const key = ctx.workbook.path;
  if (progressByWorkbook.get(key)?.running) {
    throw new ServiceError('conflict', 'An evidence pack is already being built. Wait for it to finish, then try again.');
  }
  progressByWorkbook.set(key, { running: true, stage: 'Starting', done: 0, total: 0 });
  try {
    const pack = await buildEvidencePack(ctx, { forPublication, onProgress: (p) => progressByWorkbook.set(key, { ...p, running: true }) });
    return {
      fileName: pack.fileName,
      mimeType: ZIP_MIME,
      base64: Buffer.from(pack.bytes).toString('base64'),
      itemCount: pack.itemCount,
      fileCount: pack.fileCount,
      leftOut: pack.leftOut,
    };
  } finally {
    const last = progressByWorkbook.get(key);
    progressByWorkbook.set(key, { ...(last ?? { stage: 'Done', done: 0, total: 0 }), running: false });
  }
}
