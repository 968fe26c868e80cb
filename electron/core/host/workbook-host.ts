/**
 * The workbook host: owns the open workbook, its services, exports, imports and backups, and
 * answers every channel — the contract's through dispatch, and its own (host-ops.ts). It runs in
 * a worker thread (browser mode, tests, the benchmark) or an Electron utility process (the desktop
 * app), so a long export or backup never blocks the thread that answers the window or other HTTP
 * requests (issue #12). Plain Node: no electron, no HTTP.
 */
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { createWorkbook, WorkbookError, type Workbook } from '../../../db/open-workbook';
import type { ImportFolderRequest, PickedFilesSummary } from '../../contract/files-shell-api';
import { createDispatcher, validationError, type Dispatch } from '../api/dispatch';
import { WorkbookSession } from '../api/workbook-session';
import { buildDemoWorkbook } from '../demo/build-demo';
import { usabilityProblems } from '../imports/workbook/usable';
import { WriteFileError } from '../exports/write-file-atomically';
import { startBackupScheduler, type BackupScheduler } from '../safety/backup-scheduler';
import { copyWorkbook } from '../safety/backup-store';
import { attachSafety } from '../safety/safety-config';
import { backupOffer, openWorkbookSafely } from '../safety/safe-open';
import { ServiceError } from '../services/service-error';
import { attachPaths, fileContext, FolderImports, readStoredFile, type StoredFileBytes } from './file-ops';
import { hostOps, isHostOp, type HostOpName, type HostWorkbook } from './host-ops';
import { HOST_EVENTS, HOST_INTERNAL, type HostInit, type HostResult } from './host-protocol';

/** The on-open backup waits this long, so the window's first answers after opening come first. */
export const FIRST_BACKUP_DELAY_MS = 3_000;

const OFFER_BACKUP_FOR = new Set(['damaged', 'not_a_workbook', 'not_found']);

type Emit = (name: string, payload: unknown) => void;

const fail = (code: string, message: string): HostResult<never> => ({ ok: false, error: { code, message } });

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

function known(e: unknown): string | null {
  if (e instanceof ServiceError || e instanceof WriteFileError || e instanceof WorkbookError) return e.message;
  return null;
}

export interface WorkbookHostOptions extends HostInit {
  emit?: Emit;
  log?: (message: string, error?: unknown) => void;
}

export class WorkbookHostCore {
  readonly session: WorkbookSession;
  private readonly dispatch: Dispatch;
  private readonly emit: Emit;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly nativeBinding: string | undefined;
  private stopBackups: (() => void) | null = null;
  private scheduler: BackupScheduler | null = null;
  private readonly imports = new FolderImports();

  constructor(options: WorkbookHostOptions = {}) {
    const fixed = options.fixedNow ? new Date(options.fixedNow) : null;
    this.session = new WorkbookSession({ now: fixed ? () => new Date(fixed) : undefined });
    this.log = options.log ?? ((message, error) => console.error(`[workbook host] ${message}`, error ?? ''));
    this.dispatch = createDispatcher(this.session, { logError: (channel, error) => this.log(`${channel} failed`, error) });
    this.emit = options.emit ?? (() => {});
    this.nativeBinding = options.nativeBinding;
  }

