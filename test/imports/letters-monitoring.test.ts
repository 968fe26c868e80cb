/**
 * Issue #16, part 2: an Area SEND monitoring inspection letter. The parser recognises it (from
 * text, PDF and Word), reads each area for priority action it judges with its commentary and
 * verdict, and cross-checks the letter's summary sentence; the import matches the areas to the
 * report's findings by text similarity, records the verdicts as assessments on a monitoring event,
 * keeps the letter as evidence linked to every finding it judged, and changes nothing the second time.
 */
import { proposalOf } from '../../electron/transports/cli/commands/letters';
import { runCli } from '../../electron/transports/cli/run-cli';
import { parseMonitoringLetter } from '../../electron/core/imports/letters/parse-monitoring';
import { parseLetter } from '../../electron/core/imports/letters/parse-letter';
import { makeTestWorkbook, tempDir } from '../helpers/temp-workbook';
import { letterDocx, letterPdf, upload } from './letters-documents';
import { AREA_SEND_REPORT, REVISIT_LETTER, pdfLines } from './letters-fixtures';
import { MISMATCHED_MONITORING_LETTER, MONITORING_AREAS, MONITORING_LETTER } from './letters-monitoring-fixtures';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const VERDICTS = ['sufficient_progress', 'not_sufficient_progress'];

describe('the monitoring letter parser', () => {
  it('reads the dates, each area for priority action, its commentary and verdict, and a summary that agrees', () => {
    const p = parseMonitoringLetter(MONITORING_LETTER)!;
    expect(p.title).toBe('Area SEND monitoring inspection of Testshire Local Area Partnership');
    expect([p.onsiteStartOn, p.onsiteEndOn, p.publishedOn]).toEqual(['2025-03-03', '2025-03-05', '2025-04-15']);
    expect(p.areas.map((a) => a.text)).toEqual(MONITORING_AREAS);
    expect(p.areas.map((a) => a.verdict)).toEqual(VERDICTS);
    expect(p.areas[1]!.commentary).toMatch(/^Waiting lists for speech and language therapy remain long/);
    expect(p.areas[1]!.commentary).not.toMatch(/progress in addressing/);
    expect(p.areas[1]!.verdictSentence).toBe('The local area partnership has made insufficient progress in addressing this area for priority action.');
    expect(p.summary).toMatchObject({ sufficient: 1, total: 2, notSufficient: 1 });
    expect(p.summary!.sentence).toMatch(/^The local area partnership has made sufficient progress in addressing one of the two areas for priority action\. It has made insufficient progress/);
    expect(p.warnings).toEqual([]);
  });

  it('shows a summary that disagrees with the verdicts, never ignores it', () => {
    const p = parseMonitoringLetter(MISMATCHED_MONITORING_LETTER)!;
    expect(p.summary).toMatchObject({ sufficient: 2, total: 2, notSufficient: 0 });
    expect(p.areas.map((a) => a.verdict)).toEqual(VERDICTS);
    expect(p.warnings.join(' ')).toMatch(/summary says sufficient progress on 2 of 2 areas for priority action and not on 0.*give sufficient progress on 1 of 2 and not on 1/);
  });

  it('reads a PDF layout: running headers, page numbers, and a verdict line that repeats the summary’s opening words', () => {
    const pages = pdfLines(MONITORING_LETTER, 70).map((lines, n, all) => ['Monitoring inspection: Testshire', ...lines, `Page ${n + 1} of ${all.length}`].join('\n'));
    const p = parseMonitoringLetter(pages.join('\n'))!;
    expect(p.areas.map((a) => a.text)).toEqual(MONITORING_AREAS);
    expect(p.areas.map((a) => a.verdict)).toEqual(VERDICTS);
    expect(p.areas.map((a) => a.commentary).join(' ')).not.toMatch(/Page \d|Monitoring inspection: Testshire/);
    expect(p.summary).toMatchObject({ sufficient: 1, total: 2 });
  });

  it('keeps commentary that opens “Inspectors found…” with its area, and an area without a verdict is kept with a warning', () => {
    const text = MONITORING_LETTER.replace('Families told inspectors', 'Inspectors found that families are told').replace(
      'The local area partnership has made insufficient progress in addressing this area for priority action.',
      'Leaders know there is more to do.',
    );
    const p = parseMonitoringLetter(text)!;
    expect(p.areas.map((a) => a.text)).toEqual(MONITORING_AREAS);
    expect(p.areas[0]!.commentary).toMatch(/Inspectors found that families are told/);
    expect(p.areas.map((a) => a.verdict)).toEqual(['sufficient_progress', null]);
    expect(p.warnings.join(' ')).toMatch(/No verdict was found for the area for priority action “The integrated care board should reduce/);
  });

  it('is not a monitoring letter from one phrase alone, and is not mistaken for another kind', () => {
    expect(parseMonitoringLetter('Area SEND monitoring inspection of Nowhere\nWe will visit soon.')).toBeNull();
    expect(parseMonitoringLetter('The local area partnership has made sufficient progress in addressing this area for priority action. Ofsted and CQC.')).toBeNull();
    expect(parseMonitoringLetter(AREA_SEND_REPORT)).toBeNull();
    // A report that says a monitoring inspection will follow is not a monitoring letter.
    expect(parseMonitoringLetter(`${AREA_SEND_REPORT}\nOfsted and CQC will carry out a monitoring inspection of the partnership.\nIt has made sufficient progress in addressing one of the two areas for priority action.`)).toBeNull();
    expect(parseMonitoringLetter(REVISIT_LETTER)).toBeNull();
    expect(parseLetter(MONITORING_LETTER).kind).toBeNull();
  });
});

