/**
 * May this evidence item go into a for-publication output? One function (`mayPublish`) for every
 * publication surface: the evidence pack, the SEF and anything else made "for publication"
 * (issue #14: a pack published evidence of a tracked child in the Bin, and a flagged item's file
 * through an unflagged item holding the same bytes; the SEF listed titles the pack left out).
 *
 * An item is withheld when:
 * - it is flagged as containing personal data;
 * - it is, or ever was, linked to a tracked child (the audit history counts; a child in the Bin
 *   or unlinked since is still that child);
 * - one of its files holds the same bytes as a file of an item withheld for either reason
 *   (files are stored once per content, so "another copy" is the same personal document).
 * Deleted items and files count as sources too: putting a flagged item in the Bin does not make
 * its bytes publishable elsewhere.
 */
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../services/context';
import { newValuesOf } from '../../../db/audit-storage';

export type WithheldReason = 'personal_data' | 'tracked_child' | 'shared_file';

export interface PublicationVerdict {
  publish: boolean;
  reasons: WithheldReason[];
}

/** What the rule needs to know about the whole workbook, read once per document. */
export interface PublicationFacts {
  flagged: Set<number>;
  trackedChildEvidence: Set<number>;
  /** Items with a file whose bytes are also a file of a flagged or tracked-child item. */
  sharedWithWithheld: Set<number>;
}

const ids = (rows: unknown[]) => new Set(rows.map((r) => Number(r)).filter((n) => Number.isInteger(n)));

export function publicationFacts(ctx: ServiceContext): PublicationFacts {
  const sqlite = ctx.workbook.sqlite;
  const flagged = ids(sqlite.prepare('SELECT id FROM evidence_items WHERE contains_personal_data = 1').pluck().all());
  const trackedChildEvidence = ids([
    ...sqlite.prepare('SELECT evidence_id FROM tracked_child_evidence').pluck().all(),
    // Links since removed, and links of children purged from the Bin, are still in the history.
    ...newValuesOf(sqlite, 'trackedChild', 'link'),
  ]);
  const sources = [...new Set([...flagged, ...trackedChildEvidence])];
  const sharedWithWithheld = new Set<number>();
  if (sources.length) {
    const shared = ctx.db.all<{ evidenceId: number }>(sql`
      SELECT DISTINCT other.evidence_id AS evidenceId
      FROM evidence_files source JOIN evidence_files other ON other.sha256 = source.sha256
      WHERE source.evidence_id IN (SELECT value FROM json_each(${JSON.stringify(sources)}))`);
    for (const r of shared) sharedWithWithheld.add(r.evidenceId);
  }
  return { flagged, trackedChildEvidence, sharedWithWithheld };
}

/** The rule itself: pure, so every surface and its tests ask the same question the same way. */
export function mayPublish(item: { id: number; containsPersonalData: boolean }, facts: PublicationFacts): PublicationVerdict {
  const reasons: WithheldReason[] = [];
  if (item.containsPersonalData || facts.flagged.has(item.id)) reasons.push('personal_data');
  if (facts.trackedChildEvidence.has(item.id)) reasons.push('tracked_child');
  if (reasons.length === 0 && facts.sharedWithWithheld.has(item.id)) reasons.push('shared_file');
  return { publish: reasons.length === 0, reasons };
}

const REASON_WORDS: Record<WithheldReason, [string, string]> = {
  personal_data: ['flagged as containing personal data', 'flagged as containing personal data'],
  tracked_child: ['linked, now or before, to a tracked child', 'linked, now or before, to a tracked child'],
  shared_file: ['holding a file that is also held with personal data elsewhere in the workbook', 'holding a file that is also held with personal data elsewhere in the workbook'],
};

/**
 * What was left out and why, one sentence per reason, counting items and never naming them or
 * the children (each item counted once, under its first reason).
 */
export function describeWithheld(verdicts: PublicationVerdict[]): string[] {
  const counts = new Map<WithheldReason, number>();
  for (const v of verdicts) if (!v.publish) counts.set(v.reasons[0]!, (counts.get(v.reasons[0]!) ?? 0) + 1);
  return (['personal_data', 'tracked_child', 'shared_file'] as const)
    .filter((r) => counts.has(r))
    .map((r) => {
      const n = counts.get(r)!;
      return `${n} evidence item${n === 1 ? '' : 's'} ${REASON_WORDS[r][n === 1 ? 0 : 1]}.`;
    });
}

/**
 * When bytes being attached are already held by an item withheld from publication, the warning
 * for the officer (null otherwise): the new item will be withheld too, by the rule above.
 */
export function sharedPersonalFileNotice(ctx: ServiceContext, sha256: string, evidenceId: number): string | null {
  const holders = ctx.db.all<{ id: number; reference: string; flagged: number; child: number }>(sql`
    SELECT e.id, e.reference, e.contains_personal_data AS flagged,
      (EXISTS (SELECT 1 FROM tracked_child_evidence t WHERE t.evidence_id = e.id)
        OR EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'trackedChild' AND a.operation = 'link' AND a.new_value = CAST(e.id AS TEXT))) AS child
    FROM evidence_items e
    WHERE e.id <> ${evidenceId} AND e.id IN (SELECT evidence_id FROM evidence_files WHERE sha256 = ${sha256})
    ORDER BY e.id`);
  const personal = holders.filter((h) => h.flagged || h.child);
  if (personal.length === 0) return null;
  const first = personal[0]!;
  const why = first.flagged ? 'flagged as containing personal data' : 'linked to a tracked child';
  const others = personal.length > 1 ? ` and ${personal.length - 1} other item${personal.length > 2 ? 's' : ''}` : '';
  return `This file is already held under ${first.reference}${others}, which ${personal.length > 1 ? 'are' : 'is'} ${why}. It is personal data wherever it is attached, so this item will be left out of documents for publication too; mark it as containing personal data if it does.`;
}
