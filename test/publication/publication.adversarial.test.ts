/**
 * Issue #14, failure 3 as attacks: personal data reaching a for-publication output through a
 * tracked child in the Bin, through the same bytes attached to an unflagged item, and through
 * the SEF's evidence index. Every surface asks one rule (publication/may-publish.ts).
 */
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSefModel } from '../../electron/core/exports/docx/sef-model';
import { mayPublish, publicationFacts } from '../../electron/core/publication/may-publish';
import { readPackData } from '../../electron/core/inspection-week/pack-data';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
afterEach(() => t.cleanup());

const CHILD_DOC = 'Tracking documents UNFLAGGED-CHILD-DOC';
const CHILD_FILE = 'CHILD-FILE-BYTES: annual review notes';
const FLAGGED_FILE = 'FLAGGED-FILE-BYTES: health letter';

let ids: { event: number; finding: number; section: number; child: number; childDoc: number; flagged: number; copy: number; plain: number };

async function attach(evidenceId: number, name: string, content: string) {
  return t.api.call('file:attach', { evidenceId, fileName: name, base64: Buffer.from(content).toString('base64') });
}

beforeEach(async () => {
  t = makeTestWorkbook({ now: '2026-11-24T10:00:00Z', areaName: 'Testshire' });
  const { api } = t;
  const event = await api.call('event:create', { kind: 'full_inspection', frameworkId: 'area-send-2025', title: 'Area SEND inspection 2026' });
  const finding = await api.call('finding:create', { eventId: event.id, type: 'area_for_improvement', reference: 'AFI1', title: 'Timeliness' });
  const sef = await api.call('sef:create', { title: 'SEF 2026', frameworkId: 'area-send-2025', scaleId: 'predicted-outcome', asOf: '2026-09-01' });
  const section = (await api.call('section:list', { sefId: sef.id }))[0]!;
  await api.call('section:update', { id: section.id, isDraft: false, whatWeKnow: 'Plans are timelier.' });

  const plain = await api.call('evidence:create', { title: 'Timeliness dashboard', kind: 'data_report', level: 'impact' });
  await attach(plain.id, 'dashboard.csv', 'month,pct\n2026-10,61\n');
  const childDoc = await api.call('evidence:create', { title: CHILD_DOC, kind: 'document', level: 'activity' });
  await attach(childDoc.id, 'review.txt', CHILD_FILE);
  const flagged = await api.call('evidence:create', { title: 'Health letter (flagged)', kind: 'document', level: 'activity', containsPersonalData: true });
  await attach(flagged.id, 'letter.txt', FLAGGED_FILE);
  const copy = await api.call('evidence:create', { title: 'Board pack appendix', kind: 'board_paper', level: 'output' });

  for (const id of [plain.id, childDoc.id, flagged.id, copy.id]) {
    await api.call('evidence:link', { evidenceId: id, target: { type: 'sefSection', id: section.id } });
    await api.call('evidence:link', { evidenceId: id, target: { type: 'finding', id: finding.id } });
  }
  const child = await api.call('trackedChild:create', { eventId: event.id, pseudonym: 'CYP-A', settingType: 'special', senStatus: 'ehc_plan' });
  await api.call('trackedChild:link', { id: child.child.id, evidenceId: childDoc.id });
  ids = { event: event.id, finding: finding.id, section: section.id, child: child.child.id, childDoc: childDoc.id, flagged: flagged.id, copy: copy.id, plain: plain.id };
});

const ctx = () => t.session.context()!;

async function publicationPack() {
  const pack = await t.api.call('pack:build', { forPublication: true });
  const zip = unzipSync(Buffer.from(pack.base64, 'base64'));
  const everything = Object.values(zip)
    .map((b) => Buffer.from(b).toString('utf8'))
    .join('\n');
  return { pack, zip, everything };
}

describe('personal data never reaches a for-publication output', () => {
  it('evidence of a tracked child whose record is in the Bin is not published, nor its file', async () => {
    await t.api.call('trackedChild:delete', { id: ids.child });
    const { pack, everything } = await publicationPack();
    expect(everything).not.toContain(CHILD_DOC);
    expect(everything).not.toContain(CHILD_FILE);
    expect(pack.leftOut.join(' ')).toMatch(/1 evidence item linked, now or before, to a tracked child/);
    expect(pack.leftOut.join(' ')).not.toContain('CYP-A');
  });

  it('evidence unlinked from a tracked child stays withheld: the history remembers the link', async () => {
    await t.api.call('trackedChild:unlink', { id: ids.child, evidenceId: ids.childDoc });
    const { everything } = await publicationPack();
    expect(everything).not.toContain(CHILD_DOC);
    expect(everything).not.toContain(CHILD_FILE);
  });

  it('a flagged item’s bytes attached to an unflagged item are not published, and the attach warns', async () => {
    const result = await attach(ids.copy, 'appendix.txt', FLAGGED_FILE);
    expect(result.alreadyStored).toBe(true);
    expect(result.notice).toMatch(/already held under E-\d+, which is flagged as containing personal data/);
    expect(result.notice).toMatch(/left out of documents for publication/);
    const { pack, everything } = await publicationPack();
    expect(everything).not.toContain(FLAGGED_FILE);
    expect(everything).not.toContain('Board pack appendix');
    expect(pack.leftOut.join(' ')).toMatch(/1 evidence item holding a file that is also held with personal data/);
    // The plain item is still published, with its file.
    expect(everything).toContain('Timeliness dashboard');
    expect(everything).toContain('2026-10,61');
  });

  it('bytes of a tracked child’s evidence attached elsewhere warn too, without naming the child', async () => {
    const result = await attach(ids.copy, 'copy.txt', CHILD_FILE);
    expect(result.notice).toMatch(/linked to a tracked child/);
    expect(result.notice).not.toContain('CYP-A');
  });

  it('the for-publication SEF lists no title the pack leaves out (tracked child, flagged, shared bytes)', async () => {
    await attach(ids.copy, 'appendix.txt', FLAGGED_FILE);
    await t.api.call('trackedChild:delete', { id: ids.child });
    const model = buildSefModel(ctx(), { publication: true });
    const listed = [...model.evidence.map((e) => e.title), ...model.sections.flatMap((s) => s.evidence.map((e) => e.title))];
    expect(listed).toContain('Timeliness dashboard');
    for (const secret of [CHILD_DOC, 'Health letter (flagged)', 'Board pack appendix']) expect(listed).not.toContain(secret);
    expect(model.evidenceWithheld).toBe(3);

    const full = buildSefModel(ctx(), { publication: false });
    expect(full.evidence.map((e) => e.title)).toContain(CHILD_DOC);
  });

  it('the pack and the SEF withhold exactly the items the rule withholds', async () => {
    await attach(ids.copy, 'appendix.txt', FLAGGED_FILE);
    const facts = publicationFacts(ctx());
    const byRule = [ids.plain, ids.childDoc, ids.flagged, ids.copy].filter((id) => !mayPublish({ id, containsPersonalData: false }, facts).publish).sort();
    expect(byRule).toEqual([ids.childDoc, ids.flagged, ids.copy].sort());
    const pack = readPackData(ctx(), true);
    const packed = new Set(pack.items.map((i) => i.id));
    const sef = buildSefModel(ctx(), { publication: true });
    const sefTitles = new Set(sef.evidence.map((e) => e.title));
    for (const id of [ids.plain, ids.childDoc, ids.flagged, ids.copy]) {
      const item = pack.items.find((i) => i.id === id);
      expect(packed.has(id)).toBe(!byRule.includes(id));
      if (item) expect(sefTitles.has(item.title)).toBe(true);
    }
  });
});
