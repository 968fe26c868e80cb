/**
 * The inspection timeline in working days from the notification call: the information request
 * deadline, tracking documents, fieldwork, the on-site week and final feedback; where today sits
 * in it, and what is due next. Pure: everything it needs is passed in (clock included).
 */
import type { z } from 'zod';
import type { timeline as timelineSchema, timelineEntry } from '../../contract/groups/inspection-week';
import type { Framework } from '../../contract/reference';
import { ukDate } from '../../contract/format';
import type { BankHolidays } from './bank-holidays';
import { addWorkingDays, coverageWarning, dayName, explainNonWorkingDay, isWorkingDay, workingDaysBetween } from './working-days';

export type Timeline = z.output<typeof timelineSchema>;
export type TimelineEntry = z.output<typeof timelineEntry>;

export interface TimelineEvent {
  id: number;
  title: string;
  notifiedOn: string | null;
  fieldworkStartOn: string | null;
  onsiteStartOn: string | null;
  onsiteEndOn: string | null;
}

export interface TimelineInput {
  event: TimelineEvent;
  framework: Pick<Framework, 'name' | 'shortName' | 'notice'>;
  holidays: BankHolidays;
  today: string;
  informationRequestDays: number;
  /** Tracked children's selection and documents-due dates. */
  trackedChildren: { selectedOn: string | null; documentsDueOn: string | null }[];
}

/** The dates the framework's notice periods give for a notification date. */
export function expectedDates(notifiedOn: string, notice: Framework['notice'], holidays: BankHolidays) {
  const onsiteStartOn = addWorkingDays(notifiedOn, notice.onsiteWorkingDays, holidays);
  return {
    fieldworkStartOn: addWorkingDays(notifiedOn, notice.fieldworkWorkingDays, holidays),
    onsiteStartOn,
    onsiteEndOn: addWorkingDays(onsiteStartOn, notice.onsiteWorkingDaysLength - 1, holidays),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function buildTimeline(input: TimelineInput): Timeline {
  const { event, framework, holidays, today } = input;
  const base = { eventId: event.id, eventTitle: event.title, frameworkName: framework.name, notifiedOn: event.notifiedOn, today };
  const notified = event.notifiedOn;
  if (!notified) {
    return { ...base, entries: [], position: 'Enter the date Ofsted called to lay out the inspection timeline.', next: null, warnings: [] };
  }
  const warnings: string[] = [];
  const coverage = coverageWarning(notified, holidays);
  if (coverage) warnings.push(coverage);
  const expected = expectedDates(notified, framework.notice, holidays);
  const chosen = (stored: string | null, usual: string, what: string): string => {
    if (stored && stored !== usual) {
      warnings.push(`The ${what} recorded (${ukDate(stored)}) differs from the usual timetable (${ukDate(usual)}): the date recorded is used.`);
    }
    const date = stored ?? usual;
    const explained = explainNonWorkingDay(date, holidays);
    if (explained) warnings.push(`The ${what}: ${explained}`);
    return date;
  };
  const fieldwork = chosen(event.fieldworkStartOn, expected.fieldworkStartOn, 'fieldwork start');
  const onsiteStart = chosen(event.onsiteStartOn, expected.onsiteStartOn, 'first day on site');
  const onsiteEnd = chosen(event.onsiteEndOn, expected.onsiteEndOn, 'last day on site');
  const infoDue = addWorkingDays(notified, input.informationRequestDays, holidays);

  type Draft = Omit<TimelineEntry, 'state' | 'workingDay'>;
  const drafts: Draft[] = [
    { key: 'notified', label: 'Notification call', date: notified, note: `${dayName(notified)}: working day 0.` },
    {
      key: 'information_request_due',
      label: 'Information request due',
      date: infoDue,
      note: `Usually ${plural(input.informationRequestDays, 'working day')} after notification; the notification letter gives the exact deadline.`,
    },
  ];
  const trackingDays = framework.notice.trackingDocumentsWorkingDays;
  if (trackingDays != null) {
    const due = input.trackedChildren
      .map((c) => c.documentsDueOn)
      .filter((d): d is string => !!d)
      .sort();
    const upcoming = due.find((d) => d >= today) ?? due[due.length - 1] ?? null;
    drafts.push({
      key: 'tracking_documents_due',
      label: 'Tracking documents due',
      date: upcoming,
      note: upcoming
        ? `${plural(trackingDays, 'working day')} after inspectors chose the children (${plural(input.trackedChildren.length, 'child')} tracked).`
        : `${plural(trackingDays, 'working day')} after inspectors choose the children to track: add them under Tracked children.`,
    });
  }
  drafts.push(
    {
      key: 'fieldwork_start',
      label: 'Fieldwork starts',
      date: fieldwork,
      note: `${plural(framework.notice.fieldworkWorkingDays, 'working day')} after notification under the ${framework.shortName}.`,
    },
    {
      key: 'onsite_start',
      label: 'Inspectors on site',
      date: onsiteStart,
      note: `${plural(framework.notice.onsiteWorkingDays, 'working day')} after notification.`,
    },
    { key: 'onsite_end', label: 'Last day on site', date: onsiteEnd, note: `The on-site week lasts ${plural(framework.notice.onsiteWorkingDaysLength, 'working day')}.` },
    { key: 'final_feedback', label: 'Final feedback', date: onsiteEnd, note: 'Usually given at the end of the last day on site.' },
  );

  const order = (d: Draft) => d.date ?? '9999-12-31';
  const sorted = drafts.map((d, i) => ({ d, i })).sort((a, b) => order(a.d).localeCompare(order(b.d)) || a.i - b.i);
  let nextFound = false;
  const entries: TimelineEntry[] = sorted.map(({ d }) => {
    let state: TimelineEntry['state'];
    if (!d.date) state = 'undated';
    else if (d.date < today) state = 'past';
    else if (d.date === today) state = 'today';
    else if (!nextFound) {
      state = 'next';
      nextFound = true;
    } else state = 'later';
    return { ...d, workingDay: d.date ? workingDaysBetween(notified, d.date, holidays) : null, state };
  });
  const next = entries.find((e) => e.state === 'today') ?? entries.find((e) => e.state === 'next') ?? null;
  return { ...base, entries, position: positionText(today, notified, onsiteStart, onsiteEnd, holidays), next, warnings };
}

function positionText(today: string, notified: string, onsiteStart: string, onsiteEnd: string, holidays: BankHolidays): string {
  const notWorking = isWorkingDay(today, holidays) ? '' : ` Today (${ukDate(today)}) is not a working day.`;
  if (today < notified) return `Notification is recorded for ${ukDate(notified)}, which is still to come.`;
  if (today < onsiteStart) {
    const elapsed = workingDaysBetween(notified, today, holidays);
    const left = workingDaysBetween(today, onsiteStart, holidays);
    return `Working day ${elapsed} since notification: ${plural(left, 'working day')} until inspectors are on site on ${ukDate(onsiteStart)}.${notWorking}`;
  }
  if (today <= onsiteEnd) {
    const day = workingDaysBetween(onsiteStart, today, holidays) + 1;
    const length = workingDaysBetween(onsiteStart, onsiteEnd, holidays) + 1;
    return `Inspectors are on site: day ${day} of ${length}.${notWorking}`;
  }
  return `The on-site week ended on ${ukDate(onsiteEnd)}. Next: the report, then the plan it asks for.`;
}
