/**
 * What an officer waits for on every screen: the Overview roll-up, each main list's first page
 * and an item page, through dispatch exactly as the app calls them (input validation included),
 * each beside the bare SQL that reads the same page. Search beside a bare FTS5 match.
 */
import type Database from 'better-sqlite3';
import type { Dispatch } from '../../electron/core/api/dispatch';
import type { ServiceContext } from '../../electron/core/services/context';
import { findExport } from '../find-export';
import { measure } from '../measure';
import { failed, ok, unavailable, under, type OpResult } from '../result';

const GROUP = 'screens';

interface Fixture {
  planId: number;
  sefId: number;
  actionId: number;
}

/** The newest live plan and SEF, and the action with the most history, as the UI would open. */
function fixture(sqlite: Database.Database): Fixture {
  const one = (sql: string) => (sqlite.prepare(sql).pluck().get() as number | undefined) ?? 1;
  return {
    planId: one('SELECT id FROM plans WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1'),
    sefId: one('SELECT id FROM self_evaluations WHERE deleted_at IS NULL ORDER BY as_of DESC, id DESC LIMIT 1'),
    actionId: one(
      `SELECT a.id FROM actions a JOIN evidence_links l ON l.action_id = a.id WHERE a.deleted_at IS NULL
       GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT 1`,
    ),
  };
}

async function call(dispatch: Dispatch, channel: string, input: unknown): Promise<unknown> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

export async function benchReads(dispatch: Dispatch, ctx: ServiceContext, runs: number): Promise<OpResult[]> {
  const sqlite = ctx.workbook.sqlite;
  const f = fixture(sqlite);
  const firstPage = (table: string, where = '', order = 'id') =>
    sqlite.prepare(`SELECT * FROM ${table} WHERE deleted_at IS NULL ${where} ORDER BY ${order} LIMIT 100`);
  const screens: { name: string; channel: string; input: unknown; bare: () => unknown }[] = [
    { name: 'Inspection events, first page', channel: 'event:list', input: {}, bare: () => firstPage('inspection_events').all() },
    { name: 'Findings, first page', channel: 'finding:list', input: {}, bare: () => firstPage('findings').all() },
    { name: 'Plans, first page', channel: 'plan:list', input: {}, bare: () => firstPage('plans').all() },
    {
      name: 'Actions of the current plan, first page',
      channel: 'action:list',
      input: { planId: f.planId },
      bare: () =>
        sqlite
          .prepare('SELECT a.* FROM actions a JOIN priorities p ON p.id = a.priority_id WHERE p.plan_id = ? AND a.deleted_at IS NULL ORDER BY a.priority_id, a.position LIMIT 100')
          .all(f.planId),
    },
    { name: 'Milestones, first page', channel: 'milestone:list', input: {}, bare: () => firstPage('milestones').all() },
    { name: 'Evidence, first page', channel: 'evidence:list', input: {}, bare: () => firstPage('evidence_items').all() },
    {
      // The bare query is the IN form the planner can drive from the link index (see test/perf).
      name: 'Evidence linked to an action, first page',
      channel: 'evidence:list',
      input: { linkedTo: { type: 'action', id: f.actionId } },
      bare: () =>
        sqlite
          .prepare(
            'SELECT e.* FROM evidence_items e WHERE e.deleted_at IS NULL AND e.id IN (SELECT evidence_id FROM evidence_links WHERE action_id = ? AND deleted_at IS NULL) ORDER BY e.id LIMIT 100',
          )
          .all(f.actionId),
    },
    { name: 'Indicators, first page', channel: 'indicator:list', input: {}, bare: () => firstPage('indicators', '', 'code').all() },
    {
      name: 'SEF sections (newest SEF)',
      channel: 'section:list',
      input: { sefId: f.sefId },
      bare: () => sqlite.prepare('SELECT * FROM sef_sections WHERE sef_id = ? AND deleted_at IS NULL ORDER BY position').all(f.sefId),
    },
    {
      name: 'Bin, first page',
      channel: 'bin:list',
      input: {},
      bare: () => sqlite.prepare('SELECT * FROM bin_entries WHERE restored_at IS NULL ORDER BY id DESC LIMIT 100').all(),
    },
    {
      name: 'History of an action, first page',
      channel: 'history:get',
      input: { entity: 'action', id: f.actionId },
      bare: () => sqlite.prepare("SELECT * FROM audit_log WHERE entity = 'action' AND entity_id = ? ORDER BY id DESC LIMIT 100").all(f.actionId),
    },
  ];

  const results: OpResult[] = [];
  try {
    const overview = await measure(() => call(dispatch, 'overview:get', {}), { runs });
    results.push(ok(GROUP, 'Overview roll-up (overview:get)', overview, { targets: [under(20, overview.p95Ms)] }));
  } catch (e) {
    results.push(failed(GROUP, 'Overview roll-up (overview:get)', e));
  }
  for (const s of screens) {
    try {
      const timing = await measure(() => call(dispatch, s.channel, s.input), { runs });
      const bare = await measure(s.bare, { runs });
      results.push(ok(GROUP, `${s.name} (${s.channel})`, timing, { baseline: { name: 'bare SQL page', timing: bare }, targets: [under(20, timing.p95Ms)] }));
    } catch (e) {
      results.push(failed(GROUP, s.name, e));
    }
  }
  try {
    const itemPage = async () => {
      await call(dispatch, 'action:get', { id: f.actionId });
      await call(dispatch, 'progress:list', { actionId: f.actionId });
      await call(dispatch, 'evidence:links', { target: { type: 'action', id: f.actionId } });
    };
    const timing = await measure(itemPage, { runs });
    const bareStatements = [
      sqlite.prepare('SELECT * FROM actions WHERE id = ?'),
      sqlite.prepare('SELECT * FROM progress_updates WHERE action_id = ? AND deleted_at IS NULL ORDER BY reported_on DESC LIMIT 100'),
      sqlite.prepare('SELECT * FROM evidence_links l JOIN evidence_items e ON e.id = l.evidence_id WHERE l.action_id = ? AND l.deleted_at IS NULL'),
    ];
    const bare = await measure(() => bareStatements.map((st) => st.all(f.actionId)), { runs });
    results.push(
      ok(GROUP, 'Item page: action:get + progress:list + evidence:links', timing, {
        baseline: { name: 'bare SQL, same three reads', timing: bare },
        targets: [under(20, timing.p95Ms)],
        note: `action ${f.actionId}`,
      }),
    );
  } catch (e) {
    results.push(failed(GROUP, 'Item page', e));
  }
  results.push(await benchSearch(ctx, runs));
  return results;
}

