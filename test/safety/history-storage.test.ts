/**
 * Issue #17: the history is stored compactly (db/audit-storage.ts) and migration 0011 converts an
 * older workbook's history without changing a single hash. These tests build a real workbook at
 * schema version 10 (the demo, through the channels, written into a file made by the first 11
 * migrations), update it, and check that the chain verifies from genesis to the same head, that a
 * history tampered before the update is reported at the same entry after it, and that tampering
 * with the compact layout itself (a bit in a compressed value or in a hash, a row removed, rows
 * swapped) is caught. (A forger who re-hashes the whole chain is caught by this computer's record
 * of the head: tamper-attacks.test.ts.)
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { decodeHash, decodeValue, encodeValue, UNREADABLE_VALUE } from '../../db/audit-storage';
import { createWorkbook, knownMigrations, migrationsFolder, openWorkbook } from '../../db/open-workbook';
import { buildDemoWorkbook } from '../../electron/core/demo/build-demo';
import { checkHistory } from '../../electron/core/safety/audit-check';
import { verifyAuditChain } from '../../electron/core/services/audit-log';
import { exportWorkbookJson, tablesInDependencyOrder } from '../../electron/core/workbook-json/workbook-json';
import { makeTestWorkbook, tempDir } from '../helpers/temp-workbook';

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir('ewb-data-');
  process.env.EWB_DATA_DIR = dataDir;
});
afterEach(() => {
  delete process.env.EWB_DATA_DIR;
});

const VERSION_BEFORE = 11; // migrations 0000–0010: the history as it was stored before 0011

/** The migrations folder as it was before 0011. */
function migrationsBefore(dir: string): string {
  const folder = path.join(dir, 'migrations-before-0011');
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, VERSION_BEFORE);
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  return folder;
}

/**
 * The demo workbook as a version-10 file: the workbook JSON's history columns are exactly the
 * table the history had then (text times and values, prev_hash, hex hashes).
 */
