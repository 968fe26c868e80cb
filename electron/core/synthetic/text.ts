/** Sentences and paragraphs of SEND partnership prose with realistic, varied lengths. */
import type { Random } from './random';
import { IMPACT_PHRASES, ISSUE_PHRASES, MITIGATIONS, OBJECTS, QUALIFIERS, SUBJECTS, VERBS } from './vocabulary';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function sentence(rng: Random): string {
  const shape = rng.int(0, 9);
  if (shape < 2) return `${rng.pick(IMPACT_PHRASES)}.`;
  if (shape < 3) return `${rng.pick(ISSUE_PHRASES)}, so ${lowerFirst(rng.pick(MITIGATIONS))}.`;
  let s = `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`;
  // Long sentences exist in real plans: chain a second clause now and then.
  if (rng.chance(0.5)) s += ` ${rng.pick(QUALIFIERS)}`;
  if (rng.chance(0.25)) s += `, and ${lowerFirst(rng.pick(SUBJECTS))} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}`;
  return `${s}.`;
}

export function sentences(rng: Random, min: number, max: number): string {
  return Array.from({ length: rng.int(min, max) }, () => sentence(rng)).join(' ');
}

export function paragraphs(rng: Random, min: number, max: number, perParagraph: [number, number] = [2, 6]): string {
  return Array.from({ length: rng.int(min, max) }, () => sentences(rng, perParagraph[0], perParagraph[1])).join('\n\n');
}

/** A short title: a theme plus an optional qualifier, within `max` characters. */
export function clipTo(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
