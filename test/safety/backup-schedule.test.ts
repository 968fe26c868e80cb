import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BackupScheduler, startBackupScheduler } from '../../electron/core/safety/backup-scheduler';
import { listBackups } from '../../electron/core/safety/backup-store';
import { backupsToDelete, DEFAULT_RETENTION, type RetainedCandidate } from '../../electron/core/safety/retention';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { FakeTimer } from './fake-timer';

const MINUTE = 60_000;
let t: TestWorkbook;
let timer: FakeTimer;
let backupsDir: string;

beforeEach(() => {
  t = makeTestWorkbook({ now: '2026-11-22T09:00:00Z' });
  timer = new FakeTimer(Date.parse('2026-11-22T09:00:00Z'));
  backupsDir = path.join(t.dir, 'backups');
});
afterEach(() => t.cleanup());

async function addPartner(name: string) {
  await t.api.call('partner:create', { name, kind: 'council' });
}

test('backs up on open, then every 15 minutes only while there are changes not yet backed up', async () => {
  const scheduler = new BackupScheduler(t.session, { timer, backupsDir });
  scheduler.start();
  await scheduler.idle();
  expect(listBackups(backupsDir).map((b) => b.reason)).toEqual(['open']);

  timer.advance(15 * MINUTE); // nothing changed
  await scheduler.idle();
  expect(listBackups(backupsDir)).toHaveLength(1);

  await addPartner('Bristol City Council');
  timer.advance(14 * MINUTE); // not yet time
  await scheduler.idle();
  expect(listBackups(backupsDir)).toHaveLength(1);

  timer.advance(1 * MINUTE);
  await scheduler.idle();
  const backups = listBackups(backupsDir);
  expect(backups.map((b) => b.reason)).toEqual(['scheduled', 'open']);
  expect(backups[0]!.takenAt.toISOString()).toBe('2026-11-22T09:30:00.000Z');

  timer.advance(15 * MINUTE); // the change is already in a backup
  await scheduler.idle();
  expect(listBackups(backupsDir)).toHaveLength(2);

  scheduler.stop();
  expect(timer.activeIntervals).toBe(0);
});

test('a backup holds the workbook as it was, and the listing counts what is in it', async () => {
  await t.api.call('evidence:create', { title: 'SEND JSNA 2026', kind: 'document', level: 'output' });
  const stop = startBackupScheduler(t.session, { timer, backupsDir });
  const made = await t.api.call('backup:create', {});
  expect(made.reason).toBe('manual');
  expect(made.counts).toEqual({ evidence: 1, actions: 0, findings: 0 });
  expect(made.fileName).toMatch(/^test-2026-11-22T09-00-00-000Z-manual\.workbook$/);
  const listed = await t.api.call('backup:list', {});
  expect(listed.map((b) => b.reason)).toContain('manual');
  expect(JSON.stringify(listed)).not.toContain(t.dir); // folders never cross to the renderer
  stop();
  // The backup taken on open may still be checking its copy in a worker: let it finish before the
  // folder is removed (it raced the clean-up: "ENOTEMPTY … backups").
  await stop.scheduler.idle();
});

test('writes nothing and says so plainly when the disk is short', async () => {
  const scheduler = new BackupScheduler(t.session, { timer, backupsDir, freeSpace: () => 10 * 1024 * 1024, onError: () => {} });
  scheduler.start();
  await scheduler.idle();
  expect(scheduler.lastError?.message).toMatch(/not enough free disk space for a backup .*Nothing in your workbook has been lost/);
  expect(readdirSync(backupsDir)).toEqual([]);
  scheduler.stop();
});

test('retention over 36 days of work keeps the newest 10 plus one a day for 30 days', async () => {
  const scheduler = new BackupScheduler(t.session, { timer, backupsDir, intervalMs: 24 * 60 * MINUTE });
  scheduler.start();
  await scheduler.idle();
  // A change a day, each caught by a daily schedule, for 36 days (the 15-minute rule is tested above).
  for (let i = 0; i < 36; i++) {
    t.setNow(timer.now().toISOString());
    await addPartner(`Partner ${i}`);
    timer.advance(24 * 60 * MINUTE);
    await scheduler.idle();
  }
  scheduler.stop();
  const kept = listBackups(backupsDir);
  const now = timer.now();
  const newest10 = kept.slice(0, 10);
  expect(newest10.every((b) => now.getTime() - b.takenAt.getTime() <= 10 * 86_400_000)).toBe(true);
  const days = new Set(kept.map((b) => b.takenAt.toISOString().slice(0, 10)));
  expect(days.size).toBe(31); // today and each of the previous 30 days
  expect(kept).toHaveLength(31); // the newest 10 are among the daily ones here
  expect(now.getTime() - kept.at(-1)!.takenAt.getTime()).toBe(30 * 86_400_000); // older ones were pruned
});

