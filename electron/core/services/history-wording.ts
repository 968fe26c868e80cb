/**
 * History in words a council officer reads without help (issue #15): field labels instead of
 * column names, names instead of ids, UK dates, statuses by their labels, old → new, grouped per
 * change, with the record named (actions and priorities with their plan) and a link back to it.
 *
 * The ONE place audit entries are put into words: the History screen (history:changes) and any
 * export that quotes history call `wordHistory`, so the wording cannot drift between them.
 * Entries are read through history-service (the audit log's storage is its business).
 */
import type { z } from 'zod';
import { label as codeLabel } from '../../contract/enums';
import { weekLabel, WEEK_LABELS } from '../../contract/groups/inspection-week';
import type { auditEntry, EntityName } from '../../contract/schemas/history';
import { ENTITY_NAMES } from '../../contract/schemas/history';
import type { ServiceContext } from './context';
import { ENTITIES, type ListEntityName, type RowOf } from './entity-registry';
import { rowsById } from './entity-store';

type AuditEntry = z.output<typeof auditEntry>;

export interface WordedLine {
  /** "Start date", "Lead officer". */
  field: string;
  /** In words: "01/04/2023", "On track", "Jane Smith", "(empty)". */
  from: string | null;
  to: string | null;
}

export interface WordedChange {
  /** The first audit entry of the group (a stable key). */
  id: number;
  at: string;
  /** "22/11/2026 14:05" (UK, London time). */
  when: string;
  author: string;
  entity: string;
  entityId: number;
  /** "Action", "Milestone". */
  kind: string;
  /** "Action 3.2 Recruit two EHC coordinators (Written Statement of Action 2019)". */
  record: string;
  /** Where the record opens in the app, or null when it has no page (or is in the Bin). */
  path: string | null;
  /** create · update · delete · restore · link · unlink */
  operation: string;
  /** "Created", "Changed 3 fields", "Moved to the Bin", "Restored", "Linked", "Unlinked". */
  headline: string;
  lines: WordedLine[];
}

/** Column names that read badly when split into words. */
const FIELD_LABELS: Record<string, string> = {
  startsOn: 'Start date',
  dueOn: 'Due date',
  revisedDueOn: 'Revised due date',
  revisedDueReason: 'Reason for the revised date',
  achievedOn: 'Date achieved',
  reportedOn: 'Date of the update',
  assessedOn: 'Date assessed',
  asOf: 'As at',
  notifiedOn: 'Date notified',
  fieldworkStartOn: 'Fieldwork start',
  onsiteStartOn: 'On-site start',
  onsiteEndOn: 'On-site end',
  publishedOn: 'Report published',
  selectedOn: 'Date selected',
  meetingOn: 'Tracking meeting',
  documentsDueOn: 'Documents due',
  receivedAt: 'Received',
  dueAt: 'Due',
  answeredAt: 'Answered',
  signedOn: 'Date signed',
  what: 'What we will do',
  how: 'How we will do it',
  successMeasures: 'Success measures',
  referencesText: 'References',
  ragOverride: 'RAG shown',
  ragOverrideReason: 'Reason for overriding the RAG',
  rag: 'RAG',
  laCode: 'LA code',
  icb: 'Integrated care board',
  authorName: 'Your name',
  statusKeyId: 'Status key',
  defaultFrameworkId: 'Framework',
  frameworkId: 'Framework',
  scaleId: 'Judgement scale',
  criterionId: 'Criterion',
  periodLabel: 'Reporting period',
  periodStart: 'Period start',
  targetValue: 'Target',
  sourceNote: 'Source',
  senStatus: 'SEN support or EHC plan',
  settingType: 'Setting type',
  consentStatus: 'Consent',
  samplesRequested: 'Samples requested',
  samplesSupplied: 'Samples supplied',
  fromWhom: 'From (inspector)',
  request: 'What was asked for',
  item: 'Item requested',
  isDraft: 'Draft',
  containsPersonalData: 'Contains personal data',
  findingIds: 'Findings it answers',
  actionIds: 'Linked actions',
  partnerIds: 'Partners who own it',
  evidence: 'Evidence',
  supersedesId: 'Corrects the update',
  result: 'Result',
  type: 'Type',
  kind: 'Type',
  level: 'Evidence level',
};

/** Fields whose values are ids of another kind of record (beyond the registry's references). */
const ID_LISTS: Record<string, EntityName> = { findingIds: 'finding', actionIds: 'action', partnerIds: 'partner', supersedesId: 'progress', milestoneId: 'milestone', indicatorIds: 'indicator', planIds: 'plan' };

