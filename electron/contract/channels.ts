/**
 * The contract: every channel the app offers, declared once. Names are `domain:verb` literals.
 * The preload allowlist, IPC registration, HTTP adapter and renderer client derive from this.
 */
import { z } from 'zod';
import { command, query, type ChannelDef } from './define';
import { byId, page } from './fields';
import { excelExportChannels } from './groups/excel-exports';
import { fileChannels } from './groups/files';
import { wordExportChannels } from './groups/word-exports';
import { inspectionWeekChannels } from './groups/inspection-week';
import { safetyChannels } from './groups/safety';
import { workbookToolChannels } from './groups/workbook-tools';
import { importChannels } from './groups/imports';
import { letterChannels } from './groups/letters';
import { planSheetChannels } from './groups/plan-sheet';
import { overviewChannels } from './groups/overview';
import { recordChannels } from './groups/records';
import { referenceDataSchema } from './reference';
import * as area from './schemas/area';
import * as evidence from './schemas/evidence';
import * as history from './schemas/history';
import * as indicator from './schemas/indicator';
import * as inspection from './schemas/inspection';
import * as plan from './schemas/plan';
import * as reports from './schemas/reports';
import * as sef from './schemas/sef';

const none = z.strictObject({});
const ok = z.object({ ok: z.literal(true) });

export const workbookInfo = z.object({
  path: z.string(),
  fileName: z.string(),
  workbookId: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  readOnly: z.boolean(),
  createdAt: z.string(),
  /** Set when opening found this workbook's history shorter than, or different from, what this computer last saw. */
  historyWarning: z.string().nullable(),
});

