/**
 * Rolling backups while a workbook is open: one when it opens, then every 15 minutes but only
 * when something changed since the last one (Actual Budget's pattern). The clock and timer are
 * injected so tests drive time by hand.
 */
import type { Workbook } from '../../../db/open-workbook';
import type { WorkbookHolder } from './session-holder';
import { backupNow } from './backup-now';
import type { BackupReason } from './backup-names';
import type { BackupInfo } from './backup-store';
import { attachSafety, type SafetyOptions } from './safety-config';

export interface SchedulerTimer {
  now(): Date;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemTimer: SchedulerTimer = {
  now: () => new Date(),
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref(); // never keep the CLI or a test process alive just for backups
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export const BACKUP_INTERVAL_MS = 15 * 60_000;

export interface SchedulerOptions extends SafetyOptions {
  intervalMs?: number;
  timer?: SchedulerTimer;
  /** Take a backup as soon as the scheduler starts (the "on open" backup). Default true. */
  backupOnStart?: boolean;
  /**
   * Wait this long before the on-open backup, so the window's first answers after opening are not
   * queued behind it (the workbook host uses it; issue #12). Default 0: at once.
   */
  firstBackupAfterMs?: number;
  onBackup?: (backup: BackupInfo) => void;
  /** E.g. the shell shows "Backups are paused: the disk is nearly full". */
  onError?: (error: Error) => void;
}

/**
 * What has changed: the audit log grows with every audited change, total_changes() counts every
 * row this connection wrote, and data_version moves when another connection commits.
 */
export function changeMarker(workbook: Workbook): string {
  const sqlite = workbook.sqlite;
  const audit = (sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
  const changes = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  return `${audit}:${changes}:${version}`;
}

export class BackupScheduler {
  private readonly timer: SchedulerTimer;
  private handle: unknown = null;
  private firstTimer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo | null> | null = null;
  private lastWorkbook: Workbook | null = null;
  private lastMarker: string | null = null;
  lastBackup: BackupInfo | null = null;
  lastError: Error | null = null;

  constructor(
    private readonly session: WorkbookHolder,
    private readonly options: SchedulerOptions = {},
  ) {
    this.timer = options.timer ?? systemTimer;
  }

  start(): void {
    if (this.handle !== null) return;
    this.handle = this.timer.setInterval(() => void this.tick(), this.options.intervalMs ?? BACKUP_INTERVAL_MS);
    if (!(this.options.backupOnStart ?? true)) this.noteCurrent();
    else if (this.options.firstBackupAfterMs) {
      this.firstTimer = setTimeout(() => {
        this.firstTimer = null;
        void this.tick();
      }, this.options.firstBackupAfterMs);
      this.firstTimer.unref();
    } else void this.tick();
  }

  stop(): void {
    if (this.handle !== null) this.timer.clearInterval(this.handle);
    this.handle = null;
    if (this.firstTimer) clearTimeout(this.firstTimer);
    this.firstTimer = null;
  }

  /** Resolves when any backup in progress has finished (tests, and before closing). */
  async idle(): Promise<void> {
    await this.running;
  }

  private noteCurrent(): void {
    const workbook = this.session.workbook;
    if (!workbook?.sqlite.open) return;
    this.lastWorkbook = workbook;
    this.lastMarker = changeMarker(workbook);
  }

  /** One scheduler step: back up if a workbook is newly open or has changed. */
  tick(): Promise<BackupInfo | null> {
    if (this.running) return this.running;
    this.running = this.step().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async step(): Promise<BackupInfo | null> {
    const workbook = this.session.workbook;
    if (!workbook?.sqlite.open) return null;
    let reason: BackupReason = 'scheduled';
    if (workbook !== this.lastWorkbook) {
      // The same file reopened (after a restore, which made its own backups) needs no new copy.
      if (this.lastWorkbook && this.lastWorkbook.path === workbook.path) {
        this.noteCurrent();
        return null;
      }
      reason = 'open';
    }
    const marker = changeMarker(workbook);
    if (reason === 'scheduled' && marker === this.lastMarker) return null;
    try {
      const backup = await backupNow(workbook, reason, this.timer.now(), this.options);
      this.lastWorkbook = workbook;
      this.lastMarker = marker;
      this.lastBackup = backup;
      this.lastError = null;
      this.options.onBackup?.(backup);
      return backup;
    } catch (e) {
      this.lastError = e as Error;
      this.options.onError?.(e as Error);
      return null;
    }
  }
}

/**
 * Starts rolling backups for a session and makes backup/restore channels use these settings.
 * The workbook host calls this after opening a workbook; returns stop (with the scheduler, whose
 * idle() tells when a backup in progress has finished).
 */
export function startBackupScheduler(session: WorkbookHolder, options: SchedulerOptions = {}): (() => void) & { scheduler: BackupScheduler } {
  const scheduler = new BackupScheduler(session, options);
  const detach = attachSafety(session, options, scheduler);
  scheduler.start();
  const stop = () => {
    scheduler.stop();
    detach();
  };
  return Object.assign(stop, { scheduler });
}