/** Fields never shown: bookkeeping, not something an officer changed. */
const HIDDEN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'deletedAt', 'deletionId', 'position', 'hash', 'prevHash']);

const KIND_WORDS: Record<string, string> = {
  event: 'Inspection event',
  progress: 'Progress update',
  indicatorValue: 'Indicator value',
  evidence: 'Evidence item',
  evidenceLink: 'Evidence link',
  sef: 'Self-evaluation',
  section: 'Self-evaluation section',
  signoff: 'Sign-off',
  evidenceFile: 'File',
  infoRequest: 'Information request item',
  trackedChild: 'Tracked child',
  caseTheme: 'Case sampling theme',
  inspectorRequest: 'Inspector request',
  area: 'Settings',
};

/** Where each kind of record opens, given its row (undefined when it is no longer in the workbook). */
type Pages = { [N in ListEntityName]?: (row: RowOf<N> | undefined, id: number) => string | null };

/** Where each kind of record opens (the renderer's record-paths holds the same map for its links). */
const PAGES: Pages = {
  event: (_r, id) => `/inspections/${id}`,
  finding: (_r, id) => `/findings/${id}`,
  assessment: (r) => (r ? `/findings/${r.findingId}` : null),
  plan: (_r, id) => `/plans/${id}`,
  priority: (_r, id) => `/priorities/${id}`,
  action: (_r, id) => `/actions/${id}`,
  milestone: (r) => (r ? `/actions/${r.actionId}` : null),
  progress: (r) => (r ? `/actions/${r.actionId}` : null),
  indicator: (_r, id) => `/indicators/${id}`,
  target: (r) => (r ? `/indicators/${r.indicatorId}` : null),
  indicatorValue: (r) => (r ? `/indicators/${r.indicatorId}` : null),
  evidence: (_r, id) => `/evidence/${id}`,
  sef: (_r, id) => `/sef/${id}`,
  section: (_r, id) => `/sections/${id}`,
  signoff: (r) => (r ? `/sef/${r.sefId}` : null),
  partner: () => '/settings',
  person: () => '/settings',
  infoRequest: (r) => (r ? `/inspection-week?event=${r.eventId}` : null),
  trackedChild: (r) => (r ? `/inspection-week?event=${r.eventId}` : null),
  caseTheme: (r) => (r ? `/inspection-week?event=${r.eventId}` : null),
  inspectorRequest: (r) => (r ? `/inspection-week?event=${r.eventId}` : null),
};

export function kindWords(entity: string): string {
  if (KIND_WORDS[entity]) return KIND_WORDS[entity];
  return sentence(entity);
}

/** "leadPersonId" → "Lead person"; "onsiteStartOn" → "Onsite start on". */
function sentence(name: string): string {
  const words = name
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isEntity(name: string): name is Exclude<EntityName, 'area'> {
  return name !== 'area' && (ENTITY_NAMES as readonly string[]).includes(name);
}

export function fieldLabel(entity: string, field: string): string {
  if (isEntity(entity)) {
    const ref = ENTITIES[entity].references.find((r) => r.field === field);
    if (ref) return ref.what;
  }
  return FIELD_LABELS[field] ?? sentence(field);
}

/** An ISO instant in UK words: "22/11/2026 14:05", London time. */
export function ukDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

function plainDate(v: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  // A local time as typed in inspection week ("2026-11-24T10:30").
  m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v);
  if (m) return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v)) return ukDateTime(v);
  return null;
}

/** Labels the workbook's reference data gives codes (framework finding types, verdicts, criteria, scales, status keys). */
function referenceLabel(ctx: ServiceContext, code: string): string | null {
  for (const f of ctx.reference.frameworks) {
    if (f.id === code) return f.name;
    const hit = f.findingTypes.find((x) => x.id === code) ?? f.assessmentResults.find((x) => x.id === code) ?? f.criteria.find((x) => x.id === code);
    if (hit) return hit.label;
    const outcome = f.outcomes.find((o) => o.id === code);
    if (outcome) return outcome.label;
  }
  return ctx.reference.scales.find((x) => x.id === code)?.name ?? ctx.reference.statusKeys.find((x) => x.id === code)?.name ?? ctx.reference.planTypes.find((x) => x.id === code)?.name ?? null;
}

/** A record's page, or null when it has none or is in the Bin. */
function pageOf<N extends ListEntityName>(entity: N, row: RowOf<N> | undefined, id: number): string | null {
  if (row?.deletedAt) return null;
  const page = PAGES[entity];
  return page ? page(row, id) : null;
}

