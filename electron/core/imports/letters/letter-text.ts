/**
 * Plain text of a published letter, tidied for parsing (issue #16): PDF artefacts removed (page
 * headers and footers, page numbers, bullet glyphs) and wrapped lines joined back into paragraphs.
 * Pure: no I/O.
 */

/** Glyphs Word and PDF writers put before list items (•, ●, ▪, ◦, –, -, *, Symbol-font bullets). */
const BULLET = /^\s*(?:[\u2022\u25CF\u25AA\u25E6\u2023\u2043\u25A0\u25A1\uF0B7\uF0A7\u00B7\u2013\u2014*-]|o(?=\s))\s*/;
const TERMINAL = /[.:;?!)"”’]$/;
/** A line that ends a sentence; "(CQC)" or a closing quote at the end of a wrapped line does not. */
const ENDS_SENTENCE = /[.:;?!][)"”’]*$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface Paragraph {
  text: string;
  bullet: boolean;
}

/** Lines that are a page's furniture, never content: page numbers, the Ofsted address and web lines. */
function isFurniture(line: string): boolean {
  return (
    /^(?:page\s+)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?$/i.test(line) ||
    /^(?:www\.)?gov\.uk\/ofsted$|^www\.ofsted\.gov\.uk$|^t\s*0300 123 1231$/i.test(line) ||
    /^(?:ofsted\s+)?piccadilly gate\b/i.test(line)
  );
}

function shape(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#');
}

/** Splits the text into paragraphs, dropping page furniture and joining wrapped lines. */
/**
 * With `linesAreParagraphs` (text from a Word file: one line a paragraph, list glyphs lost) lines
 * are never joined; otherwise wrapped lines are joined back into their paragraph.
 */
export function paragraphsOf(raw: string, linesAreParagraphs = false): Paragraph[] {
  // eslint-disable-next-line no-control-regex
  const lines = raw.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ').split('\n').map((l) => l.replace(/[ \t\u00A0]+/g, ' ').trim());
  const counts = new Map<string, number>();
  for (const l of lines) if (l) counts.set(shape(l), (counts.get(shape(l)) ?? 0) + 1);
  // A short line repeated on two or more pages without ending a sentence, followed by different
  // words each time, is a running header or footer. (A repeated sentence that wraps the same way,
  // such as a verdict, is followed by the same words each time and is kept.)
  const next = new Map<string, Set<string>>();
  const nonEmpty = lines.filter(Boolean);
  nonEmpty.forEach((l, i) => {
    const key = shape(l);
    next.set(key, (next.get(key) ?? new Set()).add(i + 1 < nonEmpty.length ? shape(nonEmpty[i + 1]!) : `end ${i}`));
  });
  // A line as long as the text's wrapped lines was wrapped because it was full: content, never a
  // running header, even when the same words open two sentences ("…has made sufficient progress in").
  const lengths = nonEmpty.map((l) => l.length).sort((a, b) => a - b);
  const wrapWidth = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const repeated = (l: string) => {
    const n = counts.get(shape(l)) ?? 0;
    return n >= 2 && l.length < 120 && l.length < wrapWidth * 0.85 && !TERMINAL.test(l) && !BULLET.test(l) && next.get(shape(l))!.size === n;
  };

  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let previousLine = '';
  for (const line of lines) {
    if (!line) {
      current = null;
      continue;
    }
    if (isFurniture(line) || repeated(line)) continue;
    const bullet = BULLET.test(line) && !/^\s*-?\d/.test(line);
    const text = bullet ? line.replace(BULLET, '') : line;
    if (!text) continue;
    const heading = text.length < 50 && /^[A-Z]/.test(text) && !TERMINAL.test(text);
    // A line that is only a date (a letter's own date) stands alone, even under a long title.
    const dateOnly = /^\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}$/.test(text);
    const continues =
      !linesAreParagraphs && current !== null && !bullet && !dateOnly && !ENDS_SENTENCE.test(previousLine) && (/^[a-z(,]/.test(text) || (previousLine.length > 60 && !heading && !TERMINAL.test(previousLine)));
    if (continues && current) {
      current.text = `${current.text} ${text}`;
    } else {
      current = { text, bullet };
      out.push(current);
    }
    previousLine = text;
  }
  return out;
}

const DAY_MONTH_YEAR = /(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})/i;

function iso(day: string, month: string, year: string): string | null {
  const m = MONTHS.indexOf(month.toLowerCase());
  const d = Number(day);
  const y = Number(year);
  if (m < 0 || d < 1 || d > 31 || y < 2000 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m, d));
  if (date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "4 March 2019" → "2019-03-04", or null. */
export function dateIn(text: string): string | null {
  const m = DAY_MONTH_YEAR.exec(text);
  return m ? iso(m[1]!, m[2]!, m[3]!) : null;
}

/**
 * The on-site dates from "Between 4 March 2019 and 8 March 2019", "Between 4 and 8 March 2019" or
 * "From 4 to 8 March 2019"; null when the letter gives none.
 */
export function dateRangeIn(text: string): { start: string; end: string } | null {
  const full = /\b(?:between|from)\s+(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})\s+(?:and|to)\s+(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})/i.exec(text);
  if (full) {
    const start = iso(full[1]!, full[2]!, full[3]!);
    const end = iso(full[4]!, full[5]!, full[6]!);
    if (start && end) return { start, end };
  }
  const sameYear = /\b(?:between|from)\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+([A-Za-z]+))?\s+(?:and|to)\s+(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})/i.exec(text);
  if (sameYear) {
    const start = iso(sameYear[1]!, sameYear[2] ?? sameYear[4]!, sameYear[5]!);
    const end = iso(sameYear[3]!, sameYear[4]!, sameYear[5]!);
    if (start && end) return { start, end };
  }
  return null;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** "three" or "3" → 3; "all" and "any" are not counts (null). */
export function countOf(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d{1,2}$/.test(w)) return Number(w);
  const i = NUMBER_WORDS.indexOf(w);
  return i >= 0 ? i : null;
}
