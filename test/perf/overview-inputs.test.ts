/**
 * Each part of the Overview is remembered until its own inputs change (issue #17). A part that
 * reads a table its inputs do not name would show stale data after an edit of that table, so:
 *  1. every table and column each part's queries read (from SQLite's own EXPLAIN of every
 *     statement the part prepares) must be named in its inputs, OVERVIEW_INPUTS;
 *  2. an edit of each kind through the app changes the answer at once;
 *  3. an edit of another part's input does not recompute a part (that is the point of it).
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openWorkbook } from '../../db/open-workbook';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import type { ServiceContext } from '../../electron/core/services/context';
import { coverage, overview, OVERVIEW_INPUTS, readCounts, readCoverage, readIndicatorsOffTarget, readProgress, readReadiness } from '../../electron/core/services/reports-service';
import { parseInput } from '../../electron/core/services/until-changed';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

const NOW = '2026-11-22T10:00:00Z';
const AS_OF = '2026-11-22';
let t: TestWorkbook;
const ids = {} as Record<'plan' | 'priority' | 'action' | 'milestone' | 'finding' | 'event' | 'running' | 'sef' | 'section' | 'evidence' | 'indicator' | 'person', number>;

beforeAll(async () => {
  t = makeTestWorkbook({ now: NOW });
  const api = t.api;
  const event = await api.call('event:create', { kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Inspection 2019', onsiteStartOn: '2019-03-11', onsiteEndOn: '2019-03-15' });
  const revisit = await api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit 2022', onsiteStartOn: '2022-11-07', onsiteEndOn: '2022-11-09' });
  ids.running = (await api.call('event:create', { kind: 'revisit', frameworkId: 'joint-2016', title: 'Revisit under way', notifiedOn: '2026-11-16', onsiteStartOn: '2026-11-23', onsiteEndOn: '2026-11-27' })).id;
  ids.event = event.id;
  const finding = await api.call('finding:create', { eventId: event.id, type: 'significant_weakness', reference: 'SW1', title: 'Waiting times' });
  const other = await api.call('finding:create', { eventId: event.id, type: 'significant_weakness', reference: 'SW2', title: 'Co-production' });
  ids.finding = finding.id;
  await api.call('assessment:create', { findingId: other.id, eventId: revisit.id, result: 'not_sufficient_progress', assessedOn: '2022-11-25' });
  ids.person = (await api.call('person:create', { name: 'Sam Lead' })).id;
  ids.plan = (await api.call('plan:create', { type: 'app', title: 'APP', status: 'approved', eventId: revisit.id })).id;
  ids.priority = (await api.call('priority:create', { planId: ids.plan, reference: '1', title: 'Waiting', findingIds: [finding.id, other.id] })).id;
  ids.action = (await api.call('action:create', { priorityId: ids.priority, reference: '1.1', what: 'Clear the backlog', dueOn: '2026-10-31', leadPersonId: ids.person })).id;
  ids.milestone = (await api.call('milestone:create', { actionId: ids.action, title: 'Half cleared', dueOn: '2026-09-30' })).id;
  await api.call('progress:create', { actionId: ids.action, reportedOn: '2026-11-01', status: 'on_track', rag: 'amber', highlights: 'Under way.' });
  ids.evidence = (await api.call('evidence:create', { title: 'Survey', kind: 'parent_carer_voice', level: 'impact', effectiveFrom: '2026-01-01' })).id;
  await api.call('evidence:link', { evidenceId: ids.evidence, target: { type: 'action', id: ids.action } });
  ids.indicator = (await api.call('indicator:create', { code: 'K1', title: 'Plans on time', unit: '%', polarity: 'higher_is_better', periodType: 'calendar_year' })).id;
  await api.call('value:set', { indicatorId: ids.indicator, periodLabel: '2026', periodStart: '2026-01-01', geography: 'local', value: 40, provisional: false });
  await api.call('value:set', { indicatorId: ids.indicator, periodLabel: '2025', periodStart: '2025-01-01', geography: 'england', value: 50, provisional: false });
  await api.call('target:create', { indicatorId: ids.indicator, periodLabel: '2026', targetValue: 60 });
  ids.sef = (await api.call('sef:create', { title: 'SEF 2026', frameworkId: 'area-send-2025', scaleId: 'predicted-outcome', asOf: '2026-11-01' })).id;
  ids.section = (await api.call('section:list', { sefId: ids.sef }))[0]!.id;
  await api.call('section:linkAction', { sectionId: ids.section, actionId: ids.action });
  await api.call('evidence:link', { evidenceId: ids.evidence, target: { type: 'milestone', id: ids.milestone } });
});
afterAll(() => t.cleanup());

/** Every statement prepared on this connection while `fn` runs. */
function prepared(sqlite: Database.Database, fn: () => unknown): string[] {
  const seen: string[] = [];
  const original = sqlite.prepare;
  sqlite.prepare = function (this: Database.Database, source: string) {
    seen.push(source);
    return original.call(this, source);
  } as typeof sqlite.prepare;
  try {
    fn();
  } finally {
    sqlite.prepare = original;
  }
  return seen;
}

