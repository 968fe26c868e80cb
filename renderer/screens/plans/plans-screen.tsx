/** Action plans: every plan (WSOA, APP, priority action plan…), with tools such as the Excel import. */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { Add20Regular, ArrowImport20Regular } from '@fluentui/react-icons';
import { Suspense, useState } from 'react';
import { label } from '../../../electron/contract/enums';
import { parseUkDate, ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { planPagePanels } from '../../app/extensions';
import { navigate, RouteLink } from '../../app/router';
import { planTypeLabel, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { Page, Section } from '../../components/page';
import { EmptyState, Loading, QueryView } from '../../components/states';
import { useRemembered } from '../../components/use-remembered';
import { PLAN_SHEET_IMPORT_PATH } from '../../features/plan-sheet-import/path';
import { PlanForm } from './plan-form';

export function PlanPanels({ planId }: { planId: number | null }) {
  const { readOnly } = useWorkbook();
  return (
    <>
      {planPagePanels.map((p) => (
        <Section key={p.id} title={p.title}>
          <Suspense fallback={<Loading />}>
            <p.component planId={planId} readOnly={readOnly} />
          </Suspense>
        </Section>
      ))}
    </>
  );
}

export default function PlansScreen() {
  const { reference, readOnly } = useWorkbook();
  const plans = useQuery('plan:list', { limit: 500 });
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title="Action plans"
      subtitle="Plans answering inspection findings: priorities, actions, milestones and progress."
      actions={
        <>
          {!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Create a plan</Button>}
          {/* Also when read-only: the import screen says why nothing can be imported. */}
          <Button icon={<ArrowImport20Regular />} onClick={() => navigate(PLAN_SHEET_IMPORT_PATH)}>Import a plan from a spreadsheet</Button>
        </>
      }
    >
      {adding && (
        <Section title="Create a plan">
          <PlanForm onSaved={(p) => navigate(`/plans/${p.id}`, { force: true })} onCancel={() => setAdding(false)} />
        </Section>
      )}
      <QueryView query={plans}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No action plans yet">
              Choose “Create a plan” to start the Written Statement of Action or improvement plan that answers the inspection findings, or{' '}
              <RouteLink to={PLAN_SHEET_IMPORT_PATH}>import a plan you already keep in a spreadsheet</RouteLink>.
            </EmptyState>
          ) : (
            <DataTable
              caption="Plans"
              captionHidden
              rows={data.items}
              rowKey={(p) => p.id}
              columns={[
                { header: 'Plan', rowHeader: true, sortValue: (p) => p.title, cell: (p) => <RouteLink to={`/plans/${p.id}`}>{p.title}</RouteLink> },
                { header: 'Type', cell: (p) => planTypeLabel(reference, p.type) },
                { header: 'Status', sortValue: (p) => label(p.status), cell: (p) => label(p.status) },
                { header: 'Review', cell: (p) => label(p.reviewCadence) },
                { header: 'Next review', sortValue: (p) => p.nextReviewOn, cell: (p) => ukDate(p.nextReviewOn) || '–' },
              ]}
            />
          )
        }
      </QueryView>
      <OverdueSection plans={plans.status === 'ok' ? plans.data.items : []} />
      <PlanPanels planId={null} />
    </Page>
  );
}

/**
 * Everything overdue across the plans, or in one plan, as at a chosen date (report:overdue): the
 * list an officer chases owners from. Each row names its plan, since action numbers repeat.
 */
function OverdueSection({ plans }: { plans: { id: number; title: string }[] }) {
  const [planId, setPlanId] = useRemembered('plans.overdue.plan', '');
  const [asOf, setAsOf] = useState('');
  const iso = asOf.trim() ? parseUkDate(asOf) : null;
  const overdue = useQuery('report:overdue', { planId: planId ? Number(planId) : undefined, asOf: iso ?? undefined });
  const planName = (id: number) => plans.find((p) => p.id === id)?.title ?? 'a plan';
  return (
    <Section title="Overdue">
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 12 }}>
        <Field label="Plan">
          <Select value={planId} onChange={(_, d) => setPlanId(d.value)}>
            <option value="">All plans</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="As at" hint="Empty for today; or a date such as 22/11/2026" validationMessage={asOf.trim() && !iso ? 'Enter the date as day/month/year, such as 22/11/2026.' : undefined}>
          <Input value={asOf} onChange={(_, d) => setAsOf(d.value)} inputMode="numeric" />
        </Field>
      </div>
      <QueryView query={overdue}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="Nothing overdue">No action or milestone is past its due date.</EmptyState>
          ) : (
            <DataTable
              caption="Overdue actions and milestones"
              captionHidden
              rows={rows}
              rowKey={(r) => `${r.kind}-${r.id}`}
              columns={[
                { header: 'Overdue', rowHeader: true, cell: (r) => <RouteLink to={`/actions/${r.actionId}`}>{`${r.kind === 'milestone' ? 'Milestone' : 'Action'} ${r.reference} ${r.title}`}</RouteLink> },
                { header: 'Plan', cell: (r) => `${planName(r.planId)}, priority ${r.priorityReference}` },
                { header: 'Due', sortValue: (r) => r.dueOn, cell: (r) => ukDate(r.dueOn) },
                { header: 'Days late', numeric: true, sortValue: (r) => r.daysOverdue, cell: (r) => r.daysOverdue },
                { header: 'Owner', sortValue: (r) => r.ownerName, cell: (r) => r.ownerName ?? 'No owner' },
              ]}
            />
          )
        }
      </QueryView>
    </Section>
  );
}
