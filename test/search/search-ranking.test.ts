/**
 * Search ranks every match (issue #17): with more matches than are counted, the best-ranked record
 * is shown even when it is the oldest and the word is only in its text, and the first page is
 * exactly the top of a full bm25 ranking of every match, with or without filters.
 */
import { rankAllMatches, searchWorkbook } from '../../electron/core/search/search-workbook';
import { buildMatchExpression } from '../../electron/core/search/fts-query';
import { fileTestWorkbook } from '../files/helpers';

let t: ReturnType<typeof fileTestWorkbook>;
beforeEach(() => {
  t = fileTestWorkbook();
});
afterEach(() => t.cleanup());

function addEvidence(rows: { title: string; summary: string; kind?: string }[]) {
  const insert = t.workbook.sqlite.prepare(
    `INSERT INTO evidence_items (reference, title, kind, level, summary, added_on, created_at, updated_at) VALUES (?, ?, ?, 'output', ?, '2026-11-01', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')`,
  );
  t.workbook.sqlite.transaction(() => rows.forEach((r, i) => insert.run(`R-${i}-${r.title.length}`, r.title, r.kind ?? 'board_paper', r.summary)))();
}

/** The bare full ranking: every match scored by bm25 (the index's weights), best first, newest on ties. */
function fullRanking(q: string, n = 20): number[] {
  const expression = buildMatchExpression(q)!.expression;
  return t.workbook.sqlite
    .prepare('SELECT d.entity_id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 8.0, 1.0), search_fts.rowid DESC LIMIT ?')
    .pluck()
    .all(expression, n) as number[];
}

const titleOf = (r: { title: { text: string }[] }) => r.title.map((p) => p.text).join('');

describe('ranking over every match', () => {
  test('the oldest record, the best match by its text alone, is first among 1,500 newer passing mentions', () => {
    addEvidence([{ title: 'Termly note', summary: 'Respite respite respite: short breaks respite.' }]);
    addEvidence(
      Array.from({ length: 1_500 }, (_, i) => ({
        title: `Board minutes ${i}`,
        summary: `The board discussed respite among many other matters at some length, including transport, budgets and the local offer (${i}).`,
      })),
    );
    const out = searchWorkbook(t.ctx, { q: 'respite', limit: 20 });
    expect(out.moreThanTotal).toBe(true);
    expect(titleOf(out.results[0]!)).toBe('R-0-11 Termly note');
    expect(out.results.map((r) => r.id)).toEqual(fullRanking('respite'));
  });

  test('the first page equals the full ranking for prefixes, two words and a type filter', () => {
    addEvidence(
      Array.from({ length: 1_200 }, (_, i) => ({
        title: i % 97 === 0 ? `Parent carer forum survey ${i}` : `Report ${i}`,
        summary: `${'Parent carers said '.repeat(1 + (i % 4))}the forum ${i % 3 ? 'met' : 'did not meet'} in term ${i % 6}.`,
        kind: i % 2 ? 'survey' : 'board_paper',
      })),
    );
    for (const q of ['parent carer', 'paren', 'forum', 'carer forum survey']) {
      const out = searchWorkbook(t.ctx, { q, limit: 20 });
      expect(out.results.map((r) => r.id), q).toEqual(fullRanking(q));
    }
    const expression = buildMatchExpression('parent carer')!.expression;
    const surveys = searchWorkbook(t.ctx, { q: 'parent carer', kind: 'survey', limit: 20 });
    const bareSurveys = t.workbook.sqlite
      .prepare(
        `SELECT d.entity_id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid JOIN evidence_items e ON e.id = d.evidence_id
         WHERE search_fts MATCH ? AND d.entity = 'evidence' AND e.kind = 'survey' ORDER BY bm25(search_fts, 8.0, 1.0), search_fts.rowid DESC LIMIT 20`,
      )
      .pluck()
      .all(expression);
    expect(surveys.results.map((r) => r.id)).toEqual(bareSurveys);
    expect(rankAllMatches(t.workbook.sqlite, expression, { where: [], params: [] }, 20).map((c) => c.entityId)).toEqual(fullRanking('parent carer'));
  });
});
