// @vitest-environment jsdom
/**
 * The plan-spreadsheet import wizard (issue #16 part 3) over a real workbook through dispatch: a
 * CSV with milestones on rows of their own, priority heading rows, blank rows, dates in several UK
 * forms and words the app does not know. The officer goes step by step, is stopped until each word
 * has a meaning, imports, and the next file with the same headings starts from the saved columns.
 * A read-only workbook says why nothing can be imported.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ChannelName } from '../../electron/contract/channels';
import type { ApiError } from '../../electron/contract/define';
import { ApiProvider } from '../../renderer/api/api-context';
import { WorkbookProvider } from '../../renderer/app/workbook-context';
import PlanSheetImportScreen from '../../renderer/features/plan-sheet-import/plan-sheet-screen';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { workbookState } from './render-app';

const CSV = [
  'Ref,Action,Milestone,Lead,Due,Status,RAG',
  'Priority 1 - Co-production with families,,,,,,',
  '1.1,Agree a co-production charter with the parent carer forum,,Jo Bloggs,22/11/2026,In progress,Amber',
  ',,Charter drafted with families,,30 Sep 2026,Complete,',
  ',,Charter signed by every partner,,Dec 2026,Not started,',
  ',,,,,,',
  'Priority 2 - Preparing for adulthood,,,,,,',
  '2.1,Publish a preparing for adulthood pathway,,Sam Patel,31.03.27,Stalled,R/A',
  ',,Pathway co-designed with young people,,28/02/2027,,',
].join('\r\n');

let t: TestWorkbook;
beforeEach(() => {
  t = makeTestWorkbook();
});
afterEach(() => {
  cleanup();
  t.cleanup();
});

/** The screen over the real workbook; `refuse` makes a channel answer with that error instead. */
function renderScreen(readOnly = false, refuse: Partial<Record<ChannelName, ApiError>> = {}) {
  const calls: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider
        transport={async (channel, input) => {
          calls.push(channel);
          const error = refuse[channel];
          return error ? { ok: false, error } : t.dispatch(channel, input);
        }}
      >
        <WorkbookProvider value={workbookState({ readOnly })}>
          <PlanSheetImportScreen />
        </WorkbookProvider>
      </ApiProvider>
    </FluentProvider>,
  );
  return calls;
}

const continueButton = () => screen.getByRole('button', { name: 'Continue' });
/** The step's error summary (Fluent's field messages are alerts too). */
const errorSummary = () => waitFor(() => {
  const el = document.querySelector<HTMLElement>('[data-error-summary]');
  if (!el) throw new Error('No error summary');
  return el;
});
const step = (title: string) => screen.findByRole('heading', { level: 2, name: title });

async function chooseCsv(user: ReturnType<typeof userEvent.setup>) {
  await user.upload(screen.getByLabelText('Spreadsheet file (.xlsx or .csv)'), new File([CSV], 'coproduction plan.csv', { type: 'text/csv' }));
  await step('Choose the sheet');
  await user.click(continueButton());
  await step('Check the header row');
  expect((screen.getByRole('radio', { name: 'Row 1 (suggested)' }) as HTMLInputElement).checked).toBe(true);
  await user.click(continueButton());
  await step('Match the columns to the plan');
}

