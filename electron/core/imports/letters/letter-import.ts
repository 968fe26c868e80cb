/**
 * Importing a published inspection letter (issue #16, part 3): the preview reads the letter's text
 * (pasted, or extracted from an uploaded PDF, Word or text file by the same extractor search
 * uses), recognises it and matches a revisit's weaknesses to the initial inspection's findings;
 * the apply writes the edited proposal through the existing services, inside dispatch's one
 * transaction, with the source stored as evidence (kind: inspection report).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { letterApplied, letterApplyInput, letterPreview, letterSource } from '../../../contract/groups/letters';
import { evidenceCreate } from '../../../contract/schemas/evidence';
import { fileSource, memorySource, type ByteSource } from '../../files/byte-source';
import { attachFile, liveAttachmentOf } from '../../files/file-store';
import { detectFileType, FILE_TYPES } from '../../files/file-type';
import { extractText } from '../../files/text/extract-text';
import { completedUpload } from '../../files/upload-sessions';
import { today, type ServiceContext } from '../../services/context';
import { partnerService } from '../../services/area-service';
import { evidenceService } from '../../services/evidence-service';
import { assessmentService, eventService, findingService } from '../../services/inspection-service';
import { ServiceError } from '../../services/service-error';
import { matchWeaknesses, type Candidate, type Match } from './match-findings';
import { parseLetter, type ParsedLetter, type ParsedWeakness } from './parse-letter';
import { parseMonitoringLetter, type ParsedMonitoring } from './parse-monitoring';
import { parseAreaSendReport, partnersNamed, type OutcomeText, type ParsedReport } from './parse-report';

type Source = z.output<typeof letterSource>;
type Preview = z.output<typeof letterPreview>;
type ApplyInput = z.output<typeof letterApplyInput>;

export const LETTER_FRAMEWORK = 'joint-2016';
const REPORT_FRAMEWORKS = ['area-send-2023', 'area-send-2025'];
const WEAKNESS = 'significant_weakness' as const;
const PRIORITY_ACTION = 'area_for_priority_action' as const;
/** The Area SEND frameworks word a monitoring verdict as improvement seen or not (resources/frameworks). */
const AREA_SEND_RESULTS = { sufficient_progress: 'improved', not_sufficient_progress: 'not_improved' } as const;

/** Word and OpenDocument text comes one paragraph a line; PDF text comes wrapped. */
export function linesAreParagraphs(mimeType: string): boolean {
  return mimeType === FILE_TYPES.docx.mimeType || mimeType === FILE_TYPES.odt.mimeType;
}

/** The letter's text and a name for it; a file whose words cannot be read is refused in words. */
export async function letterText(ctx: ServiceContext, source: Source): Promise<{ text: string; fileName: string; linesAreParagraphs: boolean }> {
  if ('text' in source) return { text: source.text, fileName: source.fileName, linesAreParagraphs: source.linesAreParagraphs };
  const upload = completedUpload(ctx.workbook.path, source.uploadId);
  const type = detectFileType(fileSource(upload.file), upload.name);
  if (!type) throw new ServiceError('invalid_input', `“${upload.name}” is not a PDF, Word or text file, so the letter cannot be read from it.`);
  const extracted = await extractText(new Uint8Array(readFileSync(upload.file)), type.mimeType);
  if (extracted.status !== 'extracted' || !extracted.text) throw new ServiceError('invalid_input', `The letter’s words could not be read from “${upload.name}”. ${extracted.note}`);
  return { text: extracted.text, fileName: upload.name, linesAreParagraphs: linesAreParagraphs(type.mimeType) };
}

type JudgedCandidate = Candidate & { eventTitle: string; frameworkId: string };

/** Findings of a type on live events of these kinds and frameworks. */
function findingsOf(ctx: ServiceContext, kinds: ('full_inspection' | 'monitoring_inspection')[], frameworks: string[], type: string): JudgedCandidate[] {
  const out: JudgedCandidate[] = [];
  for (const kind of kinds) {
    for (const e of eventService.list(ctx, { kind, offset: 0, limit: 500 }).items.filter((x) => frameworks.includes(x.frameworkId))) {
      for (const f of findingService.list(ctx, { eventId: e.id, type, offset: 0, limit: 500 }).items) {
        out.push({ id: f.id, reference: f.reference, title: f.title, text: f.text, eventTitle: e.title, frameworkId: e.frameworkId });
      }
    }
  }
  return out;
}