/** EXPLAIN a statement whatever its parameters (all null): the plan does not depend on their values. */
function explain(sqlite: Database.Database, source: string): { opcode: string; p1: number; p2: number; p3: number }[] {
  const statement = sqlite.prepare(`EXPLAIN ${source}`);
  const named: Record<string, null> = Object.fromEntries([...source.matchAll(/[@$:]([A-Za-z_]\w*)/g)].map((m) => [m[1]!, null]));
  const positional: null[] = [];
  for (;;) {
    try {
      return (Object.keys(named).length ? statement.all(...positional, named) : statement.all(...positional)) as { opcode: string; p1: number; p2: number; p3: number }[];
    } catch (e) {
      const message = (e as Error).message;
      if (/Too few parameter/.test(message) && positional.length < 200) positional.push(null);
      else throw e;
    }
  }
}

/**
 * The tables and columns a statement reads, from its bytecode: a table cursor's Column and Rowid
 * reads, and every column of an index it reads (an index seek compares keys without a Column
 * read, so all of the index's columns count).
 */
function reads(sqlite: Database.Database, source: string, into: Map<string, Set<string>>): void {
  const objects = sqlite.prepare("SELECT type, name, tbl_name AS tbl, rootpage FROM sqlite_master WHERE rootpage > 0").all() as { type: string; name: string; tbl: string; rootpage: number }[];
  const byRoot = new Map(objects.map((o) => [o.rootpage, o]));
  const columnsOf = (table: string) => (sqlite.prepare(`SELECT name FROM pragma_table_xinfo(?) ORDER BY cid`).pluck().all(table) as string[]);
  const cursors = new Map<number, { table: string; index: string | null }>();
  const add = (table: string, column: string) => {
    if (!into.has(table)) into.set(table, new Set());
    into.get(table)!.add(column);
  };
  for (const op of explain(sqlite, source)) {
    if (['OpenRead', 'ReopenIdx'].includes(op.opcode) && op.p3 === 0) {
      const o = byRoot.get(op.p2);
      if (!o) continue;
      cursors.set(op.p1, { table: o.tbl, index: o.type === 'index' ? o.name : null });
      if (!into.has(o.tbl)) into.set(o.tbl, new Set());
      if (o.type === 'index') {
        for (const c of sqlite.prepare('SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 OR cid = -1').all(o.name) as { name: string | null }[]) add(o.tbl, c.name ?? 'id');
      }
    } else if (op.opcode === 'Column' && cursors.get(op.p1)?.index === null) {
      const { table } = cursors.get(op.p1)!;
      add(table, columnsOf(table)[op.p2] ?? 'id');
    } else if (op.opcode === 'Rowid' && cursors.has(op.p1)) add(cursors.get(op.p1)!.table, 'id');
    else if (op.opcode === 'RowData' && cursors.get(op.p1)?.index === null) for (const c of columnsOf(cursors.get(op.p1)!.table)) add(cursors.get(op.p1)!.table, c);
  }
}

