/** Action plans: every plan (WSOA, APP, priority action plan…), with tools such as the Excel import. */
import { Button } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { Suspense, useState } from 'react';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { planPagePanels } from '../../app/extensions';
import { navigate, RouteLink } from '../../app/router';
import { planTypeLabel, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { Page, Section } from '../../components/page';
import { EmptyState, Loading, QueryView } from '../../components/states';
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
      actions={!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Create a plan</Button>}
    >
      {adding && (
        <Section title="Create a plan">
          <PlanForm onSaved={(p) => navigate(`/plans/${p.id}`, { force: true })} onCancel={() => setAdding(false)} />
        </Section>
      )}
      <QueryView query={plans}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No action plans yet">Choose “Create a plan” to start the Written Statement of Action or improvement plan that answers the inspection findings.</EmptyState>
          ) : (
            <DataTable
              caption="Plans"
              captionHidden
              rows={data.items}
              rowKey={(p) => p.id}
              columns={[
                { header: 'Plan', rowHeader: true, cell: (p) => <RouteLink to={`/plans/${p.id}`}>{p.title}</RouteLink> },
                { header: 'Type', cell: (p) => planTypeLabel(reference, p.type) },
                { header: 'Status', cell: (p) => label(p.status) },
                { header: 'Review', cell: (p) => label(p.reviewCadence) },
                { header: 'Next review', cell: (p) => ukDate(p.nextReviewOn) || '–' },
              ]}
            />
          )
        }
      </QueryView>
      <PlanPanels planId={null} />
    </Page>
  );
}
