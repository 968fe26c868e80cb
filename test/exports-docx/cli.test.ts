import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/transports/cli/run-cli';
import { makeFixture, plainText, unzipDocx, type Fixture } from './fixture';

let f: Fixture;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  f = await makeFixture();
});
afterAll(() => f.cleanup());

describe('workbook export sef / export progress', () => {
  it('writes the self-evaluation and says what it wrote', async () => {
    const out = path.join(f.dir, 'SEF for publication.docx');
    const r = await cli('export', 'sef', '--workbook', f.file, '--out', out, '--publication', '--include-drafts');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Wrote ${out}`);
    expect(r.out).toContain('"SEND self-evaluation 2026", as of 01/11/2026: 6 of 6 sections, 2 evidence items in the index.');
    expect(r.out).toContain('For publication: 1 evidence item(s) with personal data left out.');
    const text = plainText(unzipDocx(readFileSync(out))['word/document.xml']!);
    expect(text).toContain('Draft text not yet agreed.');
    expect(text).not.toContain('Case study: child A');
  });

  it('tells the officer when draft sections were left out', async () => {
    const r = await cli('export', 'sef', '--workbook', f.file, '--out', path.join(f.dir, 'sef.docx'), '--sef', String(f.sefId));
    expect(r.code).toBe(0);
    expect(r.out).toContain('5 draft section(s) left out; add --include-drafts to include them.');
  });

  it('writes the progress report for a period with the milestone summary', async () => {
    const out = path.join(f.dir, 'progress.docx');
    const r = await cli('export', 'progress', '--workbook', f.file, '--out', out, '--plan', String(f.planId), '--period', 'November 2020', '--as-of', '30/11/2020');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Written Statement of Action: progress update November 2020: 6 milestone(s) – 3 (50%) largely achieved, 2 (33%) partially achieved and on track, 1 (17%) not yet achieved.');
    expect(plainText(unzipDocx(readFileSync(out))['word/document.xml']!)).toContain('Priority 1: Accountability');
  });

  it('names the periods that have milestones when the one asked for has none', async () => {
    const r = await cli('export', 'progress', '--workbook', f.file, '--out', path.join(f.dir, 'p.docx'), '--period', 'Autumn 1999');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Periods with milestones in this plan: November 2020, March 2021.');
    await f.api.call('plan:create', { type: 'improvement', title: 'SEND partnership plan', status: 'published' });
    const other = await cli('export', 'progress', '--workbook', f.file, '--out', path.join(f.dir, 'p.docx'));
    expect(other.out).toContain(`Other plans (choose with --plan ID): ${f.planId} Written Statement of Action (fit for purpose / approved).`);
  });

  it('explains bad arguments without writing anything', async () => {
    const before = readdirSync(f.dir).length;
    expect(await cli('export', 'sef', '--workbook', f.file, '--out', path.join(f.dir, 'x.docx'), '--sef', 'abc')).toMatchObject({ code: 2, err: '--sef must be a whole number such as 3 (you gave "abc").' });
    expect(await cli('export', 'sef', '--workbook', f.file, '--out', path.join(f.dir, 'x.pdf'))).toMatchObject({ code: 2, err: expect.stringContaining('--out must name a .docx file') });
    expect(await cli('export', 'progress', '--workbook', f.file, '--out', path.join(f.dir, 'x.docx'), '--as-of', '31/02/2020')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--as-of must be a date such as 30/11/2020'),
    });
    expect(await cli('export', 'sef', '--workbook', f.file, '--out', path.join(f.dir, 'x.docx'), '--sef', '999')).toMatchObject({ code: 1, err: expect.stringMatching(/no longer exists/) });
    expect((await cli('export', 'sef', '--out', path.join(f.dir, 'x.docx'))).code).toBe(2);
    expect(readdirSync(f.dir).length).toBe(before);
  });

  it('says clearly when the folder does not exist, leaving nothing behind', async () => {
    const out = path.join(f.dir, 'no-such-folder', 'sef.docx');
    const r = await cli('export', 'sef', '--workbook', f.file, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`The folder ${path.dirname(out)} does not exist. Choose another folder.`);
    expect(existsSync(path.dirname(out))).toBe(false);
  });
});
