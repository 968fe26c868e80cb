/**
 * Turns what an officer typed into a safe FTS5 MATCH expression. Every word becomes a quoted
 * string (so AND, NEAR, *, ^, : and quotes are just text and no FTS syntax error can reach the
 * user), words are ANDed, and each word also matches longer words it starts (search as you type).
 * Text in "double quotes" is searched as a phrase.
 * One-character words match exactly (a one-letter prefix would scan the whole index).
 */

// The same characters FTS5's unicode61 tokenizer keeps in a token (letters, numbers, private use):
// anything else separates words, exactly as when the text was indexed.
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
const MAX_TERMS = 16;

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export interface MatchExpression {
  expression: string;
  terms: string[];
}

/** Returns null when there is nothing to search for (no letters or digits, or one character). */
export function buildMatchExpression(input: string): MatchExpression | null {
  const text = input.normalize('NFC');
  const parts: string[] = [];
  const terms: string[] = [];
  const segments = text.split('"');
  segments.forEach((segment, i) => {
    const words = segment.match(WORD) ?? [];
    // Odd segments sat between quotes (an unclosed quote just runs to the end): a phrase.
    if (i % 2 === 1 && words.length > 1) {
      parts.push(quote(words.join(' ')));
      terms.push(...words);
      return;
    }
    for (const word of words) {
      terms.push(word);
      // A one-character prefix would scan every word starting with that letter: keep it exact.
      parts.push(word.length > 1 ? `${quote(word)}*` : quote(word));
    }
  });
  // A single letter being typed after other words would briefly empty the results: ignore it.
  const last = terms.at(-1);
  if (parts.length > 1 && last && last.length === 1 && /\p{L}/u.test(last) && parts.at(-1) === quote(last) && !text.trimEnd().endsWith('"')) {
    parts.pop();
    terms.pop();
  }
  if (parts.length === 0) return null;
  if (parts.length === 1 && terms.join('').length < 2) return null;
  return { expression: parts.slice(0, MAX_TERMS).join(' '), terms: terms.slice(0, MAX_TERMS) };
}
