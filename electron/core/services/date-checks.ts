/**
 * Date rules that need the stored record or today's date (issue #13): an update that changes one
 * date is checked against the other as stored, with the same words as the contract's own rule.
 */
import { ukDate } from '../../contract/format';
import { firstDateIssue, milestoneResultIssue, type DateOrderRule } from '../../contract/schemas/date-rules';
import { label } from '../../contract/enums';
import { today, type ServiceContext } from './context';
import { invalidField } from './service-error';

/** The patch merged over the stored row (fields not sent keep their stored value). */
export function merged(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  return { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
}

export function checkMergedDates(current: Record<string, unknown>, patch: Record<string, unknown>, rules: DateOrderRule[]): void {
  const touched = rules.filter((r) => patch[r.start] !== undefined || patch[r.end] !== undefined);
  const issue = firstDateIssue(merged(current, patch), touched);
  if (issue) throw invalidField(issue.path, issue.message);
}

export function checkMergedMilestone(current: Record<string, unknown>, patch: Record<string, unknown>): void {
  if (patch.status === undefined && patch.achievedOn === undefined) return;
  const issue = milestoneResultIssue(merged(current, patch), label);
  if (issue) throw invalidField(issue.path, issue.message);
}

/** Things that have happened cannot be dated in the future. */
export function checkNotAfterToday(ctx: ServiceContext, path: string, what: string, value: string | null | undefined, advice: string): void {
  const day = today(ctx);
  if (value && value > day) throw invalidField(path, `${what} (${ukDate(value)}) is after today (${ukDate(day)}). ${advice}`);
}

/** A date being planned cannot already be past when it is entered. */
export function checkNotBeforeToday(ctx: ServiceContext, path: string, what: string, value: string | null | undefined, advice: string): void {
  const day = today(ctx);
  if (value && value < day) throw invalidField(path, `${what} (${ukDate(value)}) is before today (${ukDate(day)}). ${advice}`);
}
