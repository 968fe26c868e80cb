import { z } from 'zod';
import { id, paging } from '../fields';

export const ENTITY_NAMES = [
  'partner',
  'person',
  'event',
  'finding',
  'assessment',
  'plan',
  'priority',
  'action',
  'milestone',
  'progress',
  'indicator',
  'target',
  'indicatorValue',
  'evidence',
  'evidenceLink',
  'sef',
  'section',
  'signoff',
  'evidenceFile',
  'infoRequest',
  'trackedChild',
  'caseTheme',
  'inspectorRequest',
  'area',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  author: z.string(),
  entity: z.string(),
  entityId: z.number().int(),
  operation: z.string(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export const historyQuery = z.strictObject({
  entity: z.enum(ENTITY_NAMES, { error: 'Choose what kind of record to show the history of.' }),
  id: id('Record'),
  ...paging,
});
export const recentQuery = z.strictObject({ ...paging });

export const binEntry = z.object({
  id: z.number().int(),
  entity: z.string(),
  entityId: z.number().int(),
  label: z.string(),
  deletedAt: z.string(),
  author: z.string(),
  /** How many records the delete took with it (e.g. a plan's actions and milestones). */
  rowCount: z.number().int(),
});
export const binList = z.strictObject({ ...paging });
export const binRestore = z.strictObject({ binEntryId: id('Bin entry') });
export const deleted = z.object({ binEntryId: z.number().int(), label: z.string(), rowCount: z.number().int() });
export const restored = z.object({ entity: z.string(), entityId: z.number().int(), rowCount: z.number().int() });
