/**
 * Which backups to keep: the newest 10, plus the newest of each day for the last 30 days, plus
 * the newest revert point and pre-update copy, within a size cap. A pure function so the policy
 * is tested with a fake clock and no files.
 */
import { londonDate } from '../services/context';
import type { BackupReason } from './backup-names';

export interface RetentionPolicy {
  keepLatest: number;
  keepDailyForDays: number;
  /** Total size of all kept backups; the oldest go first when over. The newest is always kept. */
  maxTotalBytes: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  keepLatest: 10,
  keepDailyForDays: 30,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

export interface RetainedCandidate {
  fileName: string;
  takenAt: Date;
  reason: BackupReason;
  sizeBytes: number;
  sequence?: number;
}

export function newestFirst<T extends { takenAt: Date; sequence?: number; fileName: string }>(a: T, b: T): number {
  return b.takenAt.getTime() - a.takenAt.getTime() || (b.sequence ?? 1) - (a.sequence ?? 1) || b.fileName.localeCompare(a.fileName);
}

const DAY_MS = 86_400_000;
/** Kept whatever the count: the way back from a restore, and from an app update. */
const PINNED_NEWEST: BackupReason[] = ['before-restore', 'before-update'];

/**
 * Returns the file names to delete. Damaged copies set aside are never deleted automatically,
 * nor is anything in `protect` (the backup just written).
 */
export function backupsToDelete(backups: RetainedCandidate[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION, protect: string[] = []): string[] {
  const candidates = backups.filter((b) => b.reason !== 'damaged');
  const sorted = [...candidates].sort(newestFirst);
  const keep = new Set<string>([...sorted.slice(0, policy.keepLatest).map((b) => b.fileName), ...protect]);

  const oldestDay = now.getTime() - policy.keepDailyForDays * DAY_MS;
  const daysSeen = new Set<string>();
  for (const b of sorted) {
    if (b.takenAt.getTime() < oldestDay) continue;
    const day = londonDate(b.takenAt);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(b.fileName);
  }
  for (const reason of PINNED_NEWEST) {
    const newest = sorted.find((b) => b.reason === reason);
    if (newest) keep.add(newest.fileName);
  }

  // Size cap: drop the oldest kept backups (never the newest one) until the total fits.
  let total = sorted.filter((b) => keep.has(b.fileName)).reduce((sum, b) => sum + b.sizeBytes, 0);
  for (const b of [...sorted].reverse()) {
    if (total <= policy.maxTotalBytes) break;
    if (!keep.has(b.fileName) || b === sorted[0] || protect.includes(b.fileName)) continue;
    keep.delete(b.fileName);
    total -= b.sizeBytes;
  }
  return sorted.filter((b) => !keep.has(b.fileName)).map((b) => b.fileName);
}
