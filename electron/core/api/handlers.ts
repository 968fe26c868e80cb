/**
 * Which service answers each channel. The type makes a missing or mistyped handler a compile
 * error, so the contract and the services cannot drift.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { workbookInfo } from '../../../db/schema';
import { appVersion } from '../../../db/app-root';
import type { coreChannels } from '../../contract/channels';
import { getArea, partnerService, personService, updateArea } from '../services/area-service';
import { evidenceService } from '../services/evidence-service';
import { binService, historyService } from '../services/history-service';
import { indicatorService, indicatorStatuses, targetService, valueService } from '../services/indicator-service';
import { assessmentService, eventService, findingService } from '../services/inspection-service';
import { actionService, milestoneService, planService, priorityService, progressService } from '../services/plan-service';
import { planIndicatorService } from '../services/plan-indicator-service';
import { coverage, overdueItems, overview } from '../services/reports-service';
import { sectionService, sefService, signoffService } from '../services/sef-service';
import { excelExportHandlers } from './groups/excel-exports';
import { fileHandlers } from './groups/files';
import { wordExportHandlers } from './groups/word-exports';
import { inspectionWeekHandlers } from './groups/inspection-week';
import { safetyHandlers } from './groups/safety';
import { workbookToolHandlers } from './groups/workbook-tools';
import { importHandlers } from './groups/imports';
import { letterHandlers } from './groups/letters';
import { planSheetHandlers } from './groups/plan-sheet';
import { overviewHandlers } from './groups/overview';
import { recordHandlers } from './groups/records';
import type { GroupHandlers, Handlers } from './handler-types';

export const coreHandlers: GroupHandlers<typeof coreChannels> = {
  'reference:get': (ctx) => ctx.reference,
  'workbook:info': (ctx) => {
    const info = ctx.db.select().from(workbookInfo).where(eq(workbookInfo.id, 1)).get();
    return {
      path: ctx.workbook.path,
      fileName: path.basename(ctx.workbook.path),
      workbookId: info?.workbookId ?? '',
      schemaVersion: ctx.workbook.schemaVersion,
      appVersion: appVersion(),
      readOnly: ctx.workbook.readOnly,
      createdAt: info?.createdAt ?? '',
      historyWarning: ctx.openingWarning ?? null,
    };
  },

  'area:get': (ctx) => getArea(ctx),
  'area:update': (ctx, input) => updateArea(ctx, input),

  'partner:create': (ctx, input) => partnerService.create(ctx, input),
  'partner:get': (ctx, input) => partnerService.get(ctx, input.id),
  'partner:list': (ctx, input) => partnerService.list(ctx, input),
  'partner:update': (ctx, input) => partnerService.update(ctx, input),
  'partner:delete': (ctx, input) => partnerService.delete(ctx, input.id),

  'person:create': (ctx, input) => personService.create(ctx, input),
  'person:get': (ctx, input) => personService.get(ctx, input.id),
  'person:list': (ctx, input) => personService.list(ctx, input),
  'person:update': (ctx, input) => personService.update(ctx, input),
  'person:delete': (ctx, input) => personService.delete(ctx, input.id),

  'event:create': (ctx, input) => eventService.create(ctx, input),
  'event:get': (ctx, input) => eventService.get(ctx, input.id),
  'event:list': (ctx, input) => eventService.list(ctx, input),
  'event:update': (ctx, input) => eventService.update(ctx, input),
  'event:delete': (ctx, input) => eventService.delete(ctx, input.id),

  'finding:create': (ctx, input) => findingService.create(ctx, input),
  'finding:get': (ctx, input) => findingService.get(ctx, input.id),
  'finding:list': (ctx, input) => findingService.list(ctx, input),
  'finding:update': (ctx, input) => findingService.update(ctx, input),
  'finding:delete': (ctx, input) => findingService.delete(ctx, input.id),

  'assessment:create': (ctx, input) => assessmentService.create(ctx, input),
  'assessment:list': (ctx, input) => assessmentService.list(ctx, input),
  'assessment:update': (ctx, input) => assessmentService.update(ctx, input),
  'assessment:delete': (ctx, input) => assessmentService.delete(ctx, input.id),

  'plan:create': (ctx, input) => planService.create(ctx, input),
  'plan:get': (ctx, input) => planService.get(ctx, input.id),
  'plan:list': (ctx, input) => planService.list(ctx, input),
  'plan:update': (ctx, input) => planService.update(ctx, input),
  'plan:delete': (ctx, input) => planService.delete(ctx, input.id),
  'plan:linkIndicator': (ctx, input) => planIndicatorService.link(ctx, input),
  'plan:unlinkIndicator': (ctx, input) => planIndicatorService.unlink(ctx, input),
  'plan:indicators': (ctx, input) => planIndicatorService.list(ctx, input),

  'priority:create': (ctx, input) => priorityService.create(ctx, input),
  'priority:get': (ctx, input) => priorityService.get(ctx, input.id),
  'priority:list': (ctx, input) => priorityService.list(ctx, input),
  'priority:update': (ctx, input) => priorityService.update(ctx, input),
  'priority:delete': (ctx, input) => priorityService.delete(ctx, input.id),

  'action:create': (ctx, input) => actionService.create(ctx, input),
  'action:get': (ctx, input) => actionService.get(ctx, input.id),
  'action:list': (ctx, input) => actionService.list(ctx, input),
  'action:update': (ctx, input) => actionService.update(ctx, input),
  'action:delete': (ctx, input) => actionService.delete(ctx, input.id),

  'milestone:create': (ctx, input) => milestoneService.create(ctx, input),
  'milestone:get': (ctx, input) => milestoneService.get(ctx, input.id),
  'milestone:list': (ctx, input) => milestoneService.list(ctx, input),
  'milestone:update': (ctx, input) => milestoneService.update(ctx, input),
  'milestone:delete': (ctx, input) => milestoneService.delete(ctx, input.id),

  'progress:create': (ctx, input) => progressService.create(ctx, input),
  'progress:list': (ctx, input) => progressService.list(ctx, input),
  'progress:delete': (ctx, input) => progressService.delete(ctx, input.id),

  'indicator:create': (ctx, input) => indicatorService.create(ctx, input),
  'indicator:get': (ctx, input) => indicatorService.get(ctx, input.id),
  'indicator:list': (ctx, input) => indicatorService.list(ctx, input),
  'indicator:update': (ctx, input) => indicatorService.update(ctx, input),
  'indicator:delete': (ctx, input) => indicatorService.delete(ctx, input.id),
  'indicator:status': (ctx, input) => indicatorStatuses(ctx, input),

  'target:create': (ctx, input) => targetService.create(ctx, input),
  'target:list': (ctx, input) => targetService.list(ctx, input.indicatorId),
  'target:update': (ctx, input) => targetService.update(ctx, input),
  'target:delete': (ctx, input) => targetService.delete(ctx, input.id),

  'value:set': (ctx, input) => valueService.set(ctx, input),
  'value:list': (ctx, input) => valueService.list(ctx, input),
  'value:delete': (ctx, input) => valueService.delete(ctx, input.id),

  'evidence:create': (ctx, input) => evidenceService.create(ctx, input),
  'evidence:get': (ctx, input) => evidenceService.get(ctx, input.id),
  'evidence:list': (ctx, input) => evidenceService.list(ctx, input),
  'evidence:update': (ctx, input) => evidenceService.update(ctx, input),
  'evidence:delete': (ctx, input) => evidenceService.delete(ctx, input.id),
  'evidence:link': (ctx, input) => evidenceService.link(ctx, input),
  'evidence:unlink': (ctx, input) => evidenceService.unlink(ctx, input),
  'evidence:links': (ctx, input) => evidenceService.links(ctx, input),

  'sef:create': (ctx, input) => sefService.create(ctx, input),
  'sef:get': (ctx, input) => sefService.get(ctx, input.id),
  'sef:list': (ctx, input) => sefService.list(ctx, input),
  'sef:update': (ctx, input) => sefService.update(ctx, input),
  'sef:delete': (ctx, input) => sefService.delete(ctx, input.id),
  'sef:compare': (ctx, input) => sefService.compare(ctx, input),

  'section:create': (ctx, input) => sectionService.create(ctx, input),
  'section:get': (ctx, input) => sectionService.get(ctx, input.id),
  'section:list': (ctx, input) => sectionService.list(ctx, input.sefId),
  'section:update': (ctx, input) => sectionService.update(ctx, input),
  'section:delete': (ctx, input) => sectionService.delete(ctx, input.id),
  'section:linkAction': (ctx, input) => sectionService.linkAction(ctx, input),
  'section:unlinkAction': (ctx, input) => sectionService.unlinkAction(ctx, input),

  'signoff:create': (ctx, input) => signoffService.create(ctx, input),
  'signoff:list': (ctx, input) => signoffService.list(ctx, input.sefId),
  'signoff:update': (ctx, input) => signoffService.update(ctx, input),
  'signoff:delete': (ctx, input) => signoffService.delete(ctx, input.id),

  'history:get': (ctx, input) => historyService.get(ctx, input),
  'history:recent': (ctx, input) => historyService.recent(ctx, input),
  'bin:list': (ctx, input) => binService.list(ctx, input),
  'bin:restore': (ctx, input) => binService.restore(ctx, input),

  'overview:get': (ctx, input) => overview(ctx, input),
  'report:overdue': (ctx, input) => overdueItems(ctx, input),
  'report:coverage': (ctx, input) => coverage(ctx, input),
};

export const handlers: Handlers = {
  ...coreHandlers,
  ...wordExportHandlers,
  ...excelExportHandlers,
  ...fileHandlers,
  ...safetyHandlers,
  ...inspectionWeekHandlers,
  ...recordHandlers,
  ...workbookToolHandlers,
  ...importHandlers,
  ...letterHandlers,
  ...planSheetHandlers,
  ...overviewHandlers,
};
