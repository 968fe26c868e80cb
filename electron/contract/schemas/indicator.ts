import { z } from 'zod';
import { GEOGRAPHIES, INDICATOR_POLARITIES, PERIOD_TYPES } from '../enums';
import { choice, finiteNumber, id, isoDate, narrative, optionalText, paging, requiredText } from '../fields';
import { recordMeta, updateOf } from './common';

export const indicatorCreate = z.strictObject({
  code: optionalText('Code', 30).default(''),
  title: requiredText('Indicator title'),
  definition: narrative('Definition').default(''),
  unit: optionalText('Unit', 30).default('%'),
  polarity: choice(INDICATOR_POLARITIES, 'Polarity').default('higher_is_better'),
  source: optionalText('Source', 500).default(''),
  periodType: choice(PERIOD_TYPES, 'Period type').default('academic_year'),
  baselineValue: finiteNumber('Baseline').nullable().default(null),
  baselinePeriod: optionalText('Baseline period', 60).default(''),
  seriesBreakNotes: optionalText('Series break notes', 2_000).default(''),
  decimals: z.number().int().min(0).max(4).default(1),
});
export const indicatorUpdate = updateOf(indicatorCreate, 'indicator');
export const indicator = z.object({
  ...recordMeta,
  code: z.string(),
  title: z.string(),
  definition: z.string(),
  unit: z.string(),
  polarity: z.string(),
  source: z.string(),
  periodType: z.string(),
  baselineValue: z.number().nullable(),
  baselinePeriod: z.string(),
  seriesBreakNotes: z.string(),
  decimals: z.number().int(),
});
export const indicatorList = z.strictObject({ search: optionalText('Search', 200).optional(), ...paging });

export const targetCreate = z.strictObject({
  indicatorId: id('Indicator'),
  periodLabel: requiredText('Period', 60),
  targetValue: finiteNumber('Target'),
  note: optionalText('Note', 500).default(''),
});
export const targetUpdate = updateOf(targetCreate.omit({ indicatorId: true }), 'target');
export const target = z.object({
  ...recordMeta,
  indicatorId: z.number().int(),
  periodLabel: z.string(),
  targetValue: z.number(),
  note: z.string(),
});

/** Adds or replaces the value for one indicator, period and geography. */
export const valueSet = z.strictObject({
  indicatorId: id('Indicator'),
  periodLabel: requiredText('Period', 60),
  periodStart: isoDate('Period start'),
  geography: choice(GEOGRAPHIES, 'Geography'),
  value: finiteNumber('Value'),
  provisional: z.boolean().default(false),
  sourceNote: optionalText('Source note', 500).default(''),
});
export const indicatorValue = z.object({
  ...recordMeta,
  indicatorId: z.number().int(),
  periodLabel: z.string(),
  periodStart: z.string(),
  geography: z.string(),
  value: z.number(),
  provisional: z.boolean(),
  sourceNote: z.string(),
});
export const valueList = z.strictObject({
  indicatorId: id('Indicator'),
  geography: choice(GEOGRAPHIES, 'Geography').optional(),
  ...paging,
});
