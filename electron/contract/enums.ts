/**
 * Closed vocabularies of the workbook. Framework-specific vocabularies (finding types,
 * outcomes, criteria, scales, status keys) are data in resources/ and checked by services.
 */
export const PARTNER_KINDS = ['council', 'health', 'social_care', 'parent_carer_forum', 'education', 'other'] as const;

export const EVENT_KINDS = [
  'full_inspection',
  'revisit',
  'monitoring_inspection',
  'engagement_meeting',
  'thematic_visit',
  'dfe_nhse_review',
  'peer_review',
] as const;

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'published', 'superseded', 'closed'] as const;

export const REVIEW_CADENCES = ['six_weekly', 'quarterly', 'four_monthly', 'six_monthly', 'annual'] as const;

export const ACTION_STATUSES = ['not_started', 'on_track', 'delayed', 'complete', 'not_achieved', 'superseded'] as const;

export const MILESTONE_STATUSES = ['achieved', 'partially_achieved', 'not_achieved', 'not_yet_due'] as const;

/** Stored RAG codes; a status key (resources/status-keys.json) gives them labels and colours. */
export const RAG_CODES = ['red', 'amber', 'green', 'blue'] as const;

export const EVIDENCE_KINDS = [
  'document',
  'data_report',
  'audit',
  'case_study',
  'survey',
  'cyp_voice',
  'parent_carer_voice',
  'board_paper',
  'strategy',
  'coproduction_record',
  'inspection_report',
  'peer_review',
  'minutes',
  'other',
] as const;

/** Kinds that carry the voice of children, young people and families (coverage warnings). */
export const VOICE_KINDS = ['cyp_voice', 'parent_carer_voice', 'survey', 'coproduction_record'] as const;

export const EVIDENCE_LEVELS = ['activity', 'output', 'impact'] as const;

export const INDICATOR_POLARITIES = ['higher_is_better', 'lower_is_better', 'neutral'] as const;

export const PERIOD_TYPES = ['calendar_year', 'academic_year', 'financial_year', 'term', 'quarter', 'month'] as const;

export const GEOGRAPHIES = ['local', 'england', 'region', 'statistical_neighbours'] as const;

export const SEF_STATUSES = ['draft', 'agreed', 'published'] as const;

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;

export const LINK_TARGETS = ['finding', 'priority', 'action', 'milestone', 'indicator', 'sefSection'] as const;

export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export type RagCode = (typeof RAG_CODES)[number];
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];
export type Geography = (typeof GEOGRAPHIES)[number];
export type LinkTarget = (typeof LINK_TARGETS)[number];

/** Words for every code, UK English, used by the UI and the exports alike. */
export const LABELS: Record<string, string> = {
  council: 'Council',
  health: 'Health (ICB)',
  social_care: 'Social care',
  parent_carer_forum: 'Parent carer forum',
  education: 'Education settings',
  other: 'Other',
  full_inspection: 'Full inspection',
  revisit: 'Revisit',
  monitoring_inspection: 'Monitoring inspection',
  engagement_meeting: 'Engagement meeting',
  thematic_visit: 'Thematic visit',
  dfe_nhse_review: 'DfE/NHSE review',
  peer_review: 'Peer review',
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Fit for purpose / approved',
  published: 'Published',
  superseded: 'Superseded',
  closed: 'Closed',
  agreed: 'Agreed',
  six_weekly: 'Every 6 weeks',
  quarterly: 'Quarterly',
  four_monthly: 'Every 4 months',
  six_monthly: 'Every 6 months',
  annual: 'Annual',
  not_started: 'Not started',
  on_track: 'In progress, on track',
  delayed: 'Delayed',
  complete: 'Complete',
  not_achieved: 'Not achieved',
  achieved: 'Largely achieved',
  partially_achieved: 'Partially achieved and on track',
  not_yet_due: 'Not yet due',
  overdue: 'Overdue (due date passed, no result recorded)',
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  blue: 'Blue (complete)',
  document: 'Document',
  data_report: 'Data report',
  audit: 'Audit',
  case_study: 'Case study',
  survey: 'Survey',
  cyp_voice: 'Voice of children and young people',
  parent_carer_voice: 'Parent/carer voice',
  board_paper: 'Board paper',
  strategy: 'Strategy',
  coproduction_record: 'Co-production record',
  inspection_report: 'Inspection report',
  minutes: 'Minutes',
  activity: 'Activity',
  output: 'Output',
  impact: 'Impact',
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  neutral: 'No direction',
  calendar_year: 'Calendar year',
  academic_year: 'Academic year',
  financial_year: 'Financial year',
  term: 'Term',
  quarter: 'Quarter',
  month: 'Month',
  local: 'Local area',
  england: 'England',
  region: 'Region',
  statistical_neighbours: 'Statistical neighbours',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export function label(code: string | null | undefined): string {
  if (code == null) return '';
  return LABELS[code] ?? code;
}
