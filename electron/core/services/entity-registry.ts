/**
 * What the generic store needs to know about each kind of record: its table, how to name a row
 * to a person, which rows belong to it (deleted with it, restored with it), what it belongs to,
 * and which of its fields point at other records.
 */
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import * as t from '../../../db/schema';
import type { EntityName } from '../../contract/schemas/history';

// The store's own queries handle every entity table uniformly (soft delete, restore, positions);
// the rows it hands to services are typed per entity by RowOf below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEntityTable = SQLiteTableWithColumns<any>;

/** Every kind of record kept in a list (the area profile is a single settings row). */
export type ListEntityName = Exclude<EntityName, 'area'>;

/** The drizzle table behind each kind of record: the one source of its row types. */
export interface EntityTables {
  partner: typeof t.partners;
  person: typeof t.people;
  event: typeof t.inspectionEvents;
  finding: typeof t.findings;
  assessment: typeof t.findingAssessments;
  plan: typeof t.plans;
  priority: typeof t.priorities;
  action: typeof t.actions;
  milestone: typeof t.milestones;
  progress: typeof t.progressUpdates;
  indicator: typeof t.indicators;
  target: typeof t.indicatorTargets;
  indicatorValue: typeof t.indicatorValues;
  evidence: typeof t.evidenceItems;
  evidenceLink: typeof t.evidenceLinks;
  sef: typeof t.selfEvaluations;
  section: typeof t.sefSections;
  evidenceFile: typeof t.evidenceFiles;
  infoRequest: typeof t.infoRequests;
  trackedChild: typeof t.trackedChildren;
  caseTheme: typeof t.caseSamplingThemes;
  inspectorRequest: typeof t.inspectorRequests;
  signoff: typeof t.sefSignoffs;
}

/** A row of one kind of record as drizzle reads it; for a union of names, the union of their rows. */
export type RowOf<N extends EntityName> = N extends ListEntityName ? EntityTables[N]['$inferSelect'] : never;

/** The bookkeeping every entity row carries, kept by the store and never set by a service. */
export type MetaField = 'id' | 'createdAt' | 'updatedAt' | 'version' | 'deletedAt' | 'deletionId';

/** What a service gives the store to create a record: its own fields, without the bookkeeping. */
export type ValuesOf<N extends ListEntityName> = Omit<EntityTables[N]['$inferInsert'], MetaField>;

/** What a service gives the store to change a record: any of its own fields. */
export type PatchOf<N extends ListEntityName> = Partial<ValuesOf<N>>;

/** What every entity row has, whatever its kind. */
export interface StoredRow {
  id: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
  deletionId: string | null;
}

export interface ChildRelation {
  entity: ListEntityName;
  /** The child's column pointing at this entity. */
  column: SQLiteColumn;
}

export interface ReferenceField {
  field: string;
  entity: EntityName;
  /** How the field is called on screen, for the error message. */
  what: string;
}

/**
 * The store's view of one kind of record, whichever it is (the store iterates over them all).
 * `label` is a method so that each entity's own spec, typed on its own row (EntitySpecOf), is
 * also one of these.
 */
export interface EntitySpec {
  name: ListEntityName;
  /** Said to a person: "this action", "the plan". */
  noun: string;
  table: AnyEntityTable;
  label(row: StoredRow): string;
  children: ChildRelation[];
  /** The record this one belongs to; restoring needs it to be live. */
  parent?: { entity: EntityName; field: string };
  references: ReferenceField[];
}

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const refTitle = (ref: string, title: string) => clip(ref ? `${ref} ${title}` : title);

const link = (column: SQLiteColumn): ChildRelation => ({ entity: 'evidenceLink', column });

/** A field of one kind of record (checked by the compiler: a typo is an error, not a silent miss). */
export type FieldOf<N extends ListEntityName> = keyof ValuesOf<N> & string;

/** One entity's spec, its label and fields written against its own row type. */
interface EntitySpecOf<N extends ListEntityName> extends Omit<EntitySpec, 'name' | 'label' | 'parent' | 'references'> {
  name: N;
  label(row: RowOf<N>): string;
  parent?: { entity: EntityName; field: FieldOf<N> };
  references: (ReferenceField & { field: FieldOf<N> })[];
}

