/**
 * Issue #16, part 1: `workbook new`, the set-up channel, LA codes, and a workbook the UI could not
 * use refused by import-json and reported by check in the same words. The README's JSON example is
 * read from the README itself and imported.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { knownMigrations, openWorkbook } from '../../db/open-workbook';
import { laCodeProblem, normaliseLaCode, parseLaCodes } from '../../electron/contract/la-code';
import { workbookFileName } from '../../electron/contract/workbook-folder';
import { checkWorkbook } from '../../electron/core/workbook-check/check-workbook';
import { importWorkbookJson, parseWorkbookJson } from '../../electron/core/workbook-json/workbook-json';
import { runCli } from '../../electron/transports/cli/run-cli';
import { chooseStart } from '../../electron/transports/serve/start-choice';
import { resolveInFolder } from '../../electron/transports/serve/workbook-folder';
import { makeTestWorkbook, tempDir } from '../helpers/temp-workbook';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const README = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

function readmeJsonExample(): string {
  const section = README.slice(README.indexOf('### Workbook JSON format'));
  const match = /```json\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('The README has no JSON example under "Workbook JSON format".');
  return match[1]!;
}

describe('the README’s workbook JSON example', () => {
  it('claims the schema version this app writes', () => {
    const json = parseWorkbookJson(readmeJsonExample());
    expect(json.schemaVersion, `README says schemaVersion ${json.schemaVersion}; this app writes ${knownMigrations().length}. Update the README example.`).toBe(knownMigrations().length);
  });

  it('imports into a workbook that check passes and the app can open', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'from-readme.workbook');
    expect((await cli('import-json', writeJson(dir, readmeJsonExample()), '--out', file)).code).toBe(0);
    const report = await checkWorkbook(file);
    expect(report.problems).toEqual([]);
    const wb = await openWorkbook(file);
    expect(wb.sqlite.prepare('SELECT area_name, la_code FROM area_profile').get()).toEqual({ area_name: 'Bristol', la_code: '801' });
    wb.close();
  });
});

function writeJson(dir: string, text: string): string {
  const f = path.join(dir, `in-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, text);
  return f;
}

function minimalJson(overrides: { schemaVersion?: number; tables?: Record<string, unknown> } = {}): string {
  return JSON.stringify({
    format: 'evidence-workbook',
    formatVersion: 1,
    schemaVersion: overrides.schemaVersion ?? knownMigrations().length,
    tables: overrides.tables ?? {
      workbook_info: { columns: ['id', 'workbook_id', 'created_at', 'created_by_app_version'], rows: [[1, 'x', '2026-01-01T00:00:00Z', '0.1.0']] },
      plans: { columns: ['id', 'type', 'title', 'created_at', 'updated_at'], rows: [] },
    },
  });
}

describe('a workbook the UI could not use', () => {
  it('is refused by import-json, in words, and nothing is created', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.workbook');
    const r = await cli('import-json', writeJson(dir, minimalJson()), '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has no area profile/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('is reported by check with the same problem', async () => {
    const t = makeTestWorkbook();
    t.workbook.sqlite.prepare('DELETE FROM area_profile').run();
    t.session.close();
    const r = await cli('check', '--workbook', t.file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has no area profile/);
    const unknownFramework = makeTestWorkbook();
    unknownFramework.workbook.sqlite.prepare("UPDATE area_profile SET default_framework_id = 'made-up'").run();
    unknownFramework.session.close();
    expect((await checkWorkbook(unknownFramework.file)).problems.join(' ')).toMatch(/framework this app does not know \(“made-up”\)/);
  });
});

describe('schemaVersion in an import', () => {
  it('is refused when the columns belong to a later version than claimed, naming the column and the right version', async () => {
    const dir = tempDir();
    const text = minimalJson({
      schemaVersion: 1,
      tables: { progress_updates: { columns: ['id', 'supersedes_id'], rows: [] } },
    });
    const r = await cli('import-json', writeJson(dir, text), '--out', path.join(dir, 'y.workbook'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/says it was made at schema version 1, but it has the column progress_updates\.supersedes_id/);
    expect(r.err).toMatch(/version \d+\. Correct "schemaVersion" to \d+/);
  });

  it('an older export whose columns fit its version is imported into the current schema', () => {
    const dir = tempDir();
    const json = parseWorkbookJson(readmeJsonExample().replace(/"schemaVersion": \d+/, '"schemaVersion": 1'));
    importWorkbookJson(json, path.join(dir, 'old.workbook'));
    return checkWorkbook(path.join(dir, 'old.workbook')).then((r) => expect(r.ok).toBe(true));
  });
});

describe('workbook new', () => {
  it('creates a workbook whose area is set up through the contract', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'n.workbook');
    const r = await cli('new', '--out', file, '--area', 'Bristol', '--la-code', 'e06000023 801', '--framework', 'joint-2016');
    expect(r.code, r.err).toBe(0);
    const wb = await openWorkbook(file);
    expect(wb.sqlite.prepare('SELECT area_name, la_code, default_framework_id FROM area_profile').get()).toEqual({ area_name: 'Bristol', la_code: '801 E06000023', default_framework_id: 'joint-2016' });
    // Audited like any other change.
    expect((wb.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBeGreaterThan(0);
    wb.close();
    expect((await cli('new', '--out', file)).err).toMatch(/already exists/);
  });

  it('refuses a bad LA code or framework and leaves no file behind', async () => {
    const dir = tempDir();
    for (const args of [['--la-code', 'E07000001'], ['--la-code', "801'; DROP TABLE plans;--"], ['--framework', '../../etc']]) {
      const file = path.join(dir, 'bad.workbook');
      const r = await cli('new', '--out', file, '--area', 'X', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/not an LA code|no framework/);
      expect(() => readFileSync(file)).toThrow();
    }
  });
});

describe('the set-up channel', () => {
  it('saves the area and partners in one go, and never adds a partner twice', async () => {
    const t = makeTestWorkbook({ areaName: '' });
    const first = await t.api.call('setup:save', {
      areaName: 'Northshire',
      laCode: 'E06000023',
      icb: 'Northshire ICB',
      region: 'South West',
      statisticalNeighbours: ['E06000022', '878', '878'],
      partners: [{ name: 'Northshire Council', kind: 'council' }, { name: 'Northshire ICB', kind: 'health' }],
      defaultFrameworkId: 'area-send-2023',
    });
    expect(first.area).toMatchObject({ areaName: 'Northshire', laCode: 'E06000023', statisticalNeighbours: ['E06000022', '878'], defaultFrameworkId: 'area-send-2023' });
    expect(first.partnersCreated.map((p) => p.name)).toEqual(['Northshire Council', 'Northshire ICB']);
    const again = await t.api.call('setup:save', { areaName: 'Northshire', laCode: '', partners: [{ name: 'northshire council', kind: 'council' }] });
    expect(again.partnersCreated).toEqual([]);
    expect(again.partnersAlreadyThere).toEqual(['northshire council']);
    t.cleanup();
  });

  it('refuses hostile and wrong input with the field named, changing nothing', async () => {
    const t = makeTestWorkbook();
    const cases: [unknown, RegExp][] = [
      [{ areaName: '' }, /Enter local area name/],
      [{ areaName: 'X', laCode: 'E07000001' }, /not an LA code/],
      [{ areaName: 'X', statisticalNeighbours: ['Leeds'] }, /Statistical neighbour “Leeds” is not an LA code/],
      [{ areaName: 'X', statisticalNeighbours: Array.from({ length: 21 }, () => '801') }, /at most 20/],
      [{ areaName: 'X', partners: [{ name: 'A', kind: 'pirates' }] }, /partner type/i],
      [{ areaName: 'X', defaultFrameworkId: 'made-up' }, /no framework “made-up”/],
      [{ areaName: 'X', laCode: '801'.repeat(1000) }, /too long/],
      [JSON.parse('{"areaName":"X","__proto__":{"polluted":true}}'), /.+/],
    ];
    for (const [input, message] of cases) {
      const r = await t.dispatch('setup:save', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect((await t.api.call('area:get', {})).areaName).toBe('Testshire');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    t.cleanup();
  });

  it('Settings (area:update) applies the same LA code rule', async () => {
    const t = makeTestWorkbook();
    const r = await t.dispatch('area:update', { laCode: '12' });
    expect(r.ok).toBe(false);
    expect((await t.api.call('area:update', { laCode: '801' })).laCode).toBe('801');
    t.cleanup();
  });
});

describe('LA codes', () => {
  it('accepts the 3-digit and the E06/E08/E09/E10 codes, alone or together', () => {
    for (const ok of ['801', 'E06000023', 'e08000035', 'E09000033', 'E10000002', '801 E06000023', 'E06000023, 801', '801/E06000023', '']) expect(laCodeProblem(ok)).toBeNull();
    expect(normaliseLaCode(' e06000023 / 801 ')).toBe('801 E06000023');
    expect(parseLaCodes('801 E06000023')).toEqual({ old: '801', new: 'E06000023' });
  });
  it('refuses everything else', () => {
    for (const bad of ['80', '8011', 'E07000001', 'E0600002', 'W06000001', '801 802', 'E06000023 E06000024', '801 E06000023 878', 'Bristol', '８０１']) {
      expect(laCodeProblem(bad), bad).toMatch(/is not an LA code/);
    }
  });
});

describe('browser mode file names', () => {
  it('accepts plain names, adding .workbook', () => {
    expect(workbookFileName.parse('bristol send')).toBe('bristol send.workbook');
    expect(workbookFileName.parse('North Somerset (2025).workbook')).toBe('North Somerset (2025).workbook');
  });
  it('refuses paths, dot names and odd characters', () => {
    for (const bad of ['../x', '/etc/passwd', 'a/b', 'a\\b', '..', '.hidden', 'x..workbook', 'con:x', 'a\u0000b', '', ' ', 'x'.repeat(200), '%2e%2e%2fx']) {
      expect(workbookFileName.safeParse(bad).success, bad).toBe(false);
    }
  });
  it('resolves only inside the folder and refuses a link that points elsewhere', () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.workbook'), 'x');
    symlinkSync(path.join(outside, 'secret.workbook'), path.join(dir, 'link.workbook'));
    expect(resolveInFolder(dir, 'ok.workbook')).toBe(path.join(dir, 'ok.workbook'));
    expect(resolveInFolder(dir, 'link.workbook')).toBeNull();
    expect(resolveInFolder(dir, '../x.workbook')).toBeNull();
  });
});

describe('serve’s start', () => {
  it('opens Welcome for the folder; a missing --workbook only after confirmation', async () => {
    const dir = tempDir();
    expect(await chooseStart({ folder: dir })).toEqual({ folder: dir });
    const missing = path.join(dir, 'new.workbook');
    await expect(chooseStart({ workbook: missing }, async () => false)).rejects.toThrow(/There is no workbook at .*answer yes \(or add --yes\)/);
    expect(await chooseStart({ workbook: missing }, async () => true)).toEqual({ folder: dir, suggestedName: 'new.workbook' });
    expect(await chooseStart({ workbook: missing, yes: true }, async () => false)).toEqual({ folder: dir, suggestedName: 'new.workbook' });
    await expect(chooseStart({ folder: path.join(dir, 'nope') })).rejects.toThrow(/There is no folder/);
  });

  it('refuses, with the reason, a --workbook the app could not use', async () => {
    const t = makeTestWorkbook();
    t.workbook.sqlite.prepare('DELETE FROM area_profile').run();
    t.session.close();
    await expect(chooseStart({ workbook: t.file })).rejects.toThrow(/test\.workbook cannot be used by the app: The workbook has no area profile/);
    const good = makeTestWorkbook();
    good.session.close();
    expect((await chooseStart({ workbook: good.file })).workbookPath).toBe(good.file);
  });
});
