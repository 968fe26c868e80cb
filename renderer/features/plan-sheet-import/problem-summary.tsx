/**
 * The error summary of every wizard step: the app's one GOV.UK summary (components/form-fields.tsx
 * ProblemSummaryBox), under the step's h2. It takes focus each time a step fails.
 */
import { ProblemSummaryBox } from '../../components/form-fields';

export interface Problem {
  /** Shown when there is no list, or above it. */
  message?: string;
  /** Each with the id of the control to move to, if any. */
  items?: { message: string; target?: string }[];
}

export function ProblemSummary({ problem, failures }: { problem: Problem; failures: number }) {
  return <ProblemSummaryBox message={problem.message} items={(problem.items ?? []).map((i) => ({ message: i.message, targetId: i.target }))} failures={failures} headingLevel={3} />;
}
