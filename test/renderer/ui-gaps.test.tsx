// @vitest-environment jsdom
/**
 * The screens behind issue 3's last gaps, run against a real workbook (dispatch as the transport):
 * owning partners on a finding, editing and binning targets and sign-offs, the evidence pack and
 * user guide from the desktop menu.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync } from 'fflate';
import type { ReactElement } from 'react';
import type { ChannelName } from '../../electron/contract/channels';
import type { MenuAction, SaveFileRequest, WorkbookShell } from '../../electron/contract/shell-api';
import { ApiProvider } from '../../renderer/api/api-context';
import { MenuActions } from '../../renderer/app/menu-actions';
import { confirmLeave } from '../../renderer/app/unsaved-changes';
import { WorkbookProvider } from '../../renderer/app/workbook-context';
import { clearNotices } from '../../renderer/components/notices';
import HelpScreen from '../../renderer/screens/help/help-screen';
import IndicatorScreen from '../../renderer/screens/indicators/indicator-screen';
import FindingScreen from '../../renderer/screens/inspections/finding-screen';
import SefScreen from '../../renderer/screens/sef/sef-screen';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { reference, workbookState } from './render-app';

let t: TestWorkbook;
const confirms: string[] = [];

beforeEach(() => {
  t = makeTestWorkbook();
  confirms.length = 0;
  vi.spyOn(window, 'confirm').mockImplementation((q) => (confirms.push(String(q)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  clearNotices();
  delete window.workbookShell;
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

const framework = reference.frameworks.find((f) => f.id === 'joint-2016')!;

async function aFinding() {
  const event = await t.api.call('event:create', { kind: 'full_inspection', frameworkId: framework.id, title: 'Joint inspection 2019', onsiteStartOn: '2019-09-30' });
  return t.api.call('finding:create', { eventId: event.id, type: framework.findingTypes[0]!.id, reference: 'SW1', title: 'Weak strategic leadership' });
}

test('a finding shows no owner until partners are ticked, then lists them and keeps them', async () => {
  const user = userEvent.setup();
  await t.api.call('partner:create', { name: 'Bristol City Council', kind: 'council' });
  const icb = await t.api.call('partner:create', { name: 'BNSSG ICB', kind: 'health' });
  const finding = await aFinding();
  renderOnWorkbook(<FindingScreen params={{ id: String(finding.id) }} query={new URLSearchParams()} />);

  expect(await screen.findByText(/No partner chosen yet/)).toBeTruthy();
  await user.click(await screen.findByRole('button', { name: 'Edit' }));
  const group = await screen.findByRole('group', { name: 'Partners who own it' });
  await user.click(within(group).getByRole('checkbox', { name: 'BNSSG ICB' }));
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  const owners = await screen.findByRole('list', { name: 'Partners who own this finding' });
  expect(within(owners).getByText('BNSSG ICB')).toBeTruthy();
  expect((await t.api.call('finding:get', { id: finding.id })).partnerIds).toEqual([icb.id]);
});

test('a target can be corrected, and moving it to the Bin says it can be restored', async () => {
  const user = userEvent.setup();
  const indicator = await t.api.call('indicator:create', { title: 'EHC plans issued within 20 weeks' });
  await t.api.call('target:create', { indicatorId: indicator.id, periodLabel: '2025/26', targetValue: 60 });
  renderOnWorkbook(<IndicatorScreen params={{ id: String(indicator.id) }} query={new URLSearchParams()} />);

  await user.click(await screen.findByRole('button', { name: 'Edit the target for 2025/26' }));
  const form = await screen.findByRole('form', { name: 'Edit the target for 2025/26' });
  const value = within(form).getByLabelText(/^Target/);
  await user.clear(value);
  await user.type(value, '75');
  await user.click(within(form).getByRole('button', { name: 'Save changes' }));
  await waitFor(async () => expect((await t.api.call('target:list', { indicatorId: indicator.id }))[0]!.targetValue).toBe(75));

  await user.click(await screen.findByRole('button', { name: 'Move to Bin: the target for 2025/26' }));
  // No native confirm() any more (issue #15): it goes at once and the notice offers Undo.
  expect(confirms).toEqual([]);
  expect(await screen.findByText('The target for 2025/26 moved to the Bin.')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
  await waitFor(async () => expect(await t.api.call('target:list', { indicatorId: indicator.id })).toEqual([]));
  expect((await t.api.call('bin:list', {})).items.map((b) => b.label)).toEqual([expect.stringContaining('2025/26')]);
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Edit the target for 2025/26' })).toBeNull());
});

test('a sign-off can be corrected and moved to the Bin', async () => {
  const user = userEvent.setup();
  const sef = await t.api.call('sef:create', { title: 'SEF autumn 2026', frameworkId: 'joint-2016', scaleId: reference.scales[0]!.id, asOf: '2026-11-01' });
  await t.api.call('signoff:create', { sefId: sef.id, signatoryName: 'Jo Smith', signedOn: null });
  renderOnWorkbook(<SefScreen params={{ id: String(sef.id) }} query={new URLSearchParams()} />);

  await user.click(await screen.findByRole('button', { name: 'Edit the sign-off by Jo Smith' }));
  const form = await screen.findByRole('form', { name: 'Edit the sign-off by Jo Smith' });
  await user.type(within(form).getByLabelText(/^Date signed/), '20/11/2026');
  await user.click(within(form).getByRole('button', { name: 'Save changes' }));
  expect(await screen.findByText('20/11/2026')).toBeTruthy();
  expect((await t.api.call('signoff:list', { sefId: sef.id }))[0]!.signedOn).toBe('2026-11-20');

  await user.click(screen.getByRole('button', { name: 'Move to Bin: the sign-off by Jo Smith' }));
  expect(confirms).toEqual([]);
  expect(await screen.findByText('The sign-off by Jo Smith moved to the Bin.')).toBeTruthy();
  expect(await screen.findByText('Not signed off yet')).toBeTruthy();
});

function fakeShell(saved: SaveFileRequest[]): { fire(a: MenuAction): void } {
  let listener: ((a: MenuAction) => void) | null = null;
  const shell: Partial<WorkbookShell> = {
    onMenu: (cb) => ((listener = cb), () => (listener = null)),
    saveFile: async (file) => (saved.push(file), { ok: true, value: { fileName: file.fileName } }),
  };
  window.workbookShell = shell as WorkbookShell;
  return { fire: (a) => listener?.(a) };
}

test('File > Export > Evidence pack builds the zip with its index and hands it to the Save dialog', async () => {
  const saved: SaveFileRequest[] = [];
  const shell = fakeShell(saved);
  await t.api.call('evidence:create', { title: 'SEND board minutes', kind: 'document', level: 'activity' });
  renderOnWorkbook(<MenuActions />);
  shell.fire('export:evidence-pack');
  expect(await screen.findByText(/^Saved .*\.zip: 1 evidence item, 0 files\.$/, {}, { timeout: 5000 })).toBeTruthy();
  expect(saved).toHaveLength(1);
  expect(saved[0]!.mimeType).toBe('application/zip');
  expect(Object.keys(unzipSync(Buffer.from(saved[0]!.base64, 'base64')))).toContain('index.html');
});

test('Help > User guide opens the guide, which has a heading for every topic', async () => {
  const shell = fakeShell([]);
  renderOnWorkbook(<MenuActions />);
  shell.fire('help:guide');
  await waitFor(() => expect(window.location.hash).toBe('#/help'));

  renderOnWorkbook(<HelpScreen />);
  expect(screen.getByRole('heading', { level: 1, name: 'User guide' })).toBeTruthy();
  for (const topic of ['What each screen is for', 'Using the keyboard', 'Documents you can export', 'Returns from partners', 'The Bin and History', 'Backups']) {
    expect(screen.getByRole('heading', { level: 2, name: topic })).toBeTruthy();
  }
  expect(screen.getByRole('table', { name: 'Keyboard shortcuts' }).textContent).toContain('Quick find');
});
