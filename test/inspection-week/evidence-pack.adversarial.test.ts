/**
 * The evidence pack in both modes. Publication mode must carry nothing flagged as personal data
 * and no tracked-child record: every entry of the zip is scanned, bytes included.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/transports/cli/run-cli';
import { writeEvidencePack } from '../../electron/core/inspection-week/evidence-pack';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { storeFile } from './fixtures';

let t: TestWorkbook;
afterEach(() => t?.cleanup());

const SECRET = {
  title: 'Case file for tracked child PRIVATE-TITLE',
  summary: 'PRIVATE-SUMMARY of a family situation',
  file: 'PRIVATE-FILE-BYTES health letter',
  childEvidence: 'UNFLAGGED-CHILD-DOC',
  pseudonym: 'CYP-SECRET',
};

async function buildFixture() {
  t = makeTestWorkbook({ now: '2026-11-24T10:00:00Z', areaName: 'Testshire' });
  const { api } = t;
  const event = await api.call('event:create', { kind: 'full_inspection', frameworkId: 'joint-2016', title: 'Joint local area SEND inspection 2019' });
  const finding = await api.call('finding:create', { eventId: event.id, type: 'significant_weakness', reference: 'SW1', title: 'Timeliness of EHC plans' });
  const plan = await api.call('plan:create', { type: 'wsoa', title: 'Written Statement of Action' });
  const priority = await api.call('priority:create', { planId: plan.id, reference: '1', title: 'EHC plan timeliness', findingIds: [finding.id] });
  const action = await api.call('action:create', { priorityId: priority.id, reference: '1.1', what: 'Recruit EHC coordinators' });
  const sef = await api.call('sef:create', { title: 'SEF 2026', frameworkId: 'area-send-2025', scaleId: 'predicted-outcome', asOf: '2026-09-01' });
  const sections = await api.call('section:list', { sefId: sef.id });
  const needs = sections.find((s) => s.criterionId === 'needs_identified')!;

  const publicItem = await api.call('evidence:create', {
    title: 'Timeliness dashboard <script>alert(1)</script> & co',
    kind: 'data_report',
    level: 'impact',
    summary: 'Plans within 20 weeks rose from 31% to 61% "this year".',
    effectiveFrom: '2026-04-01',
    effectiveTo: '2026-10-31',
  });
  storeFile(t, publicItem.id, '../../etc/evil "name" <b>.csv', 'month,pct\n2026-10,61\n');
  storeFile(t, publicItem.id, 'notes.txt', 'public notes one');
  storeFile(t, publicItem.id, 'notes.txt', 'public notes two');
  await api.call('evidence:link', { evidenceId: publicItem.id, target: { type: 'sefSection', id: needs.id } });
  await api.call('evidence:link', { evidenceId: publicItem.id, target: { type: 'finding', id: finding.id } });

  const planItem = await api.call('evidence:create', { title: 'Recruitment report', kind: 'board_paper', level: 'output' });
  await api.call('evidence:link', { evidenceId: planItem.id, target: { type: 'action', id: action.id } });

  const flagged = await api.call('evidence:create', { title: SECRET.title, kind: 'case_study', level: 'impact', summary: SECRET.summary, containsPersonalData: true });
  storeFile(t, flagged.id, 'letter.txt', SECRET.file);
  await api.call('evidence:link', { evidenceId: flagged.id, target: { type: 'finding', id: finding.id } });

  const childDoc = await api.call('evidence:create', { title: SECRET.childEvidence, kind: 'document', level: 'activity' });
  const child = await api.call('trackedChild:create', { eventId: event.id, pseudonym: SECRET.pseudonym, settingType: 'special', senStatus: 'ehc_plan' });
  await api.call('trackedChild:link', { id: child.child.id, evidenceId: childDoc.id });
  return { publicItem, flagged, planItem };
}

function entries(base64OrBytes: string | Uint8Array) {
  const bytes = typeof base64OrBytes === 'string' ? Buffer.from(base64OrBytes, 'base64') : base64OrBytes;
  return unzipSync(bytes);
}

describe('evidence pack', () => {
  it('full mode groups by criterion and finding, escapes everything and stores files safely', async () => {
    const { publicItem, flagged, planItem } = await buildFixture();
    const pack = await t.api.call('pack:build', { forPublication: false });
    const zip = entries(pack.base64);
    expect(Object.keys(zip).sort()).toEqual(
      [
        `files/${flagged.reference}/letter.txt`,
        `files/${publicItem.reference}/evil _name_ _b_.csv`,
        `files/${publicItem.reference}/notes (2).txt`,
        `files/${publicItem.reference}/notes.txt`,
        'index.html',
      ].sort(),
    );
    for (const name of Object.keys(zip)) expect(name.includes('..') || name.startsWith('/')).toBe(false);
    expect(strFromU8(zip[`files/${publicItem.reference}/notes (2).txt`]!)).toBe('public notes two');

    const html = strFromU8(zip['index.html']!);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Timeliness dashboard &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).toContain('&quot;this year&quot;');
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html).toContain('OFFICIAL-SENSITIVE');
    expect(html).toContain('Identifying and assessing needs');
    expect(html).toContain('SW1 Timeliness of EHC plans');
    expect(html).toContain('Through the plan that addresses it');
    expect(html).toContain(`href="#${planItem.reference}"`);
    expect(html).toContain('01/04/2026 to 31/10/2026');
    expect(html).toContain(`href="files/${publicItem.reference}/evil%20_name_%20_b_.csv"`);
    expect(html).toContain(SECRET.pseudonym);
    expect(html).toContain(SECRET.title);
    expect(pack).toMatchObject({ itemCount: 4, fileCount: 4, leftOut: [] });
  });

  it('publication mode leaves out flagged items, tracked children and their evidence (every entry scanned)', async () => {
    await buildFixture();
    const pack = await t.api.call('pack:build', { forPublication: true });
    expect(pack.fileName).toBe('Evidence pack 2026-11-24 (for publication).zip');
    const zip = entries(pack.base64);
    const secrets = Object.values(SECRET);
    for (const [name, bytes] of Object.entries(zip)) {
      const text = `${name}\n${strFromU8(bytes, true)}`;
      for (const s of secrets) expect(text, `${name} contains ${s}`).not.toContain(s);
      expect(name).not.toContain('letter.txt');
    }
    const html = strFromU8(zip['index.html']!);
    expect(html).toContain('Prepared for publication');
    expect(html).toContain('1 evidence item flagged as containing personal data.');
    expect(html).toContain('1 tracked child record.');
    expect(html).not.toContain('Tracked children (pseudonymised)');
    expect(pack.itemCount).toBe(2);
  });

  it('refuses before writing when the disk is too full', async () => {
    await buildFixture();
    const out = path.join(t.dir, 'pack.zip');
    const ctx = t.session.context()!;
    await expect(writeEvidencePack(ctx, out, { forPublication: false, freeBytes: () => 50_000 })).rejects.toThrow(
      /The evidence pack needs about 978 KB but only 49 KB is free where pack\.zip would go\. Free some space or choose another drive; nothing was written\./,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.includes('pack'))).toEqual([]);
  });

  it('the CLI writes the pack and shows progress', async () => {
    await buildFixture();
    const out = path.join(t.dir, 'PACK.zip');
    t.session.close();
    const said: string[] = [];
    const progress: string[] = [];
    const code = await runCli(['pack', '--workbook', t.file, '--out', out, '--for-publication'], { out: (s) => said.push(s), err: (s) => progress.push(s) });
    expect(code).toBe(0);
    // Stages come from polling pack:progress (as the screen does), so a quick pack shows only its start and end.
    expect(progress[0]).toBe('Building the evidence pack…');
    expect(progress.at(-1)).toBe('Done.');
    expect(said[0]).toMatch(/^Evidence pack written to .*PACK\.zip: 2 evidence items, 3 files\.$/);
    const zip = entries(new Uint8Array(readFileSync(out)));
    expect(Object.keys(zip)).toContain('index.html');
    const missing = await runCli(['pack', '--workbook', t.file], { out: () => {}, err: (s) => said.push(s) });
    expect(missing).toBe(2);
  });
});
