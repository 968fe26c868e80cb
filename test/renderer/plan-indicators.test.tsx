// @vitest-environment jsdom
/**
 * Issue #17 on an indicator's page, against a real workbook (dispatch as the transport): link the
 * indicator to a plan from the select, see "Saved", unlink it and Undo.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { ChannelName } from '../../electron/contract/channels';
import { ApiProvider } from '../../renderer/api/api-context';
import { WorkbookProvider } from '../../renderer/app/workbook-context';
import { clearNotices } from '../../renderer/components/notices';
import IndicatorScreen from '../../renderer/screens/indicators/indicator-screen';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { workbookState } from './render-app';

let t: TestWorkbook;
beforeEach(() => {
  t = makeTestWorkbook();
});
afterEach(() => {
  clearNotices();
  t.cleanup();
});

function renderOnWorkbook(ui: ReactElement, readOnly = false) {
  const transport = (channel: ChannelName, input: unknown) => t.dispatch(channel, input);
  return render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider transport={transport}>
        <WorkbookProvider value={workbookState({ readOnly })}>{ui}</WorkbookProvider>
      </ApiProvider>
    </FluentProvider>,
  );
}

const linkedPlans = async (indicatorId: number) => (await t.api.call('plan:indicators', { indicatorId })).map((l) => l.planId);

test('an indicator is linked to a plan from its page, announced, then unlinked and undone', async () => {
  const user = userEvent.setup();
  const wsoa = await t.api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action 2019' });
  await t.api.call('plan:create', { type: 'app', title: 'Accelerated Progress Plan' });
  const indicator = await t.api.call('indicator:create', { code: 'K1', title: 'EHC plans issued within 20 weeks' });
  renderOnWorkbook(<IndicatorScreen params={{ id: String(indicator.id) }} query={new URLSearchParams()} />);

  const section = await screen.findByRole('region', { name: 'Plans tracking this indicator' });
  expect(await within(section).findByText(/No plan tracks this indicator yet/)).toBeTruthy();
  const link = within(section).getByRole('button', { name: 'Link to a plan' });
  expect(link.hasAttribute('disabled') || link.getAttribute('aria-disabled') === 'true').toBe(true);

  const select = within(section).getByRole('combobox', { name: 'Plan to link' });
  await user.selectOptions(select, 'Written Statement of Action 2019');
  await user.click(link);
  expect(await screen.findByText('Saved: linked to Written Statement of Action 2019')).toBeTruthy();
  expect(await linkedPlans(indicator.id)).toEqual([wsoa.id]);
  expect(await within(section).findByRole('link', { name: 'Written Statement of Action 2019' })).toBeTruthy();
  // A linked plan is no longer offered.
  await waitFor(() => expect(within(select).queryByRole('option', { name: 'Written Statement of Action 2019' })).toBeNull());

  await user.click(within(section).getByRole('button', { name: 'Unlink Written Statement of Action 2019' }));
  expect(await screen.findByText('Unlinked Written Statement of Action 2019.')).toBeTruthy();
  expect(await linkedPlans(indicator.id)).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(async () => expect(await linkedPlans(indicator.id)).toEqual([wsoa.id]));
});

test('a read-only workbook lists the plans but offers no linking', async () => {
  const plan = await t.api.call('plan:create', { type: 'app', title: 'Accelerated Progress Plan' });
  const indicator = await t.api.call('indicator:create', { title: 'Persistent absence' });
  await t.api.call('plan:linkIndicator', { planId: plan.id, indicatorId: indicator.id });
  renderOnWorkbook(<IndicatorScreen params={{ id: String(indicator.id) }} query={new URLSearchParams()} />, true);
  const section = await screen.findByRole('region', { name: 'Plans tracking this indicator' });
  expect(await within(section).findByRole('link', { name: 'Accelerated Progress Plan' })).toBeTruthy();
  expect(within(section).queryByRole('button', { name: /Unlink|Link to a plan/ })).toBeNull();
});