type SearchFn = (ctx: ServiceContext, query: { q: string; limit?: number }) => unknown;

const SEARCHES = ['autism', 'EHC plan', 'annual rev', 'parent carer forum', 'tribunal', 'speech and language', 'Wexcombe', 'co-prod'];

async function benchSearch(ctx: ServiceContext, runs: number): Promise<OpResult> {
  const name = 'Search as you type (searchWorkbook)';
  const found = await findExport<SearchFn>('electron/core/search', 'searchWorkbook');
  if (!found.fn) return unavailable('search', name, `not available yet: ${found.note}`);
  const search = found.fn;
  try {
    const timing = await measure((i) => search(ctx, { q: SEARCHES[i % SEARCHES.length]!, limit: 20 }), { runs: Math.max(runs, SEARCHES.length * 4) });
    const match = ctx.workbook.sqlite.prepare('SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20');
    const bare = await measure(
      (i) =>
        match.all(
          SEARCHES[i % SEARCHES.length]!
            .split(' ')
            .map((w) => `"${w}"*`)
            .join(' '),
        ),
      { runs: Math.max(runs, SEARCHES.length * 4) },
    );
    return ok('search', name, timing, {
      baseline: { name: 'bare FTS5 MATCH, top 20 by rank', timing: bare },
      targets: [under(20, timing.p95Ms)],
      note: `${SEARCHES.length} queries in rotation`,
    });
  } catch (e) {
    return failed('search', name, e);
  }
}