/** Each entity's spec, checked against its own table's row type. */
const SPECS: { [N in ListEntityName]: EntitySpecOf<N> } = {
  partner: { name: 'partner', noun: 'partner', table: t.partners, label: (r) => r.name, children: [], references: [] },
  person: {
    name: 'person',
    noun: 'person',
    table: t.people,
    label: (r) => r.name,
    children: [],
    references: [{ field: 'partnerId', entity: 'partner', what: 'Partner' }],
  },
  event: {
    name: 'event',
    noun: 'inspection event',
    table: t.inspectionEvents,
    label: (r) => clip(r.title),
    children: [
      { entity: 'finding', column: t.findings.eventId },
      // A revisit's verdicts on the first inspection's findings belong to the revisit too: binning
      // the revisit (say, undoing a letter import) must take them with it, and restore them.
      { entity: 'assessment', column: t.findingAssessments.eventId },
      { entity: 'infoRequest', column: t.infoRequests.eventId },
      { entity: 'trackedChild', column: t.trackedChildren.eventId },
      { entity: 'caseTheme', column: t.caseSamplingThemes.eventId },
      { entity: 'inspectorRequest', column: t.inspectorRequests.eventId },
    ],
    references: [],
  },
  finding: {
    name: 'finding',
    noun: 'finding',
    table: t.findings,
    label: (r) => refTitle(r.reference, r.title),
    children: [{ entity: 'assessment', column: t.findingAssessments.findingId }, link(t.evidenceLinks.findingId)],
    parent: { entity: 'event', field: 'eventId' },
    references: [{ field: 'eventId', entity: 'event', what: 'Inspection event' }],
  },
  assessment: {
    name: 'assessment',
    noun: 'assessment',
    table: t.findingAssessments,
    label: (r) => `Assessment of ${r.assessedOn}`,
    children: [],
    parent: { entity: 'finding', field: 'findingId' },
    references: [
      { field: 'findingId', entity: 'finding', what: 'Finding' },
      { field: 'eventId', entity: 'event', what: 'Inspection event' },
    ],
  },
  plan: {
    name: 'plan',
    noun: 'plan',
    table: t.plans,
    label: (r) => clip(r.title),
    children: [{ entity: 'priority', column: t.priorities.planId }],
    references: [{ field: 'eventId', entity: 'event', what: 'Inspection event' }],
  },
  priority: {
    name: 'priority',
    noun: 'priority',
    table: t.priorities,
    label: (r) => refTitle(`Priority ${r.reference}`, r.title),
    children: [{ entity: 'action', column: t.actions.priorityId }, link(t.evidenceLinks.priorityId)],
    parent: { entity: 'plan', field: 'planId' },
    references: [
      { field: 'planId', entity: 'plan', what: 'Plan' },
      { field: 'leadPersonId', entity: 'person', what: 'Lead' },
    ],
  },
  action: {
    name: 'action',
    noun: 'action',
    table: t.actions,
    label: (r) => refTitle(`Action ${r.reference}`, r.what),
    children: [
      { entity: 'milestone', column: t.milestones.actionId },
      { entity: 'progress', column: t.progressUpdates.actionId },
      link(t.evidenceLinks.actionId),
    ],
    parent: { entity: 'priority', field: 'priorityId' },
    references: [
      { field: 'priorityId', entity: 'priority', what: 'Priority' },
      { field: 'leadPersonId', entity: 'person', what: 'Lead officer' },
      { field: 'sroPersonId', entity: 'person', what: 'Senior responsible officer' },
      { field: 'partnerId', entity: 'partner', what: 'Partner' },
    ],
  },
  milestone: {
    name: 'milestone',
    noun: 'milestone',
    table: t.milestones,
    label: (r) => clip(`Milestone: ${r.title}`),
    children: [link(t.evidenceLinks.milestoneId)],
    parent: { entity: 'action', field: 'actionId' },
    references: [{ field: 'actionId', entity: 'action', what: 'Action' }],
  },
  progress: {
    name: 'progress',
    noun: 'progress update',
    table: t.progressUpdates,
    label: (r) => `Progress update of ${r.reportedOn}`,
    children: [],
    parent: { entity: 'action', field: 'actionId' },
    references: [
      { field: 'actionId', entity: 'action', what: 'Action' },
      { field: 'milestoneId', entity: 'milestone', what: 'Milestone' },
    ],
  },
  indicator: {
    name: 'indicator',
    noun: 'indicator',
    table: t.indicators,
    label: (r) => refTitle(r.code, r.title),
    children: [
      { entity: 'target', column: t.indicatorTargets.indicatorId },
      { entity: 'indicatorValue', column: t.indicatorValues.indicatorId },
      link(t.evidenceLinks.indicatorId),
    ],
    references: [],
  },
  target: {
    name: 'target',
    noun: 'target',
    table: t.indicatorTargets,
    label: (r) => `Target for ${r.periodLabel}`,
    children: [],
    parent: { entity: 'indicator', field: 'indicatorId' },
    references: [{ field: 'indicatorId', entity: 'indicator', what: 'Indicator' }],
  },
  indicatorValue: {
    name: 'indicatorValue',
    noun: 'value',
    table: t.indicatorValues,
    label: (r) => `Value for ${r.periodLabel} (${r.geography})`,
    children: [],
    parent: { entity: 'indicator', field: 'indicatorId' },
    references: [{ field: 'indicatorId', entity: 'indicator', what: 'Indicator' }],
  },
  evidence: {
    name: 'evidence',
    noun: 'evidence item',
    table: t.evidenceItems,
    label: (r) => refTitle(r.reference, r.title),
    children: [link(t.evidenceLinks.evidenceId), { entity: 'evidenceFile', column: t.evidenceFiles.evidenceId }],
    references: [{ field: 'ownerPersonId', entity: 'person', what: 'Owner' }],
  },
  evidenceLink: {
    name: 'evidenceLink',
    noun: 'evidence link',
    table: t.evidenceLinks,
    label: (r) => `Evidence link ${r.id}`,
    children: [],
    parent: { entity: 'evidence', field: 'evidenceId' },
    references: [],
  },
  sef: {
    name: 'sef',
    noun: 'self-evaluation',
    table: t.selfEvaluations,
    label: (r) => clip(r.title),
    children: [
      { entity: 'section', column: t.sefSections.sefId },
      { entity: 'signoff', column: t.sefSignoffs.sefId },
    ],
    references: [],
  },
  section: {
    name: 'section',
    noun: 'section',
    table: t.sefSections,
    label: (r) => `Section ${r.criterionId}`,
    children: [link(t.evidenceLinks.sefSectionId)],
    parent: { entity: 'sef', field: 'sefId' },
    references: [{ field: 'sefId', entity: 'sef', what: 'Self-evaluation' }],
  },
  evidenceFile: {
    name: 'evidenceFile',
    noun: 'file',
    table: t.evidenceFiles,
    label: (r) => clip(`File ${r.originalName}`),
    children: [],
    parent: { entity: 'evidence', field: 'evidenceId' },
    references: [{ field: 'evidenceId', entity: 'evidence', what: 'Evidence item' }],
  },
  infoRequest: {
    name: 'infoRequest',
    noun: 'information request item',
    table: t.infoRequests,
    label: (r) => clip(`Information request: ${r.item}`),
    children: [],
    parent: { entity: 'event', field: 'eventId' },
    references: [
      { field: 'eventId', entity: 'event', what: 'Inspection event' },
      { field: 'ownerPersonId', entity: 'person', what: 'Owner' },
    ],
  },
  trackedChild: {
    name: 'trackedChild',
    noun: 'tracked child record',
    table: t.trackedChildren,
    label: (r) => `Tracked child ${r.pseudonym}`,
    children: [],
    parent: { entity: 'event', field: 'eventId' },
    references: [{ field: 'eventId', entity: 'event', what: 'Inspection event' }],
  },
  caseTheme: {
    name: 'caseTheme',
    noun: 'case sampling theme',
    table: t.caseSamplingThemes,
    label: (r) => clip(`Case sampling: ${r.theme}`),
    children: [],
    parent: { entity: 'event', field: 'eventId' },
    references: [{ field: 'eventId', entity: 'event', what: 'Inspection event' }],
  },
  inspectorRequest: {
    name: 'inspectorRequest',
    noun: 'inspector request',
    table: t.inspectorRequests,
    label: (r) => clip(`Request: ${r.request}`),
    children: [],
    parent: { entity: 'event', field: 'eventId' },
    references: [
      { field: 'eventId', entity: 'event', what: 'Inspection event' },
      { field: 'ownerPersonId', entity: 'person', what: 'Owner' },
    ],
  },
  signoff: {
    name: 'signoff',
    noun: 'sign-off',
    table: t.sefSignoffs,
    label: (r) => `Sign-off by ${r.signatoryName}`,
    children: [],
    parent: { entity: 'sef', field: 'sefId' },
    references: [
      { field: 'sefId', entity: 'sef', what: 'Self-evaluation' },
      { field: 'partnerId', entity: 'partner', what: 'Partner' },
    ],
  },
};

/** The same specs, as the store iterates over them (any kind of record). */
export const ENTITIES: Record<ListEntityName, EntitySpec> = SPECS;

export function specOf(name: EntityName): EntitySpec {
  if (name === 'area') throw new Error('The area profile is a single settings record, not a list entity.');
  return ENTITIES[name];
}
