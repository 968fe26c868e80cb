import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentWorkbooks, recentId } from '../../electron/desktop/support/recent-workbooks';

let dir: string;
let file: string;
let clock: Date;
const recent = () => new RecentWorkbooks(file, () => clock);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ewb-recent-'));
  file = path.join(dir, 'recent.json');
  clock = new Date('2026-11-22T09:00:00Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the recent workbooks list', () => {
  it('starts empty, on first run', () => {
    const r = recent();
    expect(r.firstRun).toBe(true);
    expect(r.list()).toEqual([]);
    expect(r.lastOpen).toBeNull();
  });

  it('puts the latest first, once, and survives a restart', () => {
    const r = recent();
    r.opened('/docs/Evidence Workbook/Bristol.workbook');
    clock = new Date('2026-11-22T10:00:00Z');
    r.opened('/docs/Other/Bristol.workbook');
    r.opened('/docs/Evidence Workbook/Bristol.workbook');
    const again = recent();
    expect(again.firstRun).toBe(false);
    expect(again.list().map((e) => `${e.folderName}/${e.fileName}`)).toEqual(['Evidence Workbook/Bristol.workbook', 'Other/Bristol.workbook']);
    expect(again.lastOpen).toBe(path.resolve('/docs/Evidence Workbook/Bristol.workbook'));
  });

  it('gives the page ids, never paths, and resolves only ids it gave out', () => {
    const r = recent();
    r.opened('/secret/place/A.workbook');
    const [entry] = r.list();
    expect(JSON.stringify(r.list())).not.toContain('/secret/place');
    expect(r.resolve(entry!.id)).toBe(path.resolve('/secret/place/A.workbook'));
    expect(r.resolve(recentId('/etc/passwd'))).toBeNull();
    expect(r.resolve('/secret/place/A.workbook')).toBeNull();
    expect(r.resolve(undefined)).toBeNull();
  });

  it(`keeps the ${MAX_RECENT} most recent`, () => {
    const r = recent();
    for (let i = 0; i < 15; i += 1) r.opened(`/w/${i}.workbook`);
    expect(r.list()).toHaveLength(MAX_RECENT);
    expect(r.list()[0]!.fileName).toBe('14.workbook');
  });

  it('stops reopening a workbook that failed, but keeps it in the list', () => {
    const r = recent();
    r.opened('/w/a.workbook');
    r.forgetLastOpen();
    const again = recent();
    expect(again.lastOpen).toBeNull();
    expect(again.list()).toHaveLength(1);
  });

  it.each(['{', '[]', '{"version":2,"entries":[]}', '{"version":1,"everOpened":true,"lastOpen":null,"entries":[{"path":"","openedAt":"x"}]}'])(
    'a damaged file (%s) is treated as empty and then replaced',
    (contents) => {
      writeFileSync(file, contents);
      const r = recent();
      expect(r.list()).toEqual([]);
      r.opened('/w/a.workbook');
      expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(1);
    },
  );
});
