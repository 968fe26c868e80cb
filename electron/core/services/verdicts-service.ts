/**
 * Verdicts for every finding an event judged, saved in one go (issue #15: a revisit's verdicts took
 * ~9 actions per weakness). A finding that already has a verdict from this event has it corrected;
 * otherwise one is added. Dispatch runs the whole save in one transaction, so a refused row leaves
 * nothing half-saved; each row goes through the same service (and rules) as a single verdict.
 */
import type { z } from 'zod';
import type { verdictsSave } from '../../contract/groups/records';
import type { ServiceContext } from './context';
import { getLive } from './entity-store';
import { assessmentService } from './inspection-service';
import { ServiceError } from './service-error';

export function saveVerdicts(ctx: ServiceContext, input: z.output<typeof verdictsSave>) {
  getLive(ctx, 'event', input.eventId);
  let created = 0;
  let updated = 0;
  const assessments = input.verdicts.map((row, i) => {
    try {
      const existing = assessmentService
        .list(ctx, { findingId: row.findingId, offset: 0, limit: 500 })
        .items.filter((a) => a.eventId === input.eventId)
        .at(-1);
      if (existing) {
        updated++;
        return assessmentService.update(ctx, { id: existing.id, result: row.result, commentary: row.commentary, assessedOn: input.assessedOn });
      }
      created++;
      return assessmentService.create(ctx, { findingId: row.findingId, eventId: input.eventId, result: row.result, commentary: row.commentary, assessedOn: input.assessedOn });
    } catch (e) {
      // Say which row: the table shows the message beside that finding's verdict.
      if (e instanceof ServiceError) {
        const issues = (e.issues ?? [{ path: 'findingId', message: e.message }]).map((x) => ({ path: `verdicts.${i}.${x.path}`, message: x.message }));
        throw new ServiceError(e.code === 'not_found' ? 'invalid_input' : e.code, e.message, issues);
      }
      throw e;
    }
  });
  return { created, updated, assessments };
}
