/** Opens a workbook for one CLI command, runs it with a service context, and always closes it. */
import { openWorkbook } from '../../db/open-workbook';
import { WorkbookSession } from '../api/workbook-session';
import { WriteFileError } from '../exports/write-file-atomically';
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/service-error';
import { CliError } from './command';

export interface WithWorkbookOptions {
  /** Exports and packs only read: opening read-only guarantees they never change the file. */
  readOnly: boolean;
  /** Runs before the workbook closes, e.g. to stop a worker the command started. */
  beforeClose?: () => Promise<void> | void;
}

export async function withWorkbook<T>(file: string, options: WithWorkbookOptions, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
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