/** How a record is named before its plan is added, where the registry's label is not what History says. */
type OwnNames = { [N in ListEntityName]?: (ctx: ServiceContext, row: RowOf<N>) => string };

const OWN_NAMES: OwnNames = {
  section: (ctx, r) => `Section: ${referenceLabel(ctx, r.criterionId) ?? r.criterionId}`,
  assessment: (_ctx, r) => `Assessment of ${plainDate(r.assessedOn) ?? r.assessedOn}`,
  progress: (_ctx, r) => `Progress update of ${plainDate(r.reportedOn) ?? r.reportedOn}`,
};

function ownName<N extends ListEntityName>(ctx: ServiceContext, entity: N, row: RowOf<N>): string {
  const own = OWN_NAMES[entity];
  return own ? own(ctx, row) : ENTITIES[entity].label(row);
}

/** Rows read so far: one map per kind of record, each typed as that kind's rows. */
type RowCache = { [N in ListEntityName]: Map<number, RowOf<N>> };

const emptyCache = (): RowCache => ({ partner: new Map(), person: new Map(), event: new Map(), finding: new Map(), assessment: new Map(), plan: new Map(), priority: new Map(), action: new Map(), milestone: new Map(), progress: new Map(), indicator: new Map(), target: new Map(), indicatorValue: new Map(), evidence: new Map(), evidenceLink: new Map(), sef: new Map(), section: new Map(), evidenceFile: new Map(), infoRequest: new Map(), trackedChild: new Map(), caseTheme: new Map(), inspectorRequest: new Map(), signoff: new Map() });

/** Names records by id, each kind fetched once per call (rows in the Bin are still named). */
class Namer {
  private readonly cache = emptyCache();
  constructor(private readonly ctx: ServiceContext) {}

  row<N extends ListEntityName>(entity: N, id: number): RowOf<N> | undefined {
    const rows = this.cache[entity];
    if (!rows.has(id)) for (const [key, row] of rowsById(this.ctx, entity, [id])) rows.set(key, row);
    return rows.get(id);
  }

  /** "Action 3.2 Recruit coordinators (WSOA 2019)": actions, priorities and milestones carry their plan. */
  name(entity: string, id: number, markBin = true): string {
    if (!isEntity(entity)) return entity === 'area' ? 'Settings' : `${kindWords(entity)} ${id}`;
    const row = this.row(entity, id);
    if (!row) return `${kindWords(entity)} (no longer in the workbook)`;
    let text = ownName(this.ctx, entity, row);
    const plan = this.planOf(entity, id);
    if (plan) text = `${text} (${plan})`;
    if (row.deletedAt && markBin) text = `${text} – in the Bin`;
    return text;
  }

  /** The title of the plan a priority, action, milestone or progress update belongs to. */
  planOf(entity: ListEntityName, id: number): string | null {
    const priority = this.priorityOf(entity, id);
    const plan = priority ? this.row('plan', priority.planId) : undefined;
    return plan ? plan.title : null;
  }

  private priorityOf(entity: ListEntityName, id: number): RowOf<'priority'> | undefined {
    switch (entity) {
      case 'priority':
        return this.row('priority', id);
      case 'action': {
        const action = this.row('action', id);
        return action ? this.row('priority', action.priorityId) : undefined;
      }
      case 'milestone':
      case 'progress': {
        const owner = this.row(entity, id);
        return owner ? this.priorityOf('action', owner.actionId) : undefined;
      }
      default:
        return undefined;
    }
  }
}

/** Where a record opens in the app (settings for the area profile), or null. */
function pathOf(namer: Namer, entity: string, id: number): string | null {
  if (entity === 'area') return '/settings';
  return isEntity(entity) ? pageOf(entity, namer.row(entity, id), id) : null;
}

function referencedEntity(entity: string, field: string): EntityName | null {
  if (ID_LISTS[field]) return ID_LISTS[field];
  if (isEntity(entity)) return ENTITIES[entity].references.find((r) => r.field === field)?.entity ?? null;
  return null;
}

