/**
 * Issue #14, failures 1 and 2 as attacks: a returned file can change only the rows of the export
 * it came from, in the plan it came from; a file far larger than that plan is refused before it
 * is read, quickly and without the memory it would take to read it.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actions, milestones, priorities, progressUpdates } from '../../db/schema';
import { applyPlanReturn, compareReturn, readReturnFor } from '../../electron/core/plan-returns/plan-returns';
import type { ParsedReturn } from '../../electron/core/plan-returns/read-return';
import { readBookParts, readSheet } from '../../electron/core/plan-returns/xlsx-stream';
import { ServiceError } from '../../electron/core/services/service-error';
import type { ServiceContext } from '../../electron/core/services/context';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildPlanFixture, type PlanFixture } from '../exports-xlsx/plan-fixture';
import { b64, editWorkbook, exportPlan, findRow, setCell } from '../exports-xlsx/xlsx-helpers';

let t: TestWorkbook;
let fx: PlanFixture;
let other: { planId: number; actionId: number; milestoneId: number; updateId: number };

beforeEach(async () => {
  t = makeTestWorkbook({ now: '2026-11-22T10:00:00Z' });
  fx = await buildPlanFixture(t.api);
  const plan = await t.api.call('plan:create', { type: 'pap', title: 'Improvement plan 2026' });
  const p = await t.api.call('priority:create', { planId: plan.id, reference: 'Q1', title: 'Preparation for adulthood' });
  const a = await t.api.call('action:create', { priorityId: p.id, reference: '9.1', what: 'Agree the transition protocol.', dueOn: '2027-05-31', status: 'on_track' });
  const m = await t.api.call('milestone:create', { actionId: a.id, title: 'Protocol drafted', dueOn: '2027-01-31' });
  const u = await t.api.call('progress:create', { actionId: a.id, reportedOn: '2026-11-01', status: 'on_track', highlights: 'Drafting started.' });
  other = { planId: plan.id, actionId: a.id, milestoneId: m.id, updateId: u.id };
});
afterEach(() => t.cleanup());

const ctx = () => t.session.context()!;

/** Everything of the other plan a return could touch, as stored. */
function otherPlanState(c: ServiceContext) {
  const actionRows = c.db
    .select()
    .from(actions)
    .innerJoin(priorities, eq(priorities.id, actions.priorityId))
    .where(eq(priorities.planId, other.planId))
    .all()
    .map((r) => r.actions);
  const ids = actionRows.map((a) => a.id);
  return JSON.stringify({
    actions: actionRows,
    milestones: c.db.select().from(milestones).where(inArray(milestones.actionId, ids)).all(),
    updates: c.db.select().from(progressUpdates).where(inArray(progressUpdates.actionId, ids)).all(),
  });
}

function identityCell(ws: ExcelJS.Worksheet, row: ExcelJS.Row): ExcelJS.Cell {
  const col = [...Array(ws.getRow(2).cellCount).keys()].map((i) => i + 1).find((c) => ws.getRow(2).getCell(c).value === 'Row ID (do not change)')!;
  return row.getCell(col);
}

/** The Lists sheet's export identity cell (ewb:<workbook>:plan:<id>:at:<time>:x:<export>). */
function exportCell(wb: ExcelJS.Workbook): ExcelJS.Cell {
  const lists = wb.getWorksheet('Lists')!;
  for (let c = 1; c <= 10; c++) if (String(lists.getCell(2, c).value ?? '').startsWith('ewb:')) return lists.getCell(2, c);
  throw new Error('no export identity');
}

