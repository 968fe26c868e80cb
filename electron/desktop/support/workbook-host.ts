/**
 * What the desktop shell does with workbooks once a main-process dialog has chosen a path: open,
 * create, build the demo, save a copy, save an export, reopen the last workbook at start. Plain
 * Node (no electron import), so it is tested against real workbook files.
 *
 * Every failure becomes an officer-readable ShellResult; a workbook that fails to open never
 * replaces the one already open.
 */
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, createWorkbook, openWorkbook, WorkbookError, type Workbook } from '../../../db/open-workbook';
import type { WorkbookSession } from '../../core/api/workbook-session';
import type { NewWorkbookRequest, OpenedWorkbook, ShellResult, ShellState } from '../../contract/shell-api';
import { writeFileAtomically, WriteFileError } from '../../core/exports/write-file-atomically';
import { WORKBOOK_EXTENSION } from './file-names';
import type { RecentWorkbooks } from './recent-workbooks';

export type DemoBuilder = (file: string, options?: { now?: () => Date }) => Promise<void>;

/**
 * How a chosen file is opened. The shell wires the safety engineer's openWorkbookSafely (which
 * adds the newest good backup to a refusal as `advice`); the default is a plain open that falls
 * back to read-only for a file the officer cannot write.
 */
export type WorkbookOpener = (file: string) => Promise<{ workbook: Workbook } | { error: WorkbookError; advice?: string }>;

export interface WorkbookHostOptions {
  session: WorkbookSession;
  recent: RecentWorkbooks;
  /** The better-sqlite3 build for Electron's ABI (undefined under plain Node, e.g. in tests). */
  nativeBinding?: string;
  /** Where new workbooks and the demo go by default: Documents/Evidence Workbook. */
  workbooksDir: string;
  appVersion: string;
  buildDemo: DemoBuilder;
  openFile?: WorkbookOpener;
  now?: () => Date;
  /** Called after a different workbook became the open one (menu rebuild, backups, renderer reload). */
  onChanged?: (workbook: Workbook) => void;
  log?: (message: string, error?: unknown) => void;
}

export const DEMO_FILE_NAME = `Demo - Bristol evidence workbook.${WORKBOOK_EXTENSION}`;

