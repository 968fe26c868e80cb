/**
 * Matches a revisit's weaknesses to the findings of the initial inspection by text similarity
 * (issue #16): a token-set (Jaccard) similarity of the significant words, one finding per weakness.
 * A match below CONFIDENT, or one with a close runner-up, is flagged for the user to confirm. Pure.
 */

export const CONFIDENT = 0.5;
export const POSSIBLE = 0.2;

const STOP = new Set(
  'a an and are as at be been by for from has have in into is it its of on or that the their there these this those to was were which with within across area areas local weakness weaknesses significant children young people'.split(' '),
);

/** Lower-case word stems without the commonest words: "assessments" and "assessment" agree. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().replace(/[’']/g, '').split(/[^a-z0-9]+/)) {
    if (w.length < 2 || STOP.has(w)) continue;
    out.add(w.replace(/(?:ing|ed|es|s)$/, '') || w);
  }
  return out;
}

export function similarity(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

export interface Candidate {
  id: number;
  reference: string;
  title: string;
  text: string;
}

export interface Match {
  findingId: number | null;
  score: number;
  /** True when the user should confirm: a weak match, a close runner-up, or none at all. */
  uncertain: boolean;
  alternatives: { findingId: number; score: number }[];
}

/** One finding per weakness, best pairs first; a finding is never matched twice. */
export function matchWeaknesses(weaknesses: string[], candidates: Candidate[]): Match[] {
  const scores = weaknesses.map((w) => candidates.map((c) => ({ findingId: c.id, score: similarity(w, `${c.title} ${c.text}`) })));
  const pairs = scores.flatMap((row, wi) => row.map((s) => ({ wi, ...s }))).sort((p, q) => q.score - p.score);
  const taken = new Set<number>();
  const chosen = new Map<number, { findingId: number; score: number }>();
  for (const p of pairs) {
    if (p.score < POSSIBLE || chosen.has(p.wi) || taken.has(p.findingId)) continue;
    chosen.set(p.wi, p);
    taken.add(p.findingId);
  }
  return weaknesses.map((_, wi) => {
    const ranked = [...scores[wi]!].sort((p, q) => q.score - p.score).filter((s) => s.score >= POSSIBLE);
    const hit = chosen.get(wi);
    if (!hit) return { findingId: null, score: 0, uncertain: candidates.length > 0, alternatives: ranked.slice(0, 3) };
    const runnerUp = ranked.find((r) => r.findingId !== hit.findingId);
    const uncertain = hit.score < CONFIDENT || (runnerUp !== undefined && hit.score - runnerUp.score < 0.1);
    return { findingId: hit.findingId, score: Math.round(hit.score * 100) / 100, uncertain, alternatives: ranked.slice(0, 3).map((r) => ({ ...r, score: Math.round(r.score * 100) / 100 })) };
  });
}
