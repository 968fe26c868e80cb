// @vitest-environment jsdom
/** The Ctrl+K palette and the files panel, over a real workbook through the contract (no mocks of the server). */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvidenceFilesPanel } from '../../renderer/features/evidence-files/evidence-files-panel';
import { SearchPalette } from '../../renderer/features/search/search-palette';
import { attach, fileTestWorkbook, newEvidence } from '../files/helpers';
import { utf8 } from '../files/fixtures';

// jsdom has no layout: Fluent's dialog and message bars observe sizes.
class QuietResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in window)) (window as unknown as { ResizeObserver: unknown }).ResizeObserver = QuietResizeObserver;

let t: ReturnType<typeof fileTestWorkbook>;
beforeEach(() => {
  t = fileTestWorkbook();
});
afterEach(() => {
  cleanup();
  t.cleanup();
});

test('Ctrl+K opens quick find; typing shows highlighted results; Enter opens the first', async () => {
  await newEvidence(t, 'Exclusions data <img src=x onerror=alert(1)>');
  const user = userEvent.setup();
  const opened: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <SearchPalette client={t.api} navigate={(p) => opened.push(p)} />
    </FluentProvider>,
  );
  await user.keyboard('{Control>}k{/Control}');
  const box = await screen.findByRole('combobox', { name: 'Search the workbook', hidden: true });
  await user.type(box, 'exclu');
  // jsdom leaves Fluent's dialog marked aria-hidden while it animates in, so query hidden nodes too.
  const list = await screen.findByRole('listbox', { hidden: true });
  await waitFor(() => expect(within(list).getAllByRole('option', { hidden: true })).toHaveLength(1));
  const mark = list.querySelector('mark')!;
  expect(mark.textContent).toBe('Exclusions');
  expect(list.querySelector('img')).toBeNull();
  expect(list.textContent).toContain('<img src=x onerror=alert(1)>');
  await user.keyboard('{Enter}');
  expect(opened).toEqual(['/evidence/1']);
});

test('the files panel lists files with type, size and date, and removes to the Bin', async () => {
  const item = await newEvidence(t);
  await attach(t, item.id, 'survey.csv', utf8('a,b\n1,2\n'));
  const user = userEvent.setup();
  window.confirm = () => true;
  render(
    <FluentProvider theme={webLightTheme}>
      <EvidenceFilesPanel client={t.api} evidenceId={item.id} readOnly={false} />
    </FluentProvider>,
  );
  const table = await screen.findByRole('table', { name: 'Attached files' });
  expect(within(table).getByText('survey.csv')).toBeTruthy();
  expect(within(table).getByText('CSV data')).toBeTruthy();
  expect(within(table).getByText('22/11/2026')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Remove survey.csv (to the Bin)' }));
  expect(await screen.findByText('survey.csv moved to the Bin.')).toBeTruthy();
  expect(await screen.findByText('No files attached yet.')).toBeTruthy();
});