describe('retention policy', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const backup = (iso: string, reason: RetainedCandidate['reason'] = 'scheduled', sizeBytes = 1000): RetainedCandidate => ({
    fileName: `w-${iso}-${reason}.workbook`,
    takenAt: new Date(iso),
    reason,
    sizeBytes,
  });

  test('keeps the newest revert point and pre-update copy however old, and never deletes a damaged copy', () => {
    const all = [
      backup('2026-09-01T10:00:00Z', 'before-restore'),
      backup('2026-08-01T10:00:00Z', 'before-update'),
      backup('2026-07-01T10:00:00Z', 'damaged'),
      backup('2026-07-02T10:00:00Z', 'scheduled'),
      ...Array.from({ length: 12 }, (_, i) => backup(`2026-11-22T0${Math.floor(i / 6)}:${String(i * 5).padStart(2, '0')}:00Z`)),
    ];
    const doomed = backupsToDelete(all, now);
    expect(doomed).toContain('w-2026-07-02T10:00:00Z-scheduled.workbook');
    expect(doomed).not.toContain('w-2026-09-01T10:00:00Z-before-restore.workbook');
    expect(doomed).not.toContain('w-2026-08-01T10:00:00Z-before-update.workbook');
    expect(all.filter((b) => b.reason === 'damaged').every((b) => !doomed.includes(b.fileName))).toBe(true);
    // 12 from today: the newest 10 stay; of the other two, today's daily copy is already kept.
    expect(doomed.filter((d) => d.includes('2026-11-22'))).toHaveLength(2);
  });

  test('the size cap drops the oldest first but never the newest', () => {
    const all = Array.from({ length: 5 }, (_, i) => backup(`2026-11-2${i}T10:00:00Z`, 'scheduled', 400));
    expect(backupsToDelete(all, now, { ...DEFAULT_RETENTION, maxTotalBytes: 1000 }).sort()).toEqual(
      ['w-2026-11-20T10:00:00Z-scheduled.workbook', 'w-2026-11-21T10:00:00Z-scheduled.workbook', 'w-2026-11-22T10:00:00Z-scheduled.workbook'].sort(),
    );
    expect(backupsToDelete([backup('2026-11-22T10:00:00Z', 'scheduled', 5000)], now, { ...DEFAULT_RETENTION, maxTotalBytes: 1000 })).toEqual([]);
  });
});

test('backups taken in the same moment keep their order, and the one just made is never pruned', async () => {
  const stop = startBackupScheduler(t.session, { timer, backupsDir, backupOnStart: false });
  const made = [];
  for (let i = 0; i < 12; i++) made.push((await t.api.call('backup:create', {})).fileName);
  const listed = (await t.api.call('backup:list', {})).map((b) => b.fileName);
  expect(listed).toEqual(made.slice(2).reverse());
  stop();
});

test('backup:status tells the UI when the last automatic backup was made, or why it failed', async () => {
  expect(await t.api.call('backup:status', {})).toEqual({ automatic: false, lastBackupAt: null, problem: null });
  let free = 10 * 1024 * 1024;
  const errors: Error[] = [];
  const stop = startBackupScheduler(t.session, { timer, backupsDir, freeSpace: () => free, onError: (e) => errors.push(e) });
  await vi.waitFor(() => expect(errors).toHaveLength(1));
  const short = await t.api.call('backup:status', {});
  expect(short).toMatchObject({ automatic: true, lastBackupAt: null, problem: expect.stringMatching(/^There is not enough free disk space for a backup/) });

  free = 10 * 1024 * 1024 * 1024;
  timer.advance(15 * MINUTE); // the open backup is tried again
  await vi.waitFor(async () => expect((await t.api.call('backup:status', {})).lastBackupAt).toBe('2026-11-22T09:15:00.000Z'));
  expect((await t.api.call('backup:status', {})).problem).toBeNull();
  stop();
});
