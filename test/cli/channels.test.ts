/**
 * The command line is a thin adapter over dispatch (issue #12). Every command is run here with its
 * dispatcher wrapped so each channel it calls is recorded, and the list is compared with the one
 * below: a new command must say which channels it uses, and a command that stops calling its
 * channels (doing the work some other way) fails. A second test reads the CLI's imports, so a
 * command cannot reach the services, SQL or the plan-return internals behind dispatch's back.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../electron/contract/channels';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { defaultBackupsDir } from '../../electron/core/safety/backup-names';
import { listBackups } from '../../electron/core/safety/backup-store';
import type { CreateDispatch } from '../../electron/transports/cli/cli-host';
import { allCommands, runCli } from '../../electron/transports/cli/run-cli';
import { tempDir } from '../helpers/temp-workbook';
import { editWorkbook, findRow, setCell } from '../exports-xlsx/xlsx-helpers';
import { tidyCsv } from '../imports/dfe-fixture';
import { INITIAL_LETTER } from '../imports/letters-fixtures';
import { PLAN_CSV } from '../imports/plan-sheet-fixtures';

async function recorded(...argv: string[]) {
  const calls: string[] = [];
  const createDispatch: CreateDispatch = (session) => {
    const dispatch = createDispatcher(session);
    return (channel, input) => {
      calls.push(String(channel));
      return dispatch(channel, input);
    };
  };
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, { createDispatch });
  return { code, out: out.join('\n'), err: err.join('\n'), calls, channels: [...new Set(calls)] };
}

/**
 * Each command, an invocation of it, and the channels it calls (each named once, in order of first
 * use). `[]` is allowed only with a reason: the file operation a host does outside any session.
 */
interface Case {
  argv: (f: Fixture) => string[];
  channels: string[];
  /** Called or not depending on timing (a progress poll), so not required. */
  sometimes?: string[];
  noChannelsBecause?: string;
}

interface Fixture {
  dir: string;
  demo: string;
  copy: (name: string) => string;
  returned: string;
  folder: string;
  csv: string;
  letter: string;
  json: string;
  backupOf: string;
}

const CASES: Record<string, Case> = {
  new: { argv: (f) => ['new', '--out', path.join(f.dir, 'new.workbook'), '--area', 'Bristol'], channels: ['setup:save'] },
  check: { argv: (f) => ['check', '--workbook', f.demo, '--json'], channels: ['workbook:check'] },
  'export-json': { argv: (f) => ['export-json', '--workbook', f.demo, '--out', path.join(f.dir, 'x.json')], channels: ['workbook:exportJson'] },
  'import-json': {
    argv: (f) => ['import-json', f.json, '--out', path.join(f.dir, 'from-json.workbook')],
    channels: [],
    noChannelsBecause: 'it creates a new file holding the export’s rows (history and Bin included): a host file operation, like creating a workbook',
  },
  'export sef': { argv: (f) => ['export', 'sef', '--workbook', f.demo, '--out', path.join(f.dir, 'sef.docx')], channels: ['export:sefDocx'] },
  'export progress': {
    argv: (f) => ['export', 'progress', '--workbook', f.demo, '--out', path.join(f.dir, 'p.docx'), '--period', 'Autumn 1999'],
    channels: ['export:progressDocx', 'plan:list'],
  },
  'export plan': { argv: (f) => ['export', 'plan', '--workbook', f.demo, '--out', path.join(f.dir, 'plan.xlsx')], channels: ['export:planXlsx'] },
  'import plan': {
    argv: (f) => ['import', 'plan', '--workbook', f.copy('import.workbook'), '--in', f.returned, '--apply', '--returned-by', 'Bristol City Council'],
    channels: ['import:planPreview', 'import:planApply'],
  },
  attach: {
    argv: (f) => ['attach', '--workbook', f.copy('attach.workbook'), '--evidence', 'E-001', path.join(f.folder, 'note.txt')],
    channels: ['evidence:list', 'file:attach', 'file:processText', 'file:list'],
  },
  'import-files': {
    argv: (f) => ['import-files', '--workbook', f.copy('import-files.workbook'), '--dir', f.folder],
    channels: ['evidence:importFile', 'file:processText'],
  },
  search: { argv: (f) => ['search', '--workbook', f.demo, 'parents'], channels: ['search:query'] },
  backup: { argv: (f) => ['backup', '--workbook', f.backupOf], channels: ['backup:create'] },
  backups: { argv: (f) => ['backups', '--workbook', f.backupOf], channels: ['backup:list'] },
  restore: {
    argv: (f) => ['restore', '--workbook', f.backupOf, '--from', listBackups(defaultBackupsDir(f.backupOf))[0]!.fileName],
    channels: ['backup:restore'],
  },
  pack: { argv: (f) => ['pack', '--workbook', f.demo, '--out', path.join(f.dir, 'pack.zip')], channels: ['pack:build'], sometimes: ['pack:progress'] },
  'daily-summary': { argv: (f) => ['daily-summary', '--workbook', f.demo, '--event', '1', '--out', path.join(f.dir, 'day.docx')], channels: ['week:dailySummary'] },
  'import-letter': {
    argv: (f) => ['import-letter', '--workbook', f.copy('letter.workbook'), '--in', f.letter, '--apply'],
    channels: ['letter:preview', 'file:uploadBegin', 'file:uploadChunk', 'letter:apply'],
  },
  'import-indicators': {
    argv: (f) => ['import-indicators', '--workbook', f.copy('stats.workbook'), '--in', f.csv, '--indicator-column', 'percent_in_20_weeks', '--filter', 'sen_provision=EHC plan', '--apply'],
    channels: ['area:get', 'statistics:apply'],
  },
  'import-plan-sheet': {
    argv: (f) => {
      const sheet = path.join(f.dir, 'plan-sheet.csv');
      writeFileSync(sheet, PLAN_CSV);
      return ['import-plan-sheet', '--workbook', f.copy('plan-sheet.workbook'), '--in', sheet, '--plan-name', 'SEND improvement plan', '--apply'];
    },
    channels: ['file:uploadBegin', 'file:uploadChunk', 'planSheet:sample', 'planSheet:preview', 'planSheet:apply', 'file:uploadCancel'],
  },
};