  /** Answers one request: a host channel, or a contract channel through dispatch. Never throws. */
  async handle(channel: unknown, input: unknown): Promise<HostResult> {
    if (!isHostOp(channel)) return this.dispatch(channel, input);
    const parsed = hostOps[channel].safeParse(input === undefined ? {} : input);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      // parsed.data is the output of hostOps[channel], the very schema ops[channel] is typed by.
      return await (this.ops[channel] as (input: unknown) => Promise<HostResult> | HostResult)(parsed.data);
    } catch (e) {
      const message = known(e);
      if (message) return fail(e instanceof ServiceError ? e.code : 'failed', message);
      this.log(`${channel} failed`, e);
      return HOST_INTERNAL;
    }
  }

  /** One handler per host channel, typed by its declaration (so a new channel must be handled here). */
  private readonly ops: { [N in HostOpName]: (input: z.output<(typeof hostOps)[N]>) => Promise<HostResult> | HostResult } = {
    'host:open': (input) => this.open(input),
    'host:create': (input) => this.create(input),
    'host:buildDemo': (input) => this.buildDemo(input.file),
    'host:close': () => {
      this.close();
      return { ok: true, value: null };
    },
    'host:current': () => ({ ok: true, value: this.current() }),
    'host:saveCopy': (input) => this.saveCopy(input.target),
    'host:readFile': (input) => this.readFile(input.fileId),
    'host:attachFiles': (input) => this.attachFiles(input),
    'host:importFolder': (input) => this.importFolder(input),
    'host:cancelImport': () => {
      this.imports.cancel();
      return { ok: true, value: null };
    },
    'host:idle': () => this.idle(),
  };

  current(): HostWorkbook | null {
    const wb = this.session.workbook;
    return wb ? { path: wb.path, fileName: path.basename(wb.path), readOnly: wb.readOnly } : null;
  }

  private async open(input: { file: string; readOnly?: boolean; backupsDir?: string; scheduleBackups?: boolean }): Promise<HostResult<HostWorkbook>> {
    const current = this.session.workbook;
    if (current && samePath(current.path, input.file)) return { ok: true, value: this.current()! };
    const opened = await openWorkbookSafely(input.file, { nativeBinding: this.nativeBinding, backupsDir: input.backupsDir, readOnly: input.readOnly });
    if (!opened.workbook) {
      // Where a backup could help, say which one (or that there is none that passes its checks).
      const message = OFFER_BACKUP_FOR.has(opened.error.code) ? `${opened.error.message} ${backupOffer(opened.newestGoodBackup)}` : opened.error.message;
      // The WorkbookError's code travels on: the shell shows 'failed', serve rethrows it as it was.
      return fail(opened.error.code, message);
    }
    // A file SQLite accepts can still lack what every screen reads first (issue #16): one list of problems.
    const problems = usabilityProblems(opened.workbook.sqlite, this.session.reference);
    if (problems.length > 0) {
      opened.workbook.close();
      return fail('not_a_workbook', `${path.basename(opened.workbook.path)} cannot be used by the app: ${problems.join(' ')} Run “workbook check” on it.`);
    }
    const adopted = this.adopt(opened.workbook, input);
    this.session.openingWarning = opened.historyWarning;
    return { ok: true, value: adopted };
  }

  private create(input: { file: string; areaName: string; frameworkId: string; backupsDir?: string; scheduleBackups?: boolean }): HostResult<HostWorkbook> {
    if (!this.session.reference.frameworks.some((f) => f.id === input.frameworkId)) return fail('failed', 'Choose the inspection framework from the list.');
    const workbook = createWorkbook(input.file, {
      areaName: input.areaName,
      frameworkId: input.frameworkId,
      nativeBinding: this.nativeBinding,
      now: this.session.now,
    });
    return { ok: true, value: this.adopt(workbook, input) };
  }

  private async buildDemo(file: string): Promise<HostResult<null>> {
    await buildDemoWorkbook(file, { now: this.session.now, nativeBinding: this.nativeBinding });
    return { ok: true, value: null };
  }

  /** Makes `workbook` the open one (closing any other) and starts its backups. */
  private adopt(workbook: Workbook, input: { backupsDir?: string; scheduleBackups?: boolean }): HostWorkbook {
    this.stopBackups?.();
    this.stopBackups = null;
    this.scheduler = null;
    this.session.use(workbook);
    if (input.scheduleBackups) {
      const stop = startBackupScheduler(this.session, {
        nativeBinding: this.nativeBinding,
        ...(input.backupsDir ? { backupsDir: input.backupsDir } : {}),
        firstBackupAfterMs: FIRST_BACKUP_DELAY_MS,
        onError: (e) => this.emit(HOST_EVENTS.backupError, { message: e.message }),
      });
      this.stopBackups = stop;
      this.scheduler = stop.scheduler;
    } else {
      // No rolling backups, but backup:create and restore still use this workbook's folder.
      this.stopBackups = attachSafety(this.session, { nativeBinding: this.nativeBinding, ...(input.backupsDir ? { backupsDir: input.backupsDir } : {}) });
    }
    return this.current()!;
  }

  close(): void {
    this.stopBackups?.();
    this.stopBackups = null;
    this.scheduler = null;
    this.imports.cancel();
    this.session.close();
  }

  private async idle(): Promise<HostResult<null>> {
    await this.scheduler?.idle();
    return { ok: true, value: null };
  }

  private touchesOpenWorkbook(target: string): boolean {
    const wb = this.session.workbook;
    if (!wb) return false;
    return ['', '-wal', '-shm', '-journal'].some((suffix) => samePath(`${wb.path}${suffix}`, target));
  }

  private async saveCopy(target: string): Promise<HostResult<{ fileName: string }>> {
    const wb = this.session.workbook;
    if (!wb) return fail('not_found', 'No workbook is open, so there is nothing to copy.');
    if (this.touchesOpenWorkbook(target)) return fail('not_allowed', 'Choose a different name: a copy cannot replace the workbook that is open.');
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
    try {
      await copyWorkbook(wb.sqlite, wb.path, temp, { check: false, nativeBinding: this.nativeBinding });
      renameSync(temp, target);
    } catch (e) {
      rmSync(temp, { force: true });
      this.log('save a copy failed', e);
      return fail('failed', `The copy could not be saved in ${path.dirname(target)}. Check the folder can be written to and has free space; the workbook itself is unchanged.`);
    }
    return { ok: true, value: { fileName: path.basename(target) } };
  }

  private readFile(fileId: number): HostResult<StoredFileBytes> {
    return { ok: true, value: readStoredFile(fileContext(this.session.context(), false), fileId) };
  }

  private attachFiles(input: { evidenceId: number; paths: string[] }): HostResult<PickedFilesSummary> {
    return { ok: true, value: attachPaths(fileContext(this.session.context(), true), input.evidenceId, input.paths) };
  }

  private importFolder(input: ImportFolderRequest & { folder: string }): Promise<HostResult> {
    const ctx = fileContext(this.session.context(), true);
    return this.imports.run(ctx, input, (p) => this.emit(HOST_EVENTS.importProgress, p));
  }
}
