/**
 * Issue #17: a plan names the key indicators it tracks. Link, list and unlink through dispatch,
 * each written to the history of both records; ids that are not live are refused in words.
 */
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
afterEach(() => t.cleanup());

async function setUp() {
  t = makeTestWorkbook();
  const plan = await t.api.call('plan:create', { type: 'app', title: 'Accelerated Progress Plan' });
  const other = await t.api.call('plan:create', { type: 'wsoa', title: 'Written statement of action' });
  const ehcp = await t.api.call('indicator:create', { code: 'K1', title: 'EHC plans issued within 20 weeks', unit: '%' });
  const absence = await t.api.call('indicator:create', { code: 'K2', title: 'Persistent absence (SEN support)', unit: '%' });
  return { plan, other, ehcp, absence };
}

function history(entity: 'plan' | 'indicator', id: number) {
  return t.api.call('history:get', { entity, id }).then((p) => p.items.filter((e) => e.operation === 'link' || e.operation === 'unlink'));
}

test('link, list both ways, unlink: each written to both records’ history', async () => {
  const { plan, other, ehcp, absence } = await setUp();
  expect(await t.api.call('plan:indicators', { planId: plan.id })).toEqual([]);

  expect(await t.api.call('plan:linkIndicator', { planId: plan.id, indicatorId: absence.id })).toEqual({ planId: plan.id, indicatorId: absence.id });
  await t.api.call('plan:linkIndicator', { planId: plan.id, indicatorId: ehcp.id });
  await t.api.call('plan:linkIndicator', { planId: other.id, indicatorId: ehcp.id });

  // A plan's indicators in code order; an indicator's plans by title.
  expect((await t.api.call('plan:indicators', { planId: plan.id })).map((l) => l.indicatorId)).toEqual([ehcp.id, absence.id]);
  expect((await t.api.call('plan:indicators', { indicatorId: ehcp.id })).map((l) => l.planId)).toEqual([plan.id, other.id]);
  expect((await t.api.call('plan:indicators', { indicatorId: absence.id })).map((l) => l.planId)).toEqual([plan.id]);

  expect(await history('plan', plan.id)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ operation: 'link', field: 'indicatorIds', newValue: String(absence.id), author: 'Test Officer' }),
      expect.objectContaining({ operation: 'link', field: 'indicatorIds', newValue: String(ehcp.id) }),
    ]),
  );
  expect(await history('indicator', ehcp.id)).toHaveLength(2);

  expect(await t.api.call('plan:unlinkIndicator', { planId: plan.id, indicatorId: ehcp.id })).toEqual({ ok: true });
  expect((await t.api.call('plan:indicators', { planId: plan.id })).map((l) => l.indicatorId)).toEqual([absence.id]);
  expect((await t.api.call('plan:indicators', { indicatorId: ehcp.id })).map((l) => l.planId)).toEqual([other.id]);
  // The unlink keeps what was linked, on both records.
  expect((await history('plan', plan.id)).filter((e) => e.operation === 'unlink')).toEqual([
    expect.objectContaining({ field: 'indicatorIds', oldValue: String(ehcp.id), newValue: null }),
  ]);
  expect((await history('indicator', ehcp.id)).filter((e) => e.operation === 'unlink')).toEqual([
    expect.objectContaining({ field: 'planIds', oldValue: String(plan.id) }),
  ]);

  // The history still verifies and matches every record.
  const status = await t.api.call('audit:verify', {});
  expect(status.intact).toBe(true);
});

test('linking twice is harmless: one link, one history entry', async () => {
  const { plan, ehcp } = await setUp();
  await t.api.call('plan:linkIndicator', { planId: plan.id, indicatorId: ehcp.id });
  const again = await t.dispatch('plan:linkIndicator', { planId: plan.id, indicatorId: ehcp.id });
  expect(again).toMatchObject({ ok: true, value: { planId: plan.id, indicatorId: ehcp.id } });
  expect(await t.api.call('plan:indicators', { planId: plan.id })).toHaveLength(1);
  expect(await history('plan', plan.id)).toHaveLength(1);
});

test('ids that are not live records are refused in words, and nothing is written', async () => {
  const { plan, ehcp } = await setUp();
  const before = (await t.api.call('history:recent', {})).total;

  const noIndicator = await t.dispatch('plan:linkIndicator', { planId: plan.id, indicatorId: 999_999 });
  expect(noIndicator).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'That indicator does not exist or is in the Bin: choose an indicator from the list.' } });
  const noPlan = await t.dispatch('plan:linkIndicator', { planId: 999_999, indicatorId: ehcp.id });
  expect(noPlan).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'That plan does not exist or is in the Bin: choose a plan from the list.' } });
  const notANumber = await t.dispatch('plan:linkIndicator', { planId: 'first', indicatorId: ehcp.id });
  expect(notANumber).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  if (!notANumber.ok) expect(notANumber.error.message).toMatch(/Plan must be chosen from the list/);

  // An indicator in the Bin cannot be linked.
  await t.api.call('indicator:delete', { id: ehcp.id });
  expect(await t.dispatch('plan:linkIndicator', { planId: plan.id, indicatorId: ehcp.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

  const notLinked = await t.dispatch('plan:unlinkIndicator', { planId: plan.id, indicatorId: ehcp.id });
  expect(notLinked).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That indicator is not linked to this plan (it may have been unlinked already).' } });
  expect(await t.api.call('plan:indicators', { planId: plan.id })).toEqual([]);
  // Only the indicator's move to the Bin was written.
  const after = await t.api.call('history:recent', {});
  expect(after.items.slice(0, after.total - before).every((e) => e.entity === 'indicator' && e.operation === 'delete')).toBe(true);
});

test('a linked indicator in the Bin drops out of the plan’s list and comes back when restored', async () => {
  const { plan, ehcp, absence } = await setUp();
  await t.api.call('plan:linkIndicator', { planId: plan.id, indicatorId: ehcp.id });
  await t.api.call('plan:linkIndicator', { planId: plan.id, indicatorId: absence.id });
  const binned = await t.api.call('indicator:delete', { id: ehcp.id });
  expect((await t.api.call('plan:indicators', { planId: plan.id })).map((l) => l.indicatorId)).toEqual([absence.id]);
  await t.api.call('bin:restore', { binEntryId: binned.binEntryId });
  expect((await t.api.call('plan:indicators', { planId: plan.id })).map((l) => l.indicatorId)).toEqual([ehcp.id, absence.id]);
});

test('the History screen names the plan and the indicator, not their ids', async () => {
  const { plan, ehcp } = await setUp();
  await t.api.call('plan:linkIndicator', { planId: plan.id, indicatorId: ehcp.id });
  await t.api.call('plan:unlinkIndicator', { planId: plan.id, indicatorId: ehcp.id });
  const changes = (await t.api.call('history:changes', { limit: 4 })).items.map((c) => [c.record, c.headline, c.lines]);
  expect(changes).toEqual([
    ['K1 EHC plans issued within 20 weeks', 'Unlinked', [{ field: 'Plan', from: 'Accelerated Progress Plan', to: null }]],
    ['Accelerated Progress Plan', 'Unlinked', [{ field: 'Indicator', from: 'K1 EHC plans issued within 20 weeks', to: null }]],
    ['K1 EHC plans issued within 20 weeks', 'Linked', [{ field: 'Plan', from: null, to: 'Accelerated Progress Plan' }]],
    ['Accelerated Progress Plan', 'Linked', [{ field: 'Indicator', from: null, to: 'K1 EHC plans issued within 20 weeks' }]],
  ]);
});
