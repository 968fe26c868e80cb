/** Handlers for: Inspection week: timeline, requests, tracked children, pack (issue #8). */
import type { inspectionWeekChannels } from '../../../contract/groups/inspection-week';
import { caseThemeService } from '../../inspection-week/case-theme-service';
import { dailySummaryFile } from '../../inspection-week/daily-summary-docx';
import { buildPackForChannel, packProgressFor } from '../../inspection-week/evidence-pack';
import { infoRequestService } from '../../inspection-week/info-request-service';
import { inspectorRequestService } from '../../inspection-week/inspector-request-service';
import { outstandingFor } from '../../inspection-week/outstanding';
import { recordNotification, timelineFor } from '../../inspection-week/timeline-service';
import { trackedChildService } from '../../inspection-week/tracked-child-service';
import { londonDateTime } from '../../inspection-week/week-context';
import type { GroupHandlers } from '../handler-types';

export const inspectionWeekHandlers: GroupHandlers<typeof inspectionWeekChannels> = {
  'week:timeline': (ctx, input) => timelineFor(ctx, input.eventId),
  'week:notify': (ctx, input) => recordNotification(ctx, input.eventId, input.notifiedOn),
  'week:outstanding': (ctx, input) => outstandingFor(ctx, input.eventId, input.on, londonDateTime(ctx.now())),
  'week:dailySummary': (ctx, input) => dailySummaryFile(ctx, input.eventId, input.on),

  'infoRequest:seed': (ctx, input) => infoRequestService.seed(ctx, input.eventId),
  'infoRequest:list': (ctx, input) => infoRequestService.list(ctx, input.eventId),
  'infoRequest:create': (ctx, input) => infoRequestService.create(ctx, input),
  'infoRequest:update': (ctx, input) => infoRequestService.update(ctx, input),
  'infoRequest:delete': (ctx, input) => infoRequestService.delete(ctx, input.id),
  'infoRequest:link': (ctx, input) => infoRequestService.link(ctx, input.id, input.evidenceId),
  'infoRequest:unlink': (ctx, input) => infoRequestService.unlink(ctx, input.id, input.evidenceId),

  'trackedChild:list': (ctx, input) => trackedChildService.list(ctx, input.eventId),
  'trackedChild:create': (ctx, input) => trackedChildService.create(ctx, input),
  'trackedChild:update': (ctx, input) => trackedChildService.update(ctx, input),
  'trackedChild:delete': (ctx, input) => trackedChildService.delete(ctx, input.id),
  'trackedChild:link': (ctx, input) => trackedChildService.link(ctx, input.id, input.evidenceId),
  'trackedChild:unlink': (ctx, input) => trackedChildService.unlink(ctx, input.id, input.evidenceId),

  'caseTheme:list': (ctx, input) => caseThemeService.list(ctx, input.eventId),
  'caseTheme:create': (ctx, input) => caseThemeService.create(ctx, input),
  'caseTheme:update': (ctx, input) => caseThemeService.update(ctx, input),
  'caseTheme:delete': (ctx, input) => caseThemeService.delete(ctx, input.id),

  'inspectorRequest:list': (ctx, input) => inspectorRequestService.list(ctx, input.eventId),
  'inspectorRequest:create': (ctx, input) => inspectorRequestService.create(ctx, input),
  'inspectorRequest:update': (ctx, input) => inspectorRequestService.update(ctx, input),
  'inspectorRequest:answer': (ctx, input) => inspectorRequestService.answer(ctx, input),
  'inspectorRequest:delete': (ctx, input) => inspectorRequestService.delete(ctx, input.id),
  'inspectorRequest:link': (ctx, input) => inspectorRequestService.link(ctx, input.id, input.evidenceId),
  'inspectorRequest:unlink': (ctx, input) => inspectorRequestService.unlink(ctx, input.id, input.evidenceId),

  'pack:build': (ctx, input) => buildPackForChannel(ctx, input.forPublication),
  'pack:progress': (ctx) => packProgressFor(ctx),
};
