// @vitest-environment jsdom
/**
 * Issue #15, as an officer would notice it, against a real workbook (dispatch as the transport):
 * a person's name and a verdict corrected; a milestone deleted and an evidence link removed, each
 * undone from the notice without visiting the Bin; a revisit's verdicts entered in one table; the
 * error summary taking focus and linking to the field; focus going back to the control that opened
 * a form; History in words with UK dates.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { ChannelName } from '../../electron/contract/channels';
import { ApiProvider } from '../../renderer/api/api-context';
import { confirmLeave } from '../../renderer/app/unsaved-changes';
import { WorkbookProvider } from '../../renderer/app/workbook-context';
import { clearNotices } from '../../renderer/components/notices';
import { EvidenceLinksPanel } from '../../renderer/components/evidence-links-panel';
import HistoryScreen from '../../renderer/screens/admin/history-screen';
import SettingsScreen from '../../renderer/screens/admin/settings-screen';
import EventScreen from '../../renderer/screens/inspections/event-screen';
import { EventForm } from '../../renderer/screens/inspections/event-form';
import FindingScreen from '../../renderer/screens/inspections/finding-screen';
import ActionScreen from '../../renderer/screens/plans/action-screen';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { workbookState } from './render-app';

let t: TestWorkbook;

beforeEach(() => {
  t = makeTestWorkbook();
  window.sessionStorage.clear();
});
afterEach(() => {
  clearNotices();
  confirmLeave(() => true);
  t.cleanup();
});

function renderOnWorkbook(ui: ReactElement) {
  const transport = (channel: ChannelName, input: unknown) => t.dispatch(channel, input);
  return render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider transport={transport}>
        <WorkbookProvider value={workbookState()}>{ui}</WorkbookProvider>
      </ApiProvider>
    </FluentProvider>,
  );
}

const noQuery = new URLSearchParams();

async function planWithAction() {
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action 2019' });
  const priority = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'EHC plans' });
  const action = await t.api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Quality assure EHC plans' });
  return { plan, priority, action };
}

async function inspectionWithWeaknesses() {
  const inspection = await t.api.call('event:create', { kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Joint inspection 2019', onsiteStartOn: '2019-09-30' });
  const sw1 = await t.api.call('finding:create', { eventId: inspection.id, type: 'significant_weakness', reference: 'SW1', title: 'EHC plan quality' });
  const sw2 = await t.api.call('finding:create', { eventId: inspection.id, type: 'significant_weakness', reference: 'SW2', title: 'Joint commissioning' });
  const revisit = await t.api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit 2022', publishedOn: '2022-11-25' });
  return { inspection, sw1, sw2, revisit };
}

test("correcting a person's name: Edit opens a form with the name in focus, Save changes it and says Saved", async () => {
  const user = userEvent.setup();
  const person = await t.api.call('person:create', { name: 'Jane Smtih', role: 'Head of SEND' });
  renderOnWorkbook(<SettingsScreen />);
  await user.click(await screen.findByRole('button', { name: 'Edit Jane Smtih' }));
  const name = await screen.findByRole('textbox', { name: /^Name/ });
  expect(document.activeElement).toBe(name);
  await user.clear(name);
  await user.type(name, 'Jane Smith');
  await user.click(screen.getByRole('button', { name: 'Save person' }));
  expect(await screen.findByText('Saved')).toBeTruthy();
  await waitFor(() => expect(screen.getByRole('rowheader', { name: 'Jane Smith' })).toBeTruthy());
  expect((await t.api.call('person:get', { id: person.id })).name).toBe('Jane Smith');
  // The form has closed and focus went back to the Edit button, not to the page body.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Jane Smith' })));
});

test('correcting a verdict: the wrong result is changed in place, not added again', async () => {
  const user = userEvent.setup();
  const { sw1, revisit } = await inspectionWithWeaknesses();
  await t.api.call('assessment:create', { findingId: sw1.id, eventId: revisit.id, result: 'sufficient_progress', assessedOn: '2022-11-25' });
  renderOnWorkbook(<FindingScreen params={{ id: String(sw1.id) }} query={noQuery} />);
  await user.click(await screen.findByRole('button', { name: 'Correct the assessment of 25/11/2022' }, { timeout: 5000 }));
  await user.selectOptions(await screen.findByRole('combobox', { name: /^Result/ }), 'Not made sufficient progress');
  await user.click(screen.getByRole('button', { name: 'Save assessment' }));
  const table = await screen.findByRole('table', { name: 'Assessments' });
  await waitFor(() => expect(within(table).getByText('Not made sufficient progress')).toBeTruthy());
  const stored = (await t.api.call('assessment:list', { findingId: sw1.id })).items;
  expect(stored).toHaveLength(1);
  expect(stored[0]!.result).toBe('not_sufficient_progress');
});

test('deleting a milestone then Undo brings it back, without visiting the Bin', async () => {
  const user = userEvent.setup();
  const { action } = await planWithAction();
  await t.api.call('milestone:create', { actionId: action.id, title: 'QA framework agreed', dueOn: '2026-12-31' });
  renderOnWorkbook(<ActionScreen params={{ id: String(action.id) }} query={noQuery} />);
  await user.click(await screen.findByRole('button', { name: 'Move to Bin: milestone QA framework agreed' }));
  const notice = await screen.findByText('Milestone QA framework agreed moved to the Bin.');
  expect(notice).toBeTruthy();
  expect((await t.api.call('milestone:list', { actionId: action.id })).items).toHaveLength(0);
  // Focus is on Undo (the row and its button have gone), so Enter undoes.
  const undo = screen.getByRole('button', { name: 'Undo' });
  expect(document.activeElement).toBe(undo);
  await user.keyboard('{Enter}');
  expect(await screen.findByText('Undone')).toBeTruthy();
  expect((await t.api.call('milestone:list', { actionId: action.id })).items.map((m) => m.title)).toEqual(['QA framework agreed']);
  await waitFor(() => expect(within(screen.getByRole('table', { name: 'Milestones' })).getByText('QA framework agreed')).toBeTruthy());
  expect(document.activeElement).not.toBe(document.body);
});

test('unlinking evidence then Undo links it again, with its note', async () => {
  const user = userEvent.setup();
  const { action } = await planWithAction();
  const evidence = await t.api.call('evidence:create', { title: 'EHC plan audit summary', kind: 'audit', level: 'output' });
  await t.api.call('evidence:link', { evidenceId: evidence.id, target: { type: 'action', id: action.id }, note: 'Shows the audit cycle' });
  renderOnWorkbook(<EvidenceLinksPanel target={{ type: 'action', id: action.id }} />);
  await user.click(await screen.findByRole('button', { name: `Unlink ${evidence.reference} EHC plan audit summary` }));
  expect(await screen.findByText(`Unlinked ${evidence.reference} EHC plan audit summary.`)).toBeTruthy();
  expect(await t.api.call('evidence:links', { target: { type: 'action', id: action.id } })).toHaveLength(0);
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(async () => expect((await t.api.call('evidence:links', { target: { type: 'action', id: action.id } })).map((l) => l.note)).toEqual(['Shows the audit cycle']));
});

test("bulk verdict entry: a revisit's verdicts in one table, its date filled in, saved together", async () => {
  const user = userEvent.setup();
  const { sw1, sw2, revisit } = await inspectionWithWeaknesses();
  renderOnWorkbook(<EventScreen params={{ id: String(revisit.id) }} query={noQuery} />);
  await user.click(await screen.findByRole('button', { name: 'Enter verdicts' }));
  expect(((await screen.findByRole('textbox', { name: /Date of the verdicts/ })) as HTMLInputElement).value).toBe('25/11/2022');
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Verdict for SW1 EHC plan quality' }), 'Sufficient progress');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Verdict for SW2 Joint commissioning' }), 'Not made sufficient progress');
  await user.type(screen.getByRole('textbox', { name: 'Commentary for SW2 Joint commissioning' }), 'Too recent to have an impact.');
  await user.click(screen.getByRole('button', { name: 'Save 2 verdicts' }));
  expect(await screen.findByText('Saved: 2 verdicts')).toBeTruthy();
  const one = (await t.api.call('assessment:list', { findingId: sw1.id })).items;
  const two = (await t.api.call('assessment:list', { findingId: sw2.id })).items;
  expect(one).toEqual([expect.objectContaining({ result: 'sufficient_progress', assessedOn: '2022-11-25', eventId: revisit.id })]);
  expect(two).toEqual([expect.objectContaining({ result: 'not_sufficient_progress', commentary: 'Too recent to have an impact.' })]);
});

test('a failed save puts the error summary in focus, and its link moves focus to the field', async () => {
  const user = userEvent.setup();
  renderOnWorkbook(<EventForm />);
  await user.click(screen.getByRole('button', { name: 'Record inspection' }));
  const summary = await screen.findByRole('alert', { name: 'There is a problem' });
  await waitFor(() => expect(document.activeElement).toBe(summary));
  await user.click(within(summary).getByRole('link', { name: 'Enter title.' }));
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Title/ }));
});

test('closing an Add form with Cancel or Escape puts focus back on the button that opened it', async () => {
  const user = userEvent.setup();
  renderOnWorkbook(<SettingsScreen />);
  await user.click(await screen.findByRole('button', { name: 'Add a partner' }));
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Partner name/ }));
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a partner' })));
  await user.click(screen.getByRole('button', { name: 'Add a partner' }));
  await user.keyboard('{Escape}');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a partner' })));
});

test('History reads in words: field labels, names, UK dates, old → new, and the record linked', async () => {
  const { action } = await planWithAction();
  const lead = await t.api.call('person:create', { name: 'Jane Smith' });
  await t.api.call('action:update', { id: action.id, expectedVersion: action.version, status: 'delayed', dueOn: '2027-03-31', leadPersonId: lead.id });
  renderOnWorkbook(<HistoryScreen params={{ entity: 'action', id: String(action.id) }} query={noQuery} />);
  const changes = await screen.findByRole('list', { name: 'Changes, newest first' });
  const latest = within(changes).getAllByRole('listitem')[0]!;
  expect(within(latest).getByText('Changed 3 fields')).toBeTruthy();
  expect(within(latest).getByText('22/11/2026 10:00 by Test Officer')).toBeTruthy();
  expect(within(latest).getByText('Not started → Delayed')).toBeTruthy();
  expect(within(latest).getByText('Due date')).toBeTruthy();
  expect(within(latest).getByText('31/03/2027')).toBeTruthy();
  expect(within(latest).getByText('Lead officer')).toBeTruthy();
  expect(within(latest).getByText('Jane Smith')).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Action: Action 1.1 Quality assure EHC plans (Written Statement of Action 2019)' })).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/leadPersonId|not_started|2027-03-31/);
  await act(async () => {});
});
