/**
 * Issue #14, failure 5 as attacks: a JSON export edited to carry what dispatch refuses (a tracked
 * child named with an NHS number, a 1.1 MB narrative, control characters, invalid UTF-8) is
 * refused with the reasons and creates nothing; `check` reports the same values when they reach
 * a workbook some other way.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../db/open-workbook';
import { checkWorkbook } from '../../electron/core/workbook-check/check-workbook';
import { exportWorkbookJson, importWorkbookJson, parseWorkbookJson, serialiseWorkbookJson, type WorkbookJson } from '../../electron/core/workbook-json/workbook-json';
import { makeTestWorkbook, tempDir, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
let json: WorkbookJson;

beforeEach(async () => {
  t = makeTestWorkbook({ now: '2026-11-24T10:00:00Z' });
  const event = await t.api.call('event:create', { kind: 'full_inspection', frameworkId: 'area-send-2025', title: 'Area SEND inspection 2026' });
  await t.api.call('trackedChild:create', { eventId: event.id, pseudonym: 'CYP-A', settingType: 'special', senStatus: 'ehc_plan', notes: 'Documents requested.' });
  const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action' });
  const priority = await t.api.call('priority:create', { planId: plan.id, reference: 'P1', title: 'Timeliness' });
  await t.api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Recruit coordinators.' });
  json = exportWorkbookJson(t.workbook.sqlite);
});
afterEach(() => t.cleanup());

/** A copy of the export with one cell changed. */
function withCell(table: string, column: string, value: unknown): string {
  const copy = JSON.parse(serialiseWorkbookJson(json)) as WorkbookJson;
  const t = copy.tables[table]!;
  t.rows[0]![t.columns.indexOf(column)] = value as never;
  return serialiseWorkbookJson(copy);
}

function refused(text: string | Uint8Array, expected: RegExp) {
  const out = path.join(tempDir(), 'imported.workbook');
  expect(() => importWorkbookJson(parseWorkbookJson(text), out)).toThrow(expected);
  expect(existsSync(out)).toBe(false);
}

describe('import-json applies the rules dispatch applies', () => {
  it('an untouched export still imports', () => {
    const out = path.join(tempDir(), 'ok.workbook');
    importWorkbookJson(parseWorkbookJson(serialiseWorkbookJson(json)), out);
    expect(existsSync(out)).toBe(true);
  });

  it('a tracked child named with an NHS number is refused, naming the record and field', () => {
    refused(withCell('tracked_children', 'pseudonym', '943 476 5919'), /tracked child record 1, pseudonym: The pseudonym must not identify the child: “943 476 5919” looks like an NHS number/);
    refused(withCell('tracked_children', 'pseudonym', 'JANE SMITH'), /looks like a person's name/);
    refused(withCell('tracked_children', 'notes', 'Born 3rd of April 2012'), /tracked child record 1, notes:/);
  });

  it('a 1.1 MB narrative is refused with the limit', () => {
    refused(withCell('actions', 'what', 'x'.repeat(1_100_000)), /what: .*too long: keep it under/);
  });

  it('control characters are refused', () => {
    refused(withCell('actions', 'what', 'Recruit\u0007 coordinators\u0000'), /what: contains control characters/);
  });

  it('invalid UTF-8 is refused, not stored as U+FFFD', () => {
    const bytes = Buffer.from(withCell('actions', 'what', 'Recruit PLACEHOLDER coordinators'));
    const at = bytes.indexOf('PLACEHOLDER');
    bytes[at] = 0xc3;
    bytes[at + 1] = 0x28;
    refused(new Uint8Array(bytes), /not valid UTF-8/);
  });

  it('many problems are listed up to ten, then counted', () => {
    const copy = JSON.parse(serialiseWorkbookJson(json)) as WorkbookJson;
    const actions = copy.tables.actions!;
    const base = actions.rows[0]!;
    for (let i = 0; i < 15; i++) actions.rows.push(base.map((v, c) => (actions.columns[c] === 'id' ? 100 + i : actions.columns[c] === 'what' ? `bad\u0001${i}` : v)));
    refused(serialiseWorkbookJson(copy), /action 109, what: contains control characters.*and 5 more\./);
  });
});

describe('check runs the same rules over a workbook’s contents', () => {
  it('reports a pseudonym, a narrative and a control character written around the app', async () => {
    const file = t.workbook.path;
    t.workbook.sqlite.prepare("UPDATE tracked_children SET pseudonym = 'Zoë Brown'").run();
    t.workbook.sqlite.prepare('UPDATE actions SET what = ?').run('y'.repeat(300_000));
    t.workbook.sqlite.prepare("UPDATE priorities SET title = 'Timeliness\u0008'").run();
    t.session.close();
    const report = await checkWorkbook(file);
    const text = report.problems.join('\n');
    expect(report.ok).toBe(false);
    expect(text).toMatch(/3 stored values break the rules the app applies when a value is entered/);
    expect(text).toMatch(/tracked child record 1, pseudonym: .*“Zoë Brown” looks like a person's name/);
    expect(text).toMatch(/action 1, what: .*too long/);
    expect(text).toMatch(/priority 1, title: contains control characters/);
  });

  it('a clean workbook has no such problems', async () => {
    const file = t.workbook.path;
    t.session.close();
    const report = await checkWorkbook(file);
    expect(report.problems.join(' ')).not.toMatch(/break the rules/);
    const wb = await openWorkbook(file, { readOnly: true, asIs: true });
    wb.close();
  });
});