test('a CSV with milestones as rows: unknown words must be given a meaning, then it imports; the columns are remembered', { timeout: 60_000 }, async () => {
  const user = userEvent.setup({ delay: null });
  renderScreen();
  await chooseCsv(user);
  const column = (name: string) => (screen.getByRole('combobox', { name }) as HTMLSelectElement).value;
  expect(column('What we will do (action)')).toBe('B');
  expect(column('Milestones')).toBe('C');
  expect(column('Due date')).toBe('E');
  expect(screen.queryByText(/columns you saved/)).toBeNull();
  await user.click(continueButton());

  // Two words the app does not know: Continue is refused until both have a meaning.
  await step('Check the status and RAG words');
  const stalled = screen.getByRole('combobox', { name: '“Stalled”' }) as HTMLSelectElement;
  const ra = screen.getByRole('combobox', { name: '“R/A”' }) as HTMLSelectElement;
  expect(stalled.value).toBe('');
  await user.selectOptions(stalled, 'delayed');
  await user.click(screen.getByRole('button', { name: 'Confirm these meanings' }));
  const summary = await errorSummary();
  expect(within(summary).getByRole('link', { name: /Choose what “R\/A” \(rag rating, row 8\) means/ })).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(summary));
  await user.click(within(summary).getByRole('link'));
  expect(document.activeElement).toBe(ra);
  await user.selectOptions(ra, 'amber');
  await user.click(screen.getByRole('button', { name: 'Confirm these meanings' }));

  await step('Choose where the plan goes');
  const title = screen.getByRole('textbox', { name: /Title of the new plan/ }) as HTMLInputElement;
  expect(title.value).toBe('Coproduction plan');
  await user.clear(title);
  await user.click(screen.getByRole('button', { name: 'Preview the import' }));
  expect(within(await errorSummary()).getByRole('link').textContent).toBe('Enter plan title.');
  await user.type(title, 'Co-production improvement plan');
  await user.click(screen.getByRole('button', { name: 'Preview the import' }));

  await step('Check what will be imported');
  expect(screen.getByRole('list', { name: 'What will be created' }).textContent).toMatch(/2priorities.*2actions.*3milestones/);
  expect(screen.getByRole('heading', { level: 4, name: 'Priority 1: Co-production with families' })).toBeTruthy();
  const milestones = screen.getByRole('list', { name: 'Milestones of action 1.1' });
  expect(milestones.textContent).toContain('Charter drafted with families: due 30/09/2026');
  expect(milestones.textContent).toMatch(/Charter signed by every partner: due 31\/12\/2026 \(approximate\)/);
  expect(screen.getByRole('list', { name: 'Actions of priority 2' }).textContent).toContain('Due: 31/03/2027');
  await user.click(screen.getByRole('button', { name: 'Import' }));

  await step('Plan imported');
  const link = screen.getByRole('link', { name: 'Open Co-production improvement plan' });
  const planId = Number(link.getAttribute('href')!.split('/').pop());
  const actions = (await t.api.call('action:list', { planId, limit: 10 })).items;
  expect(actions.map((a) => [a.reference, a.status, a.dueOn])).toEqual([
    ['1.1', 'on_track', '2026-11-22'],
    ['2.1', 'delayed', '2027-03-31'],
  ]);
  const first = (await t.api.call('milestone:list', { actionId: actions[0]!.id, limit: 10 })).items;
  expect(first.map((m) => [m.title, m.dueOn])).toEqual([
    ['Charter drafted with families', '2026-09-30'],
    ['Charter signed by every partner', '2026-12-31'],
  ]);
  expect(screen.getByText(/To undo the whole import, delete this plan/)).toBeTruthy();

  // The next spreadsheet with the same headings starts from what was saved, words included.
  await user.click(screen.getByRole('button', { name: 'Import another spreadsheet' }));
  await step('Choose the spreadsheet');
  await chooseCsv(user);
  expect(screen.getByText(/These are the columns you saved on 22\/11\/2026/)).toBeTruthy();
  await user.click(continueButton());
  await step('Check the status and RAG words');
  expect((screen.getByRole('combobox', { name: '“Stalled”' }) as HTMLSelectElement).value).toBe('delayed');
  expect((screen.getByRole('combobox', { name: '“R/A”' }) as HTMLSelectElement).value).toBe('amber');
});

test('into a plan already in the workbook: a priority with the same reference gets the new action, the other priority is added', { timeout: 60_000 }, async () => {
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action 2025' });
  const existing = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'Co-production' });

  const user = userEvent.setup({ delay: null });
  renderScreen();
  await chooseCsv(user);
  await user.click(continueButton());
  await step('Check the status and RAG words');
  await user.selectOptions(screen.getByRole('combobox', { name: '“Stalled”' }), 'delayed');
  await user.selectOptions(screen.getByRole('combobox', { name: '“R/A”' }), 'amber');
  await user.click(screen.getByRole('button', { name: 'Confirm these meanings' }));
  await step('Choose where the plan goes');
  await user.click(screen.getByRole('radio', { name: 'A plan already in the workbook' }));
  await user.click(screen.getByRole('button', { name: 'Preview the import' }));
  expect(within(await errorSummary()).getByRole('link').textContent).toBe('Plan must be chosen from the list.');
  await user.selectOptions(screen.getByRole('combobox', { name: /^Plan/ }), String(plan.id));
  await user.click(screen.getByRole('button', { name: 'Preview the import' }));

  await step('Check what will be imported');
  expect(screen.getByText(/The priorities will go into “Written Statement of Action 2025”/)).toBeTruthy();
  expect(screen.getByRole('list', { name: 'What will be created' }).textContent).toContain('(1 already in the plan)');
  expect(screen.getByRole('heading', { level: 4, name: /^Priority 1: / }).nextElementSibling!.textContent).toMatch(/^Already in the plan: the actions are added to it\./);
  expect(screen.getByRole('heading', { level: 4, name: 'Priority 2: Preparing for adulthood' }).nextElementSibling!.textContent).toMatch(/^New priority\./);
  await user.click(screen.getByRole('button', { name: 'Import' }));

  await step('Plan imported');
  expect(screen.getByText(/“Written Statement of Action 2025” was added to: 1 priority, 2 actions and 3 milestones/)).toBeTruthy();
  expect(screen.getByText(/To undo the import, delete what it added to the plan/)).toBeTruthy();
  const priorities = (await t.api.call('priority:list', { planId: plan.id, limit: 10 })).items;
  expect(priorities.map((p) => [p.id === existing.id, p.reference])).toEqual([
    [true, '1'],
    [false, '2'],
  ]);
  expect((await t.api.call('action:list', { priorityId: existing.id, limit: 10 })).items.map((a) => a.reference)).toEqual(['1.1']);
  expect((await t.api.call('plan:list', { limit: 5 })).total).toBe(1);
});

