/**
 * What the desktop shell does with workbooks once a main-process dialog has chosen a path: open,
 * create, build the demo, save a copy, save an export, reopen the last workbook at start. The
 * workbook itself lives in the workbook host (a utility process in the app, a worker thread in
 * tests; electron/core/host/): this class keeps the recent list and the welcome-screen state, and
 * sends the host messages. Plain Node (no electron import), so it is tested against real files.
 *
 * Every failure becomes an officer-readable ShellResult; a workbook that fails to open never
 * replaces the one already open (the host opens the new one before closing the old).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { NewWorkbookRequest, OpenedWorkbook, ShellErrorCode, ShellResult, ShellState } from '../../contract/shell-api';
import { writeFileAtomicallyAsync, WriteFileError } from '../../core/exports/write-file-atomically';
import type { HostClient } from '../../core/host/host-client';
import type { HostWorkbook } from '../../core/host/host-ops';
import type { HostResult } from '../../core/host/host-protocol';
import { WORKBOOK_EXTENSION } from './file-names';
import type { RecentWorkbooks } from './recent-workbooks';

export type DemoBuilder = (file: string) => Promise<HostResult<null>>;

export interface WorkbookHostOptions {
  /** The workbook host's messages. */
  client: HostClient;
  recent: RecentWorkbooks;
  /** Where new workbooks and the demo go by default: Documents/Evidence Workbook. */
  workbooksDir: string;
  appVersion: string;
  /** This workbook's backups folder (the app keeps them in app data); default beside the workbook. */
  backupsDirFor?: (file: string) => string;
  /** Rolling backups while a workbook is open (the app: yes). */
  scheduleBackups?: boolean;
  /** Builds the demo (default: the host builds the Bristol demo). */
  buildDemo?: DemoBuilder;
  now?: () => Date;
  /** Called after a different workbook became the open one (menu rebuild, renderer reload). */
  onChanged?: (workbook: HostWorkbook) => void;
  log?: (message: string, error?: unknown) => void;
}

export const DEMO_FILE_NAME = `Demo - Bristol evidence workbook.${WORKBOOK_EXTENSION}`;

