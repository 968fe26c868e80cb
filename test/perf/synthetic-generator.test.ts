/**
 * The synthetic generator at scale S: same seed, same content; rows the contract accepts; an
 * intact audit chain; and the counts the scale asks for.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../db/open-workbook';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { verifyAuditChain } from '../../electron/core/services/audit-log';
import { generateWorkbook, type GenerateSummary } from '../../electron/core/synthetic/generate-workbook';
import { SCALES } from '../../electron/core/synthetic/scales';
import { tempDir } from '../helpers/temp-workbook';

// Columns the app fills with random values (workbook id, deletion ids) or derives from them.
const CONTENT_TABLES: Record<string, string> = {
  people: 'id, name, role, partner_id, email, created_at',
  inspection_events: 'id, kind, framework_id, title, published_on, outcome, summary',
  findings: 'id, event_id, type, reference, title, text',
  actions: 'id, priority_id, reference, what, how, due_on, revised_due_on, status, deleted_at',
  milestones: 'id, action_id, title, due_on, status, achieved_on, created_at, deleted_at',
  progress_updates: 'id, action_id, milestone_id, reported_on, status, rag, highlights, issues, author',
  evidence_items: 'id, reference, title, kind, level, summary, owner_person_id, effective_from, added_on, deleted_at',
  evidence_links: 'id, evidence_id, finding_id, priority_id, action_id, milestone_id, indicator_id, sef_section_id, note',
  indicator_values: 'id, indicator_id, period_label, period_start, geography, value',
  sef_sections: 'id, sef_id, criterion_id, judgement, what_we_know, impact',
  audit_log: "id, at, entity, entity_id, operation, field, CASE WHEN operation IN ('delete', 'restore') THEN NULL ELSE new_value END",
};

async function contentDigest(file: string): Promise<string> {
  const hash = createHash('sha256');
  const w = await openWorkbook(file, { readOnly: true });
  try {
    for (const [table, columns] of Object.entries(CONTENT_TABLES)) {
      for (const row of w.sqlite.prepare(`SELECT ${columns} FROM ${table} ORDER BY id`).raw().iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    w.close();
  }
}

let dir: string;
let first: GenerateSummary;
let firstFile: string;

beforeAll(async () => {
  dir = tempDir('ewb-synthetic-');
  firstFile = path.join(dir, 'first.workbook');
  first = await generateWorkbook(firstFile, { scale: 'S', seed: 7 });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic workbook at scale S', () => {
  it('has the counts the scale asks for', () => {
    const spec = SCALES.S;
    expect(first.counts).toMatchObject({
      inspection_events: spec.events,
      findings: spec.findings,
      plans: spec.plans,
      priorities: spec.priorities,
      actions: spec.actions,
      milestones: spec.milestones,
      progress_updates: spec.progressUpdates,
      evidence_items: spec.evidenceItems,
      evidence_links: spec.evidenceLinks,
      indicators: spec.indicators,
      indicator_values: spec.indicators * spec.periods * spec.geographies,
      self_evaluations: spec.sefVersions,
      bin_entries: first.counts.deletions,
    });
    expect(first.counts.deletions).toBeGreaterThan(0);
    expect(first.counts.audit_log).toBeGreaterThan(first.counts.evidence_items! + first.counts.evidence_links!);
  });

  it('is the same for the same seed and different for another', async () => {
    const again = path.join(dir, 'again.workbook');
    const other = path.join(dir, 'other.workbook');
    await generateWorkbook(again, { scale: 'S', seed: 7 });
    await generateWorkbook(other, { scale: 'S', seed: 8 });
    const [a, b, c] = await Promise.all([contentDigest(firstFile), contentDigest(again), contentDigest(other)]);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  }, 120_000);

  it('keeps an intact audit chain and every link between records', async () => {
    const w = await openWorkbook(firstFile, { readOnly: true });
    try {
      expect(verifyAuditChain(w.sqlite)).toMatchObject({ intact: true, entries: first.counts.audit_log });
      expect(w.sqlite.pragma('foreign_key_check')).toEqual([]);
      // The search index follows the bulk-written rows too (kept by triggers).
      const indexed = w.sqlite.prepare("SELECT count(*) FROM search_docs WHERE entity = 'evidence'").pluck().get();
      const live = w.sqlite.prepare('SELECT count(*) FROM evidence_items WHERE deleted_at IS NULL').pluck().get();
      expect(indexed).toBe(live);
    } finally {
      w.close();
    }
  });

  it('holds rows the contract accepts, read back through every list and item channel', async () => {
    const w = await openWorkbook(firstFile);
    const session = new WorkbookSession({ now: () => new Date('2026-11-22T10:00:00Z') });
    session.use(w);
    const errors: unknown[] = [];
    const dispatch = createDispatcher(session, { validateOutput: true, logError: (channel, e) => errors.push({ channel, e }) });
    const ask = async (channel: string, input: unknown) => {
      const r = await dispatch(channel, input);
      expect(r, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: true });
      return (r as { value: unknown }).value;
    };
    try {
      const pick = (sql: string) => w.sqlite.prepare(sql).pluck().all() as number[];
      for (const channel of ['event:list', 'finding:list', 'plan:list', 'priority:list', 'action:list', 'milestone:list', 'evidence:list', 'indicator:list', 'sef:list', 'bin:list', 'history:recent', 'person:list', 'partner:list']) {
        await ask(channel, { limit: 500 });
      }
      for (const id of pick('SELECT id FROM actions WHERE deleted_at IS NULL ORDER BY id LIMIT 5')) {
        await ask('action:get', { id });
        await ask('progress:list', { actionId: id, limit: 500 });
        await ask('evidence:links', { target: { type: 'action', id } });
        await ask('history:get', { entity: 'action', id });
      }
      for (const id of pick('SELECT id FROM evidence_items WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 5')) {
        await ask('evidence:get', { id });
        await ask('evidence:links', { evidenceId: id });
      }
      for (const id of pick('SELECT id FROM indicators ORDER BY id LIMIT 3')) await ask('value:list', { indicatorId: id, limit: 500 });
      for (const id of pick('SELECT id FROM self_evaluations ORDER BY id')) await ask('section:list', { sefId: id });
      await ask('overview:get', {});
      await ask('indicator:status', {});
      await ask('report:coverage', { scope: 'finding' });
      expect(errors).toEqual([]);
    } finally {
      session.close();
    }
  }, 60_000);
});

describe('scale XL', () => {
  it('has five times L in volume with as many plans as L, so each plan is five times larger (issue #17)', () => {
    expect(SCALES.XL.plans).toBe(SCALES.L.plans);
    expect(SCALES.XL.actions / SCALES.XL.plans).toBe((5 * SCALES.L.actions) / SCALES.L.plans);
    expect(SCALES.XL.milestones / SCALES.XL.plans).toBe((5 * SCALES.L.milestones) / SCALES.L.plans);
    expect(SCALES.XL.evidenceItems).toBe(5 * SCALES.L.evidenceItems);
  });
});
