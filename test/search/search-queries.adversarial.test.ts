import { buildMatchExpression } from '../../electron/core/search/fts-query';
import { fileTestWorkbook, newEvidence } from '../files/helpers';

let t: ReturnType<typeof fileTestWorkbook>;
beforeEach(() => {
  t = fileTestWorkbook();
});
afterEach(() => t.cleanup());

const HOSTILE = [
  '"',
  '""',
  '"unclosed phrase',
  '*',
  'exclusions*',
  '^exclusions',
  'NEAR(exclusions report, 2)',
  'exclusions AND OR NOT',
  'title:exclusions',
  '{title body}: exclusions',
  '(exclusions',
  'exclusions)',
  '-exclusions',
  '+exclusions',
  "exclusions' OR 1=1 --",
  'exclusions; DROP TABLE evidence_items;',
  '\u0002exclusions\u0003',
  '🙂 exclusions 🙂',
  'x'.repeat(500),
  'a b c d e f g h i j k l m n o p q r s t u v w x y z exclusions',
  '   ',
  '…',
];

test.each(HOSTILE)('a query like %j never reaches the user as an error', async (q) => {
  await newEvidence(t, 'Exclusions report');
  const r = await t.dispatch('search:query', { q });
  expect(r.ok).toBe(true);
});

test('operators are searched as words, not obeyed', async () => {
  await newEvidence(t, 'Exclusions report');
  await newEvidence(t, 'NOT a report about exclusions');
  const r = await t.api.call('search:query', { q: 'exclusions NOT report' });
  expect(r.results.map((x) => x.id)).toEqual([2]);
});

test('highlight markers typed by a user cannot forge highlights', async () => {
  await newEvidence(t, 'Plain title');
  const r = await t.api.call('search:query', { q: 'plain' });
  expect(r.results[0]!.title).toEqual([
    { text: 'E-001 ', hit: false },
    { text: 'Plain', hit: true },
    { text: ' title', hit: false },
  ]);
});

test('too-short and empty queries say why nothing came back', async () => {
  expect((await t.api.call('search:query', { q: 'a' })).notice).toMatch(/two letters/);
  expect((await t.api.call('search:query', { q: '' })).notice).toBeNull();
});

test('filters that are not in the list are refused in words', async () => {
  const r = await t.dispatch('search:query', { q: 'x', types: ['evidence_items'] });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(/Choose what to search/);
  const r2 = await t.dispatch('search:query', { q: 'x', limit: 10_000 });
  expect(r2.ok).toBe(false);
});

test('every word is quoted in the expression', () => {
  expect(buildMatchExpression('NEAR(a "b c" dd*')?.expression).toBe('"NEAR"* "a" "b c" "dd"*');
  expect(buildMatchExpression('exclusions f')?.expression).toBe('"exclusions"*');
  expect(buildMatchExpression('E-012')?.expression).toBe('"E" "012"*');
  expect(buildMatchExpression('!!!')).toBeNull();
});
