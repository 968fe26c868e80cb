// @vitest-environment jsdom
/**
 * The Inspections screen's letter import (issue #16, part 3), over a real workbook through
 * dispatch: paste a revisit letter, see the summary mismatch and each weakness with its verdict and
 * matched finding, correct a verdict, import; the findings carry the verdicts chosen.
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
import { AREA_SEND_REPORT, INITIAL_LETTER, MISMATCHED_REVISIT_LETTER } from './letters-fixtures';

let t: TestWorkbook;
beforeEach(() => {
  t = makeTestWorkbook();
});
afterEach(() => {
  cleanup();
  t.cleanup();
});

test('paste a revisit letter, see the mismatch, correct a verdict and import', async () => {
  const initial = await t.api.call('letter:preview', { source: { text: INITIAL_LETTER } });
  const first = await t.api.call('letter:apply', proposalOf(initial, { text: INITIAL_LETTER }));
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
  fireEvent.change(screen.getByRole('textbox', { name: /paste the letter/i }), { target: { value: MISMATCHED_REVISIT_LETTER } });
  await user.click(screen.getByRole('button', { name: 'Preview the pasted text' }));
  await screen.findByRole('heading', { name: /Preview: revisit letter/ });
  expect(screen.getByText(/does NOT agree with the verdicts below/)).toBeTruthy();
  expect(screen.getByText(/summary says sufficient progress on 3 of 4/)).toBeTruthy();
  expect((screen.getByRole('textbox', { name: 'On site from' }) as HTMLInputElement).value).toBe('04/02/2019');

  const groups = screen.getAllByRole('group', { name: /^Weakness \d$/ });
  expect(groups).toHaveLength(4);
  const verdict2 = within(groups[1]!).getByRole('combobox', { name: /Verdict/ }) as HTMLSelectElement;
  expect(verdict2.value).toBe('not_sufficient_progress');
  const match1 = within(groups[0]!).getByRole('combobox', { name: /Finding of the initial inspection/ }) as HTMLSelectElement;
  expect(match1.selectedOptions[0]!.textContent).toMatch(/^SW1 /);
  await user.selectOptions(verdict2, 'sufficient_progress');

  await user.click(screen.getByRole('button', { name: 'Import' }));
  await waitFor(() => expect(screen.queryByRole('heading', { name: /Preview/ })).toBeNull());
  const findings = (await t.api.call('finding:list', { eventId: first.eventId })).items;
  expect(findings.map((f) => f.latestAssessment?.result)).toEqual(['sufficient_progress', 'sufficient_progress', 'sufficient_progress', 'not_sufficient_progress']);
  expect((await t.api.call('event:list', { kind: 'revisit' })).total).toBe(1);
});

test('text that is not a letter is refused in words, and nothing is offered for import', async () => {
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
  fireEvent.change(screen.getByRole('textbox', { name: /paste the letter/i }), { target: { value: 'Agenda: SEND board, 3 March. Ofsted update.' } });
  await user.click(screen.getByRole('button', { name: 'Preview the pasted text' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/does not look like a 2016-framework/);
  expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
});

test('an Area SEND report shows its outcome verbatim and the partners named, which can be changed', async () => {
  const council = await t.api.call('partner:create', { name: 'Testshire County Council', kind: 'council' });
  const icb = await t.api.call('partner:create', { name: 'NHS Testshire ICB', kind: 'health' });
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
  fireEvent.change(screen.getByRole('textbox', { name: /paste the letter/i }), { target: { value: AREA_SEND_REPORT } });
  await user.click(screen.getByRole('button', { name: 'Preview the pasted text' }));
  await screen.findByRole('heading', { name: 'Preview: Area SEND report' });
  expect(screen.getByText(/^Outcome: “There are widespread and\/or systemic failings/)).toBeTruthy();
  const findings = screen.getAllByRole('group', { name: /^Finding \d$/ });
  expect(findings).toHaveLength(4);
  const second = within(findings[1]!);
  expect((second.getByRole('checkbox', { name: 'NHS Testshire ICB' }) as HTMLInputElement).checked).toBe(true);
  expect((second.getByRole('checkbox', { name: 'Testshire County Council' }) as HTMLInputElement).checked).toBe(false);
  await user.click(second.getByRole('checkbox', { name: 'Testshire County Council' }));
  await user.click(screen.getByRole('button', { name: 'Import' }));
  await waitFor(() => expect(screen.queryByRole('heading', { name: /Preview/ })).toBeNull());
  const event = (await t.api.call('event:list', {})).items[0]!;
  expect(event.outcome).toBe('widespread_failings');
  const saved = (await t.api.call('finding:list', { eventId: event.id })).items;
  expect(saved[1]!.type).toBe('area_for_priority_action');
  expect([...saved[1]!.partnerIds].sort()).toEqual([council.id, icb.id].sort());
});
