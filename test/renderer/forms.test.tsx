// @vitest-environment jsdom
/** Forms validate as the officer types with the contract's own messages, show the server's field issues and conflicts, and guard unsaved work. */
import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hasUnsavedChanges, confirmLeave } from '../../renderer/app/unsaved-changes';
import { EventForm } from '../../renderer/screens/inspections/event-form';
import { ActionForm } from '../../renderer/screens/plans/action-form';
import { page, renderWithApp } from './render-app';

const event = {
  id: 7, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 3, kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Inspection 2019',
  notifiedOn: null, fieldworkStartOn: null, onsiteStartOn: '2019-09-30', onsiteEndOn: null, publishedOn: null, leadInspector: '', outcome: null, summary: '', findingCount: 0,
};

afterEach(() => {
  confirmLeave(() => true);
});

test('a mistyped date gets the contract message as soon as it is typed, and nothing is sent', async () => {
  const user = userEvent.setup();
  const { calls } = renderWithApp(<EventForm />);
  await user.type(screen.getByLabelText(/^On-site start/), '31/02/2019');
  expect(await screen.findByText('On-site start must be a date such as 22/11/2026.')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Record inspection' }));
  // The error summary (a link per field) and the message beside the field itself.
  const summary = await screen.findByRole('alert', { name: 'There is a problem' });
  expect(within(summary).getByRole('link', { name: 'Enter title.' })).toBeTruthy();
  expect(screen.getAllByText('Enter title.')).toHaveLength(2);
  expect(calls.filter((c) => c.channel === 'event:create')).toHaveLength(0);
});

test('a valid UK date is sent to the contract as an ISO date', async () => {
  const user = userEvent.setup();
  const { calls } = renderWithApp(<EventForm />, { 'event:create': (input) => ({ ok: true, value: { ...event, title: String(input.title) } }) });
  await user.type(screen.getByLabelText(/^Title/), 'Joint inspection, autumn 2019');
  await user.type(screen.getByLabelText(/^On-site start/), '30/9/2019');
  await user.click(screen.getByRole('button', { name: 'Record inspection' }));
  await waitFor(() => expect(calls.some((c) => c.channel === 'event:create')).toBe(true));
  const sent = calls.find((c) => c.channel === 'event:create')!.input as Record<string, unknown>;
  expect(sent.onsiteStartOn).toBe('2019-09-30');
  expect(sent.title).toBe('Joint inspection, autumn 2019');
});

test('field issues from the server appear under their fields', async () => {
  const user = userEvent.setup();
  renderWithApp(<EventForm />, {
    'event:create': () => ({ ok: false, error: { code: 'invalid_input', message: 'Choose a framework this workbook knows.', issues: [{ path: 'frameworkId', message: 'Choose a framework this workbook knows.' }] } }),
  });
  await user.type(screen.getByLabelText(/^Title/), 'Inspection');
  await user.click(screen.getByRole('button', { name: 'Record inspection' }));
  expect(await screen.findAllByText('Choose a framework this workbook knows.')).toHaveLength(2);
});

test('editing sends expectedVersion, and a conflict is explained rather than overwriting', async () => {
  const user = userEvent.setup();
  const { calls } = renderWithApp(<EventForm event={event} />, {
    'event:update': () => ({ ok: false, error: { code: 'conflict', message: 'Someone else changed this inspection after you opened it. Reload it, then make your changes again.' } }),
  });
  await user.type(screen.getByLabelText(/^Lead inspector/), 'HMI Jones');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByText('Changed elsewhere')).toBeTruthy();
  expect(screen.getByText(/Someone else changed this inspection/)).toBeTruthy();
  expect((calls.find((c) => c.channel === 'event:update')!.input as { expectedVersion: number }).expectedVersion).toBe(3);
});

test('unsaved changes are registered, so leaving asks first', async () => {
  const user = userEvent.setup();
  renderWithApp(<ActionForm priorityId={1} />, { 'person:list': () => page([]), 'partner:list': () => page([]) });
  expect(hasUnsavedChanges()).toBe(false);
  await user.type(screen.getByLabelText(/^What we will do/), 'Set up a board');
  expect(await screen.findByText('Unsaved changes')).toBeTruthy();
  expect(hasUnsavedChanges()).toBe(true);
  const asked: string[] = [];
  expect(confirmLeave((q) => (asked.push(q), false))).toBe(false);
  expect(asked[0]).toMatch(/not saved/);
});

test('forms are locked on a read-only workbook', () => {
  renderWithApp(<EventForm />, {}, { readOnly: true });
  expect((screen.getByLabelText(/^Title/) as HTMLInputElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Record inspection' }) as HTMLButtonElement).disabled).toBe(true);
});
