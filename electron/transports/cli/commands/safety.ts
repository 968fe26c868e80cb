/** CLI commands: backup, backups, restore (issue #7). */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../../../db/open-workbook';
import { defaultBackupsDir } from '../../../core/safety/backup-names';
import { createBackup, describeBackup, listBackups, type BackupInfo } from '../../../core/safety/backup-store';
import { megabytes } from '../../../core/safety/disk-space';
import { inspectWorkbookFile, type WorkbookCounts } from '../../../core/safety/inspect-file';
import { restoreWorkbookFile } from '../../../core/safety/restore';
import { backupOffer, openWorkbookSafely, ukDateTime } from '../../../core/safety/safe-open';
import { ServiceError } from '../../../core/services/service-error';
import { CliError, type CliCommand } from '../command';

function countsText(counts: WorkbookCounts | null): string {
  if (!counts) return 'contents not counted';
  return `${counts.evidence} evidence, ${counts.actions} actions, ${counts.findings} findings`;
}

async function asCli<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ServiceError) throw new CliError(e.message);
    throw e;
  }
}

const backup: CliCommand = {
  name: 'backup',
  summary: 'Back up a workbook now (safe while the app has it open)',
  usage: 'workbook backup --workbook FILE [--to DIR]',
  options: { workbook: { type: 'string' }, to: { type: 'string' } },
  required: ['workbook'],
  async run({ values }, io) {
    const file = path.resolve(String(values.workbook));
    const to = values.to === undefined ? null : path.resolve(String(values.to));
    const state = inspectWorkbookFile(file, { check: 'quick' });
    if (!state.ok) {
      const why = { missing: `There is no workbook at ${file}.`, not_a_workbook: `${path.basename(file)} is not an Evidence Workbook file.`, damaged: `${path.basename(file)} is damaged, so it cannot be backed up. ${backupOffer(null)}`, newer_version: `${path.basename(file)} was saved by a newer version of Evidence Workbook. Update the app first.` };
      throw new CliError(why[state.problem]);
    }
    // A read-only connection: the app may have the workbook open, and a backup never writes to it.
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    let made: BackupInfo;
    try {
      // A folder the person chose may hold other files: only the managed folder is pruned.
      made = await asCli(() => createBackup(sqlite, file, { backupsDir: to ?? defaultBackupsDir(file), reason: 'manual', now: new Date(), retention: to ? false : undefined }));
    } finally {
      sqlite.close();
    }
    io.out(`Backed up ${path.basename(file)} to ${made.path} (${megabytes(made.sizeBytes)}: ${countsText(made.counts)}).`);
    return 0;
  },
};

const backups: CliCommand = {
  name: 'backups',
  summary: 'List the backups of a workbook, newest first',
  usage: 'workbook backups --workbook FILE [--from DIR]',
  options: { workbook: { type: 'string' }, from: { type: 'string' } },
  required: ['workbook'],
  async run({ values }, io) {
    const file = path.resolve(String(values.workbook));
    const dir = values.from === undefined ? defaultBackupsDir(file) : path.resolve(String(values.from));
    const found = listBackups(dir);
    if (found.length === 0) {
      io.out(`No backups of ${path.basename(file)} in ${dir}.`);
      return 0;
    }
    io.out(`${found.length} backup${found.length === 1 ? '' : 's'} in ${dir}:`);
    for (const b of found) {
      io.out(`  ${ukDateTime(b.takenAt).padEnd(22)} ${b.reasonLabel.padEnd(46)} ${megabytes(b.sizeBytes).padStart(9)}  ${countsText(b.counts)}\n    ${b.fileName}`);
    }
    return 0;
  },
};

const restore: CliCommand = {
  name: 'restore',
  summary: 'Replace a workbook with a backup (the current state is kept as a revert point)',
  usage: 'workbook restore --workbook FILE --from BACKUP',
  options: { workbook: { type: 'string' }, from: { type: 'string' } },
  required: ['workbook', 'from'],
  async run({ values }, io) {
    const file = path.resolve(String(values.workbook));
    const backupsDir = defaultBackupsDir(file);
    let from = path.resolve(String(values.from));
    // A bare file name from `workbook backups` means one in the workbook's backups folder.
    if (!existsSync(from) && path.basename(String(values.from)) === String(values.from)) from = path.join(backupsDir, String(values.from));
    if (!existsSync(from)) throw new CliError(`There is no backup at ${from}.`);
    if (from === file) throw new CliError('The backup and the workbook are the same file.');
    const opened = existsSync(file) ? await openWorkbookSafely(file, { backupsDir }) : null;
    const current = opened?.workbook ?? null;
    try {
      const outcome = await asCli(() =>
        restoreWorkbookFile({ workbookPath: file, backupPath: from, backupsDir, now: new Date(), current, closeCurrent: () => current?.close() }),
      );
      // Prove the result opens as a normal workbook (updating an older backup) before saying so.
      mkdirSync(backupsDir, { recursive: true });
      (await openWorkbook(file, { backupDir: backupsDir })).close();
      const restored = describeBackup(from);
      io.out(`Restored ${path.basename(file)} from ${restored ? `the backup of ${ukDateTime(restored.takenAt)}` : path.basename(from)}.`);
      if (outcome.revertPoint) io.out(`The state before the restore was saved as a revert point; to undo, restore:\n  ${outcome.revertPoint.path}`);
      if (outcome.damagedCopy) io.out(`The damaged workbook was kept, unchanged, at:\n  ${outcome.damagedCopy}`);
      return 0;
    } finally {
      if (current?.sqlite.open) current.close();
    }
  },
};

export const safetyCommands: CliCommand[] = [backup, backups, restore];
