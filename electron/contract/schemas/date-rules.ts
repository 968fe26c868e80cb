/**
 * Cross-field date rules (issue #13), declared once and applied by the create schemas, the update
 * schemas (when both dates are sent) and the services (when an update changes one date and the
 * other is stored), so every transport refuses the same things with the same words.
 */
import type { z } from 'zod';
import { ukDate } from '../format';

export interface DateOrderRule {
  /** Field that must come first. */
  start: string;
  end: string;
  startLabel: string;
  endLabel: string;
}

export interface DateIssue {
  path: string;
  message: string;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "The due date (01/01/2020) is before the start date (05/03/2020): …" or null. */
export function dateOrderIssue(values: Record<string, unknown>, rule: DateOrderRule): DateIssue | null {
  const start = values[rule.start];
  const end = values[rule.end];
  if (typeof start !== 'string' || typeof end !== 'string' || !start || !end || end >= start) return null;
  return {
    path: rule.end,
    message: `The ${lower(rule.endLabel)} (${ukDate(end)}) is before the ${lower(rule.startLabel)} (${ukDate(start)}). The ${lower(rule.endLabel)} must be on or after the ${lower(rule.startLabel)}: change one of them.`,
  };
}

const RESULT_STATUSES = ['achieved', 'partially_achieved'];

/** A date achieved only goes with a result of achieved or partially achieved. */
export function milestoneResultIssue(values: { status?: unknown; achievedOn?: unknown }, statusLabel: (code: string) => string): DateIssue | null {
  if (typeof values.achievedOn !== 'string' || !values.achievedOn || typeof values.status !== 'string') return null;
  if (RESULT_STATUSES.includes(values.status)) return null;
  return {
    path: 'achievedOn',
    message: `The date achieved (${ukDate(values.achievedOn)}) does not fit the milestone status (${statusLabel(values.status)}). Choose “Largely achieved” or “Partially achieved and on track”, or clear the date achieved.`,
  };
}

/** Adds the rules to an object schema as refinements (checked only when both dates are present). */
export function checkDates(rules: DateOrderRule[], extra?: (values: Record<string, unknown>) => DateIssue | null) {
  return (values: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    for (const issue of [...rules.map((r) => dateOrderIssue(values, r)), extra?.(values) ?? null]) {
      if (issue) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, input: values[issue.path] });
    }
  };
}

export const EVENT_DATE_RULES: DateOrderRule[] = [
  { start: 'notifiedOn', end: 'fieldworkStartOn', startLabel: 'Date notified', endLabel: 'Fieldwork start' },
  { start: 'notifiedOn', end: 'onsiteStartOn', startLabel: 'Date notified', endLabel: 'On-site start' },
  { start: 'onsiteStartOn', end: 'onsiteEndOn', startLabel: 'On-site start', endLabel: 'On-site end' },
  { start: 'onsiteEndOn', end: 'publishedOn', startLabel: 'On-site end', endLabel: 'Report published date' },
];

export const PLAN_DATE_RULES: DateOrderRule[] = [
  { start: 'startsOn', end: 'endsOn', startLabel: 'Start date', endLabel: 'End date' },
  { start: 'submittedOn', end: 'approvedOn', startLabel: 'Date submitted', endLabel: 'Date approved' },
];

export const ACTION_DATE_RULES: DateOrderRule[] = [
  { start: 'startsOn', end: 'dueOn', startLabel: 'Start date', endLabel: 'Due date' },
  { start: 'startsOn', end: 'revisedDueOn', startLabel: 'Start date', endLabel: 'Revised due date' },
];

/** Every rule an update must meet once merged with what is stored. */
export function firstDateIssue(values: Record<string, unknown>, rules: DateOrderRule[]): DateIssue | null {
  for (const r of rules) {
    const issue = dateOrderIssue(values, r);
    if (issue) return issue;
  }
  return null;
}
