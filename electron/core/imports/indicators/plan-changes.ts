/**
 * What an import of national statistics would change: each value read is compared with the one
 * already in the workbook for that indicator, period and geography; only new and different values
 * become changes, so importing the same file again changes nothing. Pure: the preview channel and
 * the CLI both call it, and the apply command calls it again inside its transaction.
 */
import type { Geography } from '../../../contract/enums';

export interface ValueRead {
  geography: Geography;
  periodLabel: string;
  periodStart: string;
  value: number;
}

export interface ExistingValue {
  geography: string;
  periodLabel: string;
  value: number;
}

export interface ValueChange extends ValueRead {
  /** The value in the workbook now, or null when there is none. */
  from: number | null;
}

/** Values equal to this many decimal places are the same value (DfE publishes at most 4). */
const SAME = 1e-9;

export function planValueChanges(read: readonly ValueRead[], existing: readonly ExistingValue[]): { changes: ValueChange[]; unchanged: number } {
  const now = new Map(existing.map((e) => [`${e.geography}\u0000${e.periodLabel}`, e.value]));
  const changes: ValueChange[] = [];
  let unchanged = 0;
  for (const r of read) {
    const from = now.get(`${r.geography}\u0000${r.periodLabel}`);
    if (from !== undefined && Math.abs(from - r.value) < SAME) {
      unchanged++;
      continue;
    }
    changes.push({ ...r, from: from ?? null });
  }
  return { changes, unchanged };
}
