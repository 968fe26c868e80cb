/** A fake clock and interval timer typed by the real SchedulerTimer, so it cannot drift. */
import type { SchedulerTimer } from '../../electron/core/safety/backup-scheduler';

export class FakeTimer implements SchedulerTimer {
  private intervals = new Map<number, { callback: () => void; every: number; next: number }>();
  private nextHandle = 1;
  constructor(private at: number) {}

  now(): Date {
    return new Date(this.at);
  }

  setInterval(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.intervals.set(handle, { callback, every: ms, next: this.at + ms });
    return handle;
  }

  clearInterval(handle: unknown): void {
    this.intervals.delete(handle as number);
  }

  /** Moves time on, firing each interval as often as it would have fired. */
  advance(ms: number): void {
    const until = this.at + ms;
    for (;;) {
      const due = [...this.intervals.values()].filter((i) => i.next <= until).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.at = due.next;
      due.next += due.every;
      due.callback();
    }
    this.at = until;
  }

  get activeIntervals(): number {
    return this.intervals.size;
  }
}
