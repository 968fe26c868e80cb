/** Free-space checks, so a backup fails before writing rather than filling the disk mid-copy. */
import { statfsSync } from 'node:fs';
import { ServiceError } from '../services/service-error';

/** Bytes available to this user in the file system holding `dir`. */
export type FreeSpaceProbe = (dir: string) => number;

export const systemFreeSpace: FreeSpaceProbe = (dir) => {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
};

/** Room left over after a backup, so backups never take the space the workbook needs to save. */
export const HEADROOM_BYTES = 50 * 1024 * 1024;

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-GB')} MB`;
}

export function diskShortError(needed: number, free: number): ServiceError {
  return new ServiceError(
    'not_allowed',
    `There is not enough free disk space for a backup (it needs about ${megabytes(needed)} and only ${megabytes(free)} is free). ` +
      'Free some space on the disk and try again. Nothing in your workbook has been lost.',
  );
}

/** Throws a plain-words error when `dir` cannot take `bytes` more and still leave headroom. */
export function ensureFreeSpace(dir: string, bytes: number, probe: FreeSpaceProbe = systemFreeSpace): void {
  const free = probe(dir);
  if (free < bytes + HEADROOM_BYTES) throw diskShortError(bytes + HEADROOM_BYTES, free);
}