const PARTS: Record<keyof typeof OVERVIEW_INPUTS, (ctx: ServiceContext) => unknown> = {
  progress: (ctx) => readProgress(ctx, ids.plan, AS_OF),
  indicators: (ctx) => readIndicatorsOffTarget(ctx, AS_OF),
  readiness: (ctx) => readReadiness(ctx, AS_OF),
  counts: (ctx) => readCounts(ctx),
  findingCoverage: (ctx) => readCoverage(ctx, { scope: 'finding', planId: ids.plan }),
  sectionCoverage: (ctx) => readCoverage(ctx, { scope: 'sefSection', sefId: ids.sef }),
};

test.each(Object.keys(PARTS) as (keyof typeof PARTS)[])('every table and column the %s part reads is one of its inputs', async (part) => {
  // A connection of its own, so no statement is already prepared (kept) by another part.
  const session = new WorkbookSession({ now: () => new Date(NOW) });
  session.use(await openWorkbook(t.file));
  try {
    const ctx = session.context()!;
    const sqlite = ctx.workbook.sqlite;
    const used = new Map<string, Set<string>>();
    for (const source of prepared(sqlite, () => PARTS[part](ctx))) reads(sqlite, source, used);
    expect(used.size).toBeGreaterThan(0);
    const declared = new Map<string, Set<string> | 'every column'>();
    for (const input of OVERVIEW_INPUTS[part]) {
      const { table, columns } = parseInput(input);
      const had = declared.get(table);
      if (columns.length === 0 || had === 'every column') declared.set(table, 'every column');
      else declared.set(table, new Set([...(had ?? []), ...columns, 'id']));
    }
    const missing: string[] = [];
    for (const [table, columns] of used) {
      const mine = declared.get(table);
      if (!mine) missing.push(table);
      else if (mine !== 'every column') for (const c of columns) if (!mine.has(c)) missing.push(`${table}.${c}`);
    }
    expect(missing).toEqual([]);
  } finally {
    session.close();
  }
});

