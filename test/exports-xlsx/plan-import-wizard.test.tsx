// @vitest-environment jsdom
/**
 * The import wizard over the real contract: an officer chooses a partner's return, sees the
 * conflict, must choose before applying, applies, and reads the summary.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { PlanImportWizard } from '../../renderer/features/plan-import/plan-import-wizard';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture } from './plan-fixture';
import { editWorkbook, exportPlan, findRow, setCell } from './xlsx-helpers';

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

let t: TestWorkbook;
afterEach(() => {
  cleanup();
  t?.cleanup();
});

it('previews a return, requires a choice for the conflict, applies and summarises', async () => {
  t = makeTestWorkbook();
  const fx = await buildPlanFixture(t.api);
  const exported = await exportPlan(t.api);
  await t.api.call('action:update', { id: fx.actions.a11, successMeasures: 'Agreed at the board: 85% good or better.' });
  const edited = await editWorkbook(exported, (wb) => {
    const plan = wb.getWorksheet('Plan')!;
    setCell(plan, findRow(plan, 'Action ref', '1.1'), 'Success measures', '90% of plans good or better.');
    setCell(plan, findRow(plan, 'Action ref', '2.1'), 'Status', 'Delayed');
    setCell(plan, findRow(plan, 'Action ref', '1.2'), 'Due', 'soon');
  });
  let applied = 0;
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanImportWizard client={t.api} onApplied={() => applied++} />
    </FluentProvider>,
  );
  await user.type(screen.getByRole('textbox', { name: /returned by/i }), 'BNSSG ICB');
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  await user.upload(input, new File([new Uint8Array(edited)], 'icb-return.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));

  await screen.findByText(/icb-return\.xlsx — Written Statement of Action 2019/);
  // Conflicts are shown first.
  expect(screen.getByRole('heading', { name: /Action 1\.1/ })).toBeTruthy();
  expect(screen.getByText('Agreed at the board: 85% good or better.')).toBeTruthy();
  const apply = screen.getByRole('button', { name: /Apply 2 rows/ });
  expect(apply.hasAttribute('disabled') || apply.getAttribute('aria-disabled') === 'true').toBe(true);
  await user.click(screen.getByRole('radio', { name: /Take theirs/ }));

  await user.click(screen.getByRole('tab', { name: /Rejected \(1\)/ }));
  expect(screen.getByText('Due: “soon” is not a date. Write it as 22/11/2026.')).toBeTruthy();

  await user.click(screen.getByRole('button', { name: /Apply 2 rows/ }));
  await screen.findByRole('heading', { name: 'Return imported' });
  expect(screen.getByText(/2 actions changed, 1 progress update added/)).toBeTruthy();
  expect(applied).toBe(1);
  await waitFor(async () => expect((await t.api.call('action:get', { id: fx.actions.a11 })).successMeasures).toBe('90% of plans good or better.'));
  const updates = await t.api.call('progress:list', { actionId: fx.actions.a21 });
  expect(updates.items[0]).toMatchObject({ status: 'delayed', source: 'import:BNSSG ICB' });
});

it('shows a clear message for a file that is not a spreadsheet', async () => {
  t = makeTestWorkbook();
  await buildPlanFixture(t.api);
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanImportWizard client={t.api} />
    </FluentProvider>,
  );
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  await user.upload(input, new File(['not a spreadsheet'], 'notes.xlsx'));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('not an Excel workbook');
});