function fail<T>(message: string, code: 'failed' | 'not_found' | 'not_allowed' = 'failed'): ShellResult<T> {
  return { ok: false, error: { code, message } };
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

function isWritable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(path.dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export class WorkbookHost {
  private startupMessage: string | null = null;
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(private readonly options: WorkbookHostOptions) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message, error) => console.error(`[shell] ${message}`, error ?? ''));
  }

  get current(): Workbook | null {
    return this.options.session.workbook;
  }

  state(): ShellState {
    const wb = this.current;
    const message = this.startupMessage;
    this.startupMessage = null;
    return {
      appVersion: this.options.appVersion,
      firstRun: this.options.recent.firstRun,
      current: wb ? { fileName: path.basename(wb.path), readOnly: wb.readOnly } : null,
      recent: this.options.recent.list(),
      startupMessage: message,
    };
  }

  /** Opens `file` (chosen in a dialog, or from the recent list) and makes it the open workbook. */
  async open(file: string): Promise<ShellResult<OpenedWorkbook>> {
    const current = this.current;
    if (current && samePath(current.path, file)) return { ok: true, value: this.summary(current) };
    try {
      const opened = await (this.options.openFile ?? this.plainOpen)(file);
      if ('error' in opened) {
        const message = opened.advice ? `${opened.error.message} ${opened.advice}` : opened.error.message;
        return fail(message, opened.error.code === 'not_found' ? 'not_found' : 'failed');
      }
      return { ok: true, value: this.adopt(opened.workbook) };
    } catch (e) {
      return this.openFailure(e, file);
    }
  }

  async openRecent(id: unknown): Promise<ShellResult<OpenedWorkbook>> {
    const file = this.options.recent.resolve(id);
    if (!file) return fail('That workbook is no longer in the recent list. Use File > Open… to find it.', 'not_found');
    return this.open(file);
  }

  /** Creates a workbook at `file` (chosen in a save dialog) and opens it. Never overwrites. */
  create(file: string, request: NewWorkbookRequest): ShellResult<OpenedWorkbook> {
    if (!this.options.session.reference.frameworks.some((f) => f.id === request.frameworkId)) {
      return fail('Choose the inspection framework from the list.');
    }
    try {
      const workbook = createWorkbook(file, {
        areaName: request.areaName,
        frameworkId: request.frameworkId,
        nativeBinding: this.options.nativeBinding,
        now: this.now,
      });
      return { ok: true, value: this.adopt(workbook) };
    } catch (e) {
      return this.openFailure(e, file);
    }
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
    try {
      mkdirSync(this.options.workbooksDir, { recursive: true });
      await this.options.buildDemo(file, { now: this.now });
    } catch (e) {
      this.log('building the demo failed', e);
      rmSync(file, { force: true });
      return fail(`The demo workbook could not be built in ${this.options.workbooksDir}. Check that folder can be written to and try again.`);
    }
    return this.open(file);
  }

  /** A consistent copy of the open workbook (online backup API: the -wal is part of the database). */
  async saveCopy(target: string): Promise<ShellResult<{ fileName: string }>> {
    const wb = this.current;
    if (!wb) return fail('No workbook is open, so there is nothing to copy.', 'not_found');
    if (this.touchesOpenWorkbook(target)) return fail('Choose a different name: a copy cannot replace the workbook that is open.', 'not_allowed');
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
    try {
      await backupDatabase(wb.sqlite, temp);
      renameSync(temp, target);
    } catch (e) {
      rmSync(temp, { force: true });
      this.log('save a copy failed', e);
      return fail(`The copy could not be saved in ${path.dirname(target)}. Check the folder can be written to and has free space; the workbook itself is unchanged.`);
    }
    return { ok: true, value: { fileName: path.basename(target) } };
  }

  /** Writes an export's bytes whole-or-nothing; refuses to write over the open workbook. */
  saveFile(target: string, bytes: Uint8Array): ShellResult<{ fileName: string }> {
    if (this.touchesOpenWorkbook(target)) return fail('Choose a different name: that is the workbook you have open.', 'not_allowed');
    try {
      writeFileAtomically(target, bytes);
    } catch (e) {
      if (e instanceof WriteFileError) return fail(e.message);
      this.log('save file failed', e);
      return fail(`${path.basename(target)} could not be saved.`);
    }
    return { ok: true, value: { fileName: path.basename(target) } };
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

  private readonly plainOpen: WorkbookOpener = async (file) => {
    try {
      // A file we may not write (read-only share, locked-down folder) still opens, read-only.
      const readOnly = existsSync(file) && !isWritable(file);
      return { workbook: await openWorkbook(file, { readOnly, nativeBinding: this.options.nativeBinding, now: this.now }) };
    } catch (e) {
      if (e instanceof WorkbookError) return { error: e };
      throw e;
    }
  };

  private touchesOpenWorkbook(target: string): boolean {
    const wb = this.current;
    if (!wb) return false;
    return ['', '-wal', '-shm', '-journal'].some((suffix) => samePath(`${wb.path}${suffix}`, target));
  }

  private adopt(workbook: Workbook): OpenedWorkbook {
    this.options.session.use(workbook);
    this.options.recent.opened(workbook.path);
    this.options.onChanged?.(workbook);
    return this.summary(workbook);
  }

  private summary(workbook: Workbook): OpenedWorkbook {
    return { fileName: path.basename(workbook.path), readOnly: workbook.readOnly };
  }

  private openFailure(e: unknown, file: string): ShellResult<OpenedWorkbook> {
    if (e instanceof WorkbookError) return fail(e.message, e.code === 'not_found' ? 'not_found' : 'failed');
    this.log(`opening ${file} failed`, e);
    return fail(`${path.basename(file)} could not be opened. It has not been changed.`);
  }
}
