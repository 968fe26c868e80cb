/** One row of the benchmark table. */
import type { Timing } from './measure';

export interface Target {
  /** In words, as printed: "p95 < 20 ms", "ratio ≤ 3". */
  text: string;
  met: boolean;
}

export interface OpResult {
  group: string;
  name: string;
  status: 'ok' | 'not available' | 'failed';
  timing: Timing | null;
  baseline: { name: string; timing: Timing } | null;
  /** Median over the baseline's median. */
  ratio: number | null;
  targets: Target[];
  note: string | null;
}

export function ok(group: string, name: string, timing: Timing, extra: Partial<Pick<OpResult, 'baseline' | 'targets' | 'note'>> = {}): OpResult {
  const baseline = extra.baseline ?? null;
  return {
    group,
    name,
    status: 'ok',
    timing,
    baseline,
    ratio: baseline ? timing.medianMs / baseline.timing.medianMs : null,
    targets: extra.targets ?? [],
    note: extra.note ?? null,
  };
}

export function unavailable(group: string, name: string, note: string): OpResult {
  return { group, name, status: 'not available', timing: null, baseline: null, ratio: null, targets: [], note };
}

export function failed(group: string, name: string, error: unknown): OpResult {
  const message = error instanceof Error ? error.message : String(error);
  return { group, name, status: 'failed', timing: null, baseline: null, ratio: null, targets: [], note: message.split('\n')[0] ?? message };
}

export const under = (ms: number, value: number, what = 'p95'): Target => ({ text: `${what} < ${ms.toLocaleString('en-GB')} ms`, met: value < ms });
export const ratioAtMost = (limit: number, ratio: number): Target => ({ text: `ratio ≤ ${limit}`, met: ratio <= limit });
export const memoryUnder = (mb: number, value: number): Target => ({ text: `peak < ${mb} MB`, met: value < mb });
