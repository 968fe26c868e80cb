/**
 * The workbook's tables. One SQLite file holds one partnership's workbook.
 *
 * Conventions (see README "Data model"):
 * - dates a person types are ISO `YYYY-MM-DD` text; moments are ISO timestamps;
 * - every entity row carries `version` (optimistic concurrency, Excel round-trip conflicts),
 *   `deletedAt`/`deletionId` (soft delete to the bin; a deletion id groups a cascade so one
 *   restore brings back everything one delete removed);
 * - foreign keys are declared; deletes are soft, so ON DELETE CASCADE only matters for hard
 *   purges, and migrations run with foreign keys off (drizzle-orm #5782).
 */
import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  customType,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
  deletedAt: text('deleted_at'),
  deletionId: text('deletion_id'),
};

/** Exactly one row: identity of this workbook file. */
export const workbookInfo = sqliteTable('workbook_info', {
  id: integer('id').primaryKey(),
  workbookId: text('workbook_id').notNull(),
  createdAt: text('created_at').notNull(),
  createdByAppVersion: text('created_by_app_version').notNull(),
  /** Evidence references (E-001) are never reused: the counter only goes up. */
  nextEvidenceNumber: integer('next_evidence_number').notNull().default(1),
});

/** Exactly one row: the local area and the workbook's settings. */
export const areaProfile = sqliteTable('area_profile', {
  id: integer('id').primaryKey(),
  areaName: text('area_name').notNull().default(''),
  laCode: text('la_code').notNull().default(''),
  icb: text('icb').notNull().default(''),
  region: text('region').notNull().default(''),
  statisticalNeighbours: text('statistical_neighbours', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  protectiveMarking: text('protective_marking').notNull().default('OFFICIAL-SENSITIVE'),
  authorName: text('author_name').notNull().default(''),
  statusKeyId: text('status_key_id').notNull().default('rag'),
  defaultFrameworkId: text('default_framework_id').notNull().default('area-send-2025'),
  /** The plan the Overview follows, chosen by the user (issue #13); null: the approved/published plan. */
  overviewPlanId: integer('overview_plan_id'),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const partners = sqliteTable('partners', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  notes: text('notes').notNull().default(''),
  ...timestamps,
});

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    partnerId: integer('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    email: text('email').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('people_partner_idx').on(t.partnerId)],
);

export const inspectionEvents = sqliteTable('inspection_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  frameworkId: text('framework_id').notNull(),
  title: text('title').notNull(),
  notifiedOn: text('notified_on'),
  fieldworkStartOn: text('fieldwork_start_on'),
  onsiteStartOn: text('onsite_start_on'),
  onsiteEndOn: text('onsite_end_on'),
  publishedOn: text('published_on'),
  leadInspector: text('lead_inspector').notNull().default(''),
  outcome: text('outcome'),
  summary: text('summary').notNull().default(''),
  ...timestamps,
});

export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => inspectionEvents.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    reference: text('reference').notNull().default(''),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('findings_event_idx').on(t.eventId, t.position)],
);

export const findingPartners = sqliteTable(
  'finding_partners',
  {
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.partnerId] }), index('finding_partners_partner_idx').on(t.partnerId)],
);

export const findingAssessments = sqliteTable(
  'finding_assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    eventId: integer('event_id').references(() => inspectionEvents.id, { onDelete: 'set null' }),
    result: text('result').notNull(),
    commentary: text('commentary').notNull().default(''),
    assessedOn: text('assessed_on').notNull(),
    ...timestamps,
  },
  (t) => [index('finding_assessments_finding_idx').on(t.findingId, t.assessedOn)],
);

export const plans = sqliteTable('plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  type: text('type').notNull(),
  title: text('title').notNull(),
  status: text('status').notNull().default('draft'),
  eventId: integer('event_id').references(() => inspectionEvents.id, { onDelete: 'set null' }),
  approver: text('approver').notNull().default(''),
  submittedOn: text('submitted_on'),
  approvedOn: text('approved_on'),
  publishedOn: text('published_on'),
  startsOn: text('starts_on'),
  endsOn: text('ends_on'),
  reviewCadence: text('review_cadence').notNull().default('quarterly'),
  nextReviewOn: text('next_review_on'),
  ...timestamps,
});

