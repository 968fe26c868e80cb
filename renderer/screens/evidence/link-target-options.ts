/**
 * The items evidence can be linked to, named for a person: used by the "Link to an item" picker and
 * by the evidence library's "Linked to" filter, so both list the same items in the same words
 * (actions, priorities and milestones with their plan, through the one `inPlan` wording).
 */
import type { LinkTarget } from '../../../electron/contract/enums';
import { inPlan, ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import type { Option } from '../../components/form-fields';

export const TARGET_LABELS: Record<LinkTarget, string> = {
  finding: 'Finding',
  priority: 'Priority',
  action: 'Action',
  milestone: 'Milestone',
  indicator: 'Indicator',
  sefSection: 'Self-evaluation section',
};

/** Choices for the item to link to, loaded for the chosen kind. */
export function useTargetOptions(type: string, sefId: string): { options: Option[]; sefs: Option[] } {
  const findings = useQuery('finding:list', type === 'finding' ? { limit: 500 } : null);
  const priorities = useQuery('priority:list', type === 'priority' ? { limit: 500 } : null);
  const actions = useQuery('action:list', type === 'action' || type === 'milestone' ? { limit: 500 } : null);
  // Action and priority numbers repeat between plans ("3.2" in the WSOA and in the APP): name the plan.
  const plans = useQuery('plan:list', type === 'priority' || type === 'action' || type === 'milestone' ? { limit: 500 } : null);
  const planTitle = (planId: number) => (plans.status === 'ok' ? (plans.data.items.find((p) => p.id === planId)?.title ?? '') : '');
  const named = (text: string, planId: number | undefined) => inPlan(text, planId === undefined ? null : planTitle(planId));
  const milestones = useQuery('milestone:list', type === 'milestone' ? { limit: 500 } : null);
  const indicators = useQuery('indicator:list', type === 'indicator' ? { limit: 500 } : null);
  const sefList = useQuery('sef:list', type === 'sefSection' ? { limit: 500 } : null);
  const sections = useQuery('section:list', type === 'sefSection' && sefId ? { sefId: Number(sefId) } : null);
  const sefs = sefList.status === 'ok' ? sefList.data.items.map((x) => ({ value: String(x.id), label: `${x.title} (${ukDate(x.asOf)})` })) : [];
  let options: Option[] = [];
  if (type === 'finding' && findings.status === 'ok') options = findings.data.items.map((x) => ({ value: String(x.id), label: `${x.reference} ${x.title}`.trim() }));
  if (type === 'priority' && priorities.status === 'ok') options = priorities.data.items.map((x) => ({ value: String(x.id), label: named(`Priority ${x.reference} ${x.title}`, x.planId) }));
  if (type === 'action' && actions.status === 'ok') options = actions.data.items.map((x) => ({ value: String(x.id), label: named(`Action ${x.reference} ${x.what}`, x.planId) }));
  if (type === 'milestone' && milestones.status === 'ok') options = milestones.data.items.map((x) => {
      const action = actions.status === 'ok' ? actions.data.items.find((a) => a.id === x.actionId) : undefined;
      return { value: String(x.id), label: action ? named(`${x.title} (action ${action.reference})`, action.planId) : x.title };
    });
  if (type === 'indicator' && indicators.status === 'ok') options = indicators.data.items.map((x) => ({ value: String(x.id), label: `${x.code} ${x.title}`.trim() }));
  if (type === 'sefSection' && sections.status === 'ok') options = sections.data.map((x) => ({ value: String(x.id), label: x.criterionLabel }));
  return { options, sefs };
}

