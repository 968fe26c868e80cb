/**
 * State a session keeps between two requests, never in the workbook: keyed, bounded (oldest out
 * first) and expiring. Used where a command must reuse what a query worked out, such as the
 * parsed Excel return a preview read and the apply step then uses (issue #12: it lived in module
 * memory, shared by every workbook and never expiring).
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: unknown; expires: number }>();

  constructor(
    private readonly maxEntries = 8,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  set(key: string, value: unknown, now: Date): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now.getTime() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get(key: string, now: Date): unknown {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= now.getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
