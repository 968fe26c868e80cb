/**
 * Issue #16, part 3: importing a published 2016-framework letter. The parser recognises initial
 * and revisit letters (from text, PDF and Word), the revisit's verdicts are cross-checked against
 * its own summary, reworded weaknesses are matched to the initial inspection's findings, and the
 * import through the channels (and the CLI) writes one event, its findings and verdicts, keeps the
 * letter as evidence, and changes nothing when run again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseLetter } from '../../electron/core/imports/letters/parse-letter';
import { matchWeaknesses, similarity } from '../../electron/core/imports/letters/match-findings';
import { paragraphsOf } from '../../electron/core/imports/letters/letter-text';
import { proposalOf } from '../../electron/transports/cli/commands/letters';
import { runCli } from '../../electron/transports/cli/run-cli';
import { makeTestWorkbook, tempDir, type TestWorkbook } from '../helpers/temp-workbook';
import { letterDocx, letterPdf, upload } from './letters-documents';
import { AREA_SEND_REPORT, INITIAL_LETTER, INITIAL_WEAKNESSES, MISMATCHED_REVISIT_LETTER, REVISIT_LETTER, REVISIT_WEAKNESSES, pdfLines } from './letters-fixtures';
import { parseAreaSendReport } from '../../electron/core/imports/letters/parse-report';
import { loadReferenceData } from '../../electron/core/reference/load-reference';

const OUTCOMES = loadReferenceData()
  .frameworks.filter((f) => f.id.startsWith('area-send'))
  .flatMap((f) => f.outcomes.map((o) => ({ frameworkId: f.id, id: o.id, verbatim: o.verbatim })));

const VERDICTS = ['sufficient_progress', 'not_sufficient_progress', 'sufficient_progress', 'not_sufficient_progress'];

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

describe('the letter parser', () => {
  it('reads an initial inspection letter: dates, the WSOA and each significant weakness verbatim', () => {
    const p = parseLetter(INITIAL_LETTER);
    expect(p.kind).toBe('initial_2016');
    expect(p.area).toBe('Testshire');
    expect([p.onsiteStartOn, p.onsiteEndOn, p.publishedOn]).toEqual(['2017-06-12', '2017-06-16', '2017-07-14']);
    expect(p.wsoaRequired).toBe(true);
    expect(p.weaknesses.map((w) => w.text)).toEqual(INITIAL_WEAKNESSES);
    expect(p.warnings).toEqual([]);
  });

  it('reads a revisit letter: each weakness, its commentary and verdict, and a summary that agrees', () => {
    const p = parseLetter(REVISIT_LETTER);
    expect(p.kind).toBe('revisit_2016');
    expect([p.onsiteStartOn, p.onsiteEndOn, p.publishedOn]).toEqual(['2019-02-04', '2019-02-06', '2019-03-04']);
    expect(p.weaknesses.map((w) => w.text)).toEqual(REVISIT_WEAKNESSES);
    expect(p.weaknesses.map((w) => w.verdict)).toEqual(VERDICTS);
    expect(p.weaknesses[1]!.commentary).toMatch(/^Plans remain too generic\./);
    expect(p.weaknesses[1]!.commentary).not.toMatch(/sufficient progress/);
    expect(p.summary).toMatchObject({ sufficient: 2, total: 4, notSufficient: 2 });
    expect(p.warnings).toEqual([]);
  });

  it('shows a summary that disagrees with the verdicts, never ignores it', () => {
    const p = parseLetter(MISMATCHED_REVISIT_LETTER);
    expect(p.summary).toMatchObject({ sufficient: 3, total: 4, notSufficient: 1 });
    expect(p.weaknesses.map((w) => w.verdict)).toEqual(VERDICTS);
    expect(p.warnings.join(' ')).toMatch(/summary says sufficient progress on 3 of 4.*give sufficient progress on 2 of 4/);
  });

  it('undoes PDF artefacts: running headers, page numbers, wrapped lines and bullet glyphs', () => {
    const pages = pdfLines(REVISIT_LETTER, 70).map((lines, n, all) => ['Joint area SEND revisit in Testshire', ...lines, `Page ${n + 1} of ${all.length}`].join('\n'));
    const p = parseLetter(pages.join('\n'));
    expect(p.weaknesses.map((w) => w.text)).toEqual(REVISIT_WEAKNESSES);
    expect(p.weaknesses.map((w) => w.verdict)).toEqual(VERDICTS);
    expect(p.weaknesses.map((w) => w.commentary).join(' ')).not.toMatch(/Page \d|Joint area SEND revisit/);
    const wrapped = parseLetter(REVISIT_LETTER.replace('Fixed-term exclusions of pupils with special educational needs are high and rising.', 'Fixed-term exclusions of pupils with education, health and care (EHC)\nplans are high and rising.'));
    expect(wrapped.weaknesses[3]!.text).toBe('Fixed-term exclusions of pupils with education, health and care (EHC) plans are high and rising.');
    const bullets = paragraphsOf('These are:\n\uF0B7 the first weakness, which wraps onto\na second line\n● the second weakness\n▪ the third');
    expect(bullets.filter((b) => b.bullet).map((b) => b.text)).toEqual(['the first weakness, which wraps onto a second line', 'the second weakness', 'the third']);
  });

  it('does not recognise a letter from one phrase alone', () => {
    expect(parseLetter('Joint area SEND revisit in Nowhere\nWe will come back soon.').kind).toBeNull();
    expect(parseLetter('The area has made sufficient progress to improve this area of weakness.').kind).toBeNull();
    expect(parseLetter('Minutes of the SEND board. Ofsted and CQC were mentioned. Joint local area SEND inspection in X was discussed.').kind).toBeNull();
    expect(parseLetter('').kind).toBeNull();
  });
});

describe('matching a revisit to the initial findings', () => {
  it('pairs each reworded weakness with its original', () => {
    const candidates = INITIAL_WEAKNESSES.map((text, i) => ({ id: 10 + i, reference: `SW${i + 1}`, title: `Weakness ${i + 1}`, text }));
    const matches = matchWeaknesses([...REVISIT_WEAKNESSES].reverse(), candidates);
    expect(matches.map((m) => m.findingId)).toEqual([13, 12, 11, 10]);
  });

  it('flags a weak match for the user to confirm', () => {
    const candidates = [{ id: 1, reference: 'SW1', title: 'Transition to adult health services', text: 'the weak planning of transition to adult health services for young people' }];
    const [m] = matchWeaknesses(['Planning of transition to adult services is weak and families are not told what to expect.'], candidates);
    expect(m!.findingId).toBe(1);
    expect(m!.uncertain).toBe(true);
    expect(similarity('apples', 'oranges')).toBe(0);
  });
});

describe('importing letters through the channels', () => {
  let t: TestWorkbook;
  beforeAll(() => {
    t = makeTestWorkbook();
  });
  afterAll(() => t.cleanup());

  it('imports an initial letter from Word, then a revisit from PDF matched to its findings, once', async () => {
    // The initial letter, as a Word file whose bullets are real Word bullets.
    const docx = await upload(t, 'Testshire letter 2017.docx', await letterDocx(INITIAL_LETTER));
    const initial = await t.api.call('letter:preview', { source: { uploadId: docx } });
    expect(initial.kind).toBe('initial_2016');
    expect(initial.wsoaRequired).toBe(true);
    expect(initial.items.map((i) => i.text)).toEqual(INITIAL_WEAKNESSES);
    const first = await t.api.call('letter:apply', proposalOf(initial, { uploadId: docx }));
    expect(first).toMatchObject({ alreadyImported: false, findingsCreated: 4, assessmentsCreated: 0 });
    const initialEvent = await t.api.call('event:get', { id: first.eventId });
    expect(initialEvent).toMatchObject({ kind: 'full_inspection', frameworkId: 'joint-2016', onsiteStartOn: '2017-06-12', publishedOn: '2017-07-14', findingCount: 4 });
    const initialFindings = (await t.api.call('finding:list', { eventId: first.eventId })).items;
    expect(initialFindings.map((f) => f.text)).toEqual(INITIAL_WEAKNESSES);

    // The revisit, as a PDF with a running header and page numbers.
    const pdf = await upload(t, 'Testshire revisit 2019.pdf', await letterPdf(REVISIT_LETTER, 'Joint area SEND revisit: Testshire'));
    const revisit = await t.api.call('letter:preview', { source: { uploadId: pdf } });
    expect(revisit.kind).toBe('revisit_2016');
    expect(revisit.summaryAgrees).toBe(true);
    expect(revisit.items.map((i) => i.text)).toEqual(REVISIT_WEAKNESSES);
    expect(revisit.items.map((i) => i.match.findingId)).toEqual(initialFindings.map((f) => f.id));
    const applied = await t.api.call('letter:apply', proposalOf(revisit, { uploadId: pdf }));
    expect(applied).toMatchObject({ alreadyImported: false, findingsCreated: 0, assessmentsCreated: 4 });

    // Each initial finding now carries the revisit's verdict, given at the revisit.
    const after = (await t.api.call('finding:list', { eventId: first.eventId })).items;
    expect(after.map((f) => f.latestAssessment?.result)).toEqual(VERDICTS);
    expect(after.every((f) => f.latestAssessment?.eventId === applied.eventId)).toBe(true);
    const commentary = (await t.api.call('assessment:list', { findingId: after[1]!.id })).items[0]!.commentary;
    expect(commentary).toMatch(/^Plans remain too generic\./);
    const revisitEvent = await t.api.call('event:get', { id: applied.eventId });
    expect(revisitEvent.verdicts?.sentence).toMatch(/2 of 4/);

    // The letter is kept as evidence (inspection report), with its file, linked to the findings.
    const evidence = await t.api.call('evidence:get', { id: applied.evidenceId! });
    expect(evidence).toMatchObject({ kind: 'inspection_report', title: 'Joint area SEND revisit in Testshire', linkCount: 4 });
    const files = await t.api.call('file:list', { evidenceId: evidence.id });
    expect(files.map((f) => f.fileName)).toEqual(['Testshire revisit 2019.pdf']);
    expect(revisitEvent.summary).toContain(evidence.reference);
    // Each initial finding's page lists both letters: the one that found it and the one that judged it.
    const links = await t.api.call('evidence:links', { target: { type: 'finding', id: after[1]!.id } });
    expect(links.map((l) => [l.evidenceId, l.note])).toEqual([
      [first.evidenceId, 'From “Joint local area SEND inspection in Testshire”.'],
      [evidence.id, 'Verdict given in “Joint area SEND revisit in Testshire”: Not made sufficient progress.'],
    ]);

    // Importing the same letter again changes nothing.
    const again = await t.api.call('letter:preview', { source: { uploadId: pdf } });
    expect(again.alreadyImportedEventId).toBe(applied.eventId);
    const second = await t.api.call('letter:apply', proposalOf(again, { uploadId: pdf }));
    expect(second).toMatchObject({ alreadyImported: true, eventId: applied.eventId, findingsCreated: 0, assessmentsCreated: 0 });
    expect((await t.api.call('event:list', {})).total).toBe(2);
    expect((await t.api.call('evidence:list', {})).total).toBe(2);
    expect((await t.api.call('assessment:list', { findingId: after[0]!.id })).total).toBe(1);
  });

  it('shows a revisit whose summary disagrees with its verdicts, and imports the verdicts the user keeps', async () => {
    const w = makeTestWorkbook();
    try {
      const preview = await w.api.call('letter:preview', { source: { text: MISMATCHED_REVISIT_LETTER, fileName: 'pasted' } });
      expect(preview.summaryAgrees).toBe(false);
      expect(preview.warnings.join(' ')).toMatch(/summary says sufficient progress on 3 of 4/);
      // No initial inspection in this workbook: each weakness becomes a finding of the revisit.
      expect(preview.warnings.join(' ')).toMatch(/no significant weaknesses from an initial inspection/);
      const proposal = proposalOf(preview, { text: MISMATCHED_REVISIT_LETTER, fileName: 'pasted' });
      proposal.items[1]!.verdict = 'sufficient_progress';
      const applied = await w.api.call('letter:apply', proposal);
      expect(applied).toMatchObject({ findingsCreated: 4, assessmentsCreated: 4 });
      const findings = (await w.api.call('finding:list', { eventId: applied.eventId })).items;
      expect(findings.map((f) => f.latestAssessment?.result)).toEqual(['sufficient_progress', 'sufficient_progress', 'sufficient_progress', 'not_sufficient_progress']);
      const files = await w.api.call('file:list', { evidenceId: applied.evidenceId! });
      expect(files[0]!.fileName).toBe('pasted.txt');
      // The same text again: its title and dates match, so it is already imported.
      const same = await w.api.call('letter:preview', { source: { text: MISMATCHED_REVISIT_LETTER, fileName: 'pasted' } });
      expect(same.alreadyImportedEventId).toBe(applied.eventId);
      // Renamed on import, the same file is still recognised by its content, and the user is told.
      await w.api.call('event:update', { id: applied.eventId, title: 'Revisit February 2019' });
      const renamed = await w.api.call('letter:preview', { source: { text: MISMATCHED_REVISIT_LETTER, fileName: 'pasted' } });
      expect(renamed.alreadyImportedEventId).toBeNull();
      expect(renamed.warnings.join(' ')).toMatch(/already kept in the workbook as evidence E-001 \(“pasted.txt”\)/);
    } finally {
      w.cleanup();
    }
  });

  it('refuses hostile or incomplete input in words, and writes nothing', async () => {
    const w = makeTestWorkbook();
    try {
      const preview = await w.api.call('letter:preview', { source: { text: REVISIT_LETTER } });
      const base = proposalOf(preview, { text: REVISIT_LETTER });
      const refuse = async (input: unknown, words: RegExp) => {
        const r = await w.dispatch('letter:apply', input);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toMatch(words);
      };
      await refuse({ ...base, items: base.items.map((i, n) => (n === 2 ? { ...i, verdict: null } : i)) }, /Choose a verdict for weakness 3/);
      await refuse({ ...base, items: base.items.map((i) => ({ ...i, verdict: 'excellent' })) }, /Choose a verdict/);
      await refuse({ ...base, items: base.items.map((i) => ({ ...i, findingId: 9999 })) }, /matched to a finding already matched|not a significant weakness/);
      await refuse({ ...base, items: [{ ...base.items[0]!, findingId: 9999 }] }, /finding 9999, which is not a significant weakness/);
      await refuse({ ...base, event: { ...base.event, kind: 'full_inspection' } }, /revisit letter makes an event of type “Revisit”/);
      await refuse({ ...base, event: { ...base.event, onsiteStartOn: '2019-02-31' } }, /not a real date/);
      await refuse({ ...base, letterKind: 'area_send_2023' }, /revisit letter, an initial inspection letter, an Area SEND report or an Area SEND monitoring inspection letter/);
      await refuse({ ...base, items: Array.from({ length: 61 }, () => base.items[0]) }, /at most 60 weaknesses/);
      await refuse({ ...base, source: { text: '   ' } }, /Paste the letter/);
      await refuse({ ...base, source: { uploadId: '../../etc/passwd' } }, /Paste the letter|upload is not known/);
      expect((await w.api.call('event:list', {})).total).toBe(0);
      expect((await w.api.call('evidence:list', {})).total).toBe(0);

      const notALetter = await w.dispatch('letter:preview', { source: { text: '<script>alert(1)</script>\nDear all, minutes of the SEND board attached.' } });
      expect(notALetter.ok).toBe(false);
      if (!notALetter.ok) expect(notALetter.error.message).toMatch(/does not look like a 2016-framework/);
      const binary = await upload(w, 'letter.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0xff, 0x00, 0x13]));
      const broken = await w.dispatch('letter:preview', { source: { uploadId: binary } });
      expect(broken.ok).toBe(false);
      if (!broken.ok) expect(broken.error.message).toMatch(/could not be read from “letter.pdf”/);
      const tooLong = await w.dispatch('letter:preview', { source: { text: 'x'.repeat(1_000_001) } });
      expect(tooLong.ok).toBe(false);
      if (!tooLong.ok) expect(tooLong.error.message).toMatch(/too long/);
    } finally {
      w.cleanup();
    }
  });
});

describe('workbook import-letter', () => {
  it('prints the preview without --apply, imports with it, and changes nothing the second time', async () => {
    const dir = tempDir();
    const workbook = path.join(dir, 'letters.ewb');
    expect((await cli('new', '--out', workbook, '--area', 'Testshire')).code).toBe(0);
    const letter = path.join(dir, 'mismatch.txt');
    writeFileSync(letter, MISMATCHED_REVISIT_LETTER);

    const preview = await cli('import-letter', '--workbook', workbook, '--in', letter);
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/a 2016-framework revisit letter/);
    expect(preview.out).toMatch(/on site 04\/02\/2019 to 06\/02\/2019/);
    expect(preview.out).toMatch(/DOES NOT AGREE/);
    expect(preview.out).toMatch(/Verdict: Not sufficient progress/);
    expect(preview.out).toMatch(/Nothing was changed/);

    const json = JSON.parse((await cli('import-letter', '--workbook', workbook, '--in', letter, '--json')).out);
    expect(json.items).toHaveLength(4);
    expect(json.alreadyImportedEventId).toBeNull();

    const applied = await cli('import-letter', '--workbook', workbook, '--in', letter, '--apply');
    expect(applied.out).toMatch(/4 finding\(s\) added, 4 verdict\(s\) recorded/);
    const again = await cli('import-letter', '--workbook', workbook, '--in', letter, '--apply');
    expect(again.out).toMatch(/already been imported/);

    const missing = await cli('import-letter', '--workbook', workbook, '--in', path.join(dir, 'nope.pdf'));
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/There is no file/);
  });
});

describe('an Area SEND report', () => {
  it('is read with its verbatim outcome, dates and findings, partners named, and imported once', async () => {
    const t = makeTestWorkbook();
    try {
      const council = await t.api.call('partner:create', { name: 'Testshire County Council', kind: 'council' });
      const icb = await t.api.call('partner:create', { name: 'NHS Testshire ICB', kind: 'health' });
      const forum = await t.api.call('partner:create', { name: 'Testshire Parent Carer Forum', kind: 'parent_carer_forum' });
      const pdf = await upload(t, 'Testshire report.pdf', await letterPdf(AREA_SEND_REPORT, 'Ofsted and CQC: Testshire'));
      const preview = await t.api.call('letter:preview', { source: { uploadId: pdf } });
      expect(preview.kind).toBe('area_send_report');
      expect(preview.event).toMatchObject({ frameworkId: 'area-send-2023', outcome: 'widespread_failings', onsiteStartOn: '2023-10-09', onsiteEndOn: '2023-10-13', publishedOn: '2023-11-28' });
      expect(preview.outcome!.text).toMatch(/^There are widespread and\/or systemic failings/);
      expect(preview.items.map((i) => i.type)).toEqual(['area_for_priority_action', 'area_for_priority_action', 'area_for_improvement', 'area_for_improvement']);
      expect(preview.items[0]!.partnerIds.sort()).toEqual([council.id, icb.id].sort());
      expect(preview.items[1]!.partnerIds).toEqual([icb.id]);
      expect(preview.items[3]!.partnerIds).toEqual([forum.id]);
      expect(preview.warnings).toEqual([]);

      const applied = await t.api.call('letter:apply', proposalOf(preview, { uploadId: pdf }));
      expect(applied).toMatchObject({ findingsCreated: 4, assessmentsCreated: 0 });
      const event = await t.api.call('event:get', { id: applied.eventId });
      expect(event).toMatchObject({ kind: 'full_inspection', outcome: 'widespread_failings', findingCount: 4 });
      const findings = (await t.api.call('finding:list', { eventId: applied.eventId })).items;
      expect(findings.map((f) => f.reference)).toEqual(['APA1', 'APA2', 'AFI1', 'AFI2']);
      expect(findings[0]!.text).toMatch(/^Leaders in Testshire County Council and the integrated care board should urgently reduce/);
      expect(findings[2]!.partnerIds).toEqual([council.id]);
      const again = await t.api.call('letter:apply', proposalOf(preview, { uploadId: pdf }));
      expect(again.alreadyImported).toBe(true);
      // A report's findings are not verdicts on weaknesses.
      const bad = await t.dispatch('letter:apply', { ...proposalOf(preview, { uploadId: pdf }), items: [{ ...proposalOf(preview, { uploadId: pdf }).items[0], type: 'significant_weakness' }] });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.message).toMatch(/must be an area for improvement or an area for priority action/);
    } finally {
      t.cleanup();
    }
  });

  it('is not recognised without one of the three outcomes verbatim', () => {
    const reworded = AREA_SEND_REPORT.replace('widespread and/or systemic failings', 'some failings');
    expect(parseAreaSendReport(reworded, OUTCOMES)).toBeNull();
    expect(parseAreaSendReport(AREA_SEND_REPORT, OUTCOMES)?.outcomeId).toBe('widespread_failings');
  });
});