function fail<T>(message: string, code: ShellErrorCode = 'failed'): ShellResult<T> {
  return { ok: false, error: { code, message } };
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

/** A host answer in the shell's terms: the host's own codes map onto the few the page knows. */
function asShell<T>(result: HostResult<T>): ShellResult<T> {
  if (result.ok) return result;
  const code: ShellErrorCode = result.error.code === 'not_found' || result.error.code === 'not_allowed' ? result.error.code : 'failed';
  return fail(result.error.message, code);
}

export class WorkbookHost {
  private startupMessage: string | null = null;
  private open_: HostWorkbook | null = null;
  /** The opening done at start: the page's first state waits for it, the window does not. */
  private starting: Promise<void> = Promise.resolve();
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly options: WorkbookHostOptions) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message, error) => console.error(`[shell] ${message}`, error ?? ''));
  }

  /** The open workbook as the host last reported it. */
  get current(): HostWorkbook | null {
    return this.open_;
  }

  async state(): Promise<ShellState> {
    await this.starting;
    const wb = this.open_;
    const message = this.startupMessage;
    this.startupMessage = null;
    return {
      appVersion: this.options.appVersion,
      firstRun: this.options.recent.firstRun,
      current: wb ? { fileName: wb.fileName, readOnly: wb.readOnly } : null,
      recent: this.options.recent.list(),
      startupMessage: message,
    };
  }

  private backupSettings(file: string) {
    const dir = this.options.backupsDirFor?.(path.resolve(file));
    return { ...(dir ? { backupsDir: dir } : {}), scheduleBackups: this.options.scheduleBackups ?? false };
  }

  /** Opens `file` (chosen in a dialog, or from the recent list) and makes it the open workbook. */
  async open(file: string): Promise<ShellResult<OpenedWorkbook>> {
    return this.adopt(await this.options.client.op<HostWorkbook>('host:open', { file: path.resolve(file), ...this.backupSettings(file) }));
  }

  async openRecent(id: string): Promise<ShellResult<OpenedWorkbook>> {
    const file = this.options.recent.resolve(id);
    if (!file) return fail('That workbook is no longer in the recent list. Use File > Open… to find it.', 'not_found');
    return this.open(file);
  }

  /** Creates a workbook at `file` (chosen in a save dialog) and opens it. Never overwrites. */
  async create(file: string, request: NewWorkbookRequest): Promise<ShellResult<OpenedWorkbook>> {
    return this.adopt(await this.options.client.op<HostWorkbook>('host:create', { file: path.resolve(file), ...request, ...this.backupSettings(file) }));
  }

  /**
   * Opens the demo workbook in the workbooks folder, building it on first use. An existing demo is
   * reopened as the officer left it; one that no longer opens is set aside and built afresh.
   */
  async openDemo(): Promise<ShellResult<OpenedWorkbook>> {
    const file = path.join(this.options.workbooksDir, DEMO_FILE_NAME);
    if (existsSync(file)) {
      const reopened = await this.open(file);
      if (reopened.ok) return reopened;
      try {
        renameSync(file, `${file}.unreadable-${this.now().toISOString().replace(/[:.]/g, '-')}`);
      } catch (e) {
        this.log('could not set the old demo aside', e);
        return reopened;
      }
    }
    let built: HostResult<null>;
    try {
      mkdirSync(this.options.workbooksDir, { recursive: true });
      built = await (this.options.buildDemo ?? ((f) => this.options.client.op<null>('host:buildDemo', { file: f })))(file);
    } catch (e) {
      built = { ok: false, error: { code: 'failed', message: (e as Error).message } };
    }
    if (!built.ok) {
      this.log('building the demo failed', built.error.message);
      rmSync(file, { force: true });
      return fail(`The demo workbook could not be built in ${this.options.workbooksDir}. Check that folder can be written to and try again.`);
    }
    return this.open(file);
  }

  /** A consistent copy of the open workbook (online backup API, in the host). */
  async saveCopy(target: string): Promise<ShellResult<{ fileName: string }>> {
    if (!this.open_) return fail('No workbook is open, so there is nothing to copy.', 'not_found');
    return asShell(await this.options.client.op<{ fileName: string }>('host:saveCopy', { target: path.resolve(target) }));
  }

  /** Writes an export's bytes whole-or-nothing; refuses to write over the open workbook. */
  async saveFile(target: string, bytes: Uint8Array): Promise<ShellResult<{ fileName: string }>> {
    if (this.touchesOpenWorkbook(target)) return fail('Choose a different name: that is the workbook you have open.', 'not_allowed');
    try {
      await writeFileAtomicallyAsync(target, bytes);
    } catch (e) {
      if (e instanceof WriteFileError) return fail(e.message);
      this.log('save file failed', e);
      return fail(`${path.basename(target)} could not be saved.`);
    }
    return { ok: true, value: { fileName: path.basename(target) } };
  }

  /** Runs the opening done at start; state() answers once it has finished, so the page never sees a half-started app. */
  startup(run: () => Promise<unknown>): Promise<void> {
    this.starting = run().then(
      () => {},
      (e) => this.log('opening at start failed', e),
    );
    return this.starting;
  }

  /**
   * Reopens the workbook open when the app last closed. If it cannot be opened (damaged, newer
   * version, moved), the reason is kept for the welcome screen and it is not retried next start.
   */
  async reopenLast(): Promise<void> {
    const last = this.options.recent.lastOpen;
    if (!last) return;
    const result = await this.open(last);
    if (!result.ok) {
      this.startupMessage = `Your last workbook could not be reopened. ${result.error.message}`;
      this.options.recent.forgetLastOpen();
    }
  }

  /** Closes the workbook in the host (its -wal is checkpointed) and stops its backups. */
  async close(): Promise<void> {
    await this.options.client.op('host:close', {});
    this.open_ = null;
  }

  private touchesOpenWorkbook(target: string): boolean {
    const wb = this.open_;
    if (!wb) return false;
    return ['', '-wal', '-shm', '-journal'].some((suffix) => samePath(`${wb.path}${suffix}`, target));
  }

  private adopt(result: HostResult<HostWorkbook>): ShellResult<OpenedWorkbook> {
    if (!result.ok) return asShell(result);
    const workbook = result.value;
    const changed = !this.open_ || !samePath(this.open_.path, workbook.path);
    this.open_ = workbook;
    this.options.recent.opened(workbook.path);
    if (changed) this.options.onChanged?.(workbook);
    return { ok: true, value: { fileName: workbook.fileName, readOnly: workbook.readOnly } };
  }
}
