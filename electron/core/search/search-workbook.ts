/**
 * Search across the workbook (issue #6): one FTS5 query ranked by bm25 (titles weigh more), with
 * filters by type, kind, level, date and linked item. The index itself is kept in step by the
 * triggers in db/migrations/0002_add_search_index.sql, so this module only reads.
 *
 * Three statements per query: the newest matches are counted per type in SQLite (up to a cap, no
 * scoring), every match is ranked by bm25 (issue #17: the first page is the full ranking's top),
 * then highlighted titles and snippets are built for the page shown, in one pass. Every FTS5
 * statement sets its MATCH up afresh, and bm25 reads each word's whole doclist once per statement
 * to weigh it, so only the ranking statement scores.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  SEARCH_TYPES,
  type SearchOutput,
  type SearchResult,
  type SearchType,
  type searchInput,
  type TextPart,
} from '../../contract/groups/files';
import type { LinkTarget } from '../../contract/enums';
import { label } from '../../contract/enums';
import { inPlan, ukDate } from '../../contract/format';
import type { ServiceContext } from '../services/context';
import { buildMatchExpression } from './fts-query';

export type SearchQuery = Omit<z.input<typeof searchInput>, 'limit'> & { limit?: number };

// Highlight markers: control characters the contract strips from every text field and the
// extractor strips from file text, so they can only come from FTS5's highlight()/snippet().
const HIT_START = '\u0002';
const HIT_END = '\u0003';
const SNIPPET_WORDS = 24;

const LINK_COLUMN: Record<LinkTarget, string> = {
  finding: 'finding_id',
  priority: 'priority_id',
  action: 'action_id',
  milestone: 'milestone_id',
  indicator: 'indicator_id',
  sefSection: 'sef_section_id',
};

const EVIDENCE_TYPES: SearchType[] = ['evidence', 'evidenceFile'];

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) {
    cache = new Map();
    statementCache.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** Splits FTS5 highlight output into runs of text, marking the matched words. */
export function toParts(marked: string | null): TextPart[] {
  if (!marked) return [];
  const parts: TextPart[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start === -1) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(HIT_END, start + 1);
    const hit = rest.slice(start + 1, end === -1 ? undefined : end);
    if (hit) parts.push({ text: hit, hit: true });
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return parts;
}

interface Filter {
  where: string[];
  params: unknown[];
}

function buildFilter(query: SearchQuery, withTypes: boolean): Filter | null {
  const where: string[] = [];
  const params: unknown[] = [];
  let types: readonly SearchType[] | undefined = withTypes && query.types?.length ? query.types : undefined;
  // Kind, level and linked item describe evidence: other records cannot match them.
  if (query.kind || query.level || query.linkedTo) {
    types = (types ?? SEARCH_TYPES).filter((t) => EVIDENCE_TYPES.includes(t));
    if (types.length === 0) return null;
  }
  if (types) {
    where.push(`d.entity IN (${types.map(() => '?').join(', ')})`);
    params.push(...types);
  }
  // Kind and level as one set of evidence ids, read once from the (kind, level) index: a join looked
  // up every matching record's wide evidence row, most of them of another kind.
  if (query.kind || query.level) {
    const conditions: string[] = [];
    if (query.kind) {
      conditions.push('kind = ?');
      params.push(query.kind);
    }
    if (query.level) {
      conditions.push('level = ?');
      params.push(query.level);
    }
    where.push(`d.evidence_id IN (SELECT id FROM evidence_items WHERE ${conditions.join(' AND ')})`);
  }
  if (query.from) {
    where.push('d.on_date >= ?');
    params.push(query.from);
  }
  if (query.to) {
    where.push('d.on_date <= ?');
    params.push(query.to);
  }
  if (query.linkedTo) {
    where.push(
      `d.evidence_id IN (SELECT l.evidence_id FROM evidence_links l WHERE l.${LINK_COLUMN[query.linkedTo.type]} = ? AND l.deleted_at IS NULL)`,
    );
    params.push(query.linkedTo.id);
  }
  return { where, params };
}

function fromClause(filter: Filter): string {
  const where = ['search_fts MATCH ?', ...filter.where].join(' AND ');
  return `FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE ${where}`;
}

