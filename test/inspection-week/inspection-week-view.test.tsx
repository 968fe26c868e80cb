// @vitest-environment jsdom
/**
 * The Inspection week screen over the real contract (in-process dispatch): an officer enters the
 * notification date, sees the timeline, logs and answers a request, is refused a real name as a
 * pseudonym, and builds the pack.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { InspectionWeekView } from '../../renderer/features/inspection-week/inspection-week-view';
import type { SavedFile } from '../../renderer/features/inspection-week/evidence-pack-panel';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { makeEvent } from './fixtures';

// jsdom has no ResizeObserver; Fluent's MessageBar only uses it to reflow long messages.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

let t: TestWorkbook;
afterEach(() => {
  cleanup();
  t?.cleanup();
});

describe('Inspection week screen', () => {
  it('walks through notification, a request answered with evidence, a refused pseudonym and the pack', async () => {
    t = makeTestWorkbook({ now: '2026-11-18T09:00:00Z' });
    const event = await makeEvent(t);
    const evidence = await t.api.call('evidence:create', { title: 'Timeliness dashboard', kind: 'data_report', level: 'output' });
    const saved: SavedFile[] = [];
    const user = userEvent.setup({ delay: null });
    render(
      <FluentProvider theme={webLightTheme}>
        <InspectionWeekView client={t.api} eventId={event.id} saveFile={async (f) => (saved.push(f), null)} />
      </FluentProvider>,
    );

    await user.type(await screen.findByLabelText(/Date Ofsted called/), '16/11/2026');
    await user.click(screen.getByRole('button', { name: 'Lay out the timeline' }));
    const timeline = await screen.findByRole('list', { name: 'Inspection timeline' });
    expect(within(timeline).getByText('30/11/2026')).toBeTruthy();
    expect(screen.getByText(/Working day 2 since notification: 8 working days until inspectors are on site on 30\/11\/2026\./)).toBeTruthy();

    await user.type(screen.getByLabelText(/What was asked for/), 'EHC plan timeliness by month');
    await user.type(screen.getByLabelText(/^Due/), '18/11/2026 16:00');
    await user.click(screen.getByRole('button', { name: 'Log request' }));
    const table = await screen.findByRole('table', { name: 'Requests from inspectors' });
    expect(within(table).getByText('R-01')).toBeTruthy();

    await user.click(within(table).getByRole('button', { name: 'Answer R-01' }));
    await user.type(await screen.findByLabelText(/^Response/), 'Dashboard sent.');
    await user.click(await screen.findByRole('checkbox', { name: `${evidence.reference} Timeliness dashboard` }));
    await user.click(screen.getByRole('button', { name: 'Save answer' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Requests from inspectors' })).getByText('Answered')).toBeTruthy());

    await user.type(screen.getByLabelText(/^Pseudonym/), 'Jane Smith');
    await user.click(screen.getByRole('button', { name: 'Add tracked child' }));
    expect(await screen.findByText(/“Jane Smith” looks like a person's name/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Build evidence pack' }));
    await waitFor(() => expect(saved.map((f) => f.fileName)).toContain('Evidence pack 2026-11-18.zip'));
    expect(await screen.findByText(/Saved Evidence pack 2026-11-18\.zip: 1 evidence item, 0 files\./)).toBeTruthy();
  });
});
