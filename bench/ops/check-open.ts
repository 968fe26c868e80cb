/**
 * What issues #14 and #17 ask of open and check: opening as the app does (quick_check after the
 * first screen) against opening with quick_check first; `workbook check` from a verified checkpoint
 * and the full history check; an ordinary edit with synchronous=FULL against NORMAL; and how much
 * of the file the history takes.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { openWorkbook, type Workbook } from '../../db/open-workbook';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { checkHistory, checkOpening } from '../../electron/core/safety/audit-check';
import { checkWorkbook } from '../../electron/core/workbook-check/check-workbook';
import { measure } from '../measure';
import { failed, ok, under, type OpResult } from '../result';

const GROUP = 'check and open';

/** The history's share of the file: audit_log and its index, from SQLite's own page accounting. */
export function historyShare(file: string): { historyMb: number; fileMb: number; share: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const pages = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name").all() as { name: string; bytes: number }[];
    const total = pages.reduce((n, p) => n + p.bytes, 0);
    const history = pages.filter((p) => p.name === 'audit_log' || p.name === 'audit_entity_idx').reduce((n, p) => n + p.bytes, 0);
    return { historyMb: history / 1_048_576, fileMb: total / 1_048_576, share: history / total };
  } finally {
    db.close();
  }
}

async function editOnce(file: string, synchronous: 'FULL' | 'NORMAL', runs: number) {
  const session = new WorkbookSession();
  session.use(await openWorkbook(file));
  session.workbook!.sqlite.pragma(`synchronous = ${synchronous}`);
  const dispatch = createDispatcher(session);
  const partner = (await dispatch('partner:create', { name: 'Bench partner', kind: 'other' })) as { ok: true; value: { id: number; version: number } };
  let version = partner.value.version;
  try {
    return await measure(
      async (i) => {
        const r = (await dispatch('partner:update', { id: partner.value.id, expectedVersion: version, notes: `Edit ${synchronous} ${i}` })) as { ok: boolean; value: { version: number } };
        if (!r.ok) throw new Error('The edit failed.');
        version = r.value.version;
      },
      { runs, warmup: 2 },
    );
  } finally {
    session.close();
  }
}

export async function benchCheckOpen(file: string, temp: string, runs: number): Promise<OpResult[]> {
  const previousDataDir = process.env.EWB_DATA_DIR;
  // This computer's history records and checkpoints for the bench go in its own folder.
  process.env.EWB_DATA_DIR = path.join(temp, 'app-data');
  const results: OpResult[] = [];
  try {
    let pending: Workbook | null = null;
    const settle = async () => {
      // The off-thread quick_check of the previous run finishes untimed, so runs do not overlap.
      if (pending) await pending.checked;
      pending = null;
    };
    const open = await measure(
      async () => {
        const workbook = await openWorkbook(file, { quickCheck: 'after' });
        checkOpening(workbook);
        workbook.close();
        pending = workbook;
      },
      { runs: Math.min(runs, 10), warmup: 1, before: settle },
    );
    await settle();
    const openChecked = await measure(async () => (await openWorkbook(file)).close(), { runs: Math.min(runs, 5), warmup: 1 });
    results.push(
      ok(GROUP, 'Open as the app does (quick_check off the main thread after opening)', open, {
        baseline: { name: 'open with quick_check first (the CLI, and the app before #17)', timing: openChecked },
        targets: [under(1000, open.p95Ms)],
      }),
    );

    const share = historyShare(file);
    const note = `History (audit_log + index) ${share.historyMb.toFixed(1)} MB of ${share.fileMb.toFixed(1)} MB, ${(share.share * 100).toFixed(0)}% of the file.`;
    const reader = await openWorkbook(file, { readOnly: true, asIs: true });
    try {
      const full = await measure(() => checkHistory(reader.sqlite, { file, full: true }), { runs: 1 });
      const incremental = await measure(() => checkHistory(reader.sqlite, { file }), { runs: 3 });
      results.push(
        ok(GROUP, 'History check from a verified checkpoint (chain, anchor, replay against every row)', incremental, {
          baseline: { name: 'check --full history (every entry re-hashed, every record replayed)', timing: full },
          note,
        }),
      );
    } finally {
      reader.close();
    }
    try {
      const check = await measure(() => checkWorkbook(file), { runs: 3, warmup: 1 });
      results.push(ok(GROUP, 'workbook check (from a verified checkpoint)', check, { targets: [under(5000, check.medianMs, 'median')] }));
    } catch (e) {
      results.push(failed(GROUP, 'workbook check (from a verified checkpoint)', e));
    }

    const scratch = path.join(temp, 'durability.workbook');
    const source = new Database(file, { readonly: true });
    await source.backup(scratch);
    source.close();
    const full = await editOnce(scratch, 'FULL', Math.min(runs, 30));
    const normal = await editOnce(scratch, 'NORMAL', Math.min(runs, 30));
    results.push(
      ok(GROUP, 'An ordinary edit (partner:update) with synchronous=FULL', full, {
        baseline: { name: 'the same edit with synchronous=NORMAL', timing: normal },
        targets: [under(50, full.p95Ms)],
      }),
    );
  } finally {
    if (previousDataDir === undefined) delete process.env.EWB_DATA_DIR;
    else process.env.EWB_DATA_DIR = previousDataDir;
  }
  return results;
}
