/**
 * A workbook in WAL mode keeps its newest changes in NAME-wal until SQLite copies them into the
 * file. A sync or clean-up tool that deletes or replaces that file while the workbook is open makes
 * every later change vanish on the next crash or close (issue #14: 100 of 100 acknowledged writes
 * lost). Before each audited write we check the -wal is still the one SQLite opened; if not, writing
 * stops for this session with a sentence the officer can act on.
 */
import type Database from 'better-sqlite3';
import path from 'node:path';
import { walChange, writeStopReason } from '../../../db/open-workbook';
import { ServiceError } from '../services/service-error';

const stopped = new WeakMap<Database.Database, string>();

export function walProblemMessage(file: string, change: 'missing' | 'replaced'): string {
  const wal = `${path.basename(file)}-wal`;
  return (
    `The workbook’s companion file ${wal} was ${change === 'missing' ? 'deleted' : 'replaced'} while the workbook was open (a sync or clean-up tool can do this). ` +
    'To avoid losing work, no more changes will be saved until you close the workbook and open it again; this change was not saved. ' +
    'After reopening, run a check (it compares the workbook with the newest history this computer saw). ' +
    'Stop the tool from touching files ending in “-wal” and “-shm” in that folder.'
  );
}

/** Throws (and keeps throwing for this connection) once the -wal has gone or changed. */
export function assertWalIntact(sqlite: Database.Database): void {
  const already = stopped.get(sqlite) ?? writeStopReason(sqlite);
  if (already) throw new ServiceError('read_only', already);
  const change = walChange(sqlite);
  if (!change) return;
  const message = walProblemMessage(sqlite.name, change);
  stopped.set(sqlite, message);
  if (change === 'missing') {
    // SQLite still holds the deleted file open: once this transaction has rolled back, copying its
    // frames into the workbook keeps every change already acknowledged. A replaced file is left
    // alone (its frames are not ours).
    setImmediate(() => {
      try {
        if (sqlite.open && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(FULL)');
      } catch {
        // Another program holds the workbook: the check after reopening will tell.
      }
    });
  }
  throw new ServiceError('read_only', message);
}

/** The reason writing stopped for this connection, if it did (for workbook:info and the banner). */
export function writingStopped(sqlite: Database.Database): string | null {
  return stopped.get(sqlite) ?? writeStopReason(sqlite);
}
