/**
 * CLI commands: backup, backups, restore (issue #7), through the backup channels the Backups
 * screen uses. Only a workbook that cannot be opened (damaged, missing) is listed or restored as
 * files by the host, since no session can hold it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BackupSummary } from '../../../contract/groups/safety';
import { defaultBackupsDir } from '../../../core/safety/backup-names';
import { megabytes } from '../../../core/safety/disk-space';
import { CliError, type CliCommand } from '../command';

type Counts = BackupSummary['counts'];

function countsText(counts: Counts): string {
  if (!counts) return 'contents not counted';
  return `${counts.evidence} evidence, ${counts.actions} actions, ${counts.findings} findings`;
}

/** A workbook that cannot be opened, so a session cannot hold it. */
const UNOPENABLE = ['damaged', 'not_a_workbook', 'not_found'];

/** Loaded when a command runs, not for `workbook --help` (they bring the database code with them). */
async function runtime() {
  const [{ WorkbookError }, { ukDateTime }] = await Promise.all([import('../../../../db/open-workbook'), import('../../../core/safety/safe-open')]);
  return { WorkbookError, ukDateTime };
}

const backup: CliCommand = {
  name: 'backup',
  summary: 'Back up a workbook now (safe while the app has it open)',
  usage: 'workbook backup --workbook FILE [--to DIR]',
  options: { workbook: { type: 'string' }, to: { type: 'string' } },
  required: ['workbook'],
  async run({ values }, io, host) {
    const { WorkbookError } = await runtime();
    const file = path.resolve(String(values.workbook));
    const to = values.to === undefined ? null : path.resolve(String(values.to));
    const backupsDir = to ?? defaultBackupsDir(file);
    let made: BackupSummary;
    try {
      // Read-only and as it is: the app may have the workbook open, and a backup never writes to it.
      // A folder the person chose may hold other files: only the managed folder is pruned.
      made = await host.withWorkbook(file, { readOnly: true, asIs: true, safety: { backupsDir, retention: to ? false : undefined } }, (api) => api.call('backup:create', {}));
    } catch (e) {
      if (e instanceof WorkbookError && e.code === 'damaged') throw new CliError(`${path.basename(file)} is damaged, so it cannot be backed up. Restore it from a backup (see "workbook backups").`);
      throw e;
    }
    io.out(`Backed up ${path.basename(file)} to ${path.join(backupsDir, made.fileName)} (${megabytes(made.sizeBytes)}: ${countsText(made.counts)}).`);
    return 0;
  },
};

const backups: CliCommand = {
  name: 'backups',
  summary: 'List the backups of a workbook, newest first',
  usage: 'workbook backups --workbook FILE [--from DIR]',
  options: { workbook: { type: 'string' }, from: { type: 'string' } },
  required: ['workbook'],
  async run({ values }, io, host) {
    const { WorkbookError, ukDateTime } = await runtime();
    const file = path.resolve(String(values.workbook));
    const dir = values.from === undefined ? defaultBackupsDir(file) : path.resolve(String(values.from));
    let found: { fileName: string; takenAt: Date; reasonLabel: string; sizeBytes: number; counts: Counts }[];
    try {
      const listed = await host.withWorkbook(file, { readOnly: true, asIs: true, safety: { backupsDir: dir } }, (api) => api.call('backup:list', {}));
      found = listed.map((b) => ({ ...b, takenAt: new Date(b.takenAt) }));
    } catch (e) {
      // A damaged or missing workbook is exactly when its backups are wanted.
      if (!(e instanceof WorkbookError && UNOPENABLE.includes(e.code))) throw e;
      found = host.backupsIn(dir);
    }
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
  async run({ values }, io, host) {
    const { WorkbookError, ukDateTime } = await runtime();
    const file = path.resolve(String(values.workbook));
    const backupsDir = defaultBackupsDir(file);
    let from = path.resolve(String(values.from));
    // A bare file name from `workbook backups` means one in the workbook's backups folder.
    if (!existsSync(from) && path.basename(String(values.from)) === String(values.from)) from = path.join(backupsDir, String(values.from));
    if (!existsSync(from)) throw new CliError(`There is no backup at ${from}.`);
    if (from === file) throw new CliError('The backup and the workbook are the same file.');

    if (path.dirname(from) === backupsDir) {
      let opened = false;
      try {
        // The channel the Backups screen uses: a revert point first, then the backup checked and put in place.
        const result = await host.withWorkbook(file, { readOnly: false, safety: { backupsDir } }, (api) => {
          opened = true;
          return api.call('backup:restore', { fileName: path.basename(from) });
        });
        io.out(`Restored ${path.basename(file)} from the backup of ${ukDateTime(new Date(result.restored.takenAt))}.`);
        if (result.revertPoint) io.out(`The state before the restore was saved as a revert point; to undo, restore:\n  ${path.join(backupsDir, result.revertPoint.fileName)}`);
        return 0;
      } catch (e) {
        if (opened || !(e instanceof WorkbookError && UNOPENABLE.includes(e.code))) throw e;
      }
    }
    const outcome = await host.restoreFile(file, from, backupsDir);
    io.out(`Restored ${path.basename(file)} from ${outcome.restored ? `the backup of ${ukDateTime(outcome.restored.takenAt)}` : path.basename(from)}.`);
    if (outcome.revertPoint) io.out(`The state before the restore was saved as a revert point; to undo, restore:\n  ${outcome.revertPoint.path}`);
    if (outcome.damagedCopy) io.out(`The damaged workbook was kept, unchanged, at:\n  ${outcome.damagedCopy}`);
    return 0;
  },
};

export const safetyCommands: CliCommand[] = [backup, backups, restore];
