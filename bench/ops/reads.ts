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

export async function benchReads(dispatch: Dispatch, ctx: ServiceContext, runs: number, overviewTargetMs = 20): Promise<OpResult[]> {
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
  results.push(...(await benchOverviewAsCalled(dispatch, ctx.workbook.sqlite, runs, overviewTargetMs)));
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
  results.push(...(await benchEvidenceLists(dispatch, sqlite, runs)));
  results.push(await benchSearch(ctx, runs));
  return results;
}

/**
 * The Overview exactly as renderer/screens/overview/overview-screen.tsx calls it on opening
 * (issue #17): the plan picker's list and the roll-up together, then the evidence coverage of the
 * plan the roll-up shows. test/perf/bench-overview-calls.test.ts fails if the screen's calls and
 * this list drift apart.
 */
export const OVERVIEW_CALLS = ['plan:list', 'overview:get', 'report:coverage'] as const;

async function overviewAsCalled(dispatch: Dispatch): Promise<void> {
  const [, roll] = await Promise.all([call(dispatch, 'plan:list', { limit: 500 }), call(dispatch, 'overview:get', {})]);
  const planId = (roll as { plan: { id: number } | null }).plan?.id;
  if (planId != null) await call(dispatch, 'report:coverage', { scope: 'finding', planId });
}

/**
 * A change the read models must notice, without touching the workbook file: a row in a TEMP
 * table moves this connection's change counter, as any insert, update or delete would.
 */
function touch(sqlite: Database.Database): void {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS bench_touch (n INTEGER)');
  sqlite.prepare('INSERT INTO temp.bench_touch (n) VALUES (1)').run();
}

async function benchOverviewAsCalled(dispatch: Dispatch, sqlite: Database.Database, runs: number, targetMs: number): Promise<OpResult[]> {
  const name = 'Overview as the screen calls it (plan:list + overview:get, then report:coverage)';
  const coldName = 'Overview as called, after a change (nothing remembered)';
  const out: OpResult[] = [];
  try {
    const timing = await measure(() => overviewAsCalled(dispatch), { runs });
    const parts: string[] = [];
    for (const [channel, input] of [['plan:list', { limit: 500 }], ['overview:get', {}]] as const) {
      const t = await measure(() => call(dispatch, channel, input), { runs: Math.min(runs, 10), warmup: 1 });
      parts.push(`${channel} ${t.medianMs.toFixed(1)}`);
    }
    const planId = ((await call(dispatch, 'overview:get', {})) as { plan: { id: number } | null }).plan?.id;
    if (planId != null) {
      const t = await measure(() => call(dispatch, 'report:coverage', { scope: 'finding', planId }), { runs: Math.min(runs, 10), warmup: 1 });
      parts.push(`report:coverage ${t.medianMs.toFixed(1)}`);
    }
    out.push(
      ok(GROUP, name, timing, {
        targets: [under(targetMs, timing.p95Ms)],
        note: `medians by call (ms): ${parts.join(', ')}; read models are remembered until the workbook changes, see the next row for the first visit after a change`,
      }),
    );
  } catch (e) {
    out.push(failed(GROUP, name, e));
  }
  try {
    const timing = await measure(() => overviewAsCalled(dispatch), { runs, before: () => touch(sqlite) });
    const parts: string[] = [];
    const t = await measure(() => call(dispatch, 'overview:get', {}), { runs: Math.min(runs, 10), warmup: 1, before: () => touch(sqlite) });
    parts.push(`overview:get ${t.medianMs.toFixed(1)}`);
    const planId = ((await call(dispatch, 'overview:get', {})) as { plan: { id: number } | null }).plan?.id;
    if (planId != null) {
      const c = await measure(() => call(dispatch, 'report:coverage', { scope: 'finding', planId }), { runs: Math.min(runs, 10), warmup: 1, before: () => touch(sqlite) });
      parts.push(`report:coverage ${c.medianMs.toFixed(1)}`);
    }
    out.push(ok(GROUP, coldName, timing, { targets: [under(targetMs, timing.p95Ms)], note: `each run after a change; medians by call (ms): ${parts.join(', ')}` }));
  } catch (e) {
    out.push(failed(GROUP, coldName, e));
  }
  return out;
}

/**
 * Every filter and sort the evidence library offers, on its own (first page of 200, as the
 * virtualised list asks, and a later page, which also counts), and the "Link evidence" picker's
 * requests as a person types "parent carer" (50 newest matches per settled prefix).
 */
