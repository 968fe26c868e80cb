/**
 * Channels for: backups, restore and the tamper-evident history check (issue #7).
 * Backups are named by file name only: folders and paths never cross to the renderer.
 * These are query channels because they never write to the workbook's tables; backup:restore
 * replaces the whole file through the session (see electron/core/safety/restore.ts).
 */
import { z } from 'zod';
import { query, type ChannelDef } from '../define';

export const BACKUP_REASONS = ['open', 'scheduled', 'manual', 'before-import', 'before-restore', 'before-update', 'damaged'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  open: 'When the workbook was opened',
  scheduled: 'Automatic (every 15 minutes while you work)',
  manual: 'Made on request',
  'before-import': 'Before an import',
  'before-restore': 'Revert point (before a restore)',
  'before-update': 'Before updating for a new app version',
  damaged: 'Damaged file set aside (kept for investigation)',
};

export const backupSummary = z.object({
  fileName: z.string(),
  /** ISO timestamp; the UI shows 22/11/2026 10:15. */
  takenAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  reasonLabel: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** It opened and could be read; a restore checks it fully before using it. */
  usable: z.boolean(),
  counts: z.object({ evidence: z.number().int(), actions: z.number().int(), findings: z.number().int() }).nullable(),
});
export type BackupSummary = z.infer<typeof backupSummary>;

const backupChoice = z
  .string({ error: 'Choose a backup from the list.' })
  .max(255, { error: 'Choose a backup from the list.' })
  // A bare file name: no folders, no control characters (the server looks it up in its own list).
  // eslint-disable-next-line no-control-regex
  .regex(/^[^/\\:\u0000-\u001f]+\.workbook$/, { error: 'Choose a backup from the list.' });

export const auditChainStatus = z.object({
  intact: z.boolean(),
  entries: z.number().int().nonnegative(),
  brokenAt: z.number().int().nullable(),
  /** A sentence for the person: whether the history can be trusted. */
  message: z.string(),
});

export const backupStatus = z.object({
  /** Rolling backups are running for this workbook (the desktop app and browser mode start them). */
  automatic: z.boolean(),
  lastBackupAt: z.string().nullable(),
  /** Why the last automatic backup failed, in plain words (e.g. the disk is nearly full); null when fine. */
  problem: z.string().nullable(),
});

export const safetyChannels = {
  'backup:status': query(z.strictObject({}), backupStatus),
  'backup:list': query(z.strictObject({}), z.array(backupSummary)),
  'backup:create': query(z.strictObject({}), backupSummary),
  'backup:restore': query(
    z.strictObject({ fileName: backupChoice }),
    z.object({ restored: backupSummary, revertPoint: backupSummary.nullable() }),
  ),
  'audit:verify': query(z.strictObject({}), auditChainStatus),
} as const satisfies Record<string, ChannelDef>;
