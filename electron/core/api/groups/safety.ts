/** Handlers for: backups, restore and the history check (issue #7). */
import type { safetyChannels, BackupSummary } from '../../../contract/groups/safety';
import { describeAuditChain } from '../../safety/audit-check';
import { backupNow } from '../../safety/backup-now';
import type { BackupInfo } from '../../safety/backup-store';
import { listBackups } from '../../safety/backup-store';
import { restoreInSession } from '../../safety/restore';
import { backupsDirFor, safetyOptionsFor, sessionHolding } from '../../safety/safety-config';
import { ServiceError } from '../../services/service-error';
import type { GroupHandlers } from '../handler-types';

function summary(b: BackupInfo): BackupSummary {
  return {
    fileName: b.fileName,
    takenAt: b.takenAt.toISOString(),
    reason: b.reason,
    reasonLabel: b.reasonLabel,
    sizeBytes: b.sizeBytes,
    usable: b.usable,
    counts: b.counts,
  };
}

export const safetyHandlers: GroupHandlers<typeof safetyChannels> = {
  'backup:status': (ctx) => {
    const status = sessionHolding(ctx.workbook)?.status ?? null;
    return {
      automatic: status !== null,
      lastBackupAt: status?.lastBackup?.takenAt.toISOString() ?? null,
      problem: status?.lastError ? (status.lastError instanceof ServiceError ? status.lastError.message : 'The last automatic backup could not be made. Your workbook is safe; backups will be tried again.') : null,
    };
  },
  'backup:list': (ctx) => {
    const options = safetyOptionsFor(ctx.workbook);
    return listBackups(backupsDirFor(ctx.workbook, options), options.nativeBinding).map(summary);
  },
  'backup:create': async (ctx) => summary(await backupNow(ctx.workbook, 'manual', ctx.now())),
  'backup:restore': async (ctx, input) => {
    const holder = sessionHolding(ctx.workbook);
    if (!holder) {
      throw new ServiceError('not_allowed', 'Restoring is not available here. Close the workbook and restore it from the start screen or the command line.');
    }
    const result = await restoreInSession(holder.session, input.fileName, ctx.now());
    return { restored: summary(result.restored), revertPoint: result.revertPoint ? summary(result.revertPoint) : null };
  },
  'audit:verify': (ctx) => {
    const options = safetyOptionsFor(ctx.workbook);
    return describeAuditChain(ctx.workbook.sqlite, { backupsDir: backupsDirFor(ctx.workbook, options), nativeBinding: options.nativeBinding });
  },
};