describe('importing a monitoring letter through the channels', () => {
  it('matches the report’s areas for priority action, records the verdicts on a monitoring event, links the letter to each finding, once', async () => {
    const t = makeTestWorkbook();
    try {
      await t.api.call('partner:create', { name: 'Testshire County Council', kind: 'council' });
      await t.api.call('partner:create', { name: 'NHS Testshire ICB', kind: 'health' });
      // The inspection report first: its areas for priority action are what the monitoring judges.
      const reportPreview = await t.api.call('letter:preview', { source: { text: AREA_SEND_REPORT, fileName: 'report.txt' } });
      const report = await t.api.call('letter:apply', proposalOf(reportPreview, { text: AREA_SEND_REPORT, fileName: 'report.txt' }));
      const reportFindings = (await t.api.call('finding:list', { eventId: report.eventId })).items;
      const priorityActions = reportFindings.filter((f) => f.type === 'area_for_priority_action');
      expect(priorityActions.map((f) => f.reference)).toEqual(['APA1', 'APA2']);

      // The monitoring letter, as a Word file.
      const docx = await upload(t, 'Testshire monitoring 2025.docx', await letterDocx(MONITORING_LETTER));
      const preview = await t.api.call('letter:preview', { source: { uploadId: docx } });
      expect(preview.kind).toBe('area_send_monitoring');
      expect(preview.event).toMatchObject({ kind: 'monitoring_inspection', frameworkId: 'area-send-2023', onsiteStartOn: '2025-03-03', onsiteEndOn: '2025-03-05', publishedOn: '2025-04-15', outcome: null });
      expect(preview.summaryAgrees).toBe(true);
      expect(preview.items.map((i) => i.text)).toEqual(MONITORING_AREAS);
      expect(preview.items.map((i) => i.verdict)).toEqual(VERDICTS);
      // Reworded, yet matched to the report's findings by text similarity.
      expect(preview.items.map((i) => i.match.findingId)).toEqual(priorityActions.map((f) => f.id));
      expect(preview.items.map((i) => i.reference)).toEqual(['APA1', 'APA2']);
      expect(preview.candidates.map((c) => c.id).sort()).toEqual(priorityActions.map((f) => f.id).sort());
      expect(preview.items.map((i) => i.match.uncertain)).toEqual([false, false]);
      expect(preview.warnings).toEqual([]);

      const applied = await t.api.call('letter:apply', proposalOf(preview, { uploadId: docx }));
      expect(applied).toMatchObject({ alreadyImported: false, findingsCreated: 0, assessmentsCreated: 2 });
      const event = await t.api.call('event:get', { id: applied.eventId });
      expect(event).toMatchObject({ kind: 'monitoring_inspection', frameworkId: 'area-send-2023', findingCount: 0 });
      expect(event.verdicts?.sentence).toBe('Improvement seen in 1 of 2 areas for priority action; not improved enough in 1: APA2');
      expect(event.summary).toMatch(/made sufficient progress in addressing one of the two areas for priority action/);

      // The verdicts land on the report's findings, in the framework's words, with the commentary.
      const after = (await t.api.call('finding:list', { eventId: report.eventId })).items.filter((f) => f.type === 'area_for_priority_action');
      expect(after.map((f) => f.latestAssessment?.result)).toEqual(['improved', 'not_improved']);
      expect(after.every((f) => f.latestAssessment?.eventId === applied.eventId)).toBe(true);
      const assessment = (await t.api.call('assessment:list', { findingId: after[1]!.id })).items[0]!;
      expect(assessment).toMatchObject({ assessedOn: '2025-04-15' });
      expect(assessment.commentary).toMatch(/^Waiting lists for speech and language therapy/);

      // The letter is kept as evidence and shows on each judged finding's page (its evidence links).
      const evidence = await t.api.call('evidence:get', { id: applied.evidenceId! });
      expect(evidence).toMatchObject({ kind: 'inspection_report', title: 'Area SEND monitoring inspection of Testshire Local Area Partnership', linkCount: 2 });
      for (const f of after) {
        const links = await t.api.call('evidence:links', { target: { type: 'finding', id: f.id } });
        expect(links.map((l) => l.evidenceId).sort()).toEqual([report.evidenceId!, applied.evidenceId!].sort());
      }
      // Each link says the verdict the letter gave (an assessment cannot itself be a link target).
      const notes = await Promise.all(after.map(async (f) => (await t.api.call('evidence:links', { target: { type: 'finding', id: f.id } })).find((l) => l.evidenceId === applied.evidenceId)!.note));
      expect(notes).toEqual([
        'Verdict given in “Area SEND monitoring inspection of Testshire Local Area Partnership”: Improvement seen.',
        'Verdict given in “Area SEND monitoring inspection of Testshire Local Area Partnership”: Not improved enough.',
      ]);
      // The report's own findings (created by it) carry the report as their evidence.
      const improvement = reportFindings.find((f) => f.type === 'area_for_improvement')!;
      expect((await t.api.call('evidence:links', { target: { type: 'finding', id: improvement.id } })).map((l) => l.evidenceId)).toEqual([report.evidenceId]);

      // The same letter again, this time as a PDF: already imported, nothing changes.
      const pdf = await upload(t, 'Testshire monitoring 2025.pdf', await letterPdf(MONITORING_LETTER, 'Area SEND monitoring inspection: Testshire'));
      const again = await t.api.call('letter:preview', { source: { uploadId: pdf } });
      expect(again.kind).toBe('area_send_monitoring');
      expect(again.items.map((i) => i.verdict)).toEqual(VERDICTS);
      expect(again.alreadyImportedEventId).toBe(applied.eventId);
      const second = await t.api.call('letter:apply', proposalOf(again, { uploadId: pdf }));
      expect(second).toMatchObject({ alreadyImported: true, eventId: applied.eventId, findingsCreated: 0, assessmentsCreated: 0 });
      expect((await t.api.call('event:list', {})).total).toBe(2);
      expect((await t.api.call('evidence:list', {})).total).toBe(2);
      expect((await t.api.call('assessment:list', { findingId: after[0]!.id })).total).toBe(1);
    } finally {
      t.cleanup();
    }
  });

  it('flags an area reworded past recognition for the user to confirm, and imports the match the user chose', async () => {
    const t = makeTestWorkbook();
    try {
      const report = await t.api.call('letter:apply', proposalOf(await t.api.call('letter:preview', { source: { text: AREA_SEND_REPORT } }), { text: AREA_SEND_REPORT }));
      const apa2 = (await t.api.call('finding:list', { eventId: report.eventId })).items.find((f) => f.reference === 'APA2')!;
      const text = MONITORING_LETTER.replace(MONITORING_AREAS[1]!, 'Children still wait too long for speech and language therapy, and families are unsure what help exists meanwhile.');
      const preview = await t.api.call('letter:preview', { source: { text } });
      expect(preview.items[0]!.match.uncertain).toBe(false);
      expect(preview.items[1]!.match.uncertain).toBe(true);
      expect(preview.warnings.join(' ')).toMatch(/1 area\(s\) for priority action could not be matched with confidence.*confirm each match/);
      // The user confirms APA2 for the second area.
      const proposal = proposalOf(preview, { text });
      proposal.items[1]!.findingId = apa2.id;
      const applied = await t.api.call('letter:apply', proposal);
      expect(applied).toMatchObject({ findingsCreated: 0, assessmentsCreated: 2 });
      expect((await t.api.call('finding:get', { id: apa2.id })).latestAssessment).toMatchObject({ result: 'not_improved', eventId: applied.eventId });
    } finally {
      t.cleanup();
    }
  });

  it('shows a summary that disagrees, and with nothing to match adds each area as a finding of the monitoring inspection', async () => {
    const t = makeTestWorkbook();
    try {
      const source = { text: MISMATCHED_MONITORING_LETTER, fileName: 'pasted' };
      const preview = await t.api.call('letter:preview', { source });
      expect(preview.kind).toBe('area_send_monitoring');
      expect(preview.summaryAgrees).toBe(false);
      expect(preview.warnings.join(' ')).toMatch(/summary says sufficient progress on 2 of 2 areas for priority action/);
      expect(preview.warnings.join(' ')).toMatch(/no areas for priority action from an Area SEND inspection to match to/);
      // Nothing matched: the framework in force on the monitoring dates (March 2025: the 2023 framework).
      expect(preview.event.frameworkId).toBe('area-send-2023');
      const applied = await t.api.call('letter:apply', proposalOf(preview, source));
      expect(applied).toMatchObject({ findingsCreated: 2, assessmentsCreated: 2 });
      const findings = (await t.api.call('finding:list', { eventId: applied.eventId })).items;
      expect(findings.map((f) => [f.type, f.reference, f.latestAssessment?.result])).toEqual([
        ['area_for_priority_action', 'APA1', 'improved'],
        ['area_for_priority_action', 'APA2', 'not_improved'],
      ]);
      for (const f of findings) {
        expect((await t.api.call('evidence:links', { target: { type: 'finding', id: f.id } })).map((l) => l.evidenceId)).toEqual([applied.evidenceId]);
      }
    } finally {
      t.cleanup();
    }
  });

  it('refuses a proposal with no verdict, the wrong type, or a match to a finding a monitoring letter cannot judge', async () => {
    const t = makeTestWorkbook();
    try {
      // A 2016 weakness in the workbook: a monitoring letter must not be matched to it.
      const revisit = await t.api.call('letter:preview', { source: { text: REVISIT_LETTER } });
      const revisitApplied = await t.api.call('letter:apply', proposalOf(revisit, { text: REVISIT_LETTER }));
      const weakness = (await t.api.call('finding:list', { eventId: revisitApplied.eventId })).items[0]!;
      const source = { text: MONITORING_LETTER };
      const base = proposalOf(await t.api.call('letter:preview', { source }), source);
      const refuse = async (input: unknown, words: RegExp) => {
        const r = await t.dispatch('letter:apply', input);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toMatch(words);
      };
      await refuse({ ...base, items: base.items.map((i, n) => (n === 1 ? { ...i, verdict: null } : i)) }, /Choose a verdict for area for priority action 2/);
      await refuse({ ...base, items: base.items.map((i) => ({ ...i, type: 'area_for_improvement' })) }, /must be an area for priority action/);
      await refuse({ ...base, event: { ...base.event, kind: 'revisit' } }, /monitoring inspection letter makes an event of type “Monitoring inspection”/);
      await refuse({ ...base, event: { ...base.event, frameworkId: 'joint-2016' } }, /2023 or 2025 Area SEND framework/);
      await refuse({ ...base, items: [{ ...base.items[0]!, findingId: weakness.id }] }, /not an area for priority action of an Area SEND inspection/);
      expect((await t.api.call('event:list', {})).total).toBe(1);
    } finally {
      t.cleanup();
    }
  });
});

