/** Roll-ups in words, as officers write them: "66 milestones: 33 (50%) largely achieved, 26 (39%) …". */
export interface RollUp {
  total: number;
  byStatus: { key: string; label: string; count: number; percent: number }[];
}

const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function rollUpSentence(r: RollUp, one: string, many?: string): string {
  if (r.total === 0) return `No ${many ?? `${one}s`} yet`;
  const parts = r.byStatus.filter((b) => b.count > 0).map((b) => `${b.count} (${b.percent}%) ${lower(b.label)}`);
  return `${plural(r.total, one, many)}: ${parts.join(', ')}`;
}