export const priorities = sqliteTable(
  'priorities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    leadPersonId: integer('lead_person_id').references(() => people.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('priorities_plan_idx').on(t.planId, t.position)],
);

export const priorityFindings = sqliteTable(
  'priority_findings',
  {
    priorityId: integer('priority_id')
      .notNull()
      .references(() => priorities.id, { onDelete: 'cascade' }),
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.priorityId, t.findingId] }), index('priority_findings_finding_idx').on(t.findingId)],
);

export const actions = sqliteTable(
  'actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    priorityId: integer('priority_id')
      .notNull()
      .references(() => priorities.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull(),
    what: text('what').notNull(),
    how: text('how').notNull().default(''),
    leadPersonId: integer('lead_person_id').references(() => people.id, { onDelete: 'set null' }),
    sroPersonId: integer('sro_person_id').references(() => people.id, { onDelete: 'set null' }),
    partnerId: integer('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    startsOn: text('starts_on'),
    dueOn: text('due_on'),
    revisedDueOn: text('revised_due_on'),
    revisedDueReason: text('revised_due_reason').notNull().default(''),
    status: text('status').notNull().default('not_started'),
    successMeasures: text('success_measures').notNull().default(''),
    referencesText: text('references_text').notNull().default(''),
    ragOverride: text('rag_override'),
    ragOverrideReason: text('rag_override_reason').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    index('actions_priority_idx').on(t.priorityId, t.position),
    index('actions_lead_idx').on(t.leadPersonId),
    index('actions_due_idx').on(t.dueOn),
  ],
);

export const milestones = sqliteTable(
  'milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: text('due_on'),
    periodLabel: text('period_label').notNull().default(''),
    status: text('status').notNull().default('not_yet_due'),
    achievedOn: text('achieved_on'),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('milestones_action_idx').on(t.actionId, t.position), index('milestones_due_idx').on(t.dueOn)],
);

/** Append-only: a correction is a new update; the service offers no edit. */
export const progressUpdates = sqliteTable(
  'progress_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    milestoneId: integer('milestone_id').references(() => milestones.id, { onDelete: 'set null' }),
    reportedOn: text('reported_on').notNull(),
    periodLabel: text('period_label').notNull().default(''),
    status: text('status').notNull(),
    rag: text('rag'),
    highlights: text('highlights').notNull().default(''),
    issues: text('issues').notNull().default(''),
    mitigation: text('mitigation').notNull().default(''),
    author: text('author').notNull().default(''),
    source: text('source').notNull().default('app'),
    /** A correction names the update it replaces; the old one stays in history, marked superseded (issue #13). */
    supersedesId: integer('supersedes_id'),
    ...timestamps,
  },
  (t) => [index('progress_updates_action_idx').on(t.actionId, t.reportedOn)],
);

export const indicators = sqliteTable('indicators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().default(''),
  title: text('title').notNull(),
  definition: text('definition').notNull().default(''),
  unit: text('unit').notNull().default('%'),
  polarity: text('polarity').notNull().default('higher_is_better'),
  source: text('source').notNull().default(''),
  periodType: text('period_type').notNull().default('academic_year'),
  baselineValue: real('baseline_value'),
  baselinePeriod: text('baseline_period').notNull().default(''),
  seriesBreakNotes: text('series_break_notes').notNull().default(''),
  decimals: integer('decimals').notNull().default(1),
  ...timestamps,
});

export const indicatorTargets = sqliteTable(
  'indicator_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodLabel: text('period_label').notNull(),
    targetValue: real('target_value').notNull(),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('indicator_targets_indicator_idx').on(t.indicatorId)],
);

export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodLabel: text('period_label').notNull(),
    /** ISO date the period starts: orders "2023/24" after "2022/23" and "Q1 2024" after both. */
    periodStart: text('period_start').notNull(),
    geography: text('geography').notNull(),
    value: real('value').notNull(),
    provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
    sourceNote: text('source_note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('indicator_values_series_idx').on(t.indicatorId, t.geography, t.periodStart),
    uniqueIndex('indicator_values_unique_live')
      .on(t.indicatorId, t.periodLabel, t.geography)
      .where(sql`deleted_at IS NULL`),
  ],
);