export interface DocRow {
  rowid: number;
  entity: SearchType;
  entityId: number;
  evidenceId: number | null;
  onDate: string | null;
}

export type Candidate = DocRow & { score: number };

interface Described {
  context: string;
  openAt: SearchResult['openAt'];
  /** A title for records whose own title is not text (a SEF section's criterion). */
  title?: string;
}

type Describer = (ctx: ServiceContext, ids: number[]) => Map<number, Described>;

function rows<T>(ctx: ServiceContext, sql: string, ids: number[]): T[] {
  return prepared(ctx.workbook.sqlite, sql).all(JSON.stringify(ids)) as T[];
}

const IN_IDS = 'IN (SELECT value FROM json_each(?))';
const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

const describers: Record<SearchType, Describer> = {
  evidence: (ctx, ids) =>
    new Map(
      rows<{ id: number; kind: string; level: string }>(ctx, `SELECT id, kind, level FROM evidence_items WHERE id ${IN_IDS}`, ids).map((r) => [
        r.id,
        { context: join('Evidence', label(r.kind), label(r.level)), openAt: { type: 'evidence', id: r.id } },
      ]),
    ),
  evidenceFile: (ctx, ids) =>
    new Map(
      rows<{ id: number; evidenceId: number; reference: string; title: string }>(
        ctx,
        `SELECT f.id, f.evidence_id AS evidenceId, e.reference, e.title FROM evidence_files f JOIN evidence_items e ON e.id = f.evidence_id WHERE f.id ${IN_IDS}`,
        ids,
      ).map((r) => [r.id, { context: `File in ${r.reference} ${r.title}`, openAt: { type: 'evidence', id: r.evidenceId } }]),
    ),
  finding: (ctx, ids) =>
    new Map(
      rows<{ id: number; event: string }>(
        ctx,
        `SELECT f.id, ev.title AS event FROM findings f JOIN inspection_events ev ON ev.id = f.event_id WHERE f.id ${IN_IDS}`,
        ids,
      ).map((r) => [r.id, { context: join('Finding', r.event), openAt: { type: 'finding', id: r.id } }]),
    ),
  priority: (ctx, ids) =>
    new Map(
      rows<{ id: number; plan: string }>(ctx, `SELECT p.id, pl.title AS plan FROM priorities p JOIN plans pl ON pl.id = p.plan_id WHERE p.id ${IN_IDS}`, ids).map(
        (r) => [r.id, { context: inPlan('Priority', r.plan), openAt: { type: 'priority', id: r.id } }],
      ),
    ),
  action: (ctx, ids) =>
    new Map(
      rows<{ id: number; priority: string; plan: string; status: string }>(
        ctx,
        `SELECT a.id, p.reference AS priority, pl.title AS plan, a.status FROM actions a JOIN priorities p ON p.id = a.priority_id JOIN plans pl ON pl.id = p.plan_id WHERE a.id ${IN_IDS}`,
        ids,
      ).map((r) => [r.id, { context: join(inPlan(`Action in priority ${r.priority}`, r.plan), label(r.status)), openAt: { type: 'action', id: r.id } }]),
    ),
  milestone: (ctx, ids) =>
    new Map(
      rows<{ id: number; actionId: number; action: string; plan: string; status: string }>(
        ctx,
        `SELECT m.id, a.id AS actionId, a.reference AS action, pl.title AS plan, m.status FROM milestones m JOIN actions a ON a.id = m.action_id JOIN priorities p ON p.id = a.priority_id JOIN plans pl ON pl.id = p.plan_id WHERE m.id ${IN_IDS}`,
        ids,
      ).map((r) => [r.id, { context: join(inPlan(`Milestone of action ${r.action}`, r.plan), label(r.status)), openAt: { type: 'action', id: r.actionId } }]),
    ),
  progress: (ctx, ids) =>
    new Map(
      rows<{ id: number; actionId: number; action: string; plan: string; reportedOn: string }>(
        ctx,
        `SELECT u.id, a.id AS actionId, a.reference AS action, pl.title AS plan, u.reported_on AS reportedOn FROM progress_updates u JOIN actions a ON a.id = u.action_id JOIN priorities p ON p.id = a.priority_id JOIN plans pl ON pl.id = p.plan_id WHERE u.id ${IN_IDS}`,
        ids,
      ).map((r) => [
        r.id,
        {
          context: inPlan(`Progress update of ${ukDate(r.reportedOn)} on action ${r.action}`, r.plan),
          openAt: { type: 'action', id: r.actionId },
          title: `Progress update, ${ukDate(r.reportedOn)}`,
        },
      ]),
    ),
  section: (ctx, ids) =>
    new Map(
      rows<{ id: number; criterionId: string; sef: string; frameworkId: string }>(
        ctx,
        `SELECT s.id, s.criterion_id AS criterionId, sef.title AS sef, sef.framework_id AS frameworkId FROM sef_sections s JOIN self_evaluations sef ON sef.id = s.sef_id WHERE s.id ${IN_IDS}`,
        ids,
      ).map((r) => {
        const criterion = ctx.reference.frameworks.find((f) => f.id === r.frameworkId)?.criteria.find((c) => c.id === r.criterionId);
        return [r.id, { context: join('Self-evaluation', r.sef), openAt: { type: 'section', id: r.id }, title: criterion?.label ?? r.criterionId }];
      }),
    ),
  indicator: (_ctx, ids) => new Map(ids.map((id) => [id, { context: 'Indicator', openAt: { type: 'indicator', id } }])),
  person: (ctx, ids) =>
    new Map(
      rows<{ id: number; role: string; partner: string | null }>(
        ctx,
        `SELECT p.id, p.role, pa.name AS partner FROM people p LEFT JOIN partners pa ON pa.id = p.partner_id WHERE p.id ${IN_IDS}`,
        ids,
      ).map((r) => [r.id, { context: join('Person', r.role, r.partner), openAt: { type: 'person', id: r.id } }]),
    ),
};

