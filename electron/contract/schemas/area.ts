import { z } from 'zod';
import { PARTNER_KINDS } from '../enums';
import { choice, id, optionalId, optionalText, paging, requiredText, stripControlCharacters } from '../fields';
import { laCodeField, statisticalNeighboursField } from '../la-code';
import { recordMeta, updateOf } from './common';

export const areaProfile = z.object({
  areaName: z.string(),
  laCode: z.string(),
  icb: z.string(),
  region: z.string(),
  statisticalNeighbours: z.array(z.string()),
  protectiveMarking: z.string(),
  authorName: z.string(),
  statusKeyId: z.string(),
  defaultFrameworkId: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const areaProfileUpdate = z
  .strictObject({
    areaName: optionalText('Local area name'),
    laCode: laCodeField('LA code'),
    icb: optionalText('Integrated care board'),
    region: optionalText('Region'),
    statisticalNeighbours: statisticalNeighboursField(),
    protectiveMarking: optionalText('Protective marking', 60),
    authorName: optionalText('Your name', 120),
    statusKeyId: optionalText('Status key', 40),
    defaultFrameworkId: optionalText('Framework', 40),
    expectedVersion: z.number().int().positive(),
  })
  .partial();

export const partnerCreate = z.strictObject({
  name: requiredText('Partner name'),
  kind: choice(PARTNER_KINDS, 'Partner type'),
  notes: optionalText('Notes', 2_000).default(''),
});
export const partnerUpdate = updateOf(partnerCreate, 'partner');
export const partner = z.object({ ...recordMeta, name: z.string(), kind: z.string(), notes: z.string() });
export const partnerList = z.strictObject({ kind: choice(PARTNER_KINDS, 'Partner type').optional(), ...paging });

export const personCreate = z.strictObject({
  name: requiredText('Name', 120),
  role: optionalText('Role').default(''),
  partnerId: optionalId('Partner').default(null),
  email: optionalText('Email', 200)
    .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'Enter an email address such as name@council.gov.uk, or leave it empty.' })
    .default(''),
});
export const personUpdate = updateOf(personCreate, 'person');
export const person = z.object({
  ...recordMeta,
  name: z.string(),
  role: z.string(),
  partnerId: z.number().int().nullable(),
  email: z.string(),
  partnerName: z.string().nullable(),
});
export const personList = z.strictObject({
  partnerId: id('Partner').optional(),
  search: z.string().max(200).transform(stripControlCharacters).optional(),
  ...paging,
});
