/**
 * An action's RAG as at a date: the one place that decides it (issue #13). Every screen, the
 * Overview, the Word SEF and progress report, the Excel plan and the evidence pack call this.
 *
 * Precedence, as an officer would expect it (most deliberate statement first):
 *  1. An override with a reason, set on the action itself by whoever owns the plan.
 *  2. Otherwise the RAG typed into the latest progress update as at the date (a correction
 *     replaces the update it supersedes; superseded updates never count).
 *  3. Otherwise the RAG the workbook works out from the status, due dates and milestones.
 * The worked-out RAG is always computed too, and when a person's RAG is kinder than it, the
 * words say so, so a green typed over a missed milestone never hides the miss.
 */
import type { RagCode } from '../../contract/enums';
import { label, RAG_CODES } from '../../contract/enums';
import { ukDate } from '../../contract/format';
import { isMilestoneLate, milestoneState, type MilestoneFacts } from './milestone-state';

export interface RagActionFacts {
  status: string;
  dueOn: string | null;
  revisedDueOn: string | null;
  ragOverride?: string | null;
  ragOverrideReason?: string | null;
}

export interface RagMilestoneFacts extends MilestoneFacts {
  title: string;
}

export interface RagUpdateFacts {
  id: number;
  reportedOn: string;
  status: string;
  rag: string | null;
  supersedesId?: number | null;
}

export type RagSource = 'override' | 'update' | 'derived';

export interface ActionRag {
  rag: RagCode;
  source: RagSource;
  /** Why this RAG, in words: the reason, and which source won. */
  reason: string;
  /** Which source won and why, in words. */
  sourceWords: string;
  /** What the workbook works out from dates and milestones, shown beside a person's RAG. */
  derived: { rag: RagCode; reason: string };
  /** The action's status as at the date. */
  status: string;
  /** The update the status (and perhaps the RAG) came from. */
  update: { id: number; reportedOn: string } | null;
}

function isRag(value: string | null | undefined): value is RagCode {
  return value != null && (RAG_CODES as readonly string[]).includes(value);
}

/** Updates a later correction replaces (whatever its date): they stay in history but never count. */
export function supersededIds(updates: readonly Pick<RagUpdateFacts, 'supersedesId'>[]): Set<number> {
  return new Set(updates.map((u) => u.supersedesId).filter((x): x is number => x != null));
}

/** The newest update that counts as at the date: not superseded, reported on or before it. */
export function latestUpdate<U extends RagUpdateFacts>(updates: readonly U[], asOf: string): U | null {
  const gone = supersededIds(updates);
  let best: U | null = null;
  for (const u of updates) {
    if (gone.has(u.id) || u.reportedOn > asOf) continue;
    if (!best || u.reportedOn > best.reportedOn || (u.reportedOn === best.reportedOn && u.id > best.id)) best = u;
  }
  return best;
}

/**
 * The status as at the date: the stored status is today's; when updates were reported after the
 * date, the status then is that of the latest update on or before it.
 */
export function statusAsOf(action: Pick<RagActionFacts, 'status'>, updates: readonly RagUpdateFacts[], asOf: string): { status: string; update: RagUpdateFacts | null } {
  const gone = supersededIds(updates);
  const later = updates.some((u) => !gone.has(u.id) && u.reportedOn > asOf);
  const latest = latestUpdate(updates, asOf);
  if (!later) return { status: action.status, update: latest };
  return { status: latest?.status ?? 'not_started', update: latest };
}

export function derivedRag(action: RagActionFacts, status: string, milestones: readonly RagMilestoneFacts[], asOf: string, completeAs: 'green' | 'blue'): { rag: RagCode; reason: string } {
  if (status === 'complete') return { rag: completeAs, reason: 'Complete.' };
  if (status === 'superseded') return { rag: 'green', reason: 'Superseded by a later action.' };
  if (status === 'not_achieved') return { rag: 'red', reason: 'Marked as not achieved.' };
  const due = action.revisedDueOn ?? action.dueOn;
  if (due && due < asOf) return { rag: 'red', reason: `Due ${ukDate(due)} and not complete.` };
  const late = milestones.filter((m) => isMilestoneLate(m, asOf));
  const failed = late.find((m) => milestoneState(m, asOf) === 'not_achieved');
  if (failed) return { rag: 'red', reason: `Milestone “${failed.title}” was due ${ukDate(failed.dueOn)} and is not achieved.` };
  const first = late[0];
  if (first) {
    const how = milestoneState(first, asOf) === 'partially_achieved' ? 'is only partially achieved' : 'has no recorded result';
    return { rag: 'amber', reason: `Milestone “${first.title}” was due ${ukDate(first.dueOn)} and ${how}.` };
  }
  if (status === 'delayed') return { rag: 'amber', reason: 'Marked as delayed.' };
  if (action.revisedDueOn && action.dueOn && action.revisedDueOn > action.dueOn) {
    return { rag: 'amber', reason: `Due date moved from ${ukDate(action.dueOn)} to ${ukDate(action.revisedDueOn)}.` };
  }
  return { rag: 'green', reason: 'On plan: no milestone or due date has been missed.' };
}

export function actionRag(
  action: RagActionFacts,
  milestones: readonly RagMilestoneFacts[],
  updates: readonly RagUpdateFacts[],
  asOf: string,
  completeAs: 'green' | 'blue' = 'green',
): ActionRag {
  const { status, update } = statusAsOf(action, updates, asOf);
  const derived = derivedRag(action, status, milestones, asOf, completeAs);
  // Whenever a reported or set RAG differs from the dates', the dates' RAG is said too (every surface
  // shows these words, so a screen never adds its own copy of the sentence).
  const kinder = (rag: RagCode) => (rag !== derived.rag ? ` Worked out from the dates it would be ${label(derived.rag)}: ${derived.reason}` : '');
  const ref = update ? { id: update.id, reportedOn: update.reportedOn } : null;
  const overrideReason = action.ragOverrideReason?.trim() ?? '';
  if (isRag(action.ragOverride) && overrideReason) {
    return {
      rag: action.ragOverride,
      source: 'override',
      reason: overrideReason,
      sourceWords: `Set by hand on the action, with a reason: an override comes first.${kinder(action.ragOverride)}`,
      derived,
      status,
      update: ref,
    };
  }
  if (update && isRag(update.rag)) {
    return {
      rag: update.rag,
      source: 'update',
      reason: `As reported in the update of ${ukDate(update.reportedOn)}.`,
      sourceWords: `From the latest progress update (${ukDate(update.reportedOn)}): with no override, the RAG an officer reports comes before the one worked out from dates.${kinder(update.rag)}`,
      derived,
      status,
      update: ref,
    };
  }
  return {
    rag: derived.rag,
    source: 'derived',
    reason: derived.reason,
    sourceWords: 'Worked out from the status, due dates and milestones: no override and no RAG in the latest update.',
    derived,
    status,
    update: ref,
  };
}
