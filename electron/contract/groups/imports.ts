/**
 * Channels for bringing a partnership's existing work in (issue #16): the first-run set-up of a
 * new workbook, and the imports (national statistics). Every import is previewed first and then
 * written by one command that applies the previewed changes in one transaction.
 */
import { z } from 'zod';
import { command, query, type ChannelDef } from '../define';
import { GEOGRAPHIES, PARTNER_KINDS } from '../enums';
import { choice, finiteNumber, id, isoDate, optionalText, requiredText } from '../fields';
import { laCodeField, statisticalNeighboursField } from '../la-code';
import { areaProfile, partner } from '../schemas/area';
import { indicatorCreate } from '../schemas/indicator';

const laCode = laCodeField;

export const setupInput = z.strictObject({
  areaName: requiredText('Local area name'),
  laCode: laCode('LA code').default(''),
  icb: optionalText('Integrated care board').default(''),
  region: optionalText('Region').default(''),
  statisticalNeighbours: statisticalNeighboursField().default([]),
  partners: z
    .array(z.strictObject({ name: requiredText('Partner name'), kind: choice(PARTNER_KINDS, 'Partner type') }), { error: 'Partners must be a list.' })
    .max(50, { error: 'Add at most 50 partners here; add more later in Settings.' })
    .default([]),
  defaultFrameworkId: optionalText('Framework', 40).default(''),
  authorName: optionalText('Your name', 120).optional(),
});
export type SetupInput = z.input<typeof setupInput>;

export const setupResult = z.object({ area: areaProfile, partnersCreated: z.array(partner), partnersAlreadyThere: z.array(z.string()) });

/** A chunked upload (file:uploadBegin/Chunk) the import reads in place. */
const uploadId = z.string({ error: 'Choose the file again.' }).regex(/^[0-9a-f-]{36}$/, { error: 'That upload is not known. Choose the file again.' });
/** Chosen by the page, so it can ask for progress and cancel while the preview runs. */
const jobId = z.string({ error: 'The import job is missing.' }).regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'That import job is not known.' });
const csvColumn = (what: string) => requiredText(what, 200);

export const MAX_IMPORTED_VALUES = 20_000;

export const statisticsSampleInput = z.strictObject({ uploadId });
export const statisticsSample = z.object({
  fileName: z.string(),
  size: z.number().int(),
  fileColumns: z.array(z.string()),
  indicatorColumns: z.array(z.string()),
  filterColumns: z.array(z.object({ column: z.string(), values: z.array(z.string()) })),
  rowsSampled: z.number().int(),
});

export const statisticsPreviewInput = z.strictObject({
  uploadId,
  jobId,
  indicatorColumn: csvColumn('Indicator column'),
  filters: z
    .array(z.strictObject({ column: csvColumn('Filter column'), value: optionalText('Filter value', 500) }), { error: 'Filters must be a list.' })
    .max(30, { error: 'Choose at most 30 filters.' })
    .default([]),
  /** The indicator the values go into; null for a new one (every value is then new). */
  indicatorId: id('Indicator').nullable().default(null),
});

export const statisticsValue = z.strictObject({
  geography: choice(GEOGRAPHIES, 'Geography'),
  periodLabel: requiredText('Period', 60),
  periodStart: isoDate('Period start'),
  value: finiteNumber('Value'),
  /** For the statistical-neighbour mean: "Mean of 8 of 10 statistical neighbours". */
  note: optionalText('Note', 300).default(''),
});

export const statisticsPreview = z.object({
  fileName: z.string(),
  indicatorColumn: z.string(),
  rowsRead: z.number().int(),
  rowsUsed: z.number().int(),
  regionName: z.string().nullable(),
  values: z.array(z.object({ geography: z.string(), periodLabel: z.string(), periodStart: z.string(), value: z.number(), note: z.string(), from: z.number().nullable(), change: z.enum(['new', 'changed', 'same']) })),
  counts: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), suppressed: z.number().int() }),
  suppressed: z.record(z.string(), z.number().int()),
  warnings: z.array(z.string()),
});

export const statisticsApplyInput = z
  .strictObject({
    indicatorId: id('Indicator').nullable().default(null),
    newIndicator: indicatorCreate.nullable().default(null),
    sourceNote: optionalText('Source', 500).default(''),
    values: z.array(statisticsValue, { error: 'Values must be a list.' }).min(1, { error: 'There are no values to import.' }).max(MAX_IMPORTED_VALUES, { error: `Import at most ${MAX_IMPORTED_VALUES.toLocaleString('en-GB')} values at a time.` }),
  })
  .refine((v) => (v.indicatorId === null) !== (v.newIndicator === null), { error: 'Choose the indicator to import into, or describe a new one (not both).', path: ['indicatorId'] });

export const statisticsApplied = z.object({ indicatorId: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), indicatorCreated: z.boolean() });

export const statisticsProgress = z.object({ running: z.boolean(), bytesRead: z.number(), totalBytes: z.number(), rowsRead: z.number().int() });

export const importChannels = {
  /** The first-run set-up: area profile and partners in one transaction (also `workbook new`). */
  'setup:save': command(setupInput, setupResult),

  /** National statistics (DfE tidy data CSV): the columns and the filter values seen in the first rows. */
  'statistics:sample': query(statisticsSampleInput, statisticsSample),
  /** Reads the whole file (streamed) and compares it with the indicator's values. Writes nothing. */
  'statistics:preview': query(statisticsPreviewInput, statisticsPreview),
  'statistics:progress': query(z.strictObject({ jobId }), statisticsProgress),
  /** Stops a running preview; nothing has been written by then. */
  'statistics:cancel': query(z.strictObject({ jobId }), z.object({ cancelled: z.boolean() })),
  /** Writes the previewed values in one transaction: only new and changed ones. */
  'statistics:apply': command(statisticsApplyInput, statisticsApplied, { backupFirst: 'before-import' }),
} as const satisfies Record<string, ChannelDef>;