const EMPTY: SearchOutput = { results: [], counts: {}, total: 0, moreThanTotal: false, notice: null };

/** Matches are counted up to this; beyond it the answer says "more than". */
const COUNT_LIMIT = 1_000;

/** bm25 with titles weighing eight times the body: the same weights as the index's own `rank`. */
const SCORE = 'bm25(search_fts, 8.0, 1.0)';

/**
 * The best `limit` matches by bm25 over every match (issue #17: ranking only the newest matches
 * could leave the best-ranked record unseen). Without filters FTS5 is read alone, so the per-match
 * cost is bm25 and nothing else (a join to search_docs per match cost as much again); the few
 * rows shown are looked up afterwards. bm25 is lower for better matches; ties go to the newer record.
 * Exported for the benchmark's and the tests' top-20 agreement check.
 */
export function rankAllMatches(sqlite: Database.Database, expression: string, filter: { where: string[]; params: unknown[] }, limit: number): Candidate[] {
  if (filter.where.length === 0) {
    const ranked = prepared(sqlite, `SELECT rowid, ${SCORE} AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score, rowid DESC LIMIT ?`).all(
      expression,
      limit,
    ) as { rowid: number; score: number }[];
    if (ranked.length === 0) return [];
    const docs = new Map(
      (
        prepared(sqlite, `SELECT id AS rowid, entity, entity_id AS entityId, evidence_id AS evidenceId, on_date AS onDate FROM search_docs WHERE id ${IN_IDS}`).all(
          JSON.stringify(ranked.map((r) => r.rowid)),
        ) as DocRow[]
      ).map((d) => [d.rowid, d]),
    );
    return ranked.flatMap((r) => {
      const d = docs.get(r.rowid);
      return d ? [{ ...d, score: r.score }] : [];
    });
  }
  return prepared(
    sqlite,
    `SELECT search_fts.rowid AS rowid, ${SCORE} AS score, d.entity AS entity, d.entity_id AS entityId, d.evidence_id AS evidenceId, d.on_date AS onDate ${fromClause(filter)} ORDER BY score, search_fts.rowid DESC LIMIT ?`,
  ).all(expression, ...filter.params, limit) as Candidate[];
}

