/** One plan: its details, priorities and their actions, and the plan's exports. */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label } from '../../../electron/contract/enums';
import { parseUkDate, ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { planTypeLabel, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { Page, Section } from '../../components/page';
import { RagBadge } from '../../components/rag-badge';
import { DeleteButton, HistoryButton } from '../../components/record-actions';
import { EmptyState, QueryView } from '../../components/states';
import { PlanForm } from './plan-form';
import { PlanPanels } from './plans-screen';
import { PriorityForm } from './priority-form';

type Action = ChannelOutput<'action:get'>;

const useStyles = makeStyles({
  priority: { marginBottom: tokens.spacingVerticalXL },
  h3: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, '& dt': { fontWeight: tokens.fontWeightSemibold } },
});

export function dueText(a: Pick<Action, 'dueOn' | 'revisedDueOn'>): string {
  if (a.revisedDueOn) return `${ukDate(a.revisedDueOn)} (revised from ${ukDate(a.dueOn) || 'no date'})`;
  return ukDate(a.dueOn) || '–';
}

export function ActionsTable({ actions, caption }: { actions: Action[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={actions}
      rowKey={(a) => a.id}
      columns={[
        { header: 'Action', rowHeader: true, cell: (a) => <RouteLink to={`/actions/${a.id}`}>{`${a.reference} ${a.what}`}</RouteLink> },
        { header: 'Lead', cell: (a) => a.leadName ?? '–' },
        { header: 'Due', cell: (a) => dueText(a) },
        { header: 'Status', cell: (a) => label(a.status) },
        { header: 'RAG', cell: (a) => <RagBadge rag={a.rag} /> },
      ]}
    />
  );
}

export default function PlanScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const s = useStyles();
  const { reference, readOnly } = useWorkbook();
  const plan = useQuery('plan:get', { id });
  const priorities = useQuery('priority:list', { planId: id, limit: 500 });
  const actions = useQuery('action:list', { planId: id, limit: 500 });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <QueryView query={plan}>
      {(p) => (
        <Page
          title={p.title}
          subtitle={`${planTypeLabel(reference, p.type)} · ${label(p.status)}`}
          crumbs={[{ label: 'Action plans', to: '/plans' }]}
          actions={
            <>
              <ExportButton channel="export:progressDocx" input={{ planId: p.id }} label="Progress report (Word)" />
              <ExportButton channel="export:planXlsx" input={{ planId: p.id }} label="Action plan (Excel)" busyLabel="Building the workbook…" />
              {!readOnly && !editing && <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>Edit</Button>}
              <HistoryButton entity="plan" id={p.id} />
              <DeleteButton channel="plan:delete" id={p.id} what="this plan with its priorities, actions and milestones" after="/plans" />
            </>
          }
        >
          <Section title="Details">
            {editing ? (
              <PlanForm plan={p} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
            ) : (
              <dl className={s.facts}>
                <dt>Runs</dt>
                <dd>{p.startsOn ? `${ukDate(p.startsOn)} to ${ukDate(p.endsOn) || 'no end date'}` : 'Dates not set'}</dd>
                <dt>Reviewed</dt>
                <dd>{label(p.reviewCadence)}</dd>
                <dt>Next review</dt>
                <dd>{ukDate(p.nextReviewOn) || 'Not set'}</dd>
                <dt>Approver</dt>
                <dd>{p.approver || '–'}</dd>
              </dl>
            )}
          </Section>
          <Section title="Priorities and actions" actions={!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Add a priority</Button>}>
            {adding && <PriorityForm planId={p.id} onSaved={() => setAdding(false)} onCancel={() => setAdding(false)} />}
            <QueryView query={priorities}>
              {(pr) =>
                pr.items.length === 0 ? (
                  <EmptyState title="No priorities yet">Choose “Add a priority” for each weakness the plan answers, then add its actions.</EmptyState>
                ) : (
                  <>
                    {pr.items.map((x) => {
                      const acts = actions.status === 'ok' ? actions.data.items.filter((a) => a.priorityId === x.id) : [];
                      return (
                        <div key={x.id} className={s.priority}>
                          <h3 className={s.h3}>
                            <RouteLink to={`/priorities/${x.id}`}>{`Priority ${x.reference}: ${x.title}`}</RouteLink>
                          </h3>
                          {acts.length === 0 ? <p>No actions yet: open the priority to add them.</p> : <ActionsTable actions={acts} caption={`Actions for priority ${x.reference}`} />}
                        </div>
                      );
                    })}
                  </>
                )
              }
            </QueryView>
          </Section>
          <ProgressReportOptions planId={p.id} />
          <PlanPanels planId={p.id} />
        </Page>
      )}
    </QueryView>
  );
}

/**
 * The progress report for a chosen period and as-at date (issue #15: the backend took both, the
 * screen offered neither). Without them the report covers the milestones due by today.
 */
function ProgressReportOptions({ planId }: { planId: number }) {
  const [period, setPeriod] = useState('');
  const [asOfText, setAsOfText] = useState('');
  const asOf = asOfText.trim() ? parseUkDate(asOfText) : null;
  const bad = asOfText.trim() !== '' && !asOf;
  return (
    <Section title="Progress report for a period">
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <Field label="Reporting period" hint="For example, November 2020; empty for the milestones due by the date">
          <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
        </Field>
        <Field label="As at" hint="Empty for today; or a date such as 30/11/2020" validationMessage={bad ? 'Enter the date as day/month/year, such as 30/11/2020.' : undefined}>
          <Input value={asOfText} onChange={(_, d) => setAsOfText(d.value)} inputMode="numeric" />
        </Field>
        {!bad && (
          <ExportButton
            channel="export:progressDocx"
            input={{ planId, ...(period.trim() ? { periodLabel: period.trim() } : {}), ...(asOf ? { asOf } : {}) }}
            label="Progress report for this period (Word)"
          />
        )}
      </div>
    </Section>
  );
}