describe('a returned Row ID cannot reach outside the export and plan it came from', () => {
  it('a Row ID edited to point at an action of another plan is rejected with the reason, and that action is untouched', async () => {
    const before = otherPlanState(ctx());
    const edited = await editWorkbook(await exportPlan(t.api, fx.planId), (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      const row = findRow(plan, 'Action ref', '1.1');
      const cell = identityCell(plan, row);
      cell.value = String(cell.value).replace(`:action:${fx.actions.a11}:`, `:action:${other.actionId}:`);
      setCell(plan, row, 'What we will do', 'Overwritten from a spreadsheet of another plan.');
      setCell(plan, row, 'Status', 'Complete');
    });
    const p = await t.api.call('import:planPreview', { base64: b64(edited), fileName: 'return.xlsx' });
    expect(p.rows).toEqual([]);
    expect(p.rejected).toHaveLength(1);
    expect(p.rejected[0]!.reason).toMatch(/not in the file as it was exported/);
    const r = await t.api.result('import:planApply', { base64: b64(edited), fileName: 'return.xlsx', decisions: [] });
    expect(r.ok).toBe(true);
    expect(otherPlanState(ctx())).toBe(before);
  });

  it('with the export id stripped from the file, the plan still binds: the other plan’s action is rejected', async () => {
    const before = otherPlanState(ctx());
    const edited = await editWorkbook(await exportPlan(t.api, fx.planId), (wb) => {
      const cell = exportCell(wb);
      cell.value = String(cell.value).replace(/:x:[A-Za-z0-9_-]+$/, '');
      const stones = wb.getWorksheet('Milestones')!;
      const row = findRow(stones, 'Milestone', 'First quarterly audit reported');
      const id = identityCell(stones, row);
      id.value = String(id.value).replace(`:milestone:${fx.milestones.m112}:`, `:milestone:${other.milestoneId}:`);
      setCell(stones, row, 'Milestone', 'Renamed through a forged Row ID');
    });
    const p = await t.api.call('import:planPreview', { base64: b64(edited), fileName: 'return.xlsx' });
    expect(p.rows).toEqual([]);
    expect(p.rejected.map((r) => r.reason).join(' ')).toMatch(/belongs to another plan/);
    expect(p.warnings.join(' ')).toMatch(/does not say which export it came from/);
    await t.api.call('import:planApply', { base64: b64(edited), fileName: 'return.xlsx', decisions: [] });
    expect(otherPlanState(ctx())).toBe(before);
  });

  it('a file whose export details were edited to name another plan is not used at all', async () => {
    const edited = await editWorkbook(await exportPlan(t.api, fx.planId), (wb) => {
      const cell = exportCell(wb);
      cell.value = String(cell.value).replace(`:plan:${fx.planId}:`, `:plan:${other.planId}:`);
      const plan = wb.getWorksheet('Plan')!;
      setCell(plan, findRow(plan, 'Action ref', '1.2'), 'Status', 'Complete');
    });
    const p = await t.api.call('import:planPreview', { base64: b64(edited), fileName: 'return.xlsx' });
    expect(p.rows).toEqual([]);
    expect(p.rejected.length).toBeGreaterThan(0);
    expect(p.warnings.join(' ')).toMatch(/export details were changed/);
  });

  it('property: arbitrary Row IDs never change anything outside the exported plan', async () => {
    const c = ctx();
    const base = await readReturnFor(c, await exportPlan(t.api, fx.planId), 'return.xlsx');
    const workbookId = base.plan!.workbookId;
    const before = otherPlanState(c);
    const knownIds = [fx.actions.a11, fx.actions.a12, fx.actions.a21, other.actionId, fx.milestones.m111, fx.milestones.m112, other.milestoneId, other.updateId];
    const rowId = fc.oneof(
      fc.record({
        wb: fc.oneof(fc.constant(workbookId), fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/)),
        entity: fc.constantFrom('action', 'milestone', 'progress'),
        id: fc.oneof(fc.constantFrom(...knownIds), fc.integer({ min: 0, max: 50 })),
        version: fc.integer({ min: 1, max: 4 }),
        prints: fc.stringMatching(/^[A-Za-z0-9_-]{0,60}$/),
      }).map((r) => `ewb:${r.wb}:${r.entity}:${r.id}:v${r.version}:${r.prints}`),
      fc.string({ maxLength: 80 }),
    );
    const planIdentity = fc.oneof(
      fc.constant(base.plan),
      fc.constant({ ...base.plan!, exportId: null }),
      fc.constant({ ...base.plan!, planId: other.planId }),
      fc.constant({ ...base.plan!, planId: other.planId, exportId: null }),
      fc.constant(null),
    );
    await fc.assert(
      fc.property(fc.array(rowId, { minLength: base.rows.length, maxLength: base.rows.length }), planIdentity, (ids, plan) => {
        // Fix the one shape that may legitimately reach the other plan: a file that names it and no export.
        fc.pre(!(plan && plan.planId === other.planId && plan.exportId === null));
        const parsed: ParsedReturn = {
          ...base,
          plan,
          rows: base.rows.map((r, i) => ({
            ...r,
            identity: ids[i]!,
            cells: { ...r.cells, what: 'Changed by a forged row', title: 'Changed by a forged row', status: 'Complete', newHighlights: 'Forged highlights', actionRef: '9.1', highlights: 'Forged', reportedOn: '20/11/2026' },
          })),
        };
        const rolledBack = new Error('roll back');
        try {
          c.workbook.sqlite.transaction(() => {
            compareReturn(c, parsed);
            applyPlanReturn(c, parsed, { defaultConflictResolution: 'take_theirs' });
            expect(otherPlanState(c)).toBe(before);
            throw rolledBack;
          })();
        } catch (e) {
          if (e !== rolledBack) throw e;
        }
      }),
      { numRuns: 120 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** The zip path of a sheet by its name. */
function sheetPath(files: Record<string, Uint8Array>, name: string): string {
  const book = strFromU8(files['xl/workbook.xml']!);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1]!;
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1]!;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

const rowCache = new Map<string, string>();
function extraRows(from: number, to: number): string {
  const key = `${from}:${to}`;
  if (!rowCache.has(key)) {
    const parts: string[] = [];
    for (let r = from; r <= to; r++) parts.push(`<row r="${r}"><c r="C${r}" t="inlineStr"><is><t>1.1</t></is></c><c r="E${r}" t="inlineStr"><is><t>Row ${r}</t></is></c></row>`);
    rowCache.set(key, parts.join(''));
  }
  return rowCache.get(key)!;
}

/** An exported plan with `extra` rows appended to its Updates sheet (small on disk, huge once read). */
function withHugeSheet(exported: Uint8Array, extra: number, declare: boolean): Buffer {
  const files = unzipSync(exported);
  const path = sheetPath(files, 'Updates');
  const xml = strFromU8(files[path]!);
  const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const total = last + extra;
  // Where Excel writes it: before the sheet's views and data (exceljs's streaming writer leaves it out).
  const dimension = declare ? `<dimension ref="A1:M${total}"/>` : '';
  const body = xml.replace(/<dimension [^>]*\/>/, '');
  const cut = body.search(/<sheetViews|<sheetFormatPr|<cols|<sheetData/);
  const withDimension = body.slice(0, cut) + dimension + body.slice(cut);
  const head = withDimension.slice(0, withDimension.indexOf('</sheetData>'));
  files[path] = strToU8(head + extraRows(last + 1, total) + withDimension.slice(withDimension.indexOf('</sheetData>')));
  // Fast compression: the point is the row count, and the machine running tests is shared.
  return Buffer.from(zipSync(files, { level: 1 }));
}

describe('a returned file far larger than its plan is refused before it is read', () => {
  for (const declare of [true, false]) {
    it(`700,000 rows in a few MB (${declare ? 'declared' : 'not declared'} in the sheet) are refused quickly, with a message and bounded memory`, async () => {
      const big = withHugeSheet(await exportPlan(t.api, fx.planId), 700_000, declare);
      expect(big.length).toBeLessThan(25 * 1024 * 1024);
      const rssBefore = process.memoryUsage.rss();
      const started = Date.now();
      const r = await t.api.result('import:planPreview', { base64: b64(big), fileName: 'huge.xlsx' });
      const took = Date.now() - started;
      const grew = process.memoryUsage.rss() - rssBefore;
      expect(r.ok).toBe(false);
      if (!r.ok) {
        if (declare) expect(r.error.message).toMatch(/The Updates sheet reaches row 700,\d{3}, but no action plan return can have more than [\d,]+ rows on it/);
        else expect(r.error.message).toContain('The Updates sheet has more than 1,203 rows, but the plan “Written Statement of Action 2019” as exported had 2 updates, so its returned Updates sheet can have at most 1,203 rows');
        expect(r.error.message).toContain('Nothing was changed');
      }
      // Before: killed after 78 s at 4.4 GB. Generous for a machine shared with other work.
      expect(took).toBeLessThan(30_000);
      expect(grew).toBeLessThan(300 * 1024 * 1024);
    }, 180_000);
  }

  it('the reader stops at the first row past the plan’s limit: rows beyond it are never read', async () => {
    const big = withHugeSheet(await exportPlan(t.api, fx.planId), 700_000, false);
    const zip = new Uint8Array(big);
    const book = readBookParts(zip);
    let seen = 0;
    expect(() =>
      readSheet(zip, book.sheets.get('Updates')!, { strings: [], dateStyles: new Set(), date1904: false }, {
        onRowElement: (n) => {
          if (n > 1_203) throw new ServiceError('invalid_input', 'too many');
        },
        onRow: () => {
          seen += 1;
        },
      }),
    ).toThrow('too many');
    expect(seen).toBe(1_203);
  }, 180_000);

  it('a file declaring more shared strings than any plan is refused before they are read', async () => {
    const files = unzipSync(await exportPlan(t.api, fx.planId));
    const sst = strFromU8(files['xl/sharedStrings.xml']!);
    files['xl/sharedStrings.xml'] = strToU8(sst.replace(/uniqueCount="\d+"/, 'uniqueCount="5000000"'));
    const r = await t.api.result('import:planPreview', { base64: b64(Buffer.from(zipSync(files))), fileName: 'sst.xlsx' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/5,000,000 different pieces of text/);
  });

  it('invalid UTF-8 inside a sheet is refused with a message, not stored as replacement characters', async () => {
    const files = unzipSync(await exportPlan(t.api, fx.planId));
    const sst = files['xl/sharedStrings.xml']!;
    const text = strFromU8(sst);
    const at = text.indexOf('Introduce');
    const bytes = Buffer.from(sst);
    bytes[Buffer.byteLength(text.slice(0, at))] = 0xff;
    files['xl/sharedStrings.xml'] = new Uint8Array(bytes);
    const r = await t.api.result('import:planPreview', { base64: b64(Buffer.from(zipSync(files))), fileName: 'utf8.xlsx' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not valid UTF-8/);
  });
});