export const evidenceItems = sqliteTable(
  'evidence_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    summary: text('summary').notNull().default(''),
    ownerPersonId: integer('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    effectiveFrom: text('effective_from'),
    effectiveTo: text('effective_to'),
    addedOn: text('added_on').notNull(),
    location: text('location').notNull().default(''),
    containsPersonalData: integer('contains_personal_data', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('evidence_reference_unique').on(t.reference),
    index('evidence_kind_idx').on(t.kind, t.level),
    index('evidence_effective_idx').on(t.effectiveFrom),
    index('evidence_owner_idx').on(t.ownerPersonId),
    // Live items by each filter and sort the library and the link picker offer (issue #17): a
    // filter reads its range in reference order and counts from the index alone, and a sort walks
    // its index, so neither reads or sorts the whole table.
    index('evidence_live_kind_idx').on(t.kind).where(sql`deleted_at IS NULL`),
    index('evidence_live_level_idx').on(t.level).where(sql`deleted_at IS NULL`),
    index('evidence_live_personal_idx').on(t.containsPersonalData).where(sql`deleted_at IS NULL`),
    index('evidence_live_effective_idx').on(t.effectiveFrom).where(sql`deleted_at IS NULL`),
    index('evidence_live_added_idx').on(t.addedOn).where(sql`deleted_at IS NULL`),
    index('evidence_live_title_idx').on(t.title).where(sql`deleted_at IS NULL`),
    // Live items only: counting them (Overview, list totals) reads this small index, not the table.
    index('evidence_live_idx').on(t.id).where(sql`deleted_at IS NULL`),
  ],
);

export const selfEvaluations = sqliteTable('self_evaluations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  frameworkId: text('framework_id').notNull(),
  scaleId: text('scale_id').notNull(),
  asOf: text('as_of').notNull(),
  status: text('status').notNull().default('draft'),
  ...timestamps,
});

export const sefSignoffs = sqliteTable(
  'sef_signoffs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sefId: integer('sef_id')
      .notNull()
      .references(() => selfEvaluations.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    signatoryName: text('signatory_name').notNull(),
    signedOn: text('signed_on'),
    ...timestamps,
  },
  (t) => [index('sef_signoffs_sef_idx').on(t.sefId)],
);

export const sefSections = sqliteTable(
  'sef_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sefId: integer('sef_id')
      .notNull()
      .references(() => selfEvaluations.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    position: integer('position').notNull().default(0),
    judgement: text('judgement'),
    confidence: text('confidence'),
    whatWeKnow: text('what_we_know').notNull().default(''),
    whatWeHaveDone: text('what_we_have_done').notNull().default(''),
    impact: text('impact').notNull().default(''),
    whatNext: text('what_next').notNull().default(''),
    strengths: text('strengths').notNull().default(''),
    areasForDevelopment: text('areas_for_development').notNull().default(''),
    isDraft: integer('is_draft', { mode: 'boolean' }).notNull().default(true),
    ...timestamps,
  },
  (t) => [index('sef_sections_sef_idx').on(t.sefId, t.position)],
);

export const sefSectionActions = sqliteTable(
  'sef_section_actions',
  {
    sectionId: integer('section_id')
      .notNull()
      .references(() => sefSections.id, { onDelete: 'cascade' }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.actionId] }), index('sef_section_actions_action_idx').on(t.actionId)],
);

/** The key indicators a plan tracks (issue #17): its progress report and KPIs sheet show these, not every indicator. */
export const planIndicators = sqliteTable(
  'plan_indicators',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.planId, t.indicatorId] }), index('plan_indicators_indicator_idx').on(t.indicatorId)],
);

/**
 * Evidence links: one row links one evidence item to exactly one target. Separate nullable
 * foreign keys (not a polymorphic id) keep referential integrity and let each side be indexed.
 */