let f: Fixture;

beforeAll(async () => {
  const dir = tempDir();
  const demo = path.join(dir, 'demo.workbook');
  const built = await recorded('demo', '--out', demo);
  expect(built.code, built.err).toBe(0);
  const copies = path.join(dir, 'copies');
  mkdirSync(copies);
  const copy = (name: string) => {
    const to = path.join(copies, name);
    if (!existsSync(to)) copyFileSync(demo, to);
    return to;
  };
  // A partner's return: the exported plan with one action's status changed.
  const exported = path.join(dir, 'export.xlsx');
  expect((await recorded('export', 'plan', '--workbook', demo, '--out', exported)).code).toBe(0);
  const returned = path.join(dir, 'return.xlsx');
  writeFileSync(
    returned,
    await editWorkbook(readFileSync(exported), (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      setCell(plan, findRow(plan, 'Action ref', '1.1'), 'Status', 'Complete');
    }),
  );
  const folder = path.join(dir, 'folder');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'note.txt'), 'Minutes of the SEND partnership board, parents and carers forum.');
  const csv = path.join(dir, 'ehcp.csv');
  writeFileSync(csv, tidyCsv());
  const letter = path.join(dir, 'letter.txt');
  writeFileSync(letter, INITIAL_LETTER);
  const json = path.join(dir, 'demo.json');
  expect((await recorded('export-json', '--workbook', demo, '--out', json)).code).toBe(0);
  const backupOf = copy('backed-up.workbook');
  f = { dir, demo, copy, returned, folder, csv, letter, json, backupOf };
}, 120_000);

