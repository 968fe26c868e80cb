// @vitest-environment jsdom
/** The Backups screen: status, back up now, and a restore that says a revert point was kept. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ChannelOutput } from '../../electron/contract/channels';
import BackupsScreen from '../../renderer/screens/admin/backups-screen';
import { ok, renderWithApp } from './render-app';

type Backup = ChannelOutput<'backup:list'>[number];

const backup = (fileName: string, takenAt: string, reason: Backup['reason'], reasonLabel: string): Backup => ({
  fileName,
  takenAt,
  reason,
  reasonLabel,
  sizeBytes: 3 * 1024 * 1024,
  usable: true,
  counts: { evidence: 19, actions: 31, findings: 5 },
});

test('shows when the last backup was taken, lists backups and restores one after confirmation', async () => {
  const user = userEvent.setup();
  const older = backup('demo-2026-11-21-open.workbook', '2026-11-21T09:00:00.000Z', 'open', 'When the workbook was opened');
  const { calls } = renderWithApp(<BackupsScreen />, {
    'backup:status': () => ok({ automatic: true, lastBackupAt: '2026-11-22T10:15:00.000Z', problem: null }),
    'backup:list': () => ok([older]),
    'backup:create': () => ok(backup('demo-now.workbook', '2026-11-22T11:00:00.000Z', 'manual', 'Taken by hand')),
    'backup:restore': () => ok({ restored: older, revertPoint: backup('demo-revert.workbook', '2026-11-22T11:01:00.000Z', 'before-restore', 'Before a restore') }),
  });
  expect(await screen.findByText(/Automatic backups are on\./)).toBeTruthy();
  expect(screen.getByText(/Last backup: 22\/11\/2026/)).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Back up now' }));
  expect(await screen.findByText(/Backup taken at 22\/11\/2026/)).toBeTruthy();

  const table = screen.getByRole('table', { name: /Backups, newest first/ });
  expect(within(table).getByText('When the workbook was opened')).toBeTruthy();
  await user.click(within(table).getByRole('button', { name: /Restore the backup of 21\/11\/2026/ }));
  // Fluent marks the dialog aria-hidden for a moment while its focus trap settles in jsdom, so
  // look inside it regardless of that transient state.
  const dialog = await screen.findByRole('dialog', { hidden: true });
  expect(await within(dialog).findByText(/saved first as a revert point/)).toBeTruthy();
  await user.click(await within(dialog).findByRole('button', { name: 'Restore', hidden: true }));
  expect(await screen.findByText(/What you have now is kept|What you had before is kept as a revert point/)).toBeTruthy();
  expect(calls.filter((c) => c.channel === 'backup:restore').map((c) => c.input)).toEqual([{ fileName: older.fileName }]);
});

test('says what to do when there are no backups yet, and shows a backup problem in words', async () => {
  renderWithApp(<BackupsScreen />, {
    'backup:status': () => ok({ automatic: true, lastBackupAt: null, problem: 'The last automatic backup failed: the disk is nearly full.' }),
    'backup:list': () => ok([]),
  });
  expect(await screen.findByText('No backups yet')).toBeTruthy();
  expect(screen.getByText(/the disk is nearly full/)).toBeTruthy();
});