/** Significant weaknesses of earlier 2016-framework inspections: what a revisit judges. */
export function weaknessCandidates(ctx: ServiceContext): JudgedCandidate[] {
  return findingsOf(ctx, ['full_inspection'], [LETTER_FRAMEWORK], WEAKNESS);
}

/** Areas for priority action of earlier Area SEND inspections (or monitoring inspections): what a monitoring inspection judges. */
export function priorityActionCandidates(ctx: ServiceContext): JudgedCandidate[] {
  return findingsOf(ctx, ['full_inspection', 'monitoring_inspection'], REPORT_FRAMEWORKS, PRIORITY_ACTION);
}

/** What a letter of this kind may match its items to. */
function candidatesFor(ctx: ServiceContext, kind: ApplyInput['letterKind']): JudgedCandidate[] {
  if (kind === 'revisit_2016') return weaknessCandidates(ctx);
  if (kind === 'area_send_monitoring') return priorityActionCandidates(ctx);
  return [];
}

/** The live event this letter was already imported as: same type, framework, title and dates. */
export function alreadyImported(ctx: ServiceContext, event: { kind: string; frameworkId: string; title: string; onsiteStartOn: string | null; publishedOn: string | null }): number | null {
  const same = eventService
    .list(ctx, { kind: event.kind as 'revisit', offset: 0, limit: 500 })
    .items.find((e) => e.frameworkId === event.frameworkId && e.title === event.title && e.onsiteStartOn === event.onsiteStartOn && e.publishedOn === event.publishedOn);
  return same?.id ?? null;
}

