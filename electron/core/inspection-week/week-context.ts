/** Shared look-ups for the inspection-week services: the event, its framework, the clock. */
import type { Framework } from '../../contract/reference';
import { findFramework } from '../reference/load-reference';
import type { ServiceContext } from '../services/context';
import { getLive } from '../services/entity-store';
import type { RowOf } from '../services/entity-registry';
import { invalidField } from '../services/service-error';

export function eventWithFramework(ctx: ServiceContext, eventId: number): { event: RowOf<'event'>; framework: Framework } {
  const event = getLive(ctx, 'event', eventId);
  const framework = findFramework(ctx.reference, event.frameworkId);
  if (!framework) throw invalidField('eventId', 'This inspection event uses a framework the app no longer knows. Choose a framework for it first.');
  return { event, framework };
}

/** "2026-11-24T10:30" in England's local time. */
export function londonDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** "24/11/2026 10:30" from "2026-11-24T10:30". */
export function ukDateTime(local: string | null | undefined): string {
  if (!local) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(local);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}` : local;
}
