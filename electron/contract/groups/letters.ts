/**
 * Channels for importing a published inspection letter (issue #16, part 3): a preview that reads
 * the letter (pasted text or an uploaded PDF, Word or text file) and proposes the event, findings,
 * verdicts and matches to earlier findings; then one command that writes the proposal, as the user
 * edited it, in one transaction.
 */
import { z } from 'zod';
import { command, query, type ChannelDef } from '../define';
import { id, narrative, optionalText, requiredText } from '../fields';
import { eventCreate } from '../schemas/inspection';

export const LETTER_KINDS = ['revisit_2016', 'initial_2016', 'area_send_report', 'area_send_monitoring'] as const;
/** Letters that judge earlier findings: each item carries a verdict and may match an earlier finding. */
export const JUDGING_LETTER_KINDS: readonly (typeof LETTER_KINDS)[number][] = ['revisit_2016', 'area_send_monitoring'];
export const LETTER_FINDING_TYPES = ['significant_weakness', 'area_for_improvement', 'area_for_priority_action'] as const;
export const LETTER_VERDICTS = ['sufficient_progress', 'not_sufficient_progress'] as const;
/** Pasted text: far more than any letter (a long revisit letter is about 40,000 characters). */
export const MAX_PASTED_LETTER_CHARS = 1_000_000;
export const MAX_LETTER_ITEMS = 60;

const uploadId = z.string({ error: 'Choose the file again.' }).regex(/^[0-9a-f-]{36}$/, { error: 'That upload is not known. Choose the file again.' });

/** Where the letter comes from: pasted text, or a file uploaded in chunks (file:uploadBegin/Chunk). */
export const letterSource = z.union(
  [
    z.strictObject({
      text: z
        .string({ error: 'The letter’s text must be text.' })
        .max(MAX_PASTED_LETTER_CHARS, { error: `The letter’s text is too long: keep it under ${MAX_PASTED_LETTER_CHARS.toLocaleString('en-GB')} characters.` })
        .refine((s) => s.trim().length > 0, { error: 'Paste the letter’s text, or choose its file.' }),
      fileName: optionalText('File name', 255).default(''),
      /** Text read from a Word file: one line a paragraph, so lines are never joined. */
      linesAreParagraphs: z.boolean({ error: 'Say whether each line is a paragraph (true or false).' }).default(false),
    }),
    z.strictObject({ uploadId }),
  ],
  { error: 'Paste the letter’s text, or choose its file.' },
);

const summary = z.object({ sufficient: z.number().int(), total: z.number().int(), notSufficient: z.number().int(), sentence: z.string() });

export const letterCandidate = z.object({ id: z.number().int(), reference: z.string(), title: z.string(), text: z.string(), eventTitle: z.string() });

export const letterPreview = z.object({
  kind: z.enum(LETTER_KINDS),
  fileName: z.string(),
  /** The event to create, in the shape `letter:apply` takes. */
  event: z.object({
    kind: z.string(),
    frameworkId: z.string(),
    title: z.string(),
    onsiteStartOn: z.string().nullable(),
    onsiteEndOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    outcome: z.string().nullable(),
    summary: z.string(),
  }),
  area: z.string(),
  /** An Area SEND report's outcome: its id and the framework's paragraph, verbatim. */
  outcome: z.object({ id: z.string(), text: z.string() }).nullable(),
  /** The workbook's partners, for naming who should act on each finding. */
  partners: z.array(z.object({ id: z.number().int(), name: z.string() })),
  wsoaRequired: z.boolean().nullable(),
  /** The letter's own summary sentence and counts, and whether the verdicts read agree with it. */
  summary: summary.nullable(),
  summaryAgrees: z.boolean().nullable(),
  items: z.array(
    z.object({
      type: z.enum(LETTER_FINDING_TYPES),
      partnerIds: z.array(z.number().int()),
      reference: z.string(),
      title: z.string(),
      text: z.string(),
      commentary: z.string(),
      verdict: z.enum(LETTER_VERDICTS).nullable(),
      verdictSentence: z.string(),
      match: z.object({
        findingId: z.number().int().nullable(),
        score: z.number(),
        uncertain: z.boolean(),
        alternatives: z.array(z.object({ findingId: z.number().int(), score: z.number() })),
      }),
    }),
  ),
  /** Findings of earlier inspections a revisit's weaknesses can be matched to. */
  candidates: z.array(letterCandidate),
  /** The event already imported from this letter, if any (applying again changes nothing). */
  alreadyImportedEventId: z.number().int().nullable(),
  warnings: z.array(z.string()),
});