test('a future progress date stops the preview; a refusal at Import about an earlier answer sends the officer back to that step, its link leading to the field', { timeout: 60_000 }, async () => {
  const user = userEvent.setup({ delay: null });
  // The real backend, except that Import refuses the progress date (as it would a date it cannot take).
  renderScreen(false, {
    'planSheet:apply': { code: 'invalid_input', message: 'Check the date.', issues: [{ path: 'reportedOn', message: 'Date of the update (14/10/2026) is not a date this plan can take.' }] },
  });
  await chooseCsv(user);
  await user.click(continueButton());
  await step('Check the status and RAG words');
  await user.selectOptions(screen.getByRole('combobox', { name: '“Stalled”' }), 'delayed');
  await user.selectOptions(screen.getByRole('combobox', { name: '“R/A”' }), 'amber');
  await user.click(screen.getByRole('button', { name: 'Confirm these meanings' }));
  await step('Choose where the plan goes');
  // First a date after the workbook's today (22/11/2026): the preview says why it cannot be imported, and Import waits.
  await user.type(screen.getByRole('textbox', { name: /Date of the progress in the spreadsheet/ }), '01/12/2026');
  await user.click(screen.getByRole('button', { name: 'Preview the import' }));
  await step('Check what will be imported');
  expect(screen.getByText('This cannot be imported yet').parentElement!.textContent).toContain('(01/12/2026) is after today');
  expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  await user.click(screen.getByRole('button', { name: 'Back' }));
  await step('Choose where the plan goes');
  const reported = screen.getByRole('textbox', { name: /Date of the progress in the spreadsheet/ }) as HTMLInputElement;
  expect(reported.value).toBe('01/12/2026');
  await user.clear(reported);
  await user.type(reported, '14/10/2026');
  await user.click(screen.getByRole('button', { name: 'Preview the import' }));
  await step('Check what will be imported');
  await user.click(screen.getByRole('button', { name: 'Import' }));

  await step('Choose where the plan goes');
  const summary = await errorSummary();
  await waitFor(() => expect(document.activeElement).toBe(summary));
  await user.click(within(summary).getByRole('link', { name: 'Date of the update (14/10/2026) is not a date this plan can take.' }));
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Date of the progress in the spreadsheet/ }));
  expect((await t.api.call('plan:list', { limit: 5 })).total).toBe(0);
});

test('a file dropped that is not a spreadsheet is refused in the error summary, before anything is sent', async () => {
  const calls = renderScreen();
  // Dropped on the page rather than chosen.
  fireEvent.drop(document.querySelector('[data-drop-zone]')!, { dataTransfer: { files: [new File(['x'], 'plan.xls')] } });
  const summary = await errorSummary();
  expect(summary.textContent).toContain('“plan.xls” is an older Excel file (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx)');
  expect(calls).not.toContain('file:uploadBegin');
});

test('a read-only workbook says why a plan cannot be imported, and offers no file to choose', () => {
  const calls = renderScreen(true);
  expect(screen.getByText('This workbook cannot take an imported plan')).toBeTruthy();
  expect(screen.getByText(/It is open read-only, so nothing can be added to it/)).toBeTruthy();
  expect(screen.queryByLabelText('Spreadsheet file (.xlsx or .csv)')).toBeNull();
  expect(calls).toEqual([]);
});
