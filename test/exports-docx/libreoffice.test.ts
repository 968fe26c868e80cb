/**
 * A second, independent reader: LibreOffice (installed by .ci/run) must convert both documents to
 * PDF. It refuses or mangles files Word would ask to repair, so this guards the package as a whole.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgressDocx } from '../../electron/core/exports/docx/progress-document';
import { buildSefDocx } from '../../electron/core/exports/docx/sef-document';
import { makeFixture, type Fixture } from './fixture';

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
});
afterAll(() => f.cleanup());

function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('LibreOffice reads the Word exports', () => {
  it('converts the self-evaluation and the progress report to PDF', { timeout: 120_000 }, async () => {
    const ctx = f.session.context()!;
    const sef = path.join(f.dir, 'sef.docx');
    const progress = path.join(f.dir, 'progress.docx');
    writeFileSync(sef, await buildSefDocx(ctx, { includeDrafts: true }));
    writeFileSync(progress, await buildProgressDocx(ctx, { periodLabel: 'November 2020', asOf: '2020-11-30' }));
    const outDir = path.join(f.dir, 'pdf');
    mkdirSync(outDir);
    // A profile of its own, so parallel runs never clash on LibreOffice's lock.
    const profile = pathToFileURL(path.join(f.dir, 'lo-profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, sef, progress], {
      timeout: 100_000,
      stdio: 'pipe',
    });
    const sefPdf = readFileSync(path.join(outDir, 'sef.pdf'));
    const progressPdf = readFileSync(path.join(outDir, 'progress.pdf'));
    expect(sefPdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(progressPdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Cover, contents and the body: a real document, not an empty page.
    expect(pageCount(sefPdf)).toBeGreaterThanOrEqual(5);
    expect(pageCount(progressPdf)).toBeGreaterThanOrEqual(2);
  });
});
