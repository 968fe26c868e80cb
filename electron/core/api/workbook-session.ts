/** Holds the workbook a host (Electron main, serve, CLI, tests) has open, and builds service contexts. */
import { userInfo } from 'node:os';
import { eq } from 'drizzle-orm';
import type { Workbook } from '../../../db/open-workbook';
import { areaProfile } from '../../../db/schema';
import type { ReferenceData } from '../../contract/reference';
import { loadReferenceData } from '../reference/load-reference';
import type { ServiceContext } from '../services/context';
import { SessionCache } from '../services/session-cache';

export interface SessionOptions {
  now?: () => Date;
  reference?: ReferenceData;
}

let cachedSystemUser: string | undefined;

function systemUser(): string {
  if (cachedSystemUser === undefined) {
    try {
      cachedSystemUser = userInfo().username;
    } catch {
      cachedSystemUser = 'Unknown user';
    }
  }
  return cachedSystemUser;
}

export class WorkbookSession {
  private current: Workbook | null = null;
  readonly reference: ReferenceData;
  readonly now: () => Date;
  /** Per-workbook state between requests (such as a previewed return); emptied when the workbook changes. */
  readonly cache = new SessionCache();
  /**
   * What opening found wrong with this workbook's history compared with what this computer last
   * saw (a rolled-back or replaced file, issue #14); shown to the officer until another workbook opens.
   */
  openingWarning: string | null = null;

  constructor(options: SessionOptions = {}) {
    this.reference = options.reference ?? loadReferenceData();
    this.now = options.now ?? (() => new Date());
  }

  get workbook(): Workbook | null {
    return this.current;
  }

  /** Makes `workbook` the open one, closing any other. */
  use(workbook: Workbook): void {
    if (this.current && this.current !== workbook) this.current.close();
    if (this.current !== workbook) {
      this.cache.clear();
      this.openingWarning = null;
    }
    this.current = workbook;
  }

  close(): void {
    this.current?.close();
    this.current = null;
    this.cache.clear();
    this.openingWarning = null;
  }

  context(): ServiceContext | null {
    const workbook = this.current;
    if (!workbook) return null;
    // A context lives for one request, so the author is looked up once per request, not per row.
    let author: string | undefined;
    return {
      workbook,
      db: workbook.db,
      reference: this.reference,
      now: this.now,
      cache: this.cache,
      openingWarning: this.openingWarning,
      author: () => {
        if (author === undefined) {
          const row = workbook.db.select({ name: areaProfile.authorName }).from(areaProfile).where(eq(areaProfile.id, 1)).get();
          author = row?.name || systemUser();
        }
        return author;
      },
    };
  }
}