async function benchEvidenceLists(dispatch: Dispatch, sqlite: Database.Database, runs: number): Promise<OpResult[]> {
  const owner = sqlite.prepare('SELECT owner_person_id FROM evidence_items WHERE owner_person_id IS NOT NULL AND deleted_at IS NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1').pluck().get();
  const action = sqlite.prepare('SELECT action_id FROM evidence_links WHERE action_id IS NOT NULL AND deleted_at IS NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1').pluck().get();
  const cases: [string, Record<string, unknown>][] = [
    ['kind', { kind: 'board_paper' }],
    ['level', { level: 'impact' }],
    ['kind and level', { kind: 'survey', level: 'impact' }],
    ['owner', { ownerPersonId: owner }],
    ['personal data', { containsPersonalData: true }],
    ['effective from', { effectiveFromOnOrAfter: '2025-01-01' }],
    ['linked to an action', { linkedTo: { type: 'action', id: action } }],
    ['search box', { search: 'parent carer' }],
    ['sorted by title', { sort: 'title' }],
    ['sorted by effective date', { sort: 'effective' }],
    ['sorted by date added', { sort: 'added' }],
    ['kind, sorted by date added', { kind: 'board_paper', sort: 'added' }],
  ];
  const results: OpResult[] = [];
  for (const [label, input] of cases) {
    const name = `Evidence library: ${label} (evidence:list, pages 1 and 3 of 200)`;
    try {
      const timing = await measure((i) => call(dispatch, 'evidence:list', { ...input, offset: i % 2 ? 400 : 0, limit: 200 }), { runs });
      results.push(ok(GROUP, name, timing, { targets: [under(20, timing.p95Ms)] }));
    } catch (e) {
      results.push(failed(GROUP, name, e));
    }
  }
  const typed = 'parent carer';
  const keystrokes = Array.from({ length: typed.length - 1 }, (_, i) => typed.slice(0, i + 2)).filter((k) => !k.endsWith(' '));
  const name = 'Link evidence picker, each keystroke of "parent carer" (evidence:list, 50 newest)';
  try {
    const timing = await measure((i) => call(dispatch, 'evidence:list', { search: keystrokes[i % keystrokes.length], limit: 50, sort: 'added' }), { runs: Math.max(runs, keystrokes.length * 3) });
    results.push(ok(GROUP, name, timing, { targets: [under(20, timing.p95Ms)], note: 'the picker asks once typing pauses for 250 ms; this is the cost of one such request' }));
  } catch (e) {
    results.push(failed(GROUP, name, e));
  }
  return results;
}

type SearchFn = (ctx: ServiceContext, query: { q: string; limit?: number }) => { results: { type: string; id: number }[] };

/**
 * What officers type, including the most common words of the workbook ("parent carer", "plan",
 * "EHC plan" match a third of all records at every scale), so the ranking cost of the worst case
 * is in the p95.
 */
export const SEARCHES = ['autism', 'EHC plan', 'annual rev', 'parent carer forum', 'tribunal', 'speech and language', 'Wexcombe', 'co-prod', 'parent carer', 'plan'];

/** Every word as a quoted prefix, as the app builds it (one-letter words exact). */
async function matchExpression(q: string): Promise<string> {
  const { buildMatchExpression } = await import('../../electron/core/search/fts-query');
  return buildMatchExpression(q)!.expression;
}

async function benchSearch(ctx: ServiceContext, runs: number): Promise<OpResult> {
  const name = 'Search as you type (searchWorkbook)';
  const found = await findExport<SearchFn>('electron/core/search', 'searchWorkbook');
  if (!found.fn) return unavailable('search', name, `not available yet: ${found.note}`);
  const search = found.fn;
  const sqlite = ctx.workbook.sqlite;
  try {
    const expressions = await Promise.all(SEARCHES.map(matchExpression));
    const n = Math.max(runs, SEARCHES.length * 4);
    const timing = await measure((i) => search(ctx, { q: SEARCHES[i % SEARCHES.length]!, limit: 20 }), { runs: n });
    // The baseline ranks every match, as the app must: bm25 with the index's weights over all of
    // them, best 20 kept, ties to the newer record. Nothing else (no counts, snippets or context).
    const fullRanking = sqlite.prepare(
      'SELECT d.entity AS type, d.entity_id AS id FROM (SELECT rowid, bm25(search_fts, 8.0, 1.0) AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score, rowid DESC LIMIT 20) r JOIN search_docs d ON d.id = r.rowid ORDER BY r.score, r.rowid DESC',
    );
    const bare = await measure((i) => fullRanking.all(expressions[i % SEARCHES.length]!), { runs: n });
    // Correctness: the app's first page is the full ranking's top 20, query by query.
    const matchCount = sqlite.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck();
    const disagree: string[] = [];
    const sizes: string[] = [];
    SEARCHES.forEach((q, i) => {
      const ours = search(ctx, { q, limit: 20 }).results.map((r) => `${r.type}:${r.id}`);
      const theirs = (fullRanking.all(expressions[i]!) as { type: string; id: number }[]).map((r) => `${r.type}:${r.id}`);
      if (ours.join() !== theirs.join()) disagree.push(q);
      sizes.push(`${q} ${(matchCount.get(expressions[i]!) as number).toLocaleString('en-GB')}`);
    });
    return ok('search', name, timing, {
      baseline: { name: 'bare FTS5, every match ranked by bm25, top 20', timing: bare },
      targets: [under(20, timing.p95Ms), { text: 'top 20 = full ranking for every query', met: disagree.length === 0 }],
      note: `${SEARCHES.length} queries in rotation (matches: ${sizes.join('; ')})${disagree.length ? `; top 20 differs from the full ranking for: ${disagree.join(', ')}` : '; top 20 equals the full ranking for every query'}`,
    });
  } catch (e) {
    return failed('search', name, e);
  }
}
