/**
 * How an evidence link names the item it points at (issue #15: "Section needs_identified", and
 * "Action 3.2" with no plan when 3.2 exists in two plans). Actions, priorities and milestones carry
 * their plan through the one `inPlan` wording; a self-evaluation section is named by its framework's
 * own words for the criterion, with the self-evaluation it belongs to.
 */
import { inPlan } from '../../contract/format';
import type { LinkTarget } from '../../contract/enums';
import { findFramework } from '../reference/load-reference';
import type { ServiceContext } from './context';
import { rowsById } from './entity-store';
import { ENTITIES, type RowOf } from './entity-registry';

/** A record of the plan's tree named on its own, with the priority it hangs from (its own id for a priority). */
interface InPlan {
  id: number;
  name: string;
  priorityId: number | undefined;
}

/** Each name followed by its plan's title, the plans read once. */
function withPlans(ctx: ServiceContext, named: InPlan[], priorities: Map<number, RowOf<'priority'>>): Map<number, string> {
  const plans = rowsById(ctx, 'plan', [...priorities.values()].map((p) => p.planId));
  const labels = new Map<number, string>();
  for (const n of named) {
    const priority = n.priorityId === undefined ? undefined : priorities.get(n.priorityId);
    const plan = priority ? plans.get(priority.planId) : undefined;
    labels.set(n.id, inPlan(n.name, plan ? plan.title : null));
  }
  return labels;
}

/** Labels for the records of one kind of link target, keyed by id; each parent kind read once. */
export function linkTargetLabels(ctx: ServiceContext, type: LinkTarget, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  switch (type) {
    case 'priority': {
      const priorities = rowsById(ctx, 'priority', ids);
      const named = [...priorities.values()].map((p) => ({ id: p.id, name: ENTITIES.priority.label(p), priorityId: p.id }));
      return withPlans(ctx, named, priorities);
    }
    case 'action': {
      const actions = [...rowsById(ctx, 'action', ids).values()];
      const named = actions.map((a) => ({ id: a.id, name: ENTITIES.action.label(a), priorityId: a.priorityId }));
      return withPlans(ctx, named, rowsById(ctx, 'priority', actions.map((a) => a.priorityId)));
    }
    case 'milestone': {
      const milestones = [...rowsById(ctx, 'milestone', ids).values()];
      const actions = rowsById(ctx, 'action', milestones.map((m) => m.actionId));
      const named = milestones.map((m) => {
        const action = actions.get(m.actionId);
        const own = ENTITIES.milestone.label(m);
        return { id: m.id, name: action ? `${own} (action ${action.reference})` : own, priorityId: action?.priorityId };
      });
      return withPlans(ctx, named, rowsById(ctx, 'priority', [...actions.values()].map((a) => a.priorityId)));
    }
    case 'sefSection': {
      const sections = [...rowsById(ctx, 'section', ids).values()];
      const sefs = rowsById(ctx, 'sef', sections.map((s) => s.sefId));
      const labels = new Map<number, string>();
      for (const s of sections) {
        const sef = sefs.get(s.sefId);
        const criterion = sef ? findFramework(ctx.reference, sef.frameworkId)?.criteria.find((c) => c.id === s.criterionId) : undefined;
        const name = criterion?.label ?? s.criterionId;
        labels.set(s.id, sef ? `${name} (${sef.title})` : name);
      }
      return labels;
    }
    case 'finding':
      return new Map([...rowsById(ctx, 'finding', ids).values()].map((f) => [f.id, ENTITIES.finding.label(f)]));
    case 'indicator':
      return new Map([...rowsById(ctx, 'indicator', ids).values()].map((i) => [i.id, ENTITIES.indicator.label(i)]));
  }
}