/** A short title for a finding: the weakness's first clause, capitalised. */
export function shortTitle(text: string): string {
  const first = text.replace(/\s+/g, ' ').trim().replace(/[.;:]$/, '');
  const clause = first.length > 120 ? `${first.slice(0, first.lastIndexOf(' ', 117))}…` : first;
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** A revisit's weaknesses or a monitoring letter's areas as preview items: the matched finding's reference and title where one matched. */
function judgedItems(type: typeof WEAKNESS | typeof PRIORITY_ACTION, prefix: string, judged: ParsedWeakness[], matches: Match[], candidates: Candidate[]): Preview['items'] {
  return judged.map((w, i) => {
    const match = matches[i] ?? { findingId: null, score: 0, uncertain: false, alternatives: [] };
    const matched = candidates.find((c) => c.id === match.findingId);
    return {
      type,
      partnerIds: [],
      reference: matched?.reference || `${prefix}${i + 1}`,
      title: matched?.title || shortTitle(w.text),
      text: w.text,
      commentary: w.commentary,
      verdict: w.verdict,
      verdictSentence: w.verdictSentence,
      match,
    };
  });
}

export function buildLetterPreview(ctx: ServiceContext, parsed: ParsedLetter, fileName: string): Preview {
  if (parsed.kind === null) throw new ServiceError('invalid_input', parsed.warnings.join(' '));
  const revisit = parsed.kind === 'revisit_2016';
  const candidates = revisit ? weaknessCandidates(ctx) : [];
  const matches = revisit ? matchWeaknesses(parsed.weaknesses.map((w) => w.text), candidates) : [];
  const warnings = [...parsed.warnings];
  const summaryLine = revisit
    ? (parsed.summary?.sentence ?? '')
    : parsed.wsoaRequired
      ? `A Written Statement of Action was required because of ${parsed.weaknesses.length} significant area(s) of weakness.`
      : 'No Written Statement of Action was required.';
  const event = {
    kind: revisit ? 'revisit' : 'full_inspection',
    frameworkId: LETTER_FRAMEWORK,
    title: parsed.title,
    onsiteStartOn: parsed.onsiteStartOn,
    onsiteEndOn: parsed.onsiteEndOn,
    publishedOn: parsed.publishedOn,
    outcome: null,
    summary: summaryLine,
  };
  if (revisit && candidates.length === 0) warnings.push('This workbook has no significant weaknesses from an initial inspection to match to, so each weakness will be added as a new finding of the revisit.');
  const uncertain = matches.filter((m) => m.uncertain && candidates.length > 0).length;
  if (uncertain > 0) warnings.push(`${uncertain} weakness(es) could not be matched with confidence to a finding of the initial inspection: confirm each match before importing.`);
  const existing = alreadyImported(ctx, event);
  if (existing !== null) warnings.push('This letter has already been imported: importing it again changes nothing.');
  return {
    kind: parsed.kind,
    fileName,
    event,
    area: parsed.area,
    outcome: null,
    partners: [],
    wsoaRequired: parsed.wsoaRequired,
    summary: parsed.summary,
    summaryAgrees: summaryAgreement(parsed.summary, parsed.weaknesses.map((w) => w.verdict)),
    items: judgedItems(WEAKNESS, 'SW', parsed.weaknesses, matches, candidates),
    candidates,
    alreadyImportedEventId: existing,
    warnings,
  };
}

/** The Area SEND frameworks' outcome paragraphs, from the reference data. */
function reportOutcomes(ctx: ServiceContext): OutcomeText[] {
  return ctx.reference.frameworks.filter((f) => REPORT_FRAMEWORKS.includes(f.id)).flatMap((f) => f.outcomes.map((o) => ({ frameworkId: f.id, id: o.id, verbatim: o.verbatim })));
}

/** The Area SEND framework in force on a date (the 2025 framework from its first day). */
function reportFramework(ctx: ServiceContext, on: string | null): string {
  const frameworks = ctx.reference.frameworks.filter((f) => REPORT_FRAMEWORKS.includes(f.id)).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const inForce = on ? frameworks.filter((f) => f.effectiveFrom <= on).pop() : frameworks.at(-1);
  return (inForce ?? frameworks[0]!).id;
}

export function buildReportPreview(ctx: ServiceContext, parsed: ParsedReport, fileName: string): Preview {
  const partners = partnerService.list(ctx, { offset: 0, limit: 500 }).items.map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  const event = {
    kind: 'full_inspection',
    frameworkId: reportFramework(ctx, parsed.onsiteStartOn ?? parsed.publishedOn),
    title: parsed.title,
    onsiteStartOn: parsed.onsiteStartOn,
    onsiteEndOn: parsed.onsiteEndOn,
    publishedOn: parsed.publishedOn,
    outcome: parsed.outcomeId,
    summary: parsed.outcomeText,
  };
  const warnings = [...parsed.warnings];
  const existing = alreadyImported(ctx, event);
  if (existing !== null) warnings.push('This report has already been imported: importing it again changes nothing.');
  const counters: Record<string, number> = {};
  return {
    kind: 'area_send_report',
    fileName,
    event,
    area: parsed.area,
    outcome: { id: parsed.outcomeId, text: parsed.outcomeText },
    partners: partners.map(({ id, name }) => ({ id, name })),
    wsoaRequired: null,
    summary: null,
    summaryAgrees: null,
    items: parsed.findings.map((f) => {
      counters[f.type] = (counters[f.type] ?? 0) + 1;
      return {
        type: f.type,
        partnerIds: partnersNamed(f.text, partners),
        reference: `${f.type === 'area_for_priority_action' ? 'APA' : 'AFI'}${counters[f.type]}`,
        title: shortTitle(f.text),
        text: f.text,
        commentary: '',
        verdict: null,
        verdictSentence: '',
        match: { findingId: null, score: 0, uncertain: false, alternatives: [] },
      };
    }),
    candidates: [],
    alreadyImportedEventId: existing,
    warnings,
  };
}

/** The source's content hash, as the file store keys it. */
function sourceDigest(ctx: ServiceContext, source: Source): string {
  const bytes = 'text' in source ? Buffer.from(source.text, 'utf8') : readFileSync(completedUpload(ctx.workbook.path, source.uploadId).file);
  return createHash('sha256').update(bytes).digest('hex');
}

/** A warning when the same file is already kept as live evidence but no event matched by title and dates. */
function alreadyKept(ctx: ServiceContext, source: Source, preview: Preview): Preview {
  if (preview.alreadyImportedEventId !== null) return preview;
  const kept = liveAttachmentOf(ctx, sourceDigest(ctx, source));
  if (!kept) return preview;
  let reference: string;
  try {
    reference = evidenceService.get(ctx, kept.evidenceId).reference;
  } catch {
    return preview; // Its evidence item is in the Bin.
  }
  return {
    ...preview,
    warnings: [
      ...preview.warnings,
      `This file is already kept in the workbook as evidence ${reference} (“${kept.fileName}”). If it was imported before under another title or other dates, importing it again would record it twice.`,
    ],
  };
}

/** Counts of the verdicts read, and whether the letter's own summary sentence agrees with them. */
function summaryAgreement(summary: ParsedLetter['summary'], verdicts: (string | null)[]): boolean | null {
  if (!summary) return null;
  const found = verdicts.filter((v) => v === 'sufficient_progress').length;
  const foundNot = verdicts.filter((v) => v === 'not_sufficient_progress').length;
  return summary.sufficient === found && summary.notSufficient === foundNot && summary.total === verdicts.length;
}

export function buildMonitoringPreview(ctx: ServiceContext, parsed: ParsedMonitoring, fileName: string): Preview {
  const candidates = priorityActionCandidates(ctx);
  const matches = matchWeaknesses(
    parsed.areas.map((a) => a.text),
    candidates,
  );
  // The monitoring inspection follows the inspection whose areas it judges: its framework, where one matched.
  const matchedFramework = candidates.find((c) => matches.some((m) => m.findingId === c.id))?.frameworkId;
  const event = {
    kind: 'monitoring_inspection',
    frameworkId: matchedFramework ?? reportFramework(ctx, parsed.onsiteStartOn ?? parsed.publishedOn),
    title: parsed.title,
    onsiteStartOn: parsed.onsiteStartOn,
    onsiteEndOn: parsed.onsiteEndOn,
    publishedOn: parsed.publishedOn,
    outcome: null,
    summary: parsed.summary?.sentence ?? '',
  };
  const warnings = [...parsed.warnings];
  if (candidates.length === 0) warnings.push('This workbook has no areas for priority action from an Area SEND inspection to match to, so each area will be added as a new finding of the monitoring inspection.');
  const uncertain = matches.filter((m) => m.uncertain && candidates.length > 0).length;
  if (uncertain > 0) warnings.push(`${uncertain} area(s) for priority action could not be matched with confidence to a finding of the earlier inspection: confirm each match before importing.`);
  const existing = alreadyImported(ctx, event);
  if (existing !== null) warnings.push('This letter has already been imported: importing it again changes nothing.');
  return {
    kind: 'area_send_monitoring',
    fileName,
    event,
    area: parsed.area,
    outcome: null,
    partners: [],
    wsoaRequired: null,
    summary: parsed.summary,
    summaryAgrees: summaryAgreement(parsed.summary, parsed.areas.map((a) => a.verdict)),
    items: judgedItems(PRIORITY_ACTION, 'APA', parsed.areas, matches, candidates),
    candidates: candidates.map(({ id, reference, title, text, eventTitle }) => ({ id, reference, title, text, eventTitle })),
    alreadyImportedEventId: existing,
    warnings,
  };
}

export async function previewLetter(ctx: ServiceContext, source: Source): Promise<Preview> {
  return alreadyKept(ctx, source, await readLetter(ctx, source));
}

async function readLetter(ctx: ServiceContext, source: Source): Promise<Preview> {
  const { text, fileName, linesAreParagraphs } = await letterText(ctx, source);
  const letter = parseLetter(text, { linesAreParagraphs });
  if (letter.kind === null) {
    const monitoring = parseMonitoringLetter(text, { linesAreParagraphs });
    if (monitoring) return buildMonitoringPreview(ctx, monitoring, fileName);
    const report = parseAreaSendReport(text, reportOutcomes(ctx), { linesAreParagraphs });
    if (report) return buildReportPreview(ctx, report, fileName);
    throw new ServiceError(
      'invalid_input',
      'This does not look like a 2016-framework joint area SEND inspection or revisit letter, an Area SEND inspection report or an Area SEND monitoring inspection letter: its title, the inspectorates, and its verdicts, list of significant weaknesses or outcome were not all found. Nothing can be imported from it.',
    );
  }
  return buildLetterPreview(ctx, letter, fileName);
}

function sourceBytes(ctx: ServiceContext, source: Source, title: string): { bytes: ByteSource; name: string } {
  if ('text' in source) {
    const base = (source.fileName || title).replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[\\/:*?"<>|]+/g, ' ').trim().slice(0, 120) || 'Letter';
    return { bytes: memorySource(new TextEncoder().encode(source.text)), name: `${base}.txt` };
  }
  const upload = completedUpload(ctx.workbook.path, source.uploadId);
  return { bytes: fileSource(upload.file), name: upload.name };
}

/** Runs inside dispatch's transaction: every write below commits together or not at all. */
export function applyLetter(ctx: ServiceContext, input: ApplyInput): z.output<typeof letterApplied> {
  const report = input.letterKind === 'area_send_report' || input.letterKind === 'area_send_monitoring';
  if (!report && input.event.frameworkId !== LETTER_FRAMEWORK) {
    throw new ServiceError('invalid_input', `Letters are imported under the 2016 joint inspection framework (“${LETTER_FRAMEWORK}”), not “${input.event.frameworkId}”.`);
  }
  if (report && !REPORT_FRAMEWORKS.includes(input.event.frameworkId)) {
    throw new ServiceError('invalid_input', `An Area SEND report or monitoring inspection letter is imported under the 2023 or 2025 Area SEND framework, not “${input.event.frameworkId}”.`);
  }
  const existing = alreadyImported(ctx, input.event);
  if (existing !== null) return { eventId: existing, alreadyImported: true, findingsCreated: 0, assessmentsCreated: 0, evidenceId: null };

  const monitoring = input.letterKind === 'area_send_monitoring';
  const candidates = new Set(candidatesFor(ctx, input.letterKind).map((c) => c.id));
  input.items.forEach((item, i) => {
    if (item.findingId !== null && !candidates.has(item.findingId)) {
      throw new ServiceError(
        'invalid_input',
        monitoring
          ? `Area for priority action ${i + 1} is matched to finding ${item.findingId}, which is not an area for priority action of an Area SEND inspection in this workbook. Choose again.`
          : `Weakness ${i + 1} is matched to finding ${item.findingId}, which is not a significant weakness of an initial inspection in this workbook. Choose again.`,
      );
    }
  });

  const { bytes, name } = sourceBytes(ctx, input.source, input.event.title);
  const evidence = evidenceService.create(
    ctx,
    evidenceCreate.parse({
      title: input.event.title,
      kind: 'inspection_report',
      level: 'output',
      summary: input.event.summary,
      effectiveFrom: input.event.onsiteStartOn,
      effectiveTo: input.event.onsiteEndOn,
    }),
  );
  attachFile(ctx, evidence.id, bytes, name);
  const summary = [input.event.summary, `Imported from “${name}” (evidence ${evidence.reference}).`].filter(Boolean).join('\n\n');
  const event = eventService.create(ctx, { ...input.event, summary });
  const assessedOn = input.event.publishedOn ?? input.event.onsiteEndOn ?? input.event.onsiteStartOn ?? today(ctx);

  let findingsCreated = 0;
  let assessmentsCreated = 0;
  for (const item of input.items) {
    let findingId = item.findingId;
    if (findingId === null) {
      findingId = findingService.create(ctx, { eventId: event.id, type: item.type, reference: item.reference, title: item.title, text: item.text, partnerIds: item.partnerIds }).id;
      findingsCreated++;
    }
    // Assessments cannot be link targets: the link to the finding says which verdict the letter gave.
    let note = `From “${input.event.title}”.`;
    if (item.verdict !== null) {
      const result = monitoring ? AREA_SEND_RESULTS[item.verdict] : item.verdict;
      assessmentService.create(ctx, { findingId, eventId: event.id, result, commentary: item.commentary, assessedOn });
      assessmentsCreated++;
      const words = ctx.reference.frameworks.find((f) => f.id === input.event.frameworkId)?.assessmentResults.find((r) => r.id === result)?.label ?? result;
      note = `Verdict given in “${input.event.title}”: ${words}.`;
    }
    evidenceService.link(ctx, { evidenceId: evidence.id, target: { type: 'finding', id: findingId }, note });
  }
  return { eventId: event.id, alreadyImported: false, findingsCreated, assessmentsCreated, evidenceId: evidence.id };
}
