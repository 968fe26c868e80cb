import { z } from 'zod';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS, LINK_TARGETS } from '../enums';
import { choice, id, isoDate, narrative, optionalDate, optionalId, optionalText, paging, requiredText } from '../fields';
import { recordMeta, updateOf } from './common';

export const evidenceCreate = z.strictObject({
  title: requiredText('Evidence title', 500),
  kind: choice(EVIDENCE_KINDS, 'Kind of evidence'),
  level: choice(EVIDENCE_LEVELS, 'Level (activity, output or impact)'),
  summary: narrative('Summary').default(''),
  ownerPersonId: optionalId('Owner').default(null),
  effectiveFrom: optionalDate('What it evidences, from').default(null),
  effectiveTo: optionalDate('What it evidences, to').default(null),
  addedOn: isoDate('Date added').optional(),
  location: optionalText('Location (link or path)', 2_000).default(''),
  containsPersonalData: z.boolean({ error: 'Say whether it contains personal data.' }).default(false),
});
export const evidenceUpdate = updateOf(evidenceCreate, 'evidence item');
export const evidenceItem = z.object({
  ...recordMeta,
  reference: z.string(),
  title: z.string(),
  kind: z.string(),
  level: z.string(),
  summary: z.string(),
  ownerPersonId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  addedOn: z.string(),
  location: z.string(),
  containsPersonalData: z.boolean(),
  linkCount: z.number().int(),
});
export const linkTarget = z.strictObject({
  type: choice(LINK_TARGETS, 'What to link to'),
  id: id('The item to link to'),
});
export const evidenceList = z.strictObject({
  kind: choice(EVIDENCE_KINDS, 'Kind of evidence').optional(),
  level: choice(EVIDENCE_LEVELS, 'Level').optional(),
  ownerPersonId: id('Owner').optional(),
  containsPersonalData: z.boolean().optional(),
  effectiveFromOnOrAfter: isoDate('From').optional(),
  effectiveOnOrBefore: isoDate('To').optional(),
  linkedTo: linkTarget.optional(),
  search: optionalText('Search', 200).optional(),
  sort: z.enum(['reference', 'title', 'effective', 'added']).default('reference'),
  ...paging,
});

export const evidenceLinkCreate = z.strictObject({
  evidenceId: id('Evidence item'),
  target: linkTarget,
  note: optionalText('Note', 2_000).default(''),
});
export const evidenceUnlink = z.strictObject({ evidenceId: id('Evidence item'), target: linkTarget });
export const evidenceLink = z.object({
  ...recordMeta,
  evidenceId: z.number().int(),
  evidenceReference: z.string(),
  evidenceTitle: z.string(),
  evidenceLevel: z.string(),
  evidenceKind: z.string(),
  target: z.object({ type: z.enum(LINK_TARGETS), id: z.number().int() }),
  targetLabel: z.string(),
  note: z.string(),
});
export const evidenceLinksQuery = z.union([
  z.strictObject({ evidenceId: id('Evidence item') }),
  z.strictObject({ target: linkTarget }),
]);
