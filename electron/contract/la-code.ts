/**
 * Local authority codes, as the DfE and ONS publish them: the 3-digit "old" LA code (801) and the
 * 9-character ONS code of a unitary (E06), metropolitan district (E08), London borough (E09) or
 * county (E10). An area profile may hold either or both ("801 E06000023"). One rule, used by the
 * contract (Settings, first-run set-up, `workbook new`) and by the national statistics import.
 */
import { z } from 'zod';
import { optionalText } from './fields';

const OLD_CODE = /^\d{3}$/;
const NEW_CODE = /^E(06|08|09|10)\d{6}$/;

export interface LaCodes {
  old: string | null;
  new: string | null;
}

/** The codes in a value such as "801", "E06000023" or "801 / E06000023"; null when it is not one of those forms. */
export function parseLaCodes(value: string): LaCodes | null {
  const parts = value
    .trim()
    .toUpperCase()
    .split(/[\s,/;|]+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 2) return null;
  const codes: LaCodes = { old: null, new: null };
  for (const p of parts) {
    if (OLD_CODE.test(p) && codes.old === null) codes.old = p;
    else if (NEW_CODE.test(p) && codes.new === null) codes.new = p;
    else return null;
  }
  return codes;
}

/** A sentence saying what is wrong with an LA code, or null when it is fine (empty is fine: not yet known). */
export function laCodeProblem(value: string, what = 'LA code'): string | null {
  if (value.trim() === '') return null;
  if (parseLaCodes(value)) return null;
  return `${what} “${value.trim().slice(0, 40)}” is not an LA code: enter the 3-digit code (for example 801) and/or the 9-character code starting E06, E08, E09 or E10 (for example E06000023).`;
}

/** The same value written the standard way ("801 E06000023"). */
export function normaliseLaCode(value: string): string {
  const codes = parseLaCodes(value);
  if (!codes) return value.trim();
  return [codes.old, codes.new].filter(Boolean).join(' ');
}

/** True when `value` (an area profile's code, or a neighbour entry) names the authority with these codes. */
export function sameAuthority(value: string, oldCode: string, newCode: string): boolean {
  const codes = parseLaCodes(value);
  if (!codes) return false;
  return (codes.old !== null && codes.old === oldCode.trim()) || (codes.new !== null && codes.new === newCode.trim().toUpperCase());
}

/** A contract field for an LA code: empty, or a valid code, stored the standard way. */
export const laCodeField = (what = 'LA code') =>
  optionalText(what, 40)
    .superRefine((value, ctx) => {
      const problem = laCodeProblem(value, what);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform(normaliseLaCode);

/** How the statistical neighbours field is explained wherever it is asked for (set-up and Settings). */
export const NEIGHBOURS_HINT = 'One LA code per line (3-digit or E06/E08/E09/E10). Used to compare your indicators with similar areas.';

/**
 * The statistical neighbours: a list of LA codes. One rule for the first-run set-up and Settings,
 * so the national statistics import can find each neighbour's row by its code.
 */
export const statisticalNeighboursField = () =>
  z
    .array(laCodeField('Statistical neighbour').refine((s) => s !== '', { error: 'Enter each statistical neighbour’s LA code, or remove the empty line.' }), {
      error: 'Statistical neighbours must be a list of LA codes.',
    })
    .max(20, { error: 'List at most 20 statistical neighbours (the DfE’s model gives 10).' });

/** Neighbours held as names or other words rather than LA codes (workbooks made before codes were required). */
export function neighboursNotCodes(neighbours: readonly string[]): string[] {
  return neighbours.filter((n) => n.trim() !== '' && laCodeProblem(n) !== null);
}
