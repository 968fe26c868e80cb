/**
 * `workbook import-letter` (issue #16, part 3): reads a published inspection letter (PDF, Word or
 * text), prints what would be imported, and with --apply imports it through `letter:apply` (one
 * transaction). The file is read here; the workbook only through channels.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { label } from '../../../contract/enums';
import type { letterApplyInput, letterPreview } from '../../../contract/groups/letters';
import { ukDate } from '../../../contract/format';
import { uploadFile } from '../upload-file';
import { CliError, type CliCommand, type CliIO } from '../command';

type Preview = z.output<typeof letterPreview>;

const TYPE_WORDS: Record<string, string> = { significant_weakness: 'Significant weakness', area_for_improvement: 'Area for improvement', area_for_priority_action: 'Area for priority action' };
const VERDICT_WORDS: Record<string, string> = { sufficient_progress: 'Sufficient progress', not_sufficient_progress: 'Not sufficient progress' };

function dateOr(iso: string | null): string {
  return iso ? ukDate(iso) : 'not found';
}

export function printLetterPreview(io: CliIO, p: Preview): void {
  const what =
    p.kind === 'revisit_2016' ? 'a 2016-framework revisit letter' : p.kind === 'initial_2016' ? 'a 2016-framework initial inspection letter' : p.kind === 'area_send_monitoring' ? 'an Area SEND monitoring inspection letter' : 'an Area SEND inspection report';
  io.out(`${p.fileName || 'Pasted text'}: ${what}.`);
  io.out(`Event: ${label(p.event.kind)} — “${p.event.title}”, on site ${dateOr(p.event.onsiteStartOn)} to ${dateOr(p.event.onsiteEndOn)}, letter dated ${dateOr(p.event.publishedOn)}.`);
  if (p.outcome) io.out(`Outcome: “${p.outcome.text}”`);
  if (p.kind === 'initial_2016') io.out(`Written Statement of Action required: ${p.wsoaRequired ? 'yes' : 'no'}.`);
  if (p.summary) io.out(`The letter’s summary: sufficient progress on ${p.summary.sufficient} of ${p.summary.total}, not on ${p.summary.notSufficient}${p.summaryAgrees ? ' (agrees with the verdicts below).' : ' — DOES NOT AGREE with the verdicts below.'}`);
  io.out('');
  p.items.forEach((item, i) => {
    io.out(`${i + 1}. ${item.reference} ${item.title}`);
    io.out(`   “${item.text}”`);
    if (p.kind === 'area_send_report') {
      const names = item.partnerIds.map((id) => p.partners.find((x) => x.id === id)?.name).filter(Boolean);
      io.out(`   ${TYPE_WORDS[item.type]}${names.length ? `; partners: ${names.join(', ')}` : '; no partner named'}`);
    }
    if (p.kind === 'revisit_2016' || p.kind === 'area_send_monitoring') {
      io.out(`   Verdict: ${item.verdict ? VERDICT_WORDS[item.verdict] : 'not found — choose one'}`);
      const match = p.candidates.find((c) => c.id === item.match.findingId);
      io.out(
        match
          ? `   Matches ${match.reference || 'finding'} “${match.title}” of “${match.eventTitle}” (similarity ${item.match.score.toFixed(2)})${item.match.uncertain ? ' — UNCERTAIN, confirm in the app' : ''}`
          : `   No matching finding: it will be added as a new finding of the ${p.kind === 'revisit_2016' ? 'revisit' : 'monitoring inspection'}.`,
      );
    }
  });
  io.out('');
  for (const w of p.warnings) io.out(`Note: ${w}`);
}

/** What `letter:apply` takes, from the preview as it stands (the app lets the user edit it first). */
export function proposalOf(p: Preview, source: z.input<typeof letterApplyInput>['source']): z.input<typeof letterApplyInput> {
  return {
    source,
    letterKind: p.kind,
    event: { ...p.event, kind: p.event.kind as 'revisit' },
    items: p.items.map((item) => ({ type: item.type, partnerIds: item.partnerIds, reference: item.reference, title: item.title, text: item.text, commentary: item.commentary, verdict: item.verdict, findingId: item.match.findingId })),
  };
}

const importLetter: CliCommand = {
  name: 'import-letter',
  summary: 'Preview (or with --apply, import) a published 2016-framework inspection or revisit letter, an Area SEND report or an Area SEND monitoring inspection letter (PDF, Word or text).',
  usage: 'workbook import-letter --workbook FILE --in DOC [--apply] [--json]',
  options: { workbook: { type: 'string' }, in: { type: 'string' }, apply: { type: 'boolean' }, json: { type: 'boolean' } },
  required: ['workbook', 'in'],
  async run({ values }, io, host) {
    const file = path.resolve(String(values.in));
    if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`There is no file at ${file}.`);
    const [{ extractText }, { detectFileType }, { fileSource }, { linesAreParagraphs }] = await Promise.all([
      import('../../../core/files/text/extract-text'),
      import('../../../core/files/file-type'),
      import('../../../core/files/byte-source'),
      import('../../../core/imports/letters/letter-import'),
    ]);
    const type = detectFileType(fileSource(file), path.basename(file));
    if (!type) throw new CliError(`${path.basename(file)} is not a PDF, Word or text file, so the letter cannot be read from it.`);
    const extracted = await extractText(new Uint8Array(readFileSync(file)), type.mimeType);
    if (extracted.status !== 'extracted' || !extracted.text) throw new CliError(`The letter’s words could not be read from ${path.basename(file)}. ${extracted.note}`);
    const text = extracted.text;
    return host.withWorkbook(String(values.workbook), { readOnly: !values.apply }, async (api) => {
      const preview = await api.call('letter:preview', { source: { text, fileName: path.basename(file), linesAreParagraphs: linesAreParagraphs(type.mimeType) } });
      if (!values.apply) {
        if (values.json) io.out(JSON.stringify(preview, null, 2));
        else {
          printLetterPreview(io, preview);
          io.out(preview.alreadyImportedEventId !== null ? 'Nothing to import: this letter has already been imported.' : 'Nothing was changed. Run again with --apply to import this letter.');
        }
        return 0;
      }
      if (!values.json) printLetterPreview(io, preview);
      const result = await api.call('letter:apply', proposalOf(preview, { uploadId: await uploadFile(api, file) }));
      if (values.json) io.out(JSON.stringify(result, null, 2));
      else if (result.alreadyImported) io.out('Nothing to import: this letter has already been imported.');
      else io.out(`Imported: event number ${result.eventId}, ${result.findingsCreated} finding(s) added, ${result.assessmentsCreated} verdict(s) recorded, the letter kept as evidence.`);
      return 0;
    });
  },
};

export const letterCommands: CliCommand[] = [importLetter];
