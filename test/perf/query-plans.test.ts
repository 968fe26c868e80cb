/**
 * Query plans of the hot queries (issue #9): every statement a hot channel runs is explained with
 * the parameters it actually ran with, and none may walk a large table without an index. An index
 * dropped by a migration, or a service query that stops using one, fails here rather than showing
 * up later as a slow screen.
 */
import BetterSqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook, type Workbook } from '../../db/open-workbook';
import { createDispatcher, type Dispatch } from '../../electron/core/api/dispatch';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { generateWorkbook } from '../../electron/core/synthetic/generate-workbook';
import { tempDir } from '../helpers/temp-workbook';

/** Tables that grow into tens of thousands of rows at scale L. */
const LARGE = ['evidence_items', 'evidence_links', 'audit_log', 'milestones', 'progress_updates', 'indicator_values'];

interface Ran {
  sql: string;
  params: unknown[];
}

let dir: string;
let workbook: Workbook;
let session: WorkbookSession;
let dispatch: Dispatch;
let ran: Ran[] = [];

/** Records every statement (and its parameters) the workbook runs, by wrapping prepare. */
function recordStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        ran.push({ sql, params: args });
        return original(...args);
      };
    }
    return statement;
  }) as typeof sqlite.prepare;
}

function explain(sqlite: Database.Database, r: Ran): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...(r.params as never[])) as { detail: string }[];
  return rows.map((x) => x.detail);
}

/** Full scans of large tables: "SCAN evidence_items" (no index at all). */
function fullScans(details: string[]): string[] {
  return details.filter((d) => {
    const m = /^SCAN (\w+)(?: AS \w+)?$/.exec(d.trim());
    return m !== null && LARGE.includes(m[1]!);
  });
}

/** Runs a channel and returns the reading statements it issued, with their plans. */
async function plansOf(channel: string, input: unknown): Promise<{ sql: string; text: string; plan: string[] }[]> {
  ran = [];
  const result = await dispatch(channel, input);
  expect(result, `${channel} should succeed`).toMatchObject({ ok: true });
  const reads = ran.filter((r) => /^\s*(SELECT|WITH)/i.test(r.sql));
  return reads.map((r) => ({ sql: r.sql.replace(/\s+/g, ' ').slice(0, 160), text: r.sql, plan: explain(workbook.sqlite, r) }));
}

async function expectNoFullScans(channel: string, input: unknown): Promise<void> {
  const plans = await plansOf(channel, input);
  expect(plans.length).toBeGreaterThan(0);
  const offenders = plans.filter((p) => fullScans(p.plan).length > 0).map((p) => `${p.sql}\n    plan: ${p.plan.join(' | ')}`);
  expect(offenders, `${channel} scans a large table without an index`).toEqual([]);
}

const one = (sql: string) => workbook.sqlite.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  dir = tempDir('ewb-plans-');
  const file = path.join(dir, 'plans.workbook');
  await generateWorkbook(file, { scale: 'S' });
  workbook = await openWorkbook(file);
  recordStatements(workbook.sqlite);
  session = new WorkbookSession({ now: () => new Date('2026-11-22T10:00:00Z') });
  session.use(workbook);
  dispatch = createDispatcher(session, { logError: () => {} });
}, 120_000);

afterAll(() => {
  session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the plan checker itself', () => {
  it('flags a bare scan of a large table and passes an index search', () => {
    expect(fullScans(['SCAN evidence_items'])).toEqual(['SCAN evidence_items']);
    expect(fullScans(['SCAN el'])).toEqual([]);
    expect(fullScans(['SEARCH evidence_items USING INDEX evidence_kind_idx (kind=?)'])).toEqual([]);
    expect(fullScans(['SCAN plans'])).toEqual([]);
  });

  it('sees the plan change when an index is missing', () => {
    const r = { sql: 'SELECT * FROM milestones WHERE action_id = ? AND deleted_at IS NULL', params: [1] };
    expect(fullScans(explain(workbook.sqlite, r))).toEqual([]);
    const unindexed = { sql: 'SELECT * FROM milestones WHERE title = ?', params: ['x'] };
    expect(fullScans(explain(workbook.sqlite, unindexed))).toEqual(['SCAN milestones']);
  });
});

