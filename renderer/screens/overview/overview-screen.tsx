/** The Overview: where the current plan stands, what is overdue and who owns it, and where evidence is thin. */
import { Badge, Select, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import { planTypeLabel, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { Page, Section } from '../../components/page';
import { RagBadge } from '../../components/rag-badge';
import { plural, rollUpSentence } from '../../components/roll-up';
import { EmptyState, QueryView } from '../../components/states';

type Overview = ChannelOutput<'overview:get'>;

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalXXL },
  card: { backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalL },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, display: 'block' },
  sentence: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS}` },
  rag: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  planPick: { maxWidth: '420px', marginBottom: tokens.spacingVerticalL },
});

function RagCounts({ rag }: { rag: Overview['rag'] }) {
  const s = useStyles();
  const shown = rag.filter((r) => r.count > 0);
  if (shown.length === 0) return <span>No actions</span>;
  return (
    <span className={s.rag}>
      {shown.map((r) => (
        <RagBadge key={r.key} rag={r.key} prefix={`${r.count} (${r.percent}%)`} />
      ))}
    </span>
  );
}

function OverviewBody({ data }: { data: Overview }) {
  const s = useStyles();
  const { reference } = useWorkbook();
  // Coverage joins every link behind the plan's findings: its own request, so the roll-up shows at once.
  const coverage = useQuery('report:coverage', data.plan ? { scope: 'finding', planId: data.plan.id } : null);
  const gaps = coverage.status === 'ok' ? coverage.data.filter((c) => c.warnings.length > 0) : null;
  if (!data.plan) {
    return (
      <EmptyState title="There is no action plan yet">
        Record the inspection and its findings under <RouteLink to="/inspections">Inspections</RouteLink>, then create the plan that answers them under{' '}
        <RouteLink to="/plans">Action plans</RouteLink>. The Overview will then show how it is going.
      </EmptyState>
    );
  }
  return (
    <>
      <div className={s.cards}>
        <div className={s.card}>
          <span className={s.big}>{data.overdue.length}</span> overdue actions and milestones
        </div>
        <div className={s.card}>
          <span className={s.big}>{data.indicatorsOffTarget.length}</span> indicators off target
        </div>
        <div className={s.card}>
          <span className={s.big}>{gaps === null ? '…' : gaps.length}</span> evidence coverage gaps
        </div>
        <div className={s.card}>
          <span className={s.big}>{data.plan.nextReviewOn ? ukDate(data.plan.nextReviewOn) : 'Not set'}</span> next review
        </div>
      </div>

      <Section title="Progress against the plan">
        <p className={s.sentence}>{rollUpSentence(data.milestones, 'milestone')}.</p>
        <p className={s.sentence}>{rollUpSentence(data.actions, 'action')}.</p>
        <p className={s.sentence}>
          RAG: <RagCounts rag={data.rag} />
        </p>
        {data.priorities.length === 0 ? (
          <EmptyState title="No priorities yet">
            Add the plan&apos;s priorities on <RouteLink to={`/plans/${data.plan.id}`}>the plan&apos;s page</RouteLink>.
          </EmptyState>
        ) : (
          <DataTable
            caption="Milestones and RAG by priority"
            rows={data.priorities}
            rowKey={(p) => p.priorityId}
            columns={[
              { header: 'Priority', rowHeader: true, cell: (p) => <RouteLink to={`/priorities/${p.priorityId}`}>{`${p.reference} ${p.title}`}</RouteLink> },
              { header: 'Milestones', cell: (p) => rollUpSentence(p.milestones, 'milestone') },
              { header: 'Actions', cell: (p) => rollUpSentence(p.actions, 'action') },
              { header: 'RAG', cell: (p) => <RagCounts rag={p.rag} /> },
            ]}
          />
        )}
      </Section>

      <Section title="Overdue actions and milestones">
        {data.overdue.length === 0 ? (
          <EmptyState title={`Nothing is overdue as at ${ukDate(data.asOf)}.`} />
        ) : (
          <DataTable
            caption={`Overdue as at ${ukDate(data.asOf)}`}
            rows={data.overdue}
            rowKey={(o) => `${o.kind}-${o.id}`}
            columns={[
              { header: 'What', rowHeader: true, cell: (o) => <RouteLink to={`/actions/${o.actionId}`}>{`${o.kind === 'milestone' ? 'Milestone' : 'Action'} ${o.reference}: ${o.title}`}</RouteLink> },
              { header: 'Priority', cell: (o) => o.priorityReference },
              { header: 'Due', cell: (o) => ukDate(o.dueOn) },
              { header: 'Days overdue', numeric: true, cell: (o) => o.daysOverdue },
              { header: 'Owner', cell: (o) => (o.ownerName ? <RouteLink to={`/actions/${o.actionId}`}>{o.ownerName}</RouteLink> : 'No owner recorded') },
            ]}
          />
        )}
      </Section>

      <Section title="Indicators off target">
        {data.indicatorsOffTarget.length === 0 ? (
          <EmptyState title="No indicator is off target.">
            Indicators without a target or a latest value are not counted. See <RouteLink to="/indicators">Indicators</RouteLink>.
          </EmptyState>
        ) : (
          <DataTable
            caption="Indicators off target"
            rows={data.indicatorsOffTarget}
            rowKey={(i) => i.indicatorId}
            columns={[
              { header: 'Indicator', rowHeader: true, cell: (i) => <RouteLink to={`/indicators/${i.indicatorId}`}>{`${i.code ? `${i.code} ` : ''}${i.title}`}</RouteLink> },
              { header: 'Latest', cell: (i) => (i.latestValue === null ? '–' : `${i.latestValue}${i.unit === '%' ? '%' : ` ${i.unit}`} (${i.latestPeriod})`) },
              { header: 'Target', cell: (i) => (i.target === null ? '–' : `${i.target}${i.unit === '%' ? '%' : ` ${i.unit}`}`) },
              { header: 'England', cell: (i) => (i.england === null ? '–' : `${i.england}`) },
              { header: 'Direction', cell: (i) => label(i.direction).replace(/_/g, ' ') },
            ]}
          />
        )}
      </Section>

      <Section title="Evidence coverage gaps">
        <QueryView query={coverage} label="Checking the evidence behind each finding…">
          {(rows) => {
            const thin = rows.filter((c) => c.warnings.length > 0);
            return thin.length === 0 ? (
          <EmptyState title="No gaps found in the evidence for findings." />
        ) : (
          <DataTable
            caption="Findings and sections with thin evidence"
            rows={thin}
            rowKey={(c) => `${c.targetType}-${c.targetId}`}
            columns={[
              { header: 'Item', rowHeader: true, cell: (c) => <RouteLink to={c.targetType === 'finding' ? `/findings/${c.targetId}` : `/sections/${c.targetId}`}>{c.label}</RouteLink> },
              { header: 'Evidence', numeric: true, cell: (c) => c.total },
              { header: 'Impact', numeric: true, cell: (c) => c.byLevel.impact },
              {
                header: 'Warnings',
                cell: (c) => (
                  <ul className={s.warnings}>
                    {c.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
            );
          }}
        </QueryView>
      </Section>

      <div>
        In this workbook: <Badge appearance="outline">{plural(data.counts.findings, 'finding')}</Badge> <Badge appearance="outline">{plural(data.counts.actions, 'action')}</Badge>{' '}
        <Badge appearance="outline">{plural(data.counts.evidence, 'evidence item')}</Badge> <Badge appearance="outline">{plural(data.counts.indicators, 'indicator')}</Badge>. Plan type:{' '}
        {planTypeLabel(reference, data.plan.type)}, status {label(data.plan.status).toLowerCase()}.
      </div>
    </>
  );
}

export default function OverviewScreen() {
  const s = useStyles();
  const plans = useQuery('plan:list', { limit: 500 });
  const [planId, setPlanId] = useState<number | undefined>();
  const overview = useQuery('overview:get', planId ? { planId } : {});
  const title = overview.status === 'ok' && overview.data.plan ? overview.data.plan.title : 'Overview';
  return (
    <Page title="Overview" subtitle={overview.status === 'ok' && overview.data.plan ? `${title}, as at ${ukDate(overview.data.asOf)}` : undefined}>
      {plans.status === 'ok' && plans.data.items.length > 1 && (
        <Field label="Plan shown" className={s.planPick}>
          <Select value={planId ? String(planId) : ''} onChange={(_, d) => setPlanId(d.value ? Number(d.value) : undefined)}>
            <option value="">The current plan</option>
            {plans.data.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <QueryView query={overview} label="Working out the roll-up…">
        {(data) => <OverviewBody data={data} />}
      </QueryView>
    </Page>
  );
}
