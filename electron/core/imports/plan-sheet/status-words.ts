/**
 * Status and RAG words as councils write them in their own plans, and what each means in the
 * workbook. A small default table: a word not in it (nor in the officer's own map) is reported
 * for the officer to map; it is never guessed.
 */
import type { ActionStatus, MilestoneStatus, RagCode } from '../../../contract/enums';
import { ACTION_STATUSES, LABELS, RAG_CODES } from '../../../contract/enums';
import { planSheetWordKey } from '../../../contract/groups/plan-sheet';

/** The key a word is looked up by (the contract's, so the officer's own map is keyed the same way). */
export const wordKey = planSheetWordKey;

const DEFAULT_STATUS: Record<string, ActionStatus> = {
  complete: 'complete',
  completed: 'complete',
  'complete - embedded': 'complete',
  done: 'complete',
  achieved: 'complete',
  closed: 'complete',
  'on track': 'on_track',
  'in progress': 'on_track',
  'in progress - on track': 'on_track',
  ongoing: 'on_track',
  'on-going': 'on_track',
  started: 'on_track',
  progressing: 'on_track',
  delayed: 'delayed',
  'at risk': 'delayed',
  'off track': 'delayed',
  overdue: 'delayed',
  behind: 'delayed',
  slipped: 'delayed',
  'not started': 'not_started',
  'not yet started': 'not_started',
  'not due': 'not_started',
  'not yet due': 'not_started',
  planned: 'not_started',
  'not achieved': 'not_achieved',
  superseded: 'superseded',
  'no longer required': 'superseded',
};

const DEFAULT_RAG: Record<string, RagCode | 'none'> = {
  r: 'red',
  red: 'red',
  a: 'amber',
  amber: 'amber',
  g: 'green',
  green: 'green',
  b: 'blue',
  blue: 'blue',
  'blue - complete': 'blue',
  'blue (complete)': 'blue',
  'n/a': 'none',
};

// The app's own codes and labels ("on_track", "In progress, on track", "Red") are always known.
for (const code of ACTION_STATUSES) {
  DEFAULT_STATUS[wordKey(code)] = code;
  DEFAULT_STATUS[wordKey(code.replace(/_/g, ' '))] = code;
  if (LABELS[code]) DEFAULT_STATUS[wordKey(LABELS[code])] = code;
}
for (const code of RAG_CODES) if (LABELS[code]) DEFAULT_RAG[wordKey(LABELS[code])] = code;

export type WordSource = 'default' | 'yours' | 'unknown';

export interface WordMeaning<T> {
  value: T | null;
  from: WordSource;
}

function meaning<T>(key: string, yours: Record<string, T>, defaults: Record<string, T>): WordMeaning<T> {
  if (Object.prototype.hasOwnProperty.call(yours, key)) return { value: yours[key]!, from: 'yours' };
  if (Object.prototype.hasOwnProperty.call(defaults, key)) return { value: defaults[key]!, from: 'default' };
  return { value: null, from: 'unknown' };
}

export function statusMeaning(word: string, yours: Record<string, ActionStatus>): WordMeaning<ActionStatus> {
  return meaning(wordKey(word), yours, DEFAULT_STATUS);
}

export function ragMeaning(word: string, yours: Record<string, RagCode | 'none'>): WordMeaning<RagCode | 'none'> {
  return meaning(wordKey(word), yours, DEFAULT_RAG);
}

/**
 * A RAG word in a status column ("Green") says nothing certain about the status, but a status
 * column that holds only RAG words is common: such a word is read as a RAG (the caller then leaves
 * the status as the sheet's other columns make it).
 */
export function isRagWord(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(DEFAULT_RAG, wordKey(word)) && DEFAULT_RAG[wordKey(word)] !== 'none';
}

/** A milestone's recorded result, from the status its row gave. */
export function milestoneStatusOf(status: ActionStatus | null): MilestoneStatus {
  if (status === 'complete') return 'achieved';
  if (status === 'not_achieved') return 'not_achieved';
  return 'not_yet_due';
}
