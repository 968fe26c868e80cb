import { parseUkDate, sharesOf, ukDate } from '../../electron/contract/format';
import { actionRag, type RagActionFacts, type RagMilestoneFacts } from '../../electron/core/facts';
import { makeTestWorkbook } from '../helpers/temp-workbook';

test('percentages add up to 100 the way a person would write them', () => {
  expect(sharesOf([33, 26, 7])).toEqual([50, 39, 11]);
  expect(sharesOf([1, 1, 1])).toEqual([34, 33, 33]);
  expect(sharesOf([2, 1])).toEqual([67, 33]);
  expect(sharesOf([0, 0])).toEqual([0, 0]);
  expect(sharesOf([5, 0, 0])).toEqual([100, 0, 0]);
  for (const counts of [[7, 3, 1, 1], [10, 10, 10], [1, 2, 3, 4, 5, 6], [99, 1, 1]]) {
    expect(sharesOf(counts).reduce((a, b) => a + b)).toBe(100);
  }
});

test('UK dates in and out', () => {
  expect(ukDate('2026-11-22')).toBe('22/11/2026');
  expect(parseUkDate('22/11/2026')).toBe('2026-11-22');
  expect(parseUkDate('2/3/2026')).toBe('2026-03-02');
  expect(parseUkDate('31/02/2026')).toBeNull();
  expect(parseUkDate('11/22/2026')).toBeNull();
});

test('the Overview rolls up 66 milestones as 33 (50%), 26 (39%) and 7 (11%)', async () => {
  const t = makeTestWorkbook();
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA' });
  const counts = { achieved: 33, partially_achieved: 26, not_achieved: 7 } as const;
  let n = 0;
  for (const [p, share] of [
    ['1', 0.5],
    ['2', 0.5],
  ] as const) {
    const priority = await t.api.call('priority:create', { planId: plan.id, reference: p, title: `Priority ${p}` });
    const action = await t.api.call('action:create', { priorityId: priority.id, reference: `${p}.1`, what: 'Do the work', dueOn: '2027-01-01' });
    for (const [status, count] of Object.entries(counts)) {
      const mine = p === '1' ? Math.ceil(count * share) : count - Math.ceil(count * share);
      for (let i = 0; i < mine; i++, n++) await t.api.call('milestone:create', { actionId: action.id, title: `M${n}`, dueOn: '2026-12-31', status: status as never });
    }
  }
  const overview = await t.api.call('overview:get', { planId: plan.id });
  expect(overview.milestones.total).toBe(66);
  expect(overview.milestones.byStatus.map((s) => [s.key, s.count, s.percent])).toEqual([
    ['achieved', 33, 50],
    ['partially_achieved', 26, 39],
    ['not_achieved', 7, 11],
    ['overdue', 0, 0],
    ['not_yet_due', 0, 0],
  ]);
  for (const p of overview.priorities) expect(p.milestones.byStatus.reduce((a, s) => a + s.percent, 0)).toBe(100);
  t.cleanup();
});

/** With no override and no updates, actionRag gives the RAG worked out from dates and milestones. */
const deriveRag = (a: RagActionFacts, m: RagMilestoneFacts[], asOf: string, completeAs: 'green' | 'blue') => actionRag(a, m, [], asOf, completeAs).derived;

test('RAG is derived from dates and milestones, with the reason in words', () => {
  const today = '2026-11-22';
  expect(deriveRag({ status: 'complete', dueOn: '2020-01-01', revisedDueOn: null }, [], today, 'blue').rag).toBe('blue');
  expect(deriveRag({ status: 'on_track', dueOn: '2026-11-01', revisedDueOn: null }, [], today, 'green')).toEqual({ rag: 'red', reason: 'Due 01/11/2026 and not complete.' });
  expect(deriveRag({ status: 'on_track', dueOn: '2027-01-01', revisedDueOn: null }, [{ title: 'Audit', dueOn: '2026-10-01', status: 'not_achieved' }], today, 'green').rag).toBe('red');
  expect(deriveRag({ status: 'on_track', dueOn: '2027-01-01', revisedDueOn: null }, [{ title: 'Audit', dueOn: '2026-10-01', status: 'partially_achieved' }], today, 'green')).toEqual({
    rag: 'amber',
    reason: 'Milestone “Audit” was due 01/10/2026 and is only partially achieved.',
  });
  expect(deriveRag({ status: 'on_track', dueOn: '2026-12-01', revisedDueOn: '2027-03-01' }, [], today, 'green').rag).toBe('amber');
  expect(deriveRag({ status: 'on_track', dueOn: '2027-01-01', revisedDueOn: null }, [{ title: 'Audit', dueOn: '2026-10-01', status: 'achieved' }], today, 'green').rag).toBe('green');
});

test('a RAG override needs a reason and shows instead of the derived RAG', async () => {
  const t = makeTestWorkbook();
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'WSOA' });
  const priority = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'P' });
  const action = await t.api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Late work', dueOn: '2026-01-01' });
  expect(action.rag).toBe('red');
  const refused = await t.dispatch('action:update', { id: action.id, ragOverride: 'amber' });
  expect(refused).toMatchObject({ ok: false, error: { issues: [{ path: 'ragOverrideReason' }] } });
  const overridden = await t.api.call('action:update', { id: action.id, ragOverride: 'amber', ragOverrideReason: 'Board agreed recovery plan on 15/11/2026' });
  expect([overridden.rag, overridden.ragDerived]).toEqual(['amber', 'red']);
  const cleared = await t.api.call('action:update', { id: action.id, ragOverride: null });
  expect([cleared.rag, cleared.ragOverrideReason]).toEqual(['red', '']);
  t.cleanup();
});
