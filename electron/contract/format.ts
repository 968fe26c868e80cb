/** Formatting shared by the UI, the exports and the command line: UK dates, whole-number shares, file sizes. */

/** "2026-11-22" → "22/11/2026"; anything else is returned unchanged. */
export function ukDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "22/11/2026" (or 22-11-2026, 22.11.2026, 2/3/2026) → "2026-11-22"; null when not a date. */
export function parseUkDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * Whole-number percentages that add up to exactly 100 (largest remainder), so
 * 33, 26 and 7 of 66 read 50%, 39% and 11% as a person would write them.
 */
export function sharesOf(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || counts[b.i]! - counts[a.i]!);
  for (const { i } of order) {
    if (left <= 0) break;
    if (counts[i]! > 0) {
      floors[i]! += 1;
      left--;
    }
  }
  return floors;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/** A file size for people: "37 bytes", "120 KB", "4.2 MB", "180 MB". The one byte formatter (issue #12). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : mb.toFixed(0)} MB`;
}

/**
 * A record named with its plan: "Action 3.2 Recruit coordinators — Written Statement of Action 2020".
 * Action and priority numbers repeat between plans, so wherever one is named (pickers, link lists,
 * search results) it carries its plan, through this one function (issue #15).
 */
export function inPlan(name: string, planTitle: string | null | undefined): string {
  return planTitle ? `${name} — ${planTitle}` : name;
}