export const evidenceLinks = sqliteTable(
  'evidence_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
    findingId: integer('finding_id').references(() => findings.id, { onDelete: 'cascade' }),
    priorityId: integer('priority_id').references(() => priorities.id, { onDelete: 'cascade' }),
    actionId: integer('action_id').references(() => actions.id, { onDelete: 'cascade' }),
    milestoneId: integer('milestone_id').references(() => milestones.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id').references(() => indicators.id, { onDelete: 'cascade' }),
    sefSectionId: integer('sef_section_id').references(() => sefSections.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('evidence_links_evidence_idx').on(t.evidenceId),
    // Target, then deleted_at and the item (issue #17): coverage and the Excel export read the
    // live items linked to many targets from the index alone, not one table row per link.
    index('evidence_links_finding_idx').on(t.findingId, t.deletedAt, t.evidenceId),
    index('evidence_links_priority_idx').on(t.priorityId, t.deletedAt, t.evidenceId),
    index('evidence_links_action_idx').on(t.actionId, t.deletedAt, t.evidenceId),
    index('evidence_links_milestone_idx').on(t.milestoneId, t.deletedAt, t.evidenceId),
    index('evidence_links_indicator_idx').on(t.indicatorId),
    index('evidence_links_sef_section_idx').on(t.sefSectionId, t.deletedAt, t.evidenceId),
    check(
      'evidence_links_exactly_one_target',
      sql`(${t.findingId} IS NOT NULL) + (${t.priorityId} IS NOT NULL) + (${t.actionId} IS NOT NULL) + (${t.milestoneId} IS NOT NULL) + (${t.indicatorId} IS NOT NULL) + (${t.sefSectionId} IS NOT NULL) = 1`,
    ),
  ],
);

/** Every create, update, delete, restore, link and unlink; field-level for updates. */
/**
 * The audit log, stored compactly (issue #17); its layout is known only to db/audit-storage.ts,
 * which every reader and the writer go through. `at` is milliseconds since 1970 or the exact
 * text; long values are deflated BLOBs; `hash` is 32 bytes and the previous entry's hash is not
 * stored (it is the hash of the entry before). Column type BLOB gives no affinity, so a value is
 * stored as the number, text or bytes it is.
 */
const storedMoment = customType<{ data: number | string; notNull: true }>({ dataType: () => 'blob' });
const storedValue = customType<{ data: string | Buffer }>({ dataType: () => 'blob' });

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: storedMoment('at').notNull(),
    author: text('author').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    operation: text('operation').notNull(),
    field: text('field'),
    oldValue: storedValue('old_value'),
    newValue: storedValue('new_value'),
    /** SHA-256 over the entry's logical fields and the previous entry's hash (32 bytes). */
    hash: blob('hash', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId, t.id)],
);

/** One row per user-visible delete; restoring it restores every row with its deletion id. */
export const binEntries = sqliteTable(
  'bin_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deletionId: text('deletion_id').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    label: text('label').notNull(),
    deletedAt: text('deleted_at').notNull(),
    author: text('author').notNull(),
    restoredAt: text('restored_at'),
    /** How many records the delete took with it, counted once when it happens. */
    rowCount: integer('row_count').notNull().default(1),
  },
  (t) => [uniqueIndex('bin_deletion_unique').on(t.deletionId), index('bin_open_idx').on(t.restoredAt, t.id)],
);

// ---------------------------------------------------------------------------------------------
// Stored evidence files (content-addressed, inside the workbook: one file stays the unit a user
// copies). Content is chunked so a 200 MB file never needs one 200 MB buffer.

export const fileBlobs = sqliteTable('file_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mimeType: text('mime_type').notNull(),
  /** pending | extracted | no_text | failed */
  textStatus: text('text_status').notNull().default('pending'),
  /** Why no text was extracted, in words ("scanned PDF: no text layer"). */
  textNote: text('text_note').notNull().default(''),
  extractedText: text('extracted_text'),
  createdAt: text('created_at').notNull(),
});

export const fileChunks = sqliteTable(
  'file_chunks',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => fileBlobs.sha256, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.seq] })],
);

export const evidenceFiles = sqliteTable(
  'evidence_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => fileBlobs.sha256),
    originalName: text('original_name').notNull(),
    size: integer('size').notNull(),
    mimeType: text('mime_type').notNull(),
    addedOn: text('added_on').notNull(),
    ...timestamps,
  },
  (t) => [index('evidence_files_evidence_idx').on(t.evidenceId), index('evidence_files_sha_idx').on(t.sha256)],
);

// ---------------------------------------------------------------------------------------------
// Inspection week: the information request, tracked children, case sampling and inspectors'
// ad hoc requests, all belonging to an inspection event.

export const infoRequests = sqliteTable(
  'info_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => inspectionEvents.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    category: text('category').notNull().default(''),
    ownerPersonId: integer('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    dueOn: text('due_on'),
    status: text('status').notNull().default('not_started'),
    notes: text('notes').notNull().default(''),
    position: integer('position').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('info_requests_event_idx').on(t.eventId, t.position)],
);

