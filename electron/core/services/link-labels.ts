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
import { ENTITIES, type Row } from './entity-registry';

const ENTITY_OF: Record<LinkTarget, keyof typeof ENTITIES> = {
  finding: 'finding',
  priority: 'priority',
  action: 'action',
  milestone: 'milestone',
  indicator: 'indicator',
  sefSection: 'section',
};

/** Labels for the rows of one kind of link target, keyed by id; each parent kind read once. */
export function linkTargetLabels(ctx: ServiceContext, type: LinkTarget, rows: Row[]): Map<number, string> {
  const labels = new Map<number, string>();
  if (rows.length === 0) return labels;
  const own = (r: Row) => ENTITIES[ENTITY_OF[type]].label(r);
  if (type === 'priority' || type === 'action' || type === 'milestone') {
    const actions = type === 'milestone' ? rowsById(ctx, 'action', rows.map((r) => r.actionId as number)) : new Map<number, Row>();
    const priorityIdOf = (r: Row): number | undefined =>
      type === 'priority' ? r.id : type === 'action' ? (r.priorityId as number) : (actions.get(r.actionId as number)?.priorityId as number | undefined);
    const priorities = type === 'priority' ? new Map(rows.map((r) => [r.id, r])) : rowsById(ctx, 'priority', rows.map(priorityIdOf).filter((x): x is number => x !== undefined));
    const plans = rowsById(ctx, 'plan', [...priorities.values()].map((p) => p.planId as number));
    for (const r of rows) {
      const priority = priorities.get(priorityIdOf(r) ?? -1);
      const plan = priority ? plans.get(priority.planId as number) : undefined;
      const action = actions.get(r.actionId as number);
      const name = type === 'milestone' && action ? `${own(r)} (action ${action.reference})` : own(r);
      labels.set(r.id, inPlan(name, plan ? String(plan.title) : null));
    }
    return labels;
  }
  if (type === 'sefSection') {
    const sefs = rowsById(ctx, 'sef', rows.map((r) => r.sefId as number));
    for (const r of rows) {
      const sef = sefs.get(r.sefId as number);
      const criterion = sef ? findFramework(ctx.reference, String(sef.frameworkId))?.criteria.find((c) => c.id === r.criterionId) : undefined;
      const name = criterion?.label ?? String(r.criterionId);
      labels.set(r.id, sef ? `${name} (${String(sef.title)})` : name);
    }
    return labels;
  }
  for (const r of rows) labels.set(r.id, own(r));
  return labels;
}
