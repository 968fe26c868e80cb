// @vitest-environment jsdom
/**
 * The cross-field date rules reach the form (issue #13): the contract's own refinement puts the
 * message, naming both fields and dates, beside the field, and nothing is sent.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EventForm } from '../../renderer/screens/inspections/event-form';
import { renderWithApp } from '../renderer/render-app';

const MESSAGE = 'The on-site end (07/11/2022) is before the on-site start (09/11/2022). The on-site end must be on or after the on-site start: change one of them.';

test('an on-site end before the start is shown at the field, naming both dates, and not sent', async () => {
  const user = userEvent.setup();
  const { calls } = renderWithApp(<EventForm />);
  await user.type(screen.getByLabelText(/^Title/), 'Revisit');
  await user.type(screen.getByLabelText(/^On-site start/), '09/11/2022');
  await user.type(screen.getByLabelText(/^On-site end/), '07/11/2022');
  await user.click(screen.getByRole('button', { name: 'Record inspection' }));
  // In the error summary and beside the On-site end field itself.
  await waitFor(() => expect(screen.getAllByText(MESSAGE)).toHaveLength(2));
  expect(calls.filter((c) => c.channel === 'event:create')).toHaveLength(0);
});
