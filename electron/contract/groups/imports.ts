/**
 * Channels for bringing a partnership's existing work in (issue #16): the first-run set-up of a
 * new workbook, and the imports (national statistics). Every import is previewed first and then
 * written by one command that applies the previewed changes in one transaction.
 */
import { z } from 'zod';
import { command, type ChannelDef } from '../define';
import { PARTNER_KINDS } from '../enums';
import { choice, optionalText, requiredText } from '../fields';
import { laCodeField } from '../la-code';
import { areaProfile, partner } from '../schemas/area';

const laCode = laCodeField;

export const setupInput = z.strictObject({
  areaName: requiredText('Local area name'),
  laCode: laCode('LA code').default(''),
  icb: optionalText('Integrated care board').default(''),
  region: optionalText('Region').default(''),
  statisticalNeighbours: z
    .array(laCode('Statistical neighbour').refine((s) => s !== '', { error: 'Enter each statistical neighbour’s LA code, or remove the empty line.' }), {
      error: 'Statistical neighbours must be a list of LA codes.',
    })
    .max(20, { error: 'List at most 20 statistical neighbours (the DfE’s model gives 10).' })
    .default([]),
  partners: z
    .array(z.strictObject({ name: requiredText('Partner name'), kind: choice(PARTNER_KINDS, 'Partner type') }), { error: 'Partners must be a list.' })
    .max(50, { error: 'Add at most 50 partners here; add more later in Settings.' })
    .default([]),
  defaultFrameworkId: optionalText('Framework', 40).default(''),
  authorName: optionalText('Your name', 120).optional(),
});
export type SetupInput = z.input<typeof setupInput>;

export const setupResult = z.object({ area: areaProfile, partnersCreated: z.array(partner), partnersAlreadyThere: z.array(z.string()) });

export const importChannels = {
  /** The first-run set-up: area profile and partners in one transaction (also `workbook new`). */
  'setup:save': command(setupInput, setupResult),
} as const satisfies Record<string, ChannelDef>;
