/**
 * The evidence library and the link picker as an officer uses them (issue #17): the search box
 * finds words by their start, with accents folded, and references; every filter and sort returns
 * the right items; the total a list shows is right on every page and follows every change.
 */
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
beforeEach(() => {
  t = makeTestWorkbook();
});
afterEach(() => t.cleanup());

const list = (input: Record<string, unknown>) => t.api.call('evidence:list', input);
const refs = (out: { items: { reference: string }[] }) => out.items.map((i) => i.reference);

async function seed() {
  await t.api.call('evidence:create', { title: 'Café de parents survey', kind: 'survey', level: 'impact', summary: 'Parent carer forum views.', addedOn: '2026-01-10', effectiveFrom: '2025-09-01' });
  await t.api.call('evidence:create', { title: 'Annual review audit', kind: 'audit', level: 'output', summary: 'Timeliness of annual reviews.', addedOn: '2026-03-02', effectiveFrom: '2024-04-01', containsPersonalData: true });
  await t.api.call('evidence:create', { title: 'Board minutes', kind: 'minutes', level: 'activity', summary: 'The board discussed the cafe.', addedOn: '2025-12-01', effectiveFrom: '2026-02-01' });
}

test('the search box finds word starts, folds accents and finds references', async () => {
  await seed();
  expect(refs(await list({ search: 'cafe' }))).toEqual(['E-001', 'E-003']);
  expect(refs(await list({ search: 'CAFÉ' }))).toEqual(['E-001', 'E-003']);
  expect(refs(await list({ search: 'annual rev' }))).toEqual(['E-002']);
  expect(refs(await list({ search: 'E-002' }))).toEqual(['E-002']);
  expect(refs(await list({ search: 'forum', sort: 'added' }))).toEqual(['E-001']);
  expect((await list({ search: 'nothing like this' })).total).toBe(0);
});

test('each filter and sort returns the right items', async () => {
  await seed();
  expect(refs(await list({ kind: 'audit' }))).toEqual(['E-002']);
  expect(refs(await list({ level: 'impact' }))).toEqual(['E-001']);
  expect(refs(await list({ containsPersonalData: true }))).toEqual(['E-002']);
  expect(refs(await list({ containsPersonalData: false }))).toEqual(['E-001', 'E-003']);
  expect(refs(await list({ effectiveFromOnOrAfter: '2025-01-01' }))).toEqual(['E-001', 'E-003']);
  expect(refs(await list({ effectiveOnOrBefore: '2025-01-01' }))).toEqual(['E-002']);
  expect(refs(await list({ sort: 'added' }))).toEqual(['E-002', 'E-001', 'E-003']);
  expect(refs(await list({ sort: 'effective' }))).toEqual(['E-003', 'E-001', 'E-002']);
  expect(refs(await list({ sort: 'title' }))).toEqual(['E-002', 'E-003', 'E-001']);
});

test('the total is right on a later page and follows adds and deletes', async () => {
  for (let i = 0; i < 7; i++) await t.api.call('evidence:create', { title: `Survey ${i}`, kind: 'survey', level: 'output' });
  const page2 = await list({ kind: 'survey', offset: 3, limit: 3 });
  expect(refs(page2)).toEqual(['E-004', 'E-005', 'E-006']);
  expect(page2.total).toBe(7);
  await t.api.call('evidence:create', { title: 'Survey 8', kind: 'survey', level: 'output' });
  expect((await list({ kind: 'survey', offset: 3, limit: 3 })).total).toBe(8);
  await t.api.call('evidence:delete', { id: 1 });
  const after = await list({ kind: 'survey', offset: 3, limit: 3 });
  expect(after.total).toBe(7);
  expect(refs(after)).toEqual(['E-005', 'E-006', 'E-007']);
});
