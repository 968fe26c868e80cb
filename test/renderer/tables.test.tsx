// @vitest-environment jsdom
/** Sortable tables (issue #15): choosing a header sorts, says so (aria-sort and a status), reverses on a second choice, and is remembered. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataTable } from '../../renderer/components/data-table';
import { renderWithApp } from './render-app';

const rows = [
  { id: 1, name: 'Priya Shah', due: '2026-12-01' },
  { id: 2, name: 'Adam Jones', due: null },
  { id: 3, name: 'Zoe Brown', due: '2026-01-15' },
];

function Table() {
  return (
    <DataTable
      caption="People"
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { header: 'Name', rowHeader: true, sortValue: (r) => r.name, cell: (r) => r.name },
        { header: 'Due', sortValue: (r) => r.due, cell: (r) => r.due ?? '–' },
        { header: 'Note', cell: () => 'x' },
      ]}
    />
  );
}

const names = () => screen.getAllByRole('rowheader').map((c) => c.textContent);

beforeEach(() => window.sessionStorage.clear());

test('a header sorts its column, announces the order, and a second choice reverses it', async () => {
  const user = userEvent.setup();
  renderWithApp(<Table />);
  expect(names()).toEqual(['Priya Shah', 'Adam Jones', 'Zoe Brown']);
  const nameHeader = screen.getByRole('columnheader', { name: 'Name' });
  expect(nameHeader.getAttribute('aria-sort')).toBe('none');
  expect(screen.getByRole('columnheader', { name: 'Note' }).getAttribute('aria-sort')).toBeNull();
  await user.click(within(nameHeader).getByRole('button', { name: 'Name' }));
  expect(names()).toEqual(['Adam Jones', 'Priya Shah', 'Zoe Brown']);
  expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
  expect(screen.getByText('People sorted by Name, ascending.').getAttribute('role')).toBe('status');
  await user.click(within(nameHeader).getByRole('button', { name: 'Name' }));
  expect(names()).toEqual(['Zoe Brown', 'Priya Shah', 'Adam Jones']);
  expect(nameHeader.getAttribute('aria-sort')).toBe('descending');
});

test('empty values go last, and the chosen sort is remembered when the screen opens again', async () => {
  const user = userEvent.setup();
  const first = renderWithApp(<Table />);
  await user.click(screen.getByRole('button', { name: 'Due' }));
  expect(names()).toEqual(['Zoe Brown', 'Priya Shah', 'Adam Jones']);
  first.unmount();
  renderWithApp(<Table />);
  expect(names()).toEqual(['Zoe Brown', 'Priya Shah', 'Adam Jones']);
  expect(screen.getByRole('columnheader', { name: 'Due' }).getAttribute('aria-sort')).toBe('ascending');
});