export const letterItem = z.strictObject({
  type: z.enum(LETTER_FINDING_TYPES, { error: 'The finding type must be a significant weakness, an area for improvement or an area for priority action.' }).default('significant_weakness'),
  partnerIds: z.array(id('Partner'), { error: 'Partners must be a list.' }).max(20, { error: 'Name at most 20 partners for one finding.' }).default([]),
  reference: optionalText('Reference', 30).default(''),
  title: requiredText('Short title'),
  text: narrative('Verbatim text').refine((s) => s.trim().length > 0, { error: 'Enter the weakness as the letter words it.' }),
  commentary: narrative('Commentary').default(''),
  verdict: z.enum(LETTER_VERDICTS, { error: 'Choose a verdict: sufficient progress or not sufficient progress.' }).nullable().default(null),
  /** The earlier finding this weakness is (confirmed by the user to be); null to create one. */
  findingId: id('Matching finding').nullable().default(null),
});

const EVENT_KIND_WORDS = { revisit: 'Revisit', full_inspection: 'Full inspection', monitoring_inspection: 'Monitoring inspection' } as const;
/** The event each kind of letter makes, and how to name the letter in a sentence. */
export const LETTER_EVENTS: Record<(typeof LETTER_KINDS)[number], { kind: keyof typeof EVENT_KIND_WORDS; what: string; article: 'A' | 'An' }> = {
  revisit_2016: { kind: 'revisit', what: 'revisit letter', article: 'A' },
  initial_2016: { kind: 'full_inspection', what: 'initial inspection letter', article: 'An' },
  area_send_report: { kind: 'full_inspection', what: 'Area SEND report', article: 'An' },
  area_send_monitoring: { kind: 'monitoring_inspection', what: 'Area SEND monitoring inspection letter', article: 'An' },
};

export const letterApplyInput = z
  .strictObject({
    source: letterSource,
    letterKind: z.enum(LETTER_KINDS, { error: 'The kind of letter must be a revisit letter, an initial inspection letter, an Area SEND report or an Area SEND monitoring inspection letter.' }),
    event: eventCreate,
    items: z.array(letterItem, { error: 'The weaknesses must be a list.' }).max(MAX_LETTER_ITEMS, { error: `Import at most ${MAX_LETTER_ITEMS} weaknesses from one letter.` }),
  })
  .superRefine((v, ctx) => {
    const { kind: wantKind, what, article } = LETTER_EVENTS[v.letterKind];
    if (v.event.kind !== wantKind) ctx.addIssue({ code: 'custom', path: ['event', 'kind'], message: `${article} ${what} makes an event of type “${EVENT_KIND_WORDS[wantKind]}”, not “${v.event.kind}”.` });
    const judging = JUDGING_LETTER_KINDS.includes(v.letterKind);
    const noun = v.letterKind === 'area_send_monitoring' ? 'Area for priority action' : 'Weakness';
    const seen = new Set<number>();
    v.items.forEach((item, i) => {
      if (judging && item.verdict === null) ctx.addIssue({ code: 'custom', path: ['items', i, 'verdict'], message: `Choose a verdict for ${noun.toLowerCase()} ${i + 1} (“${item.title.slice(0, 60)}”).` });
      if (!judging && (item.verdict !== null || item.findingId !== null)) ctx.addIssue({ code: 'custom', path: ['items', i], message: `Finding ${i + 1} of ${article.toLowerCase()} ${what} cannot have a verdict or a matching earlier finding.` });
      if (v.letterKind === 'area_send_monitoring') {
        if (item.type !== 'area_for_priority_action') ctx.addIssue({ code: 'custom', path: ['items', i, 'type'], message: `Item ${i + 1} of a monitoring inspection letter must be an area for priority action.` });
      } else {
        const report = v.letterKind === 'area_send_report';
        if (report !== (item.type !== 'significant_weakness')) {
          ctx.addIssue({ code: 'custom', path: ['items', i, 'type'], message: report ? `Finding ${i + 1} of an Area SEND report must be an area for improvement or an area for priority action.` : `Weakness ${i + 1} of a 2016 letter must be a significant weakness.` });
        }
      }
      if (item.findingId !== null) {
        if (seen.has(item.findingId)) ctx.addIssue({ code: 'custom', path: ['items', i, 'findingId'], message: `${noun} ${i + 1} is matched to a finding already matched to another weakness. Choose a different finding, or none.` });
        seen.add(item.findingId);
      }
    });
  });

export const letterApplied = z.object({
  eventId: z.number().int(),
  alreadyImported: z.boolean(),
  findingsCreated: z.number().int(),
  assessmentsCreated: z.number().int(),
  evidenceId: z.number().int().nullable(),
});

export const letterChannels = {
  /** Reads a letter and proposes what to import. Writes nothing. */
  'letter:preview': query(z.strictObject({ source: letterSource }), letterPreview),
  /** Writes the (edited) proposal in one transaction; a letter already imported changes nothing. */
  'letter:apply': command(letterApplyInput, letterApplied, { backupFirst: 'before-import' }),
} as const satisfies Record<string, ChannelDef>;
