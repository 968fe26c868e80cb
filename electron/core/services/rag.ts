/**
 * An action's RAG, worked out from its status, dates and milestones, with the reason in words.
 * A manual override is allowed only with a reason (checked by the plan service).
 */
import type { RagCode } from '../../contract/enums';
import { ukDate } from '../../contract/format';

export interface RagInput {
  status: string;
  dueOn: string | null;
  revisedDueOn: string | null;
}

export interface RagMilestone {
  title: string;
  dueOn: string | null;
  status: string;
}

export function deriveRag(action: RagInput, milestones: RagMilestone[], today: string, completeAs: 'green' | 'blue'): { rag: RagCode; reason: string } {
  if (action.status === 'complete') return { rag: completeAs, reason: 'Complete.' };
  if (action.status === 'superseded') return { rag: 'green', reason: 'Superseded by a later action.' };
  if (action.status === 'not_achieved') return { rag: 'red', reason: 'Marked as not achieved.' };
  const due = action.revisedDueOn ?? action.dueOn;
  if (due && due < today) return { rag: 'red', reason: `Due ${ukDate(due)} and not complete.` };
  const overdue = milestones.filter((m) => m.dueOn && m.dueOn < today && m.status !== 'achieved');
  const failed = overdue.find((m) => m.status === 'not_achieved');
  if (failed) return { rag: 'red', reason: `Milestone “${failed.title}” was due ${ukDate(failed.dueOn)} and is not achieved.` };
  const late = overdue[0];
  if (late) {
    const how = late.status === 'partially_achieved' ? 'is only partially achieved' : 'has no recorded result';
    return { rag: 'amber', reason: `Milestone “${late.title}” was due ${ukDate(late.dueOn)} and ${how}.` };
  }
  if (action.status === 'delayed') return { rag: 'amber', reason: 'Marked as delayed.' };
  if (action.revisedDueOn && action.dueOn && action.revisedDueOn > action.dueOn) {
    return { rag: 'amber', reason: `Due date moved from ${ukDate(action.dueOn)} to ${ukDate(action.revisedDueOn)}.` };
  }
  return { rag: 'green', reason: 'On plan: no milestone or due date has been missed.' };
}