function parse(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** One stored value in words. */
function valueWords(ctx: ServiceContext, namer: Namer, entity: string, field: string, stored: string | null): string | null {
  if (stored === null || stored === '') return null;
  const target = referencedEntity(entity, field);
  const value = /^[[{]|^(true|false|null|-?\d+(\.\d+)?)$/.test(stored) ? parse(stored) : stored;
  if (target) {
    const ids = Array.isArray(value) ? value : [value];
    const names = ids.filter((x): x is number => typeof x === 'number').map((x) => namer.name(target, x));
    return names.length ? names.join('; ') : null;
  }
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (value === null) return null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((x) => (typeof x === 'string' ? wordCode(ctx, x) : JSON.stringify(x))).join('; ') || null;
  if (typeof value === 'object') return JSON.stringify(value);
  return wordCode(ctx, String(value));
}

/** A code ("on_track", "sufficient_progress") by its label; dates as DD/MM/YYYY; other text as it is. */
function wordCode(ctx: ServiceContext, text: string): string {
  const date = plainDate(text);
  if (date) return date;
  if (/^[a-z][a-z0-9_-]*$/.test(text)) {
    const fromEnums = codeLabel(text);
    if (fromEnums !== text) return fromEnums;
    if (WEEK_LABELS[text]) return weekLabel(text);
    const fromReference = referenceLabel(ctx, text);
    if (fromReference) return fromReference;
  }
  return text;
}

function headlineOf(operation: string, lines: number): string {
  switch (operation) {
    case 'create':
      return 'Created';
    case 'update':
      return lines === 1 ? 'Changed 1 field' : `Changed ${lines} fields`;
    case 'delete':
      return 'Moved to the Bin';
    case 'restore':
      return 'Restored from the Bin';
    case 'link':
      return 'Linked';
    case 'unlink':
      return 'Unlinked';
    default:
      return sentence(operation);
  }
}

/** The lines of one entry: a create's snapshot becomes one line per filled-in field. */
function linesOf(ctx: ServiceContext, namer: Namer, e: AuditEntry): WordedLine[] {
  if (e.operation === 'delete' || e.operation === 'restore') return [];
  if (e.field === null) {
    const snapshot = e.newValue ? parse(e.newValue) : null;
    if (snapshot && typeof snapshot === 'object' && !Array.isArray(snapshot)) {
      return Object.entries(snapshot as Record<string, unknown>)
        .filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !(k.endsWith('Id') && k === `${e.entity}Id`))
        .map(([k, v]) => ({ field: fieldLabel(e.entity, k), from: null, to: valueWords(ctx, namer, e.entity, k, typeof v === 'string' ? v : JSON.stringify(v)) }));
    }
    return [];
  }
  if (HIDDEN.has(e.field)) return [];
  return [{ field: fieldLabel(e.entity, e.field), from: valueWords(ctx, namer, e.entity, e.field, e.oldValue), to: valueWords(ctx, namer, e.entity, e.field, e.newValue) }];
}

/**
 * Audit entries (newest first, as history-service returns them) → changes in words, one per save:
 * entries made at the same moment by the same person to the same record are one change.
 */
/**
 * Names records as History does (framework words for a section, UK dates, the plan of an action),
 * for the Bin's list: one wording for a record wherever it is named. Rows in the Bin are still read.
 */
export function recordNamer(ctx: ServiceContext): (entity: string, id: number) => string {
  const namer = new Namer(ctx);
  return (entity, id) => namer.name(entity, id, false);
}

export function wordHistory(ctx: ServiceContext, entries: readonly AuditEntry[]): WordedChange[] {
  const namer = new Namer(ctx);
  const out: WordedChange[] = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    const lines = linesOf(ctx, namer, e);
    if (last && last.at === e.at && last.author === (e.author || 'Unknown') && last.entity === e.entity && last.entityId === e.entityId && last.operation === e.operation) {
      last.lines.push(...lines);
      if (e.operation === 'update') last.headline = headlineOf('update', last.lines.length);
      continue;
    }
    out.push({
      id: e.id,
      at: e.at,
      when: ukDateTime(e.at),
      author: e.author || 'Unknown',
      entity: e.entity,
      entityId: e.entityId,
      kind: kindWords(e.entity),
      operation: e.operation,
      record: namer.name(e.entity, e.entityId),
      path: pathOf(namer, e.entity, e.entityId),
      headline: headlineOf(e.operation, lines.length),
      lines,
    });
  }
  return out;
}

/** One change as a sentence, for exports that quote history in running text. */
export function changeSentence(c: WordedChange): string {
  const detail = c.lines.map((l) => (l.from === null ? `${l.field}: ${l.to ?? '(empty)'}` : `${l.field}: ${l.from} → ${l.to ?? '(empty)'}`)).join('; ');
  return `${c.when} ${c.author} – ${c.record}: ${c.headline}${detail ? ` (${detail})` : ''}.`;
}