describe('every CLI command goes through dispatch', () => {
  it('the list names every command, and only real channels', () => {
    expect(Object.keys(CASES).sort()).toEqual(allCommands.map((c) => c.name).filter((n) => n !== 'demo').sort());
    for (const c of Object.values(CASES)) for (const ch of [...c.channels, ...(c.sometimes ?? [])]) expect(channelNames).toContain(ch);
  });

  it('demo builds the workbook through the contract', async () => {
    const r = await recorded('demo', '--out', path.join(f.dir, 'demo2.workbook'));
    expect(r.code, r.err).toBe(0);
    expect(r.channels.slice(0, 3)).toEqual(['area:update', 'partner:create', 'person:create']);
    expect(r.calls.length).toBeGreaterThan(50);
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name} calls ${c.channels.length ? c.channels.join(', ') : `no channel (${c.noChannelsBecause})`}`, async () => {
      // backup, backups and restore run in that order on one copy.
      if (name === 'backups' || name === 'restore') {
        if (listBackups(defaultBackupsDir(f.backupOf)).length === 0) expect((await recorded(...CASES.backup!.argv(f))).code).toBe(0);
      }
      const r = await recorded(...c.argv(f));
      expect(r.code, `${r.err}\n${r.out}`).toBe(0);
      expect(r.channels.filter((ch) => !(c.sometimes ?? []).includes(ch))).toEqual(c.channels);
      if (c.channels.length === 0) expect(c.noChannelsBecause).toBeTruthy();
    }, 60_000);
  }
});

describe('import plan --apply', () => {
  it('backs the workbook up (before-import) before the partner’s changes are written', async () => {
    const file = f.copy('backup-first.workbook');
    expect(listBackups(defaultBackupsDir(file))).toEqual([]);
    const r = await recorded('import', 'plan', '--workbook', file, '--in', f.returned, '--apply');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Applied\. 1 action changed/);
    const backups = listBackups(defaultBackupsDir(file));
    expect(backups.map((b) => b.reason)).toEqual(['before-import']);
    // The backup is the workbook as it was: one action fewer is complete there.
    const Database = (await import('better-sqlite3')).default;
    const completed = (db: string) => {
      const conn = new Database(db, { readonly: true });
      try {
        return conn.prepare("SELECT count(*) FROM actions WHERE status = 'complete' AND deleted_at IS NULL").pluck().get() as number;
      } finally {
        conn.close();
      }
    };
    expect(completed(file)).toBe(completed(backups[0]!.path) + 1);
    expect(readFileSync(backups[0]!.path).length).toBeGreaterThan(0);
  }, 60_000);

  it('a preview alone changes nothing and makes no backup', async () => {
    const file = f.copy('preview-only.workbook');
    const r = await recorded('import', 'plan', '--workbook', file, '--in', f.returned);
    expect(r.code, r.err).toBe(0);
    expect(r.channels).toEqual(['import:planPreview']);
    expect(listBackups(defaultBackupsDir(file))).toEqual([]);
  }, 60_000);
});

describe('the CLI reaches data only through dispatch', () => {
  const root = path.join(__dirname, '..', '..', 'electron', 'transports', 'cli');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);

  it('imports nothing from the services, the plan-return internals, drizzle or better-sqlite3', () => {
    const forbidden = [/\/core\/services\//, /\/core\/plan-returns\//, /^drizzle-orm/, /^better-sqlite3$/, /\/db\/schema$/];
    const found = files(root).flatMap((file) => importsOf(file).filter((spec) => forbidden.some((re) => re.test(spec))).map((spec) => `${path.relative(root, file)} imports ${spec}`));
    expect(found).toEqual([]);
  });

  it('only the host opens workbooks or makes a dispatcher; commands get a client from it', () => {
    const hostOnly = [/\/core\/api\//, /\/db\/open-workbook$/];
    const found = files(root)
      .filter((file) => path.basename(file) !== 'cli-host.ts')
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return importsOf(file)
          .filter((spec) => hostOnly.some((re) => re.test(spec)))
          // Catching WorkbookError to word a refusal is allowed; opening a file is not.
          .filter((spec) => !(spec.endsWith('/db/open-workbook') && !/\b(openWorkbook|createWorkbook)\b/.test(text)))
          .map((spec) => `${path.relative(root, file)} imports ${spec}`);
      });
    expect(found).toEqual([]);
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      expect(/\.(prepare|transaction|pragma)\(|\.exec\(\s*['"`]/.test(text), `${path.relative(root, file)} runs SQL or a transaction`).toBe(false);
    }
  });

  it('the guard sees a forbidden import (it is not vacuous)', () => {
    const sample = "import { planService } from '../../../core/services/plan-service';\nconst x = await import('better-sqlite3');";
    const specs = [...sample.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect(specs).toEqual(['../../../core/services/plan-service', 'better-sqlite3']);
  });
});
