/** The timeline for an inspection event, and recording the notification call. */
import { and, eq, isNull } from 'drizzle-orm';
import { trackedChildren } from '../../../db/schema';
import { today, type ServiceContext } from '../services/context';
import { updateRow } from '../services/entity-store';
import { invalidField } from '../services/service-error';
import { loadBankHolidays } from './bank-holidays';
import { informationRequestDeadlineDays } from './information-request-items';
import { buildTimeline, expectedDates, type Timeline } from './timeline';
import { eventWithFramework } from './week-context';
import { explainNonWorkingDay } from './working-days';

export function timelineFor(ctx: ServiceContext, eventId: number, on: string = today(ctx)): Timeline {
  const { event, framework } = eventWithFramework(ctx, eventId);
  const children = ctx.db
    .select({ selectedOn: trackedChildren.selectedOn, documentsDueOn: trackedChildren.documentsDueOn })
    .from(trackedChildren)
    .where(and(eq(trackedChildren.eventId, eventId), isNull(trackedChildren.deletedAt)))
    .all();
  return buildTimeline({
    event: {
      id: event.id,
      title: event.title,
      notifiedOn: event.notifiedOn,
      fieldworkStartOn: event.fieldworkStartOn,
      onsiteStartOn: event.onsiteStartOn,
      onsiteEndOn: event.onsiteEndOn,
    },
    framework,
    holidays: loadBankHolidays(),
    today: on,
    informationRequestDays: informationRequestDeadlineDays(framework.id),
    trackedChildren: children,
  });
}

/**
 * Records the day Ofsted called and lays out fieldwork and the on-site week from it. A weekend or
 * bank holiday is refused with the reason rather than moved: the officer knows which day it was.
 */
export function recordNotification(ctx: ServiceContext, eventId: number, notifiedOn: string): Timeline {
  const { framework } = eventWithFramework(ctx, eventId);
  const holidays = loadBankHolidays();
  const why = explainNonWorkingDay(notifiedOn, holidays);
  if (why) throw invalidField('notifiedOn', `${why} Inspectors notify on working days: check the date of the call.`);
  updateRow(ctx, 'event', eventId, { notifiedOn, ...expectedDates(notifiedOn, framework.notice, holidays) });
  return timelineFor(ctx, eventId);
}