/** The core workbook channels (issue #2). Feature groups live in ./groups/. */
export const coreChannels = {
  'reference:get': query(none, referenceDataSchema),
  'workbook:info': query(none, workbookInfo),

  'area:get': query(none, area.areaProfile),
  'area:update': command(area.areaProfileUpdate, area.areaProfile),

  'partner:create': command(area.partnerCreate, area.partner),
  'partner:get': query(byId('Partner'), area.partner),
  'partner:list': query(area.partnerList, page(area.partner)),
  'partner:update': command(area.partnerUpdate, area.partner),
  'partner:delete': command(byId('Partner'), history.deleted),

  'person:create': command(area.personCreate, area.person),
  'person:get': query(byId('Person'), area.person),
  'person:list': query(area.personList, page(area.person)),
  'person:update': command(area.personUpdate, area.person),
  'person:delete': command(byId('Person'), history.deleted),

  'event:create': command(inspection.eventCreate, inspection.inspectionEvent),
  'event:get': query(byId('Inspection event'), inspection.inspectionEvent),
  'event:list': query(inspection.eventList, page(inspection.inspectionEvent)),
  'event:update': command(inspection.eventUpdate, inspection.inspectionEvent),
  'event:delete': command(byId('Inspection event'), history.deleted),

  'finding:create': command(inspection.findingCreate, inspection.finding),
  'finding:get': query(byId('Finding'), inspection.finding),
  'finding:list': query(inspection.findingList, page(inspection.finding)),
  'finding:update': command(inspection.findingUpdate, inspection.finding),
  'finding:delete': command(byId('Finding'), history.deleted),

  'assessment:create': command(inspection.assessmentCreate, inspection.assessment),
  'assessment:list': query(inspection.assessmentList, page(inspection.assessment)),
  'assessment:update': command(inspection.assessmentUpdate, inspection.assessment),
  'assessment:delete': command(byId('Assessment'), history.deleted),

  'plan:create': command(plan.planCreate, plan.plan),
  'plan:get': query(byId('Plan'), plan.plan),
  'plan:list': query(plan.planList, page(plan.plan)),
  'plan:update': command(plan.planUpdate, plan.plan),
  'plan:delete': command(byId('Plan'), history.deleted),
  'plan:linkIndicator': command(plan.planIndicatorLink, plan.planIndicator),
  'plan:unlinkIndicator': command(plan.planIndicatorLink, ok),
  'plan:indicators': query(plan.planIndicatorsQuery, z.array(plan.planIndicator)),

  'priority:create': command(plan.priorityCreate, plan.priority),
  'priority:get': query(byId('Priority'), plan.priority),
  'priority:list': query(plan.priorityList, page(plan.priority)),
  'priority:update': command(plan.priorityUpdate, plan.priority),
  'priority:delete': command(byId('Priority'), history.deleted),

  'action:create': command(plan.actionCreate, plan.action),
  'action:get': query(byId('Action'), plan.action),
  'action:list': query(plan.actionList, page(plan.action)),
  'action:update': command(plan.actionUpdate, plan.action),
  'action:delete': command(byId('Action'), history.deleted),

  'milestone:create': command(plan.milestoneCreate, plan.milestone),
  'milestone:get': query(byId('Milestone'), plan.milestone),
  'milestone:list': query(plan.milestoneList, page(plan.milestone)),
  'milestone:update': command(plan.milestoneUpdate, plan.milestone),
  'milestone:delete': command(byId('Milestone'), history.deleted),

  // Progress updates are append-only: no update channel. A mistaken one can go to the bin.
  'progress:create': command(plan.progressCreate, plan.progressUpdate),
  'progress:list': query(plan.progressList, page(plan.progressUpdate)),
  'progress:delete': command(byId('Progress update'), history.deleted),

  'indicator:create': command(indicator.indicatorCreate, indicator.indicator),
  'indicator:get': query(byId('Indicator'), indicator.indicator),
  'indicator:list': query(indicator.indicatorList, page(indicator.indicator)),
  'indicator:update': command(indicator.indicatorUpdate, indicator.indicator),
  'indicator:delete': command(byId('Indicator'), history.deleted),
  'indicator:status': query(reports.indicatorStatusInput, z.array(reports.indicatorStatus)),

  'target:create': command(indicator.targetCreate, indicator.target),
  'target:list': query(z.strictObject({ indicatorId: indicator.valueList.shape.indicatorId }), z.array(indicator.target)),
  'target:update': command(indicator.targetUpdate, indicator.target),
  'target:delete': command(byId('Target'), history.deleted),

  'value:set': command(indicator.valueSet, indicator.indicatorValue),
  'value:list': query(indicator.valueList, page(indicator.indicatorValue)),
  'value:delete': command(byId('Value'), history.deleted),

  'evidence:create': command(evidence.evidenceCreate, evidence.evidenceItem),
  'evidence:get': query(byId('Evidence item'), evidence.evidenceItem),
  'evidence:list': query(evidence.evidenceList, page(evidence.evidenceItem)),
  'evidence:update': command(evidence.evidenceUpdate, evidence.evidenceItem),
  'evidence:delete': command(byId('Evidence item'), history.deleted),
  'evidence:link': command(evidence.evidenceLinkCreate, evidence.evidenceLink),
  'evidence:unlink': command(evidence.evidenceUnlink, ok),
  'evidence:links': query(evidence.evidenceLinksQuery, z.array(evidence.evidenceLink)),

  'sef:create': command(sef.sefCreate, sef.sef),
  'sef:get': query(byId('Self-evaluation'), sef.sef),
  'sef:list': query(sef.sefList, page(sef.sef)),
  'sef:update': command(sef.sefUpdate, sef.sef),
  'sef:delete': command(byId('Self-evaluation'), history.deleted),
  'sef:compare': query(sef.sefCompareInput, sef.sefComparison),

  'section:create': command(sef.sectionCreate, sef.section),
  'section:get': query(byId('Section'), sef.section),
  'section:list': query(sef.sectionList, z.array(sef.section)),
  'section:update': command(sef.sectionUpdate, sef.section),
  'section:delete': command(byId('Section'), history.deleted),
  'section:linkAction': command(sef.sectionAction, sef.section),
  'section:unlinkAction': command(sef.sectionAction, sef.section),

  'signoff:create': command(sef.signoffCreate, sef.signoff),
  'signoff:list': query(z.strictObject({ sefId: sef.sectionList.shape.sefId }), z.array(sef.signoff)),
  'signoff:update': command(sef.signoffUpdate, sef.signoff),
  'signoff:delete': command(byId('Sign-off'), history.deleted),

  'history:get': query(history.historyQuery, page(history.auditEntry)),
  'history:recent': query(history.recentQuery, page(history.auditEntry)),
  'bin:list': query(history.binList, page(history.binEntry)),
  'bin:restore': command(history.binRestore, history.restored),

  'overview:get': query(reports.overviewInput, reports.overview),
  'report:overdue': query(reports.overdueInput, z.array(reports.overdueItem)),
  'report:coverage': query(reports.coverageInput, z.array(reports.coverageRow)),
} as const satisfies Record<string, ChannelDef>;

export const contract = {
  ...coreChannels,
  ...wordExportChannels,
  ...excelExportChannels,
  ...fileChannels,
  ...safetyChannels,
  ...inspectionWeekChannels,
  ...recordChannels,
  ...workbookToolChannels,
  ...importChannels,
  ...letterChannels,
  ...planSheetChannels,
  ...overviewChannels,
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const channelNames = Object.freeze(Object.keys(contract) as ChannelName[]);

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
