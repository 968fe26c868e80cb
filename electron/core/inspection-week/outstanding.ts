/**
 * The daily "outstanding" view: what inspectors are still waiting for on a given day — their
 * requests, information request items and tracking documents — most urgent first.
 */
import type { z } from 'zod';
import type * as s from '../../contract/groups/inspection-week';
import { today, type ServiceContext } from '../services/context';
import { caseThemeService } from './case-theme-service';
import { infoRequestService } from './info-request-service';
import { inspectorRequestService } from './inspector-request-service';
import { timelineFor } from './timeline-service';
import { trackedChildService } from './tracked-child-service';
import { eventWithFramework } from './week-context';

export type Outstanding = z.output<typeof s.outstanding>;
type Urgency = (typeof s.URGENCIES)[number];

const RANK: Record<Urgency, number> = { overdue: 0, due_today: 1, due_later: 2, no_due_date: 3 };

function urgencyOf(due: string | null, on: string, nowTime?: string): Urgency {
  if (!due) return 'no_due_date';
  const day = due.slice(0, 10);
  if (day < on) return 'overdue';
  if (day > on) return 'due_later';
  // A request due at 10:00 today is overdue by 11:00 when looking at today.
  if (nowTime && due.length > 10 && due < nowTime) return 'overdue';
  return 'due_today';
}

function byUrgency<T extends { urgency: Urgency }>(due: (t: T) => string | null) {
  return (a: T, b: T) => RANK[a.urgency] - RANK[b.urgency] || (due(a) ?? '9999').localeCompare(due(b) ?? '9999');
}

export function outstandingFor(ctx: ServiceContext, eventId: number, on: string = today(ctx), nowLocal?: string): Outstanding {
  const { event } = eventWithFramework(ctx, eventId);
  const isToday = on === today(ctx);
  const nowTime = isToday ? nowLocal : undefined;
  const timeline = timelineFor(ctx, eventId, on);

  const all = inspectorRequestService.list(ctx, eventId);
  const open = all.filter((r) => r.status === 'open' || r.status === 'in_progress');
  const requests = open.map((r) => ({ ...r, urgency: urgencyOf(r.dueAt, on, nowTime) })).sort(byUrgency((r) => r.dueAt));
  const answeredToday = all.filter((r) => r.status === 'answered' && r.answeredAt?.slice(0, 10) === on);

  const infoRequests = infoRequestService
    .list(ctx, eventId)
    .filter((i) => i.status === 'not_started' || i.status === 'in_progress')
    .map((i) => ({ ...i, urgency: urgencyOf(i.dueOn, on) }))
    .sort(byUrgency((i) => i.dueOn));

  // Tracking documents are outstanding until evidence is linked to the child.
  const trackedChildren = trackedChildService
    .list(ctx, eventId)
    .filter((c) => c.evidence.length === 0)
    .map((c) => ({ ...c, urgency: urgencyOf(c.documentsDueOn, on) }))
    .sort(byUrgency((c) => c.documentsDueOn));

  const caseThemes = caseThemeService.list(ctx, eventId).filter((t) => t.samplesSupplied < t.samplesRequested);

  return {
    eventId,
    eventTitle: event.title,
    on,
    position: timeline.position,
    next: timeline.next,
    requests,
    answeredToday,
    infoRequests,
    trackedChildren,
    caseThemes,
    counts: {
      requestsOutstanding: requests.length,
      requestsOverdue: requests.filter((r) => r.urgency === 'overdue').length,
      answeredToday: answeredToday.length,
      infoOutstanding: infoRequests.length,
    },
  };
}
