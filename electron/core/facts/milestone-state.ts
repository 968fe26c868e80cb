/**
 * A milestone's effective state as at a date (issue #13). The stored status is the result a
 * person recorded; lateness is not stored, it follows from the due date and the as-of date, so a
 * milestone left "not yet due" becomes overdue on its own when its date passes.
 */
export const MILESTONE_STATES = ['achieved', 'partially_achieved', 'not_achieved', 'overdue', 'not_yet_due'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

export interface MilestoneFacts {
  dueOn: string | null;
  /** The recorded result: achieved, partially_achieved, not_achieved or not_yet_due (no result yet). */
  status: string;
  achievedOn?: string | null;
}

/** Words a progress report uses for each state, after Bristol's November 2020 update. */
export const MILESTONE_STATE_WORDS: Record<MilestoneState, string> = {
  achieved: 'largely achieved',
  partially_achieved: 'partially achieved and on track',
  not_achieved: 'not yet achieved',
  overdue: 'overdue (due date passed with no result recorded)',
  not_yet_due: 'not yet due',
};

/**
 * - a result recorded on or before the as-of date stands (achieved, partially achieved, not achieved);
 * - a result dated after the as-of date did not exist yet, so it does not count then;
 * - otherwise the milestone is overdue once its due date is before the as-of date, else not yet due.
 */
export function milestoneState(m: MilestoneFacts, asOf: string): MilestoneState {
  const resultKnown = !m.achievedOn || m.achievedOn <= asOf;
  if ((m.status === 'achieved' || m.status === 'partially_achieved') && resultKnown) return m.status;
  if (m.status === 'not_achieved') return 'not_achieved';
  if (m.dueOn && m.dueOn < asOf) return 'overdue';
  return 'not_yet_due';
}

/** Late: due before the as-of date and not (largely) achieved by then. */
export function isMilestoneLate(m: MilestoneFacts, asOf: string): boolean {
  return m.dueOn != null && m.dueOn < asOf && milestoneState(m, asOf) !== 'achieved';
}
