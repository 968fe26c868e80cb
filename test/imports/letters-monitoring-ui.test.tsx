// @vitest-environment jsdom
/**
 * The letter import with an Area SEND monitoring inspection letter (issue #16), over a real
 * workbook through dispatch: the preview names the kind, shows a summary that disagrees with the
 * verdicts, each area for priority action with its verdict (in the letter's words) and the
 * report's finding it matches; a corrected verdict is what lands on the finding.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider } from '../../renderer/api/api-context';
import { WorkbookProvider } from '../../renderer/app/workbook-context';
import { LetterImportSection } from '../../renderer/features/letter-import/letter-import';
import { proposalOf } from '../../electron/transports/cli/commands/letters';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { workbookState } from '../renderer/render-app';
import { AREA_SEND_REPORT } from './letters-fixtures';
import { MISMATCHED_MONITORING_LETTER } from './letters-monitoring-fixtures';

let t: TestWorkbook;
beforeEach(() => {
  t = makeTestWorkbook();
});
afterEach(() => {
  cleanup();
  t.cleanup();
});

test('paste a monitoring letter, see the mismatch and the matches, correct a verdict and import', async () => {
  const report = await t.api.call('letter:apply', proposalOf(await t.api.call('letter:preview', { source: { text: AREA_SEND_REPORT } }), { text: AREA_SEND_REPORT }));
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider transport={(channel, input) => t.dispatch(channel, input)}>
        <WorkbookProvider value={workbookState()}>
          <LetterImportSection />
        </WorkbookProvider>
      </ApiProvider>
    </FluentProvider>,
  );
  await user.click(screen.getByRole('button', { name: /Import an inspection letter/ }));
  fireEvent.change(screen.getByRole('textbox', { name: /paste the letter/i }), { target: { value: MISMATCHED_MONITORING_LETTER } });
  await user.click(screen.getByRole('button', { name: 'Preview the pasted text' }));
  await screen.findByRole('heading', { name: 'Preview: Area SEND monitoring inspection letter' });
  expect(screen.getByText(/does NOT agree with the verdicts below/)).toBeTruthy();
  expect(screen.getByText(/summary says sufficient progress on 2 of 2 areas for priority action/)).toBeTruthy();
  expect((screen.getByRole('textbox', { name: 'On site from' }) as HTMLInputElement).value).toBe('03/03/2025');

  const groups = screen.getAllByRole('group', { name: /^Area for priority action \d$/ });
  expect(groups).toHaveLength(2);
  const verdict2 = within(groups[1]!).getByRole('combobox', { name: /Verdict/ }) as HTMLSelectElement;
  expect(verdict2.selectedOptions[0]!.textContent).toBe('Insufficient progress');
  const match2 = within(groups[1]!).getByRole('combobox', { name: /Area for priority action of the earlier inspection/ }) as HTMLSelectElement;
  expect(match2.selectedOptions[0]!.textContent).toMatch(/^APA2 /);
  expect(within(groups[0]!).getByText(/The letter says: “The local area partnership has made sufficient progress/)).toBeTruthy();
  await user.selectOptions(verdict2, 'sufficient_progress');

  await user.click(screen.getByRole('button', { name: 'Import' }));
  await waitFor(() => expect(screen.queryByRole('heading', { name: /Preview/ })).toBeNull());
  const findings = (await t.api.call('finding:list', { eventId: report.eventId, type: 'area_for_priority_action' })).items;
  expect(findings.map((f) => f.latestAssessment?.result)).toEqual(['improved', 'improved']);
  expect((await t.api.call('event:list', { kind: 'monitoring_inspection' })).total).toBe(1);
});
