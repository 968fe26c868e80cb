/**
 * What the officer sees when the desktop app opens, creates and copies workbooks, against real
 * workbook files: the last workbook reopens; a damaged, newer or missing one falls back to the
 * welcome screen with a plain message; nothing ever overwrites the open workbook. The shell side
 * talks to a real workbook host through its messages (on this thread: inlineHost).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkbook, openWorkbook } from '../../db/open-workbook';
import { inlineHost } from '../../electron/core/host/inline-host';
import { RecentWorkbooks } from '../../electron/desktop/support/recent-workbooks';
import { DEMO_FILE_NAME, WorkbookHost, type DemoBuilder } from '../../electron/desktop/support/workbook-host';

const NOW = new Date('2026-11-22T10:00:00Z');
let dir: string;
let hosts: { close(): Promise<void> }[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ewb-host-'));
  hosts = [];
});
afterEach(async () => {
  for (const h of hosts) await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const fakeDemo: DemoBuilder = async (file) => {
  createWorkbook(file, { areaName: 'Bristol (demo)', now: () => NOW }).close();
  return { ok: true, value: null };
};

async function start(options: { buildDemo?: DemoBuilder } = {}) {
  const inline = await inlineHost({ fixedNow: NOW.toISOString() });
  hosts.push(inline);
  const session = inline.core.session;
  const onChanged = vi.fn();
  const host = new WorkbookHost({
    client: inline.client,
    recent: new RecentWorkbooks(path.join(dir, 'recent.json'), () => NOW),
    workbooksDir: path.join(dir, 'Evidence Workbook'),
    appVersion: '0.1.0',
    buildDemo: options.buildDemo ?? fakeDemo,
    now: () => NOW,
    onChanged,
    log: () => {},
  });
  return { host, session, onChanged };
}

function makeWorkbook(name: string, areaName = 'Bristol'): string {
  const file = path.join(dir, name);
  createWorkbook(file, { areaName, now: () => NOW }).close();
  return file;
}

describe('first run and reopening', () => {
  it('a first run shows the welcome screen', async () => {
    const { host } = (await start());
    expect((await host.state())).toMatchObject({ firstRun: true, current: null, recent: [], startupMessage: null });
  });

  it('the last workbook reopens at the next start', async () => {
    const file = makeWorkbook('Bristol.workbook');
    const first = (await start());
    expect(await first.host.open(file)).toEqual({ ok: true, value: { fileName: 'Bristol.workbook', readOnly: false } });
    await first.host.close();

    const next = (await start());
    await next.host.reopenLast();
    expect((await next.host.state())).toMatchObject({ firstRun: false, current: { fileName: 'Bristol.workbook' }, startupMessage: null });
    expect(next.onChanged).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['damaged (copied only in part)', (file: string) => truncateSync(file, 3000), /damaged/],
    ['moved or deleted', (file: string) => rmSync(file), /no workbook at/],
    [
      'saved by a newer version',
      (file: string) => {
        const db = new Database(file);
        db.pragma('user_version = 999');
        db.close();
      },
      /newer version/,
    ],
    ['not a workbook at all', (file: string) => writeFileSync(file, 'Name,Date\nA,22/11/2026\n'), /not an Evidence Workbook file/],
  ])('a last workbook that is %s falls back to the welcome screen with the reason, once', async (_label, spoil, reason) => {
    const file = makeWorkbook('Bristol.workbook');
    const first = (await start());
    await first.host.open(file);
    await first.host.close();
    spoil(file);
    const before = existsSync(file) ? readFileSync(file) : null;

    const next = (await start());
    await next.host.reopenLast();
    const state = (await next.host.state());
    expect(state.current).toBeNull();
    expect(state.startupMessage).toMatch(/could not be reopened/);
    expect(state.startupMessage).toMatch(reason);
    expect(state.recent).toHaveLength(1);
    // The message is shown once, and the file is never written to.
    expect((await next.host.state()).startupMessage).toBeNull();
    if (before) expect(readFileSync(file).equals(before)).toBe(true);

    const third = (await start());
    await third.host.reopenLast();
    expect((await third.host.state()).startupMessage).toBeNull();
  });

  it('a workbook that fails to open does not replace the open one', async () => {
    const good = makeWorkbook('Good.workbook');
    const bad = path.join(dir, 'Bad.workbook');
    writeFileSync(bad, 'rubbish');
    const { host } = (await start());
    await host.open(good);
    const result = await host.open(bad);
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect((await host.state()).current).toMatchObject({ fileName: 'Good.workbook' });
  });

  it('an unknown recent id is refused rather than guessed', async () => {
    const { host } = (await start());
    expect(await host.openRecent('0123456789abcdef')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('new workbooks and the demo', () => {
  it('creates and opens a new workbook with the area and framework chosen', async () => {
    const { host, session } = (await start());
    const file = path.join(dir, 'North Somerset evidence workbook.workbook');
    expect((await host.create(file, { areaName: 'North Somerset', frameworkId: 'area-send-2025' }))).toMatchObject({ ok: true });
    const ctx = session.context()!;
    expect(ctx.workbook.path).toBe(file);
    expect((await host.state()).firstRun).toBe(false);
  });

  it('never overwrites an existing workbook', async () => {
    const file = makeWorkbook('Existing.workbook', 'Keep me');
    const { host } = (await start());
    expect((await host.create(file, { areaName: 'Other', frameworkId: 'area-send-2025' }))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already exists/) } });
  });

  it('refuses a framework that is not in the reference data', async () => {
    const { host } = (await start());
    expect((await host.create(path.join(dir, 'x.workbook'), { areaName: 'X', frameworkId: 'made-up' }))).toMatchObject({ ok: false });
    expect(existsSync(path.join(dir, 'x.workbook'))).toBe(false);
  });

  it('builds the demo once, then reopens it as the officer left it', async () => {
    const builder = vi.fn(fakeDemo);
    const { host } = (await start({ buildDemo: builder }));
    expect(await host.openDemo()).toMatchObject({ ok: true, value: { fileName: DEMO_FILE_NAME } });
    const next = (await start({ buildDemo: builder }));
    expect(await next.host.openDemo()).toMatchObject({ ok: true });
    expect(builder).toHaveBeenCalledTimes(1);
  });

  it('reports a demo that cannot be built in plain words', async () => {
    const { host } = (await start({ buildDemo: async () => Promise.reject(new Error('EACCES')) }));
    const result = await host.openDemo();
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/demo workbook could not be built/) } });
  });
});

describe('saving', () => {
  it('a copy is a complete, openable workbook', async () => {
    const file = makeWorkbook('Bristol.workbook', 'Bristol');
    const { host } = (await start());
    await host.open(file);
    const copy = path.join(dir, 'Bristol (copy).workbook');
    expect(await host.saveCopy(copy)).toEqual({ ok: true, value: { fileName: 'Bristol (copy).workbook' } });
    const reopened = await openWorkbook(copy);
    expect((reopened.sqlite.prepare('SELECT area_name FROM area_profile').get() as { area_name: string }).area_name).toBe('Bristol');
    reopened.close();
  });

  it('neither a copy nor an export can be written over the open workbook', async () => {
    const file = makeWorkbook('Bristol.workbook');
    const { host } = (await start());
    await host.open(file);
    const before = readFileSync(file);
    expect(await host.saveCopy(file)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await host.saveFile(file, new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await host.saveFile(`${file}-wal`, new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('an export is written whole', async () => {
    const { host } = (await start());
    const target = path.join(dir, 'SEF.docx');
    expect(await host.saveFile(target, new Uint8Array([80, 75, 3, 4]))).toEqual({ ok: true, value: { fileName: 'SEF.docx' } });
    expect([...readFileSync(target)]).toEqual([80, 75, 3, 4]);
  });

  it('an export to a missing folder fails with a message and leaves nothing behind', async () => {
    const { host } = (await start());
    const result = await host.saveFile(path.join(dir, 'gone', 'SEF.docx'), new Uint8Array([1]));
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not exist/) } });
  });
});
