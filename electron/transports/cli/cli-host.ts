/**
 * The command line's one way to a workbook (issue #12): open or create the file named on the
 * command line, hold it in one WorkbookSession, and hand the command a client over dispatch —
 * the same validation, transactions, audit log and backups as the app. Commands never see the
 * session, a service or SQL; what a command needs that no channel offers becomes a channel.
 *
 * Only what cannot happen inside a session stays here, as the desktop shell's host does it:
 * creating a file, and replacing a workbook file that cannot be opened from a backup.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createWorkbook, knownMigrations, openWorkbook, WorkbookError, type CreateOptions } from '../../../db/open-workbook';
import type { ChannelName } from '../../contract/channels';
import { ApiFailure, createClient, type Client } from '../../contract/client';
import { createDispatcher, type Dispatch } from '../../core/api/dispatch';
import { checkOutputsByDefault } from '../../core/api/output-checks';
import { WorkbookSession } from '../../core/api/workbook-session';
import { WriteFileError, writeFileAtomically } from '../../core/exports/write-file-atomically';
import { closeTextExtractor } from '../../core/files/text/text-queue';
import { describeBackup, listBackups, type BackupInfo } from '../../core/safety/backup-store';
import { restoreWorkbookFile, type RestoreOutcome } from '../../core/safety/restore';
import { attachSafety, type SafetyOptions } from '../../core/safety/safety-config';
import { importWorkbookJson, parseWorkbookJson } from '../../core/workbook-json/workbook-json';
import { CliError } from './command';

/** How the host turns a session into a dispatcher; tests wrap it to record every channel called. */
export type CreateDispatch = (session: WorkbookSession) => Dispatch;

export interface OpenOptions {
  /** Exports and reads open read-only, so they never change the file. */
  readOnly: boolean;
  /** Leave a workbook from an older version as it is (check, backup): never update it. */
  asIs?: boolean;
  /** The backups folder and retention the session's backup channels use (default: beside the workbook). */
  safety?: SafetyOptions;
}

function removeWorkbookFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * A refusal already worded for an officer becomes the command's message, without a stack: a
 * channel's error, a write that failed, and the ServiceErrors (by their name, so this file needs
 * nothing from the services) of the file operations below.
 */
function forTerminal(e: unknown): unknown {
  if (e instanceof ApiFailure || e instanceof WriteFileError || (e instanceof Error && e.name === 'ServiceError')) return new CliError(e.message);
  return e;
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

export class CliHost {
  // The command line in normal use does not check answers against the contract (dispatch.ts says why).
  constructor(private readonly createDispatch: CreateDispatch = (session) => createDispatcher(session, { validateOutput: checkOutputsByDefault('cli') })) {}

  /** Opens an existing workbook, runs `work` with a client over dispatch, and always closes it. */
  async withWorkbook<T>(file: string, options: OpenOptions, work: (api: Client) => Promise<T>): Promise<T> {
    if (options.readOnly && !options.asIs) await updateIfOlder(file);
    const workbook = await openWorkbook(file, { readOnly: options.readOnly, asIs: options.asIs });
    const session = new WorkbookSession();
    session.use(workbook);
    return this.inSession(session, options.safety, work);
  }

  /**
   * Creates a workbook at `file` (never over an existing one), fills it through `work`, and
   * removes the file again if that fails, so a half-built workbook is never left behind.
   */
  async withNewWorkbook<T>(file: string, create: CreateOptions, work: (api: Client) => Promise<T>): Promise<T> {
    const session = new WorkbookSession({ now: create.now });
    session.use(createWorkbook(file, create));
    try {
      return await this.inSession(session, undefined, work);
    } catch (e) {
      removeWorkbookFiles(file);
      throw e;
    }
  }

  private async inSession<T>(session: WorkbookSession, safety: SafetyOptions | undefined, work: (api: Client) => Promise<T>): Promise<T> {
    // The backup channels find their folder, and backup:restore its session, through this.
    const detach = attachSafety(session, safety ?? {});
    const dispatch = this.createDispatch(session);
    const api = createClient((channel: ChannelName, input: unknown) => dispatch(channel, input));
    try {
      return await work(api);
    } catch (e) {
      throw forTerminal(e);
    } finally {
      detach();
      // A text-extraction worker started by an attach or import would keep the process alive.
      await closeTextExtractor();
      session.close();
    }
  }

  /** Writes what a channel built (base64) to the path named on the command line, whole or not at all. */
  save(file: string, base64: string): number {
    const bytes = Buffer.from(base64, 'base64');
    try {
      writeFileAtomically(file, bytes);
    } catch (e) {
      throw forTerminal(e);
    }
    return bytes.length;
  }

  /**
   * A new workbook holding exactly what a JSON export holds. It is written as rows, not records
   * (the export carries the history and the Bin too), so it is a file operation like creating one.
   */
  createFromJson(content: string | Uint8Array, file: string): void {
    importWorkbookJson(parseWorkbookJson(content), file);
  }

  /** The backups in a folder, for a workbook that cannot be opened (so no session can list them). */
  backupsIn(dir: string): BackupInfo[] {
    return listBackups(dir);
  }

  /**
   * Replaces a workbook that cannot be opened (damaged, or not there at all), or restores a backup
   * kept outside the workbook's backups folder: no session can hold such a file, so this is the
   * file operation the start screen also uses. A workbook that opens is restored through
   * backup:restore instead.
   */
  async restoreFile(workbookPath: string, backupPath: string, backupsDir: string): Promise<RestoreOutcome & { restored: BackupInfo | null }> {
    mkdirSync(backupsDir, { recursive: true });
    let current = null;
    if (existsSync(workbookPath)) {
      try {
        current = await openWorkbook(workbookPath, { backupDir: backupsDir });
      } catch (e) {
        if (!(e instanceof WorkbookError) || !['damaged', 'not_a_workbook'].includes(e.code)) throw e;
      }
    }
    const opened = current;
    try {
      const outcome = await restoreWorkbookFile({ workbookPath, backupPath, backupsDir, now: new Date(), current: opened, closeCurrent: () => opened?.close() });
      // Prove the result opens as a normal workbook (updating an older backup) before saying so.
      (await openWorkbook(workbookPath, { backupDir: backupsDir })).close();
      return { ...outcome, restored: describeBackup(backupPath) };
    } catch (e) {
      throw forTerminal(e);
    } finally {
      if (opened?.sqlite.open) opened.close();
    }
  }
}