test('an edit of each kind changes the part that reads it, at once', async () => {
  const api = t.api;
  const view = () => api.call('overview:get', {});
  const findingCoverage = async () => (await api.call('report:coverage', { scope: 'finding', planId: ids.plan })).find((c) => c.targetId === ids.finding)!;

  // Progress: a progress update, a milestone's result, an action's status, a person's name.
  const before = await view();
  expect(before.actionRags?.[0]?.rag).toBe('amber');
  await api.call('progress:create', { actionId: ids.action, reportedOn: '2026-11-20', status: 'on_track', rag: 'green', highlights: 'Caught up.' });
  expect((await view()).actionRags?.[0]?.rag).toBe('green');
  const stone = await api.call('milestone:get', { id: ids.milestone });
  await api.call('milestone:update', { id: ids.milestone, expectedVersion: stone.version, status: 'achieved', achievedOn: '2026-09-29' });
  expect((await view()).milestones.byStatus.find((m) => m.key === 'achieved')!.count).toBe(1);
  const overdueOwner = (await view()).overdue.find((o) => o.kind === 'action')!.ownerName;
  expect(overdueOwner).toBe('Sam Lead');
  const person = await api.call('person:get', { id: ids.person });
  await api.call('person:update', { id: ids.person, expectedVersion: person.version, name: 'Sam Leader' });
  expect((await view()).overdue.find((o) => o.kind === 'action')!.ownerName).toBe('Sam Leader');
  const priority = await api.call('priority:get', { id: ids.priority });
  await api.call('priority:update', { id: ids.priority, expectedVersion: priority.version, title: 'Waiting less' });
  expect((await view()).priorities[0]!.title).toBe('Waiting less');

  // Indicators: a target met, then a value that misses it again.
  expect((await view()).indicatorsOffTarget.map((i) => i.code)).toEqual(['K1']);
  await api.call('value:set', { indicatorId: ids.indicator, periodLabel: '2026', periodStart: '2026-01-01', geography: 'local', value: 70, provisional: false });
  expect((await view()).indicatorsOffTarget).toEqual([]);
  const indicator = await api.call('indicator:get', { id: ids.indicator });
  await api.call('indicator:update', { id: ids.indicator, expectedVersion: indicator.version, polarity: 'lower_is_better' });
  expect((await view()).indicatorsOffTarget.map((i) => i.code)).toEqual(['K1']);

  // Readiness: a verdict resolves a finding; a renamed SEF.
  expect((await view()).readiness!.findings.map((f) => f.reference)).toEqual(['SW1', 'SW2']);
  await api.call('assessment:create', { findingId: ids.finding, eventId: ids.running, result: 'sufficient_progress', assessedOn: '2026-11-21' });
  expect((await view()).readiness!.findings.map((f) => f.reference)).toEqual(['SW2']);
  const sef = await api.call('sef:get', { id: ids.sef });
  await api.call('sef:update', { id: ids.sef, expectedVersion: sef.version, title: 'SEF, November 2026' });
  expect((await view()).readiness!.sef!.title).toBe('SEF, November 2026');

  // Coverage and the SEF's coverage: a new link, an item's level, a milestone removed.
  expect((await findingCoverage()).total).toBe(1);
  const survey = await api.call('evidence:create', { title: 'Board paper', kind: 'board_paper', level: 'output' });
  expect((await view()).counts.evidence).toBe(2);
  await api.call('evidence:link', { evidenceId: survey.id, target: { type: 'priority', id: ids.priority } });
  expect((await findingCoverage()).total).toBe(2);
  const item = await api.call('evidence:get', { id: ids.evidence });
  await api.call('evidence:update', { id: ids.evidence, expectedVersion: item.version, level: 'activity' });
  expect((await findingCoverage()).byLevel.impact).toBe(0);
  const sectionBefore = (await view()).readiness!.sef!.warnings.join(' ');
  expect(sectionBefore).toContain('No evidence of impact');
  await api.call('evidence:update', { id: ids.evidence, expectedVersion: item.version + 1, level: 'impact' });
  expect((await view()).readiness!.sef!.warnings.join(' ')).not.toContain('No evidence of impact');
  await api.call('milestone:delete', { id: ids.milestone });
  await api.call('evidence:unlink', { evidenceId: ids.evidence, target: { type: 'action', id: ids.action } });
  expect((await findingCoverage()).total).toBe(1);
  expect((await view()).readiness!.sef!.warnings.join(' ')).toContain('No evidence linked yet');
});

test('an edit of one part’s input leaves the other parts remembered', async () => {
  const ctx = t.session.context()!;
  const before = overview(ctx, {});
  const coverageBefore = coverage(ctx, { scope: 'finding', planId: ids.plan });
  await t.api.call('value:set', { indicatorId: ids.indicator, periodLabel: '2026', periodStart: '2026-01-01', geography: 'local', value: 45, provisional: false });
  const after = overview(ctx, {});
  expect(after.indicatorsOffTarget).not.toBe(before.indicatorsOffTarget);
  // The very same objects: not read again.
  expect(after.priorities).toBe(before.priorities);
  expect(after.readiness!.findings).toBe(before.readiness!.findings);
  expect(after.counts).toBe(before.counts);
  expect(coverage(ctx, { scope: 'finding', planId: ids.plan })).toBe(coverageBefore);
  // An action's status is progress, not coverage: the coverage stays remembered.
  const action = await t.api.call('action:get', { id: ids.action });
  await t.api.call('action:update', { id: ids.action, expectedVersion: action.version, status: 'delayed' });
  expect(overview(ctx, {}).actions).not.toBe(after.actions);
  expect(coverage(ctx, { scope: 'finding', planId: ids.plan })).toBe(coverageBefore);
  expect(overview(ctx, {}).indicatorsOffTarget).toBe(after.indicatorsOffTarget);
});
