/**
 * The editable sheets of the Excel action plan, declared once and shared by the exporter and the
 * importer of returns (issue #5), so a column cannot be written one way and read another.
 */

export type ColumnKind = 'text' | 'date' | 'actionStatus' | 'milestoneStatus' | 'rag' | 'person' | 'partner';

export interface ColumnSpec {
  key: string;
  header: string;
  width: number;
  kind: ColumnKind;
  /** A partner may change it on rows that came from the app. */
  editable: boolean;
  /** A partner may fill it in on a row they add (Milestones and Updates sheets only). */
  onNewRows?: boolean;
}

export const IDENTITY_HEADER = 'Row ID (do not change)';
export const IDENTITY_WIDTH = 14;

/** Row 1 carries the marking and instructions; row 2 the headings; data starts on row 3. */
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

const col = (key: string, header: string, width: number, kind: ColumnKind, editable: boolean, onNewRows = false): ColumnSpec => ({
  key,
  header,
  width,
  kind,
  editable,
  onNewRows,
});

export const PLAN_COLUMNS: ColumnSpec[] = [
  col('priorityRef', 'Priority', 9, 'text', false),
  col('priorityTitle', 'Priority title', 28, 'text', false),
  col('findings', 'Finding(s) this answers', 40, 'text', false),
  col('reference', 'Action ref', 9, 'text', false),
  col('what', 'What we will do', 40, 'text', true),
  col('how', 'How we will do it', 40, 'text', true),
  col('lead', 'Lead officer', 20, 'person', true),
  col('sro', 'Senior responsible officer', 20, 'person', true),
  col('partner', 'Partner', 20, 'partner', true),
  col('startsOn', 'Start', 12, 'date', true),
  col('dueOn', 'Due', 12, 'date', true),
  col('revisedDueOn', 'Revised due', 12, 'date', true),
  col('revisedDueReason', 'Reason for revised date', 28, 'text', true),
  col('status', 'Status', 18, 'actionStatus', true),
  col('rag', 'RAG', 10, 'rag', true),
  col('ragReason', 'RAG reason', 30, 'text', true),
  col('successMeasures', 'Success measures', 36, 'text', true),
  col('latestUpdate', 'Latest update', 44, 'text', false),
  col('newHighlights', 'New update: progress and highlights', 40, 'text', true),
  col('newIssues', 'New update: issues and risks', 36, 'text', true),
  col('newMitigation', 'New update: mitigation', 36, 'text', true),
  col('evidence', 'Evidence', 16, 'text', false),
];

export const MILESTONE_COLUMNS: ColumnSpec[] = [
  col('priorityRef', 'Priority', 9, 'text', false),
  col('actionRef', 'Action ref', 10, 'text', false, true),
  col('title', 'Milestone', 48, 'text', true, true),
  col('periodLabel', 'Period', 16, 'text', true, true),
  col('dueOn', 'Due', 12, 'date', true, true),
  col('status', 'Milestone status', 26, 'milestoneStatus', true, true),
  col('achievedOn', 'Date achieved', 13, 'date', true, true),
  // Read-only: the milestone's effective state (milestoneState, issue #13), so an overdue milestone
  // reads "Overdue" here as on every other surface while its recorded status stays editable.
  col('state', 'State at export', 22, 'text', false),
  col('evidence', 'Evidence', 16, 'text', false),
];

export const UPDATE_COLUMNS: ColumnSpec[] = [
  col('priorityRef', 'Priority', 9, 'text', false),
  col('actionRef', 'Action ref', 10, 'text', false, true),
  col('reportedOn', 'Date of update', 13, 'date', false, true),
  col('periodLabel', 'Reporting period', 16, 'text', false, true),
  col('status', 'Status', 18, 'actionStatus', false, true),
  col('rag', 'RAG', 10, 'rag', false, true),
  col('highlights', 'Highlights', 44, 'text', false, true),
  col('issues', 'Issues', 36, 'text', false, true),
  col('mitigation', 'Mitigation', 32, 'text', false, true),
  col('author', 'Reported by', 18, 'text', false, true),
  col('source', 'Source', 16, 'text', false),
];

export const SHEETS = {
  summary: 'Summary',
  plan: 'Plan',
  milestones: 'Milestones',
  updates: 'Updates',
  kpis: 'KPIs',
  evidence: 'Evidence',
  key: 'Key',
  lists: 'Lists',
} as const;

/** Fields whose exported value is fingerprinted, so a return shows what the partner changed. */
export const PLAN_TRACKED = PLAN_COLUMNS.filter((c) => c.editable && !c.key.startsWith('new')).map((c) => c.key);
export const MILESTONE_TRACKED = MILESTONE_COLUMNS.filter((c) => c.editable).map((c) => c.key);

/** Excel refuses cells longer than this; longer text is exported shortened and made read-only. */
export const EXCEL_CELL_LIMIT = 32_767;
export const SHORTENED_NOTE = ' […shortened: the full text is in the workbook]';
