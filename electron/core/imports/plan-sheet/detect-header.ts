/**
 * Finds the header row: a plan often has a title, a date and a blank line above its column
 * headings. The row among the first few dozen whose cells read most like headings wins.
 */
import { textOf } from '../../plan-returns/value-parsers';
import { headerScore } from './guess-mapping';
import type { SheetGrid } from './read-sheet';

const SEARCH_ROWS = 40;
/** At least two cells must read as headings of different fields. */
const MIN_SCORE = 2;

/** The 1-based header row, or null when no row reads as headings. */
export function detectHeaderRow(sheet: SheetGrid): number | null {
  return bestHeader(sheet)?.row ?? null;
}

/** How much the sheet's best header row reads like a plan's headings (0 when none does). */
export function headerStrength(sheet: SheetGrid): number {
  return bestHeader(sheet)?.score ?? 0;
}

function bestHeader(sheet: SheetGrid): { row: number; score: number } | null {
  let best: { row: number; score: number } | null = null;
  for (let r = 0; r < Math.min(sheet.rows.length, SEARCH_ROWS); r++) {
    const cells = sheet.rows[r]!.map((c) => textOf(c));
    // A banner merged across the row repeats one text in every cell: it is a title, not headings.
    if (new Set(cells.filter(Boolean)).size < MIN_SCORE) continue;
    const score = headerScore(cells);
    if (score >= MIN_SCORE && (!best || score > best.score)) best = { row: r + 1, score };
  }
  return best;
}

/** The header row's cells as text (one per column). */
export function headerCells(sheet: SheetGrid, headerRow: number): string[] {
  const row = sheet.rows[headerRow - 1] ?? [];
  return Array.from({ length: sheet.columnCount }, (_, c) => textOf(row[c] ?? null).replace(/\s+/g, ' ').trim());
}
