/** After Import: what was created, a link to the plan, and how to undo the whole import. */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { PlanSheetApplied } from '../../../electron/contract/groups/plan-sheet';
import { RouteLink } from '../../app/router';
import { plural } from './wizard-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, outline: 'none' },
  link: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function ResultView({ result, onAnother }: { result: PlanSheetApplied; onAnother(): void }) {
  const s = useStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const r = result;
  return (
    <section className={s.root} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={s.h2}>
        Plan imported
      </h2>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {r.planCreated ? `“${r.planTitle}” was created` : `“${r.planTitle}” was added to`}: {plural(r.prioritiesCreated, 'priority', 'priorities')}, {plural(r.actionsCreated, 'action')} and{' '}
          {plural(r.milestonesCreated, 'milestone')}.
        </MessageBarBody>
      </MessageBar>
      <ul>
        <li>{plural(r.progressUpdatesCreated, 'progress update')} recorded from the spreadsheet’s RAG ratings and notes</li>
        <li>
          {plural(r.peopleCreated, 'person', 'people')} and {plural(r.partnersCreated, 'partner')} added
        </li>
        <li>{plural(r.rowsSkipped, 'row')} skipped</li>
        {r.mappingRemembered && <li>The columns and word meanings are remembered for the next spreadsheet with the same headings</li>}
      </ul>
      <p>
        <RouteLink to={`/plans/${r.planId}`} className={s.link}>
          Open {r.planTitle}
        </RouteLink>
      </p>
      <p>
        {r.planCreated
          ? 'To undo the whole import, delete this plan (Move to Bin on its page): its priorities, actions and milestones go to the Bin with it, and you can restore them from there.'
          : 'To undo the import, delete what it added to the plan: the new priorities, and the new actions under priorities that were already there. Each goes to the Bin with what is under it, and can be restored from there.'}{' '}
        People and partners it added stay in Settings.
      </p>
      <div>
        <Button onClick={onAnother}>Import another spreadsheet</Button>
      </div>
    </section>
  );
}