async function demoBeforeUpdate(dir: string): Promise<string> {
  const current = path.join(dir, 'demo-current.workbook');
  await buildDemoWorkbook(current, { now: () => new Date('2026-11-22T10:00:00Z') });
  const source = new Database(current, { readonly: true });
  const json = exportWorkbookJson(source);
  source.close();
  const file = path.join(dir, 'demo-v10.workbook');
  const old = createWorkbook(file, { migrationsFolder: migrationsBefore(dir) });
  const { sqlite } = old;
  sqlite.pragma('foreign_keys = OFF');
  sqlite.transaction(() => {
    const order = tablesInDependencyOrder();
    for (const t of [...order].reverse()) sqlite.prepare(`DELETE FROM "${t.name}"`).run();
    for (const t of order) {
      const table = json.tables[t.name];
      if (!table || table.rows.length === 0) continue;
      const insert = sqlite.prepare(`INSERT INTO "${t.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      for (const row of table.rows) insert.run(...row.map((v) => (v !== null && typeof v === 'object' ? Buffer.from(v.$base64, 'base64') : v)));
    }
  })();
  expect(old.schemaVersion).toBe(VERSION_BEFORE);
  old.close();
  return file;
}

const columnsOf = (db: Database.Database) => (db.prepare('SELECT name FROM pragma_table_info(?)').all('audit_log') as { name: string }[]).map((c) => c.name);
const historyBytes = (db: Database.Database) => db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name IN ('audit_log', 'audit_entity_idx')").pluck().get() as number;

test('updating a version-10 demo workbook stores its history compactly with every hash kept, and the chain verifies to the same head', async () => {
  const dir = tempDir();
  const file = await demoBeforeUpdate(dir);
  const before = new Database(file, { readonly: true });
  expect(columnsOf(before)).toContain('prev_hash');
  const oldHead = before.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
  const oldRows = before.prepare('SELECT id, hash FROM audit_log ORDER BY id').all() as { id: number; hash: string }[];
  const oldBytes = historyBytes(before);
  // The readers accept the old layout too (a backup from before the update can still be checked).
  const oldReport = verifyAuditChain(before);
  before.close();
  expect(oldReport).toMatchObject({ intact: true, entries: oldRows.length, head: { id: oldHead.id, hash: oldHead.hash } });
  expect(oldRows.length).toBeGreaterThan(100);

  const workbook = await openWorkbook(file, { backupDir: dir });
  try {
    expect(workbook.schemaVersion).toBe(knownMigrations().length);
    expect(workbook.preMigrationBackup).not.toBeNull();
    const { sqlite } = workbook;
    expect(columnsOf(sqlite)).not.toContain('prev_hash');
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE typeof(hash) <> 'blob' OR length(hash) <> 32").pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE typeof(at) <> 'integer'").pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE typeof(new_value) = 'blob'").pluck().get()).toBeGreaterThan(10);
    // Every entry has the hash it had, and the chain verifies from genesis to the same head.
    expect(sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id').all().map((r) => {
      const row = r as { id: number; hash: Buffer };
      return { id: row.id, hash: decodeHash(row.hash) };
    })).toEqual(oldRows);
    expect(verifyAuditChain(sqlite)).toMatchObject({ intact: true, entries: oldRows.length, brokenAt: null, head: { id: oldHead.id, hash: oldHead.hash } });
    expect(checkHistory(sqlite, { file, full: true })).toMatchObject({ intact: true, mismatches: [], verified: 'full' });
    expect(historyBytes(sqlite)).toBeLessThan(oldBytes * 0.75);
  } finally {
    workbook.close();
  }
  expect(readdirSync(dir).some((f) => f.includes('before-update'))).toBe(true);
});

test('a history tampered before the update is reported at the same entry after it', async () => {
  const dir = tempDir();
  const file = await demoBeforeUpdate(dir);
  const db = new Database(file);
  const target = db.prepare("SELECT id FROM audit_log WHERE entity = 'evidence' AND operation = 'create' AND length(new_value) > 200 ORDER BY id LIMIT 1").pluck().get() as number;
  db.prepare("UPDATE audit_log SET new_value = replace(new_value, 'e', 'E') WHERE id = ?").run(target);
  expect(verifyAuditChain(db)).toMatchObject({ intact: false, brokenAt: target });
  db.close();
  const workbook = await openWorkbook(file, { backupDir: dir });
  try {
    expect(verifyAuditChain(workbook.sqlite)).toMatchObject({ intact: false, brokenAt: target });
    const report = checkHistory(workbook.sqlite, { file, full: true });
    expect(report.intact).toBe(false);
    expect(report.message).toContain(`entry ${target} does not match the entries before it`);
  } finally {
    workbook.close();
  }
});

describe('tampering with the compact layout', () => {
  let t: ReturnType<typeof makeTestWorkbook>;
  let longEntry: number;
  beforeEach(async () => {
    t = makeTestWorkbook();
    await t.api.call('partner:create', { name: 'Bristol City Council', kind: 'council' });
    await t.api.call('evidence:create', {
      title: 'Ofsted and CQC revisit letter',
      kind: 'document',
      level: 'output',
      summary: 'Sufficient progress in 3 of the 5 significant weaknesses; the written statement of action continues, with a revisit due next year.',
    });
    await t.api.call('evidence:create', { title: 'Parent carer forum survey', kind: 'survey', level: 'impact' });
    await t.api.call('partner:create', { name: 'Bristol parent carer forum', kind: 'council' });
    longEntry = t.workbook.sqlite.prepare("SELECT id FROM audit_log WHERE typeof(new_value) = 'blob' ORDER BY id LIMIT 1").pluck().get() as number;
    expect(longEntry).toBeGreaterThan(0);
    expect(checkHistory(t.workbook.sqlite, { file: t.file, full: true }).intact).toBe(true);
  });
  afterEach(() => t.cleanup());
  const sqlite = () => t.workbook.sqlite;

  function flipBit(column: 'new_value' | 'hash', id: number, byte: number): void {
    const stored = Buffer.from(sqlite().prepare(`SELECT ${column} FROM audit_log WHERE id = ?`).pluck().get(id) as Buffer);
    stored[byte]! ^= 0x04;
    sqlite().prepare(`UPDATE audit_log SET ${column} = ? WHERE id = ?`).run(stored, id);
  }

  test('a flipped bit in a compressed value is caught at its entry, and the record no longer matches its history', () => {
    flipBit('new_value', longEntry, 9);
    expect(verifyAuditChain(sqlite())).toMatchObject({ intact: false, brokenAt: longEntry });
    const report = checkHistory(sqlite(), { file: t.file, full: true });
    expect(report.intact).toBe(false);
    expect(report.message).toContain(`entry ${longEntry} does not match`);
  });

  test('a flipped bit in a stored hash is caught', () => {
    const ids = sqlite().prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];
    flipBit('hash', ids[1]!, 31);
    expect(verifyAuditChain(sqlite())).toMatchObject({ intact: false, brokenAt: ids[1] });
  });

  test('a removed entry and two swapped entries are caught', () => {
    const ids = sqlite().prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];
    sqlite().prepare('UPDATE audit_log SET id = -1 WHERE id = ?').run(ids[1]);
    sqlite().prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(ids[1], ids[2]);
    sqlite().prepare('UPDATE audit_log SET id = ? WHERE id = -1').run(ids[2]);
    expect(verifyAuditChain(sqlite())).toMatchObject({ intact: false, brokenAt: ids[1] });
    sqlite().prepare('DELETE FROM audit_log WHERE id IN (?, ?)').run(ids[1], ids[2]);
    expect(verifyAuditChain(sqlite())).toMatchObject({ intact: false, brokenAt: ids[3] });
  });
});

test('long values are stored deflated with the field-name dictionary and read back exactly; the plain-deflate format still reads', () => {
  const snapshot = JSON.stringify({ reference: 'E-001', title: 'Youth Forum “You said, we did”', kind: 'strategy', level: 'activity', summary: 'Parent carers report that communication has improved.', containsPersonalData: false });
  const stored = encodeValue(snapshot) as Buffer;
  expect(Buffer.isBuffer(stored)).toBe(true);
  expect(stored[0]).toBe(2);
  expect(stored.length).toBeLessThan(Buffer.byteLength(snapshot) * 0.8);
  expect(decodeValue(stored)).toBe(snapshot);
  expect(encodeValue('12')).toBe('12'); // short values stay text (link entries compare them in SQL)
  expect(decodeValue(Buffer.concat([Buffer.from([1]), deflateRawSync(Buffer.from(snapshot))]))).toBe(snapshot);
  expect(decodeValue(Buffer.concat([Buffer.from([9]), deflateRawSync(Buffer.from(snapshot))]))).toBe(UNREADABLE_VALUE);
});