describe('hot queries use indexes', () => {
  it('evidence list with filters (kind, level, owner, dates)', async () => {
    const owner = one('SELECT owner_person_id FROM evidence_items WHERE owner_person_id IS NOT NULL LIMIT 1');
    await expectNoFullScans('evidence:list', { kind: 'board_paper' });
    await expectNoFullScans('evidence:list', { kind: 'survey', level: 'impact' });
    await expectNoFullScans('evidence:list', { ownerPersonId: owner });
    await expectNoFullScans('evidence:list', { effectiveFromOnOrAfter: '2026-01-01', sort: 'effective' });
  });

  it('every filter and sort of the evidence library and the link picker reads an index (issue #17)', async () => {
    const owner = one('SELECT owner_person_id FROM evidence_items WHERE owner_person_id IS NOT NULL LIMIT 1');
    const actionId = one('SELECT action_id FROM evidence_links WHERE action_id IS NOT NULL AND deleted_at IS NULL LIMIT 1');
    const filters: Record<string, unknown>[] = [
      {},
      { kind: 'board_paper' },
      { level: 'impact' },
      { kind: 'survey', level: 'impact' },
      { ownerPersonId: owner },
      { containsPersonalData: true },
      { effectiveFromOnOrAfter: '2024-01-01' },
      { effectiveOnOrBefore: '2020-01-01' },
      { linkedTo: { type: 'action', id: actionId } },
      { search: 'parent carer' },
    ];
    for (const filter of filters) {
      for (const sort of ['reference', 'title', 'effective', 'added']) {
        // offset 100, limit 100: a later page, so the total is counted too.
        await expectNoFullScans('evidence:list', { ...filter, sort, offset: 100, limit: 100 });
      }
    }
  });

  it('each filter on its own, each sort on its own and the picker keystroke are read in order from an index, not sorted', async () => {
    const owner = one('SELECT owner_person_id FROM evidence_items WHERE owner_person_id IS NOT NULL LIMIT 1');
    const inputs: Record<string, unknown>[] = [
      { kind: 'board_paper' },
      { level: 'impact' },
      { kind: 'survey', level: 'impact' },
      { ownerPersonId: owner },
      { containsPersonalData: false },
      { search: 'parent carer' },
      { sort: 'title' },
      { sort: 'effective' },
      { sort: 'added' },
      // The "Link evidence" picker as it asks on each keystroke.
      { search: 'parent carer', limit: 50, sort: 'added' },
    ];
    for (const input of inputs) {
      const plans = await plansOf('evidence:list', input);
      const page = plans.find((p) => p.sql.startsWith('SELECT e.id FROM evidence_items'))!;
      expect(page, JSON.stringify(input)).toBeDefined();
      expect(page.plan.filter((d) => d.includes('TEMP B-TREE')), `${JSON.stringify(input)}: ${page.plan.join(' | ')}`).toEqual([]);
      expect(page.plan.some((d) => /USING (COVERING )?INDEX evidence_|INTEGER PRIMARY KEY/.test(d)), page.plan.join(' | ')).toBe(true);
    }
  });

  it('evidence list filtered to what is linked to an action', async () => {
    const actionId = one('SELECT action_id FROM evidence_links WHERE action_id IS NOT NULL AND deleted_at IS NULL LIMIT 1');
    await expectNoFullScans('evidence:list', { linkedTo: { type: 'action', id: actionId } });
  });

  it('actions by priority and by plan', async () => {
    await expectNoFullScans('action:list', { priorityId: one('SELECT id FROM priorities LIMIT 1') });
    await expectNoFullScans('action:list', { planId: one('SELECT id FROM plans ORDER BY id DESC LIMIT 1') });
  });

  it('milestones and progress updates of an action', async () => {
    const actionId = one('SELECT id FROM actions WHERE deleted_at IS NULL LIMIT 1');
    await expectNoFullScans('milestone:list', { actionId });
    await expectNoFullScans('progress:list', { actionId });
  });

  it('the overdue report', async () => {
    await expectNoFullScans('report:overdue', {});
  });

  it('indicator statuses (latest value against target and comparators)', async () => {
    await expectNoFullScans('indicator:status', {});
  });

  it('the Overview as the screen calls it, and the indicator values it reads only by index search (issue #17)', async () => {
    // The Overview remembers each read model until its inputs change: a commit by another
    // connection (SQLite's data version) makes every one of them read again in each call below.
    const change = () => {
      const other = new BetterSqlite(workbook.path);
      other.prepare('UPDATE area_profile SET version = version + 1 WHERE id = 1').run();
      other.close();
    };
    await expectNoFullScans('plan:list', { limit: 500 });
    change();
    await expectNoFullScans('overview:get', {});
    const planId = one('SELECT id FROM plans WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1');
    change();
    await expectNoFullScans('report:coverage', { scope: 'finding', planId });
    // Coverage walks every link the plan reaches: each from an index holding the item, never
    // one table row per link (the covering evidence_links indexes of migration 0009).
    change();
    const coverageLinks = (await plansOf('report:coverage', { scope: 'finding', planId }))
      .flatMap((p) => p.plan)
      .filter((d) => /^SEARCH el /.test(d.trim()));
    expect(coverageLinks.length).toBeGreaterThan(0);
    expect(coverageLinks.filter((d) => !/USING COVERING INDEX evidence_links_/.test(d))).toEqual([]);
    for (const [channel, input] of [
      ['overview:get', {}],
      ['indicator:status', {}],
      ['indicator:status', { indicatorId: one('SELECT id FROM indicators WHERE deleted_at IS NULL LIMIT 1') }],
    ] as const) {
      change();
      const reads = (await plansOf(channel, input)).filter((p) => p.text.includes('indicator_values'));
      expect(reads.length, channel).toBeGreaterThan(0);
      for (const read of reads) {
        // Every step over the values is an index search (never a scan, even of an index): the
        // read grows with the number of indicators, not with how many values each has.
        const steps = read.plan.filter((d) => /^(SCAN|SEARCH) (v|w|x|y|l|indicator_values)\b/.test(d.trim()));
        expect(steps.length, read.sql).toBeGreaterThan(0);
        expect(
          steps.filter((d) => !/^SEARCH \w+ USING (COVERING )?INDEX indicator_values_|^SEARCH \w+ USING INTEGER PRIMARY KEY/.test(d.trim())),
          `${read.sql}\n    plan: ${read.plan.join(' | ')}`,
        ).toEqual([]);
      }
    }
  });

  it('the audit history of one record', async () => {
    await expectNoFullScans('history:get', { entity: 'action', id: one('SELECT id FROM actions LIMIT 1') });
  });

  it('the bin list (with how many records each delete took)', async () => {
    await expectNoFullScans('bin:list', {});
  });

  it('findings of an inspection', async () => {
    await expectNoFullScans('finding:list', { eventId: one('SELECT id FROM inspection_events LIMIT 1') });
  });

  it('evidence links of a target, and of an evidence item', async () => {
    const actionId = one('SELECT action_id FROM evidence_links WHERE action_id IS NOT NULL AND deleted_at IS NULL LIMIT 1');
    await expectNoFullScans('evidence:links', { target: { type: 'action', id: actionId } });
    const sectionId = one('SELECT sef_section_id FROM evidence_links WHERE sef_section_id IS NOT NULL AND deleted_at IS NULL LIMIT 1');
    await expectNoFullScans('evidence:links', { target: { type: 'sefSection', id: sectionId } });
    await expectNoFullScans('evidence:links', { evidenceId: one('SELECT evidence_id FROM evidence_links WHERE deleted_at IS NULL LIMIT 1') });
  });
});
