import type { Db, Workbook } from '../../../db/open-workbook';
import type { ReferenceData } from '../../contract/reference';
import type { SessionCache } from './session-cache';

/** What every service function gets: the open workbook, the clock and who is working. */
export interface ServiceContext {
  readonly workbook: Workbook;
  readonly db: Db;
  readonly reference: ReferenceData;
  now(): Date;
  /** The display name recorded in the audit log and on progress updates. */
  author(): string;
  /** The session's state between requests (absent where there is no session, such as a one-off CLI run). */
  readonly cache?: SessionCache;
  /** What opening found wrong with the history (issue #14): a rolled-back or replaced file. */
  readonly openingWarning?: string | null;
}

/** Today's date in England as ISO `YYYY-MM-DD` (not UTC: 00:30 BST is still yesterday in UTC). */
// Building an Intl formatter costs far more than using one: keep one.
const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function londonDate(at: Date): string {
  const parts = LONDON.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function today(ctx: ServiceContext): string {
  return londonDate(ctx.now());
}
