/**
 * Shapes of the reference data kept in resources/ (frameworks, scales, status keys, plan types).
 * Frameworks are data, not code: a new framework version is a new JSON file.
 */
import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9_]+$/);
const option = z.object({ id: code, label: z.string().min(1), description: z.string().default('') });

export const frameworkSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  shortName: z.string().min(1),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  effectiveTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  terminology: z.object({
    /** "judgement" before June 2025, "evaluation" after. */
    judgement: z.string(),
    /** "judge" or "evaluate". */
    judge: z.string(),
    outcome: z.string(),
    improvementPlan: z.string(),
  }),
  outcomes: z.array(option.extend({ verbatim: z.string().min(1) })),
  findingTypes: z.array(option.extend({ plural: z.string(), requiresPlanType: z.string().nullable() })).min(1),
  assessmentResults: z.array(option).min(1),
  criteria: z.array(option.extend({ guidance: z.string().default('') })).min(1),
  notice: z.object({
    /** Working days from notification to the start of fieldwork. */
    fieldworkWorkingDays: z.number().int().positive(),
    /** Working days from notification until inspectors are on site. */
    onsiteWorkingDays: z.number().int().positive(),
    onsiteWorkingDaysLength: z.number().int().positive(),
    trackingDocumentsWorkingDays: z.number().int().positive().nullable(),
  }),
});

export const scaleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  levels: z.array(option.extend({ colour: z.string().regex(/^#[0-9A-F]{6}$/i), rank: z.number().int() })).min(2),
});

export const statusKeySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  entries: z
    .array(
      z.object({
        rag: z.enum(['red', 'amber', 'green', 'blue']),
        label: z.string().min(1),
        meaning: z.string().min(1),
        fill: z.string().regex(/^#[0-9A-F]{6}$/i),
        text: z.string().regex(/^#[0-9A-F]{6}$/i),
      }),
    )
    .min(3),
  /** Which RAG code stands for "complete" in this key ("green" in RAG, "blue" in BRAG). */
  completeAs: z.enum(['green', 'blue']),
});

export const planTypeSchema = z.object({
  id: code,
  name: z.string().min(1),
  shortName: z.string().min(1),
  description: z.string(),
});

export const referenceDataSchema = z.object({
  frameworks: z.array(frameworkSchema).min(1),
  scales: z.array(scaleSchema).min(1),
  statusKeys: z.array(statusKeySchema).min(1),
  planTypes: z.array(planTypeSchema).min(1),
});

export type Framework = z.infer<typeof frameworkSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type StatusKey = z.infer<typeof statusKeySchema>;
export type PlanType = z.infer<typeof planTypeSchema>;
export type ReferenceData = z.infer<typeof referenceDataSchema>;
