// @vitest-environment jsdom
/** Screens show loading, error, empty and data states in words an officer can act on. */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ChannelOutput } from '../../electron/contract/channels';
import EvidenceLibraryScreen from '../../renderer/screens/evidence/evidence-library-screen';
import OverviewScreen from '../../renderer/screens/overview/overview-screen';
import { ok, page, renderWithApp } from './render-app';

type Overview = ChannelOutput<'overview:get'>;

const share = (key: string, label: string, count: number, percent: number) => ({ key, label, count, percent });

const overview: Overview = {
  plan: { id: 1, title: 'Written Statement of Action', type: 'wsoa', status: 'approved', nextReviewOn: '2020-12-01' },
  asOf: '2020-11-22',
  milestones: { total: 66, byStatus: [share('achieved', 'Largely achieved', 33, 50), share('partially_achieved', 'Partially achieved and on track', 26, 39), share('not_achieved', 'Not achieved', 7, 11)] },
  actions: { total: 2, byStatus: [share('on_track', 'In progress, on track', 2, 100)] },
  rag: [share('red', 'Red', 1, 50), share('green', 'Green', 1, 50)],
  priorities: [
    {
      priorityId: 3,
      reference: '3',
      title: 'EHC plans',
      milestones: { total: 2, byStatus: [share('achieved', 'Largely achieved', 1, 50), share('not_achieved', 'Not achieved', 1, 50)] },
      actions: { total: 1, byStatus: [share('on_track', 'In progress, on track', 1, 100)] },
      rag: [share('red', 'Red', 1, 100)],
    },
  ],
  overdue: [{ kind: 'milestone', id: 9, actionId: 4, reference: '3.1', title: 'Clear the backlog', dueOn: '2020-10-31', daysOverdue: 22, ownerName: 'Head of SEND', priorityReference: '3', planId: 1 }],
  indicatorsOffTarget: [],
  counts: { evidence: 10, findings: 5, actions: 2, indicators: 0 },
};

const plans = () => page([]);

const gap: ChannelOutput<'report:coverage'>[number] = {
  targetType: 'finding',
  targetId: 3,
  label: 'SW3 EHC plan process and quality',
  total: 2,
  byKind: { audit: 2 },
  byLevel: { activity: 0, output: 2, impact: 0 },
  voicePresent: false,
  olderThanCutoff: 0,
  warnings: ['No evidence of impact: only activity or output.'],
};

test('Overview: loading, then the roll-up as officers write it, with overdue owners', async () => {
  let resolve!: (v: ReturnType<typeof ok<Overview>>) => void;
  renderWithApp(<OverviewScreen />, {
    'plan:list': plans,
    'overview:get': () => new Promise((r) => (resolve = r)),
    'report:coverage': () => ok([gap]),
  });
  expect(await screen.findByText('Working out the roll-up…')).toBeTruthy();
  resolve(ok(overview));
  expect(await screen.findByText('66 milestones: 33 (50%) largely achieved, 26 (39%) partially achieved and on track, 7 (11%) not achieved.')).toBeTruthy();
  const owner = screen.getByRole('link', { name: 'Head of SEND' });
  expect(owner.getAttribute('href')).toBe('#/actions/4');
  expect(screen.getByRole('link', { name: 'Milestone 3.1: Clear the backlog' })).toBeTruthy();
  // RAG is words as well as colour.
  expect(screen.getAllByText(/Red/).length).toBeGreaterThan(0);
  expect(screen.getByText('01/12/2020')).toBeTruthy();
  // Coverage gaps arrive in their own panel.
  expect(await screen.findByText('No evidence of impact: only activity or output.')).toBeTruthy();
  expect(screen.getByRole('link', { name: 'SW3 EHC plan process and quality' })).toBeTruthy();
});

test('Overview: with no plan yet, it says what to do next', async () => {
  renderWithApp(<OverviewScreen />, { 'plan:list': plans, 'overview:get': () => ok({ ...overview, plan: null }) });
  expect(await screen.findByText('No approved or published plan to follow yet')).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Action plans' })).toBeTruthy();
});

test('Overview: an error is shown with its message and can be retried', async () => {
  const user = userEvent.setup();
  let attempts = 0;
  renderWithApp(<OverviewScreen />, {
    'plan:list': plans,
    'overview:get': () => (++attempts === 1 ? { ok: false, error: { code: 'internal', message: 'The workbook server is not answering.' } } : ok(overview)),
    'report:coverage': () => ok([]),
  });
  expect(await screen.findByText('The workbook server is not answering.')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText(/^66 milestones/)).toBeTruthy();
});

const item = (id: number, title: string, level: string) => ({
  id, createdAt: '', updatedAt: '', version: 1, reference: `E-${String(id).padStart(3, '0')}`, title, kind: 'survey', level, summary: '', ownerPersonId: null, ownerName: null,
  effectiveFrom: '2026-01-01', effectiveTo: null, addedOn: '2026-02-01', location: '', containsPersonalData: id === 2, linkCount: 0,
});

test('Evidence library: empty library tells the officer how to start', async () => {
  renderWithApp(<EvidenceLibraryScreen params={{}} query={new URLSearchParams()} />, { 'person:list': () => page([]), 'evidence:list': () => page([]) });
  expect(await screen.findByText('The evidence library is empty')).toBeTruthy();
});

test('Evidence library: filters are sent to the contract, and no match says so', async () => {
  const user = userEvent.setup();
  const { calls } = renderWithApp(<EvidenceLibraryScreen params={{}} query={new URLSearchParams()} />, {
    'person:list': () => page([]),
    'evidence:list': (input) => (input.level === 'impact' ? page([]) : { ok: true, value: { items: [item(1, 'Parent survey', 'output'), item(2, 'Case file audit', 'impact')], total: 2 } }),
  });
  expect(await screen.findByText('2 items')).toBeTruthy();
  await user.selectOptions(screen.getByLabelText('Level'), 'impact');
  expect(await screen.findByText('Nothing matches these filters')).toBeTruthy();
  await waitFor(() => expect(calls.some((c) => c.channel === 'evidence:list' && (c.input as { level?: string }).level === 'impact')).toBe(true));
});
