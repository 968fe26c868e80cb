/** Timing and memory for one benchmark operation: repeated runs, median, p95 and peak RSS. */

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Highest resident set size seen (MB): sampled after each run in-process, exact (maxRSS) in a child. */
  peakRssMb: number;
  samples: number[];
  /**
   * Median CPU time of this process per run (user + system), when measured in-process: on a shared
   * machine the wall-clock figures include waiting for a core, this does not (issue #17 runs were
   * taken with other work on the same two cores).
   */
  cpuMedianMs?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest-rank: the p95 of 20 runs is the 19th, never an interpolated value nobody measured.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function summarise(samples: number[], peakRssMb: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: samples.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), peakRssMb, samples };
}

export const rssMb = () => process.memoryUsage().rss / 1_048_576;

export interface MeasureOptions {
  runs: number;
  warmup?: number;
  /** Runs before each timed run, untimed (e.g. removing the previous backup). */
  before?: (i: number) => void | Promise<void>;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
export async function measure(fn: (i: number) => unknown, options: MeasureOptions): Promise<Timing> {
  for (let i = 0; i < (options.warmup ?? 2); i++) {
    await options.before?.(i);
    await fn(i);
  }
  const samples: number[] = [];
  const cpu: number[] = [];
  let peak = rssMb();
  for (let i = 0; i < options.runs; i++) {
    await options.before?.(i);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    peak = Math.max(peak, rssMb());
  }
  return { ...summarise(samples, peak), cpuMedianMs: percentile([...cpu].sort((a, b) => a - b), 50) };
}