describe('workbook import-letter with a monitoring letter', () => {
  it('prints each area’s verdict and what it will be added as', async () => {
    const dir = tempDir();
    const workbook = path.join(dir, 'monitoring.ewb');
    let out = '';
    const io = { out: (s: string) => (out += `${s}\n`), err: () => undefined };
    expect(await runCli(['new', '--out', workbook, '--area', 'Testshire'], io)).toBe(0);
    const letter = path.join(dir, 'monitoring.txt');
    writeFileSync(letter, MISMATCHED_MONITORING_LETTER);
    out = '';
    expect(await runCli(['import-letter', '--workbook', workbook, '--in', letter], io)).toBe(0);
    expect(out).toMatch(/an Area SEND monitoring inspection letter/);
    expect(out).toMatch(/Event: Monitoring inspection/);
    expect(out).toMatch(/DOES NOT AGREE/);
    expect(out).toMatch(/Verdict: Not sufficient progress/);
    expect(out).toMatch(/added as a new finding of the monitoring inspection/);
  });
});

describe('a monitoring letter laid out another way', () => {
  // No numbered headings; lead-ins that quote the area, once inline; digits in the summary; the
  // letter's own date rather than a publication line; "has not made sufficient progress".
  const LETTER = `
Ofsted and the Care Quality Commission (CQC)
Monitoring inspection of the Eastshire local area partnership
12 June 2025
Dear Mr Example
Between 20 May 2025 and 22 May 2025, Ofsted and CQC carried out a monitoring inspection of the
Eastshire local area partnership.
The local area partnership has made sufficient progress in addressing 1 of the 3 areas for
priority action. It has not made sufficient progress in addressing 2.
The previous inspection found that:
“Leaders should make sure that the views of children and young people shape their plans.”
Inspectors found that young people now sit on the partnership board, and their views are recorded in most plans.
The local area partnership has made sufficient progress in addressing this area for priority action.
The previous inspection found that: “Leaders should reduce the number of pupils with SEND who are suspended from school.”
Suspensions have risen again this year.
The local area partnership has not made sufficient progress in addressing this priority action.
The previous inspection found that:
The partnership should improve the timeliness of health advice for EHC needs assessments.
Health advice is still late in half of cases.
The local area partnership has made insufficient progress against this area for priority action.
Yours sincerely
`;

  it('is read: each area, its commentary (even one opening “Inspectors found…”) and verdict, the summary, the letter’s date', () => {
    const p = parseMonitoringLetter(LETTER)!;
    expect(p.area).toBe('Eastshire local area partnership');
    expect([p.onsiteStartOn, p.onsiteEndOn, p.publishedOn]).toEqual(['2025-05-20', '2025-05-22', '2025-06-12']);
    expect(p.areas.map((a) => a.text)).toEqual([
      'Leaders should make sure that the views of children and young people shape their plans.',
      'Leaders should reduce the number of pupils with SEND who are suspended from school.',
      'The partnership should improve the timeliness of health advice for EHC needs assessments.',
    ]);
    expect(p.areas[0]!.commentary).toBe('Inspectors found that young people now sit on the partnership board, and their views are recorded in most plans.');
    expect(p.areas.map((a) => a.verdict)).toEqual(['sufficient_progress', 'not_sufficient_progress', 'not_sufficient_progress']);
    expect(p.summary).toMatchObject({ sufficient: 1, total: 3, notSufficient: 2 });
    expect(p.warnings).toEqual([]);
  });
});