/** Searches the open workbook. Plain function: the 'search:query' channel and the benchmark call it. */
export function searchWorkbook(ctx: ServiceContext, query: SearchQuery): SearchOutput {
  const match = buildMatchExpression(query.q ?? '');
  if (!match) {
    return { ...EMPTY, notice: (query.q ?? '').trim() ? 'Type at least two letters or numbers to search.' : null };
  }
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 20)), 200);
  const sqlite = ctx.workbook.sqlite;

  // Counts per type (every filter but the type) over the newest matches, up to the count limit,
  // summed in SQLite. No bm25 here: bm25 first reads each word's whole doclist to weigh it (its
  // IDF), so scoring the newest matches as well as ranking them all paid for that twice, and a
  // common word's count pass cost as much as a third of its ranking (issue #17).
  const scope = buildFilter(query, false);
  const filter = buildFilter(query, true);
  if (!scope) return EMPTY;
  const wanted = (entity: SearchType) => !query.types?.length || query.types.includes(entity);
  const counted = prepared(
    sqlite,
    `SELECT entity, count(*) AS n FROM (SELECT d.entity AS entity ${fromClause(scope)} ORDER BY search_fts.rowid DESC LIMIT ${COUNT_LIMIT + 1}) GROUP BY entity`,
  ).all(match.expression, ...scope.params) as { entity: SearchType; n: number }[];

  const counts: Record<string, number> = {};
  let total = 0;
  let seen = 0;
  for (const { entity, n } of counted) {
    counts[entity] = n;
    seen += n;
    if (wanted(entity)) total += n;
  }
  const moreThanTotal = seen > COUNT_LIMIT;
  if (moreThanTotal) total = Math.min(total, COUNT_LIMIT);
  // Nothing of the wanted types (or a type the other filters rule out): nothing to rank.
  if (!filter || (total === 0 && !moreThanTotal)) return { ...EMPTY, counts, total, moreThanTotal };

  const top = rankAllMatches(sqlite, match.expression, filter, limit);
  if (top.length === 0) return { ...EMPTY, counts, total, moreThanTotal };

  // One statement for the page shown. FTS5 would take `rowid IN (...)` or `rowid = ?` as a seek and
  // run the whole MATCH again per row, and a prefix word with no prefix index (4+ letters) rebuilds
  // its merged doclist each time (about 1 ms per row on the large workbook). Instead FTS5 walks the
  // matches once between the lowest and highest rowid shown, and `+rowid` (not a constraint FTS5 can
  // take) keeps highlight() and snippet() to the shown rows. Rowids are bound as integers: a
  // JavaScript number goes as REAL, which FTS5 cannot use as a bound.
  const rowids = top.map((t) => t.rowid);
  const markedRows = prepared(
    sqlite,
    `SELECT rowid, highlight(search_fts, 0, char(2), char(3)) AS title, snippet(search_fts, 1, char(2), char(3), '…', ${SNIPPET_WORDS}) AS snippet FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))`,
  ).all(match.expression, BigInt(Math.min(...rowids)), BigInt(Math.max(...rowids)), JSON.stringify(rowids)) as {
    rowid: number;
    title: string | null;
    snippet: string | null;
  }[];
  const marked = new Map(markedRows.map((m) => [m.rowid, m]));

  const byType = new Map<SearchType, number[]>();
  for (const t of top) byType.set(t.entity, [...(byType.get(t.entity) ?? []), t.entityId]);
  const described = new Map<string, Described>();
  for (const [type, ids] of byType) {
    for (const [id, d] of describers[type](ctx, ids)) described.set(`${type}:${id}`, d);
  }

  const results: SearchResult[] = [];
  for (const t of top) {
    const d = described.get(`${t.entity}:${t.entityId}`);
    const m = marked.get(t.rowid);
    if (!d) continue;
    const title = toParts(m?.title?.trim() ? m.title : null);
    results.push({
      type: t.entity,
      id: t.entityId,
      title: title.length > 0 ? title : [{ text: d.title ?? '', hit: false }],
      snippet: toParts(m?.snippet ?? null),
      context: d.context,
      openAt: d.openAt,
      date: t.onDate,
    });
  }
  return { results, counts, total, moreThanTotal, notice: null };
}