export const infoRequestEvidence = sqliteTable(
  'info_request_evidence',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => infoRequests.id, { onDelete: 'cascade' }),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.evidenceId] }), index('info_request_evidence_evidence_idx').on(t.evidenceId)],
);

/** Pseudonymised only: the service refuses names, dates of birth, NHS numbers and UPNs. */
export const trackedChildren = sqliteTable(
  'tracked_children',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => inspectionEvents.id, { onDelete: 'cascade' }),
    pseudonym: text('pseudonym').notNull(),
    settingType: text('setting_type').notNull(),
    senStatus: text('sen_status').notNull(),
    consentStatus: text('consent_status').notNull().default('not_asked'),
    selectedOn: text('selected_on'),
    documentsDueOn: text('documents_due_on'),
    meetingOn: text('meeting_on'),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('tracked_children_event_idx').on(t.eventId)],
);

export const trackedChildEvidence = sqliteTable(
  'tracked_child_evidence',
  {
    childId: integer('child_id')
      .notNull()
      .references(() => trackedChildren.id, { onDelete: 'cascade' }),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.childId, t.evidenceId] }), index('tracked_child_evidence_evidence_idx').on(t.evidenceId)],
);

export const caseSamplingThemes = sqliteTable(
  'case_sampling_themes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => inspectionEvents.id, { onDelete: 'cascade' }),
    theme: text('theme').notNull(),
    samplesRequested: integer('samples_requested').notNull().default(0),
    samplesSupplied: integer('samples_supplied').notNull().default(0),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('case_sampling_event_idx').on(t.eventId)],
);

export const inspectorRequests = sqliteTable(
  'inspector_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => inspectionEvents.id, { onDelete: 'cascade' }),
    receivedAt: text('received_at').notNull(),
    fromWhom: text('from_whom').notNull().default(''),
    request: text('request').notNull(),
    dueAt: text('due_at'),
    ownerPersonId: integer('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('open'),
    response: text('response').notNull().default(''),
    answeredAt: text('answered_at'),
    ...timestamps,
  },
  (t) => [index('inspector_requests_event_idx').on(t.eventId, t.receivedAt)],
);

export const inspectorRequestEvidence = sqliteTable(
  'inspector_request_evidence',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => inspectorRequests.id, { onDelete: 'cascade' }),
    evidenceId: integer('evidence_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.evidenceId] }), index('inspector_request_evidence_evidence_idx').on(t.evidenceId)],
);

/**
 * One row per Excel export of a plan: a returned file names its export, and only the rows that
 * export held (in that plan, under their parents as they are now) can change the workbook
 * (issue #14). The counts bound how many rows a returned file may have. Not an entity: no
 * version, no Bin; removed with its plan when the plan is purged.
 */
export const planExports = sqliteTable(
  'plan_exports',
  {
    id: text('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    exportedAt: text('exported_at').notNull(),
    actionCount: integer('action_count').notNull(),
    milestoneCount: integer('milestone_count').notNull(),
    updateCount: integer('update_count').notNull(),
    /** JSON {"action":[ids],"milestone":[ids],"progress":[ids]}: the records the file held. */
    rowIds: text('row_ids').notNull(),
  },
  (t) => [index('plan_exports_plan_idx').on(t.planId)],
);

/**
 * Column mappings remembered by the plan-spreadsheet import (issue #16): one row per layout of
 * council spreadsheet, found again by its header cells, so next month's copy of the same plan
 * is mapped as last time. Changed only by `planSheet:apply` (audited as entity
 * "planSheetMapping"). Not a record a person edits: no version, no Bin.
 */
export const planSheetMappings = sqliteTable(
  'plan_sheet_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** sha256 of the sheet's header cells (lower case, single spaces), joined by tabs. */
    headerKey: text('header_key').notNull(),
    /** JSON array of the header cells as they were written, for a person reading the table. */
    headers: text('headers').notNull(),
    /** JSON { field: column letter }. */
    mapping: text('mapping').notNull(),
    /** JSON { word: action status } and { word: RAG code or "none" }: the officer's own words. */
    statusMap: text('status_map').notNull().default('{}'),
    ragMap: text('rag_map').notNull().default('{}'),
    savedAt: text('saved_at').notNull(),
  },
  (t) => [uniqueIndex('plan_sheet_mappings_header_unique').on(t.headerKey)],
);
