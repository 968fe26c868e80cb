// @vitest-environment jsdom
/**
 * Settings against a real workbook (dispatch as the transport): statistical neighbours by LA code
 * with the first-run set-up's rule and message; a workbook that still holds names opens, shows
 * them with a prompt to replace them, and keeps them while other settings are saved; and the
 * partner and people blocks (one shared component) add, edit, move to the Bin and undo.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { ChannelName } from '../../electron/contract/channels';
import { laCodeProblem } from '../../electron/contract/la-code';
import { ApiProvider } from '../../renderer/api/api-context';
import { confirmLeave } from '../../renderer/app/unsaved-changes';
import { WorkbookProvider } from '../../renderer/app/workbook-context';
import { clearNotices } from '../../renderer/components/notices';
import SettingsScreen from '../../renderer/screens/admin/settings-screen';
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

/** As a workbook made before neighbours had to be codes holds them: written straight to the file. */
function holdNames(names: string[]) {
  t.workbook.sqlite.prepare('UPDATE area_profile SET statistical_neighbours = ?').run(JSON.stringify(names));
}

test('a workbook holding neighbour names opens, shows them with a prompt, and keeps them while other settings are saved', async () => {
  holdNames(['Northmoor', 'E06000022', 'Castlebridge']);
  const user = userEvent.setup();
  renderOnWorkbook(<SettingsScreen />);
  const prompt = await screen.findByText(/Statistical neighbours are now kept by LA code/);
  expect(prompt.textContent).toMatch(/lists 2 by name: “Northmoor”, “Castlebridge”\. Replace each with its LA code/);
  const neighbours = screen.getByRole('textbox', { name: /^Statistical neighbours/ }) as HTMLTextAreaElement;
  expect(neighbours.value).toBe('Northmoor\nE06000022\nCastlebridge');

  const marking = screen.getByRole('textbox', { name: /^Protective marking/ });
  await user.clear(marking);
  await user.type(marking, 'OFFICIAL');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  await waitFor(async () => expect((await t.api.call('area:get', {})).protectiveMarking).toBe('OFFICIAL'));
  expect((await t.api.call('area:get', {})).statisticalNeighbours).toEqual(['Northmoor', 'E06000022', 'Castlebridge']);
});

test('a name typed as a neighbour is refused with the set-up’s message; codes are saved the standard way', async () => {
  const user = userEvent.setup();
  renderOnWorkbook(<SettingsScreen />);
  const neighbours = await screen.findByRole('textbox', { name: /^Statistical neighbours/ });
  expect(screen.queryByText(/Statistical neighbours are now kept by LA code/)).toBeNull();
  await user.type(neighbours, 'e06000022{Enter}Leeds');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  const message = laCodeProblem('Leeds', 'Statistical neighbour')!;
  expect(message).toMatch(/^Statistical neighbour “Leeds” is not an LA code: enter the 3-digit code/);
  expect((await screen.findAllByText(message)).length).toBeGreaterThan(0);
  expect((await t.api.call('area:get', {})).statisticalNeighbours).toEqual([]);

  await user.clear(neighbours);
  await user.type(neighbours, 'e06000022{Enter}878');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  await waitFor(async () => expect((await t.api.call('area:get', {})).statisticalNeighbours).toEqual(['E06000022', '878']));
});

test('partners: add, edit, move to the Bin and undo, through the shared block', async () => {
  const user = userEvent.setup();
  renderOnWorkbook(<SettingsScreen />);
  expect(await screen.findByText('No partners yet')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Add a partner' }));
  await user.type(screen.getByRole('textbox', { name: /^Partner name/ }), 'Testshire ICB');
  await user.click(screen.getByRole('button', { name: 'Add partner' }));
  const table = await screen.findByRole('table', { name: 'Partners' });
  await waitFor(() => expect(within(table).getByRole('rowheader', { name: 'Testshire ICB' })).toBeTruthy());

  await user.click(screen.getByRole('button', { name: 'Edit Testshire ICB' }));
  const name = await screen.findByRole('textbox', { name: /^Partner name/ });
  await user.clear(name);
  await user.type(name, 'NHS Testshire ICB');
  await user.click(screen.getByRole('button', { name: 'Save partner' }));
  await waitFor(() => expect(screen.getByRole('rowheader', { name: 'NHS Testshire ICB' })).toBeTruthy());

  await user.click(screen.getByRole('button', { name: 'Move to Bin: partner NHS Testshire ICB' }));
  expect(await screen.findByText('Partner NHS Testshire ICB moved to the Bin.')).toBeTruthy();
  expect((await t.api.call('partner:list', {})).items).toHaveLength(0);
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  expect(await screen.findByText('Undone')).toBeTruthy();
  expect((await t.api.call('partner:list', {})).items.map((p) => p.name)).toEqual(['NHS Testshire ICB']);
  await waitFor(() => expect(screen.getByRole('rowheader', { name: 'NHS Testshire ICB' })).toBeTruthy());
});

test('people: add with a partner, move to the Bin and undo, through the same block', async () => {
  const user = userEvent.setup();
  await t.api.call('partner:create', { name: 'Testshire County Council', kind: 'council' });
  renderOnWorkbook(<SettingsScreen />);
  expect(await screen.findByText('No people yet')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Add a person' }));
  await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Jane Smith');
  await user.type(screen.getByRole('textbox', { name: /^Role/ }), 'Head of SEND');
  await user.selectOptions(screen.getByRole('combobox', { name: /^Partner/ }), 'Testshire County Council');
  await user.click(screen.getByRole('button', { name: 'Add person' }));
  const table = await screen.findByRole('table', { name: 'People' });
  await waitFor(() => expect(within(table).getByRole('rowheader', { name: 'Jane Smith' })).toBeTruthy());
  expect(within(table).getByText('Testshire County Council')).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Move to Bin: Jane Smith' }));
  expect(await screen.findByText('Jane Smith moved to the Bin.')).toBeTruthy();
  expect((await t.api.call('person:list', {})).items).toHaveLength(0);
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  expect(await screen.findByText('Undone')).toBeTruthy();
  expect((await t.api.call('person:list', {})).items.map((p) => [p.name, p.partnerName])).toEqual([['Jane Smith', 'Testshire County Council']]);
});
