/**
 * The recent-workbooks list (userData/recent.json). The renderer sees opaque ids, file names and
 * folder names only; the id is resolved back to a path here, in the main process, so a page can
 * never ask the app to open an arbitrary path.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { RecentWorkbook } from '../../contract/shell-api';
import { readJsonFile, writeJsonFile } from './json-file';

export const MAX_RECENT = 10;

const recentFileSchema = z.object({
  version: z.literal(1),
  /** Set once a workbook has been opened or created: the welcome screen is for first run only. */
  everOpened: z.boolean(),
  /** The workbook to reopen at start; cleared when reopening fails so the officer is not nagged. */
  lastOpen: z.string().min(1).nullable(),
  entries: z
    .array(z.object({ path: z.string().min(1).max(4_096), openedAt: z.iso.datetime() }))
    .max(100)
    .transform((list) => list.slice(0, MAX_RECENT)),
});

export type RecentFile = z.output<typeof recentFileSchema>;

const EMPTY: RecentFile = { version: 1, everOpened: false, lastOpen: null, entries: [] };

export function recentId(file: string): string {
  return createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 16);
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  // Windows and default macOS file systems ignore case: one file, one entry.
  return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

export class RecentWorkbooks {
  private state: RecentFile;

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.state = readJsonFile(file, recentFileSchema, EMPTY);
  }

  get firstRun(): boolean {
    return !this.state.everOpened;
  }

  get lastOpen(): string | null {
    return this.state.lastOpen;
  }

  list(): RecentWorkbook[] {
    return this.state.entries.map((e) => ({
      id: recentId(e.path),
      fileName: path.basename(e.path),
      folderName: path.basename(path.dirname(e.path)),
      openedAt: e.openedAt,
    }));
  }

  /** The path behind an id from list(), or null for an id the list never gave out. */
  resolve(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    return this.state.entries.find((e) => recentId(e.path) === id)?.path ?? null;
  }

  /** Records a successful open: top of the list, reopened next time. */
  opened(file: string): void {
    const resolved = path.resolve(file);
    const entries = [
      { path: resolved, openedAt: this.now().toISOString() },
      ...this.state.entries.filter((e) => !samePath(e.path, resolved)),
    ].slice(0, MAX_RECENT);
    this.state = { ...this.state, everOpened: true, lastOpen: resolved, entries };
    this.save();
  }

  /** Stops reopening at start (the last workbook failed to open); the list entry stays. */
  forgetLastOpen(): void {
    this.state = { ...this.state, lastOpen: null };
    this.save();
  }

  remove(file: string): void {
    this.state = {
      ...this.state,
      lastOpen: this.state.lastOpen && samePath(this.state.lastOpen, file) ? null : this.state.lastOpen,
      entries: this.state.entries.filter((e) => !samePath(e.path, file)),
    };
    this.save();
  }

  private save(): void {
    writeJsonFile(this.file, this.state);
  }
}
