/**
 * A common word in a large workbook: counts stop at 1,000 ("more than"), a rare type among many
 * newer matches is still found, and an older title match still outranks newer passing mentions.
 */
import type { TestWorkbook } from '../helpers/temp-workbook';
import { fileTestWorkbook } from '../files/helpers';

let t: ReturnType<typeof fileTestWorkbook>;
beforeEach(() => {
  t = fileTestWorkbook();
});
afterEach(() => t.cleanup());

const titles = (out: { results: { title: { text: string }[] }[] }) => out.results.map((r) => r.title.map((p) => p.text).join(''));
const search = (q: string, extra: Record<string, unknown> = {}) => t.api.call('search:query', { q, ...extra });

/** Many evidence items mentioning "inclusion" in passing, added in one transaction as an import would. */
function passingMentions(tw: TestWorkbook, n: number, kind = 'board_paper', level = 'output') {
  const insert = tw.workbook.sqlite.prepare(
    `INSERT INTO evidence_items (reference, title, kind, level, summary, added_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2026-11-01', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')`,
  );
  tw.workbook.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      insert.run(`M-${i}`, `Termly report ${i}`, kind, level, 'The board discussed inclusion among many other matters at some length.');
    }
  })();
}

/** A progress update that mentions inclusion in its text only (its title is the period). */
async function inclusionProgress() {
  const p = await t.api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action' });
  const priority = await t.api.call('priority:create', { planId: p.id, reference: '3', title: 'Belonging' });
  const action = await t.api.call('action:create', { priorityId: priority.id, reference: '3.1', what: 'Charter for every school', dueOn: '2020-07-31' });
  return t.api.call('progress:create', { actionId: action.id, reportedOn: '2020-11-15', status: 'on_track', highlights: 'Inclusion charter signed.' });
}

describe('a word that matches more than a thousand records', () => {
  test('counts stop at 1,000 and say "more than"; the type counts cover the newest 1,001', async () => {
    passingMentions(t, 1_005);
    const out = await search('inclus');
    expect(out.total).toBe(1_000);
    expect(out.moreThanTotal).toBe(true);
    expect(out.counts.evidence).toBe(1_001);
    expect(out.results).toHaveLength(20);
  });

  test('an older record of a rare type is found when only that type is wanted', async () => {
    await inclusionProgress();
    passingMentions(t, 1_005);
    const out = await search('inclusion', { types: ['progress'] });
    expect(titles(out)).toEqual(['Progress update, 15/11/2020']);
    expect(out.results[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Inclusion']);
    expect(out.moreThanTotal).toBe(true);
    // Counted among the newest 1,001 matches only, which are all evidence.
    expect(out.counts.progress).toBeUndefined();
  });

  test('an older title match outranks hundreds of newer passing mentions', async () => {
    await t.api.call('evidence:create', { title: 'Inclusion strategy 2024-2027', kind: 'strategy', level: 'activity' });
    passingMentions(t, 700);
    const out = await search('inclusion', { limit: 3 });
    expect(titles(out)[0]).toBe('E-001 Inclusion strategy 2024-2027');
  });

  test('kind and level filters reach past many newer records of other kinds', async () => {
    await t.api.call('evidence:create', { title: 'Inclusion audit', kind: 'audit', level: 'impact' });
    passingMentions(t, 1_005, 'board_paper', 'impact');
    expect(titles(await search('inclusion', { kind: 'audit' }))).toEqual(['E-001 Inclusion audit']);
    expect(titles(await search('inclusion', { kind: 'audit', level: 'impact' }))).toEqual(['E-001 Inclusion audit']);
    expect(titles(await search('inclusion', { kind: 'audit', level: 'output' }))).toEqual([]);
    const byLevel = await search('inclusion', { level: 'impact', types: ['evidence'] });
    expect(byLevel.total).toBe(1_000);
    expect(byLevel.moreThanTotal).toBe(true);
  });
});
