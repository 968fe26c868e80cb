/** Opens a workbook for one CLI command, runs it with a service context, and always closes it. */
import { knownMigrations, openWorkbook } from '../../../db/open-workbook';
import { WorkbookSession } from '../../core/api/workbook-session';
import { WriteFileError } from '../../core/exports/write-file-atomically';
import type { ServiceContext } from '../../core/services/context';
import { ServiceError } from '../../core/services/service-error';
import { CliError } from './command';

export interface WithWorkbookOptions {
  /** Exports and packs only read: opening read-only guarantees they never change the file. */
  readOnly: boolean;
  /** Runs before the workbook closes, e.g. to stop a worker the command started. */
  beforeClose?: () => Promise<void> | void;
}

/**
 * A read-only open cannot update a workbook saved by an older version of the app; rather than
 * refuse, update it first (openWorkbook backs it up before migrating), then open it read-only.
 */
async function updateIfOlder(file: string): Promise<void> {
  const probe = await openWorkbook(file, { readOnly: true, asIs: true });
  const behind = probe.schemaVersion < knownMigrations().length;
  probe.close();
  if (behind) (await openWorkbook(file)).close();
}

export async function withWorkbook<T>(file: string, options: WithWorkbookOptions, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  if (options.readOnly) await updateIfOlder(file);
  const workbook = await openWorkbook(file, { readOnly: options.readOnly });
  const session = new WorkbookSession();
  session.use(workbook);
  try {
    return await work(session.context()!);
  } catch (e) {
    // Messages already written for officers become the command's error message, without a stack.
    if (e instanceof ServiceError || e instanceof WriteFileError) throw new CliError(e.message);
    throw e;
  } finally {
    await options.beforeClose?.();
    session.close();
  }
}
