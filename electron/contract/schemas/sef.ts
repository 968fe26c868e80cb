import { z } from 'zod';
import { CONFIDENCE_LEVELS, SEF_STATUSES } from '../enums';
import { choice, id, isoDate, narrative, optionalDate, optionalId, paging, requiredText } from '../fields';
import { recordMeta, updateOf } from './common';

export const sefCreate = z.strictObject({
  title: requiredText('Self-evaluation title'),
  frameworkId: requiredText('Framework', 40),
  /** Without it, the scale the framework suggests (a predicted outcome for Area SEND, RAG for the 2016 framework). */
  scaleId: requiredText('Judgement scale', 40).optional(),
  asOf: isoDate('As-of date'),
  status: choice(SEF_STATUSES, 'Status').default('draft'),
  /** Copy judgements and narratives from an earlier version. */
  copyFromSefId: optionalId('Version to copy').default(null),
});
/**
 * The scale a self-evaluation uses unless the user chooses another (issue #13): the framework's
 * own outcomes when it has them (Area SEND: a predicted outcome), else RAG (the 2016 framework
 * gave no grade). Shared by the service and the form, so both say the same.
 */
export function defaultScaleFor(framework: { outcomes: readonly unknown[] } | undefined): 'predicted-outcome' | 'rag' {
  return framework && framework.outcomes.length > 0 ? 'predicted-outcome' : 'rag';
}

export const sefUpdate = updateOf(sefCreate.omit({ frameworkId: true, copyFromSefId: true }), 'self-evaluation');
export const sef = z.object({
  ...recordMeta,
  title: z.string(),
  frameworkId: z.string(),
  scaleId: z.string(),
  asOf: z.string(),
  status: z.string(),
});
export const sefList = z.strictObject({ ...paging });

export const sectionCreate = z.strictObject({
  sefId: id('Self-evaluation'),
  criterionId: requiredText('Criterion', 60),
  position: z.number().int().min(0).max(1000).optional(),
});
export const sectionUpdate = z.strictObject({
  id: id('Section'),
  expectedVersion: z.number().int().positive().optional(),
  judgement: z.string().max(60).nullable().optional(),
  confidence: choice(CONFIDENCE_LEVELS, 'Confidence').nullable().optional(),
  whatWeKnow: narrative('What we know').optional(),
  whatWeHaveDone: narrative('What we have done').optional(),
  impact: narrative('Impact').optional(),
  whatNext: narrative('What next').optional(),
  strengths: narrative('Strengths').optional(),
  areasForDevelopment: narrative('Areas for development').optional(),
  isDraft: z.boolean().optional(),
});
export const section = z.object({
  ...recordMeta,
  sefId: z.number().int(),
  criterionId: z.string(),
  criterionLabel: z.string(),
  position: z.number().int(),
  judgement: z.string().nullable(),
  confidence: z.string().nullable(),
  whatWeKnow: z.string(),
  whatWeHaveDone: z.string(),
  impact: z.string(),
  whatNext: z.string(),
  strengths: z.string(),
  areasForDevelopment: z.string(),
  isDraft: z.boolean(),
  actionIds: z.array(z.number().int()),
});
export const sectionList = z.strictObject({ sefId: id('Self-evaluation') });
export const sectionAction = z.strictObject({ sectionId: id('Section'), actionId: id('Action') });

export const signoffCreate = z.strictObject({
  sefId: id('Self-evaluation'),
  partnerId: optionalId('Partner').default(null),
  signatoryName: requiredText('Name of the person signing', 120),
  signedOn: optionalDate('Date signed').default(null),
});
export const signoffUpdate = updateOf(signoffCreate.omit({ sefId: true }), 'sign-off');
export const signoff = z.object({
  ...recordMeta,
  sefId: z.number().int(),
  partnerId: z.number().int().nullable(),
  signatoryName: z.string(),
  signedOn: z.string().nullable(),
});

export const sefCompareInput = z.strictObject({ fromSefId: id('Earlier version'), toSefId: id('Later version') });
export const sefComparison = z.object({
  from: sef,
  to: sef,
  sections: z.array(
    z.object({
      criterionId: z.string(),
      criterionLabel: z.string(),
      changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
      evidenceAdded: z.array(z.string()),
      evidenceRemoved: z.array(z.string()),
    }),
  ),
});

