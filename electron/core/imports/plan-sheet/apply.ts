/**
 * Writes a previewed plan spreadsheet: the plan (or the chosen existing one), partners, people,
 * priorities, actions, milestones and one progress update per action that had a RAG or a note,
 * each through the same service and the same zod schema as the app's own forms, so each is
 * checked and audited as if typed in. Runs inside dispatch's one transaction: any refusal
 * undoes the lot.
 */
import type { z } from 'zod';
import type { PartnerKind } from '../../../contract/enums';
import type { planSheetPreviewInput, PlanSheetApplied } from '../../../contract/groups/plan-sheet';
import { partnerCreate, personCreate } from '../../../contract/schemas/area';
import { actionCreate, milestoneCreate, planCreate, priorityCreate, progressCreate } from '../../../contract/schemas/plan';
import { partnerService, personService } from '../../services/area-service';
import { today, type ServiceContext } from '../../services/context';
import { actionService, milestoneService, planService, priorityService, progressService } from '../../services/plan-service';
import type { Built, Lookups } from './build-preview';
import { nameKey } from './parse-values';

type Input = z.output<typeof planSheetPreviewInput>;

/** The kind of a partner named in a plan, from its name; "other" when nothing in it says. */
export function partnerKindOf(name: string): PartnerKind {
  if (/\b(icb|ccg|nhs|health|trust|camhs|hospital|clinical)\b/i.test(name)) return 'health';
  if (/\b(parent carer|parent-carer|pcf|parents? forum|carers forum)\b/i.test(name)) return 'parent_carer_forum';
  if (/\b(social care|social work|children'?s social)\b/i.test(name)) return 'social_care';
  if (/\b(school|college|academy|education|nursery|early years|send(co)?s?\b)/i.test(name)) return 'education';
  if (/\b(council|local authority|borough|county|city of)\b|^[A-Z]{2,4}C$/i.test(name)) return 'council';
  return 'other';
}

export function applyBuilt(ctx: ServiceContext, input: Input, built: Built, lookups: Lookups): Omit<PlanSheetApplied, 'mappingRemembered' | 'rowsSkipped'> {
  const { preview } = built;
  const source = `Added by the plan spreadsheet import from “${preview.fileName}”.`;
  let planId: number;
  let planTitle: string;
  let planCreated = false;
  if ('newPlan' in input.target) {
    const plan = planService.create(ctx, planCreate.parse({ ...input.target.newPlan }));
    planId = plan.id;
    planTitle = plan.title;
    planCreated = true;
  } else {
    const plan = planService.get(ctx, input.target.planId);
    planId = plan.id;
    planTitle = plan.title;
  }

  const partners = new Map(lookups.partners);
  for (const name of built.newPartners) {
    const row = partnerService.create(ctx, partnerCreate.parse({ name, kind: partnerKindOf(name), notes: source }));
    partners.set(nameKey(name), row.id);
  }
  const people = new Map(lookups.people);
  for (const p of built.newPeople) {
    const row = personService.create(ctx, personCreate.parse({ name: p.name, role: p.role }));
    people.set(nameKey(p.name), row.id);
  }
  const personId = (name: string | null) => (name ? (people.get(nameKey(name)) ?? null) : null);

  const reportedOn = input.reportedOn ?? today(ctx);
  let prioritiesCreated = 0;
  let actionsCreated = 0;
  let milestonesCreated = 0;
  let progressUpdatesCreated = 0;
  for (const p of preview.priorities) {
    let priorityId = p.existingPriorityId;
    if (priorityId === null) {
      priorityId = priorityService.create(ctx, priorityCreate.parse({ planId, reference: p.reference, title: p.title })).id;
      prioritiesCreated++;
    }
    for (const a of p.actions) {
      const action = actionService.create(
        ctx,
        actionCreate.parse({
          priorityId,
          reference: a.reference,
          what: a.what,
          how: a.how,
          leadPersonId: personId(a.lead),
          sroPersonId: personId(a.sro),
          partnerId: a.partner ? (partners.get(nameKey(a.partner)) ?? null) : null,
          startsOn: a.startsOn,
          dueOn: a.dueOn,
          revisedDueOn: a.revisedDueOn,
          revisedDueReason: a.revisedDueReason,
          status: a.status,
          successMeasures: a.successMeasures,
          referencesText: a.references,
        }),
      );
      actionsCreated++;
      for (const m of a.milestones) {
        milestoneService.create(ctx, milestoneCreate.parse({ actionId: action.id, title: m.title, dueOn: m.dueOn, status: m.status }));
        milestonesCreated++;
      }
      if (a.progressUpdate) {
        progressService.create(
          ctx,
          progressCreate.parse({ actionId: action.id, reportedOn, status: a.status, rag: a.rag, highlights: a.progressNote }),
          `Imported from ${preview.fileName}`,
        );
        progressUpdatesCreated++;
      }
    }
  }
  return {
    planId,
    planTitle,
    planCreated,
    prioritiesCreated,
    actionsCreated,
    milestonesCreated,
    progressUpdatesCreated,
    peopleCreated: built.newPeople.length,
    partnersCreated: built.newPartners.length,
  };
}
