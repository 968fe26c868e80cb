/**
 * The headline of a revisit or monitoring inspection (issue #13): counts of each verdict given
 * at the event, and the one sentence every cabinet report and SEF quotes, in the framework's own
 * terms ("Sufficient progress on 4 of 5 significant areas of weakness; not on 1: SW5").
 */
export interface VerdictEventFacts {
  id: number;
}

export interface VerdictFindingFacts {
  id: number;
  eventId: number;
  type: string;
  reference: string;
  title: string;
}

export interface VerdictAssessmentFacts {
  id: number;
  findingId: number;
  eventId: number | null;
  result: string;
  assessedOn: string;
}

export interface VerdictFrameworkFacts {
  assessmentResults: readonly { id: string; label: string }[];
  findingTypes: readonly { id: string; label: string; plural: string }[];
}

export interface VerdictSummary {
  /** Verdicts given at this event, one per finding (the latest if recorded twice). */
  counts: { result: string; label: string; count: number }[];
  /** Findings the event was judging: those it gave a verdict on and the others of the same kind from the same inspection. */
  total: number;
  positive: number;
  negative: number;
  /** Findings with only commentary at this event. */
  commentary: number;
  /** Findings of the same kind with no verdict recorded at this event. */
  noVerdict: number;
  negativeReferences: string[];
  noVerdictReferences: string[];
  /** Null when the event gave no verdicts. */
  sentence: string | null;
}

const POSITIVE = new Set(['sufficient_progress', 'improved']);
const NEGATIVE = new Set(['not_sufficient_progress', 'not_improved']);
/** How each framework's verdicts read in a sentence; other results are counted, not worded. */
const WORDS: Record<string, { lead: string; not: string }> = {
  sufficient_progress: { lead: 'Sufficient progress on', not: 'not on' },
  improved: { lead: 'Improvement seen in', not: 'not improved enough in' },
};

function refOf(f: VerdictFindingFacts): string {
  return f.reference.trim() || f.title;
}

function byPosition(order: Map<number, number>) {
  return (a: VerdictFindingFacts, b: VerdictFindingFacts) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || refOf(a).localeCompare(refOf(b), 'en-GB', { numeric: true });
}

/**
 * @param findings every live finding the event's verdicts may refer to (at least those assessed,
 *   plus the other findings of the inspections they came from, to count "of M").
 * @param assessments every live assessment of those findings.
 */
export function verdictSummary(
  event: VerdictEventFacts,
  findings: readonly VerdictFindingFacts[],
  assessments: readonly VerdictAssessmentFacts[],
  framework: VerdictFrameworkFacts | undefined,
): VerdictSummary {
  const latest = new Map<number, VerdictAssessmentFacts>();
  for (const a of [...assessments].filter((x) => x.eventId === event.id).sort((x, y) => x.assessedOn.localeCompare(y.assessedOn) || x.id - y.id)) {
    latest.set(a.findingId, a);
  }
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const judged = [...latest.keys()].map((id) => findingById.get(id)).filter((f): f is VerdictFindingFacts => f != null);
  const sourceEvents = new Set(judged.map((f) => f.eventId));
  const types = new Set(judged.map((f) => f.type));
  const inScope = findings.filter((f) => latest.has(f.id) || (sourceEvents.has(f.eventId) && types.has(f.type)));
  const order = new Map(findings.map((f, i) => [f.id, i]));
  inScope.sort(byPosition(order));

  const resultLabel = (id: string) => framework?.assessmentResults.find((r) => r.id === id)?.label ?? id;
  const countsBy = new Map<string, number>();
  for (const a of latest.values()) countsBy.set(a.result, (countsBy.get(a.result) ?? 0) + 1);
  const resultOrder = framework?.assessmentResults.map((r) => r.id) ?? [];
  const counts = [...countsBy.entries()]
    .sort((a, b) => (resultOrder.indexOf(a[0]) + 1 || 99) - (resultOrder.indexOf(b[0]) + 1 || 99))
    .map(([result, count]) => ({ result, label: resultLabel(result), count }));

  const positive = inScope.filter((f) => POSITIVE.has(latest.get(f.id)?.result ?? ''));
  const negative = inScope.filter((f) => NEGATIVE.has(latest.get(f.id)?.result ?? ''));
  const commentary = inScope.filter((f) => latest.has(f.id) && !POSITIVE.has(latest.get(f.id)!.result) && !NEGATIVE.has(latest.get(f.id)!.result));
  const noVerdict = inScope.filter((f) => !latest.has(f.id));

  let sentence: string | null = null;
  if (latest.size > 0) {
    const type = types.size === 1 ? framework?.findingTypes.find((t) => t.id === [...types][0]) : undefined;
    const noun = inScope.length === 1 ? (type?.label ?? 'finding').toLowerCase() : (type?.plural ?? 'findings').toLowerCase();
    const areaSendTerms = [...latest.values()].some((a) => a.result === 'improved' || a.result === 'not_improved');
    const words = WORDS[areaSendTerms ? 'improved' : 'sufficient_progress']!;
    const parts: string[] = [];
    if (positive.length + negative.length > 0) {
      parts.push(`${words.lead} ${positive.length} of ${inScope.length} ${noun}`);
      if (negative.length) parts.push(`${words.not} ${negative.length}: ${negative.map(refOf).join(', ')}`);
    } else {
      parts.push(`Commentary only on ${commentary.length} of ${inScope.length} ${noun}`);
    }
    if (commentary.length && positive.length + negative.length > 0) parts.push(`commentary only on ${commentary.length}: ${commentary.map(refOf).join(', ')}`);
    if (noVerdict.length) parts.push(`no verdict recorded on ${noVerdict.length}: ${noVerdict.map(refOf).join(', ')}`);
    sentence = parts.join('; ');
  }
  return {
    counts,
    total: inScope.length,
    positive: positive.length,
    negative: negative.length,
    commentary: commentary.length,
    noVerdict: noVerdict.length,
    negativeReferences: negative.map(refOf),
    noVerdictReferences: noVerdict.map(refOf),
    sentence,
  };
}
