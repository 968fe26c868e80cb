/** The Overview: where the current plan stands, what is overdue and who owns it, and where evidence is thin. */
import { Badge, Select, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import { planTypeLabel, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { Page, Section } from '../../components/page';
import { RagBadge } from '../../components/rag-badge';
import { plural, rollUpSentence } from '../../components/roll-up';
import { EmptyState, QueryView } from '../../components/states';
import { PLAN_SHEET_IMPORT_PATH } from '../../features/plan-sheet-import/path';

type Overview = ChannelOutput<'overview:get'>;

const useStyles = makeStyles({
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalXXL },
  card: { backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalL },
  big: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, display: 'block' },
  sentence: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS}` },
  rag: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  planPick: { maxWidth: '420px', marginBottom: tokens.spacingVerticalL },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, margin: 0, '& dt': { fontWeight: tokens.fontWeightSemibold }, '& dd': { margin: 0 } },
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

type Readiness = NonNullable<Overview['readiness']>;

/** What a leader checks before a review or an inspection: the SEF, open findings, the next deadline, a running inspection. */
function ReadinessPanel({ readiness: r, asOf }: { readiness: Readiness; asOf: string }) {
  const s = useStyles();
  return (
    <Section title="Readiness">
      <dl className={s.facts}>
        <dt>Self-evaluation</dt>
        <dd>
          {r.sef ? (
            <>
              <RouteLink to={`/sef/${r.sef.id}`}>{r.sef.title}</RouteLink>, as of {ukDate(r.sef.asOf)} ({label(r.sef.status).toLowerCase()}):{' '}
              {r.sef.sectionsWithWarnings === 0 ? 'every section has evidence of impact and voice.' : `${r.sef.sectionsWithWarnings} of ${r.sef.sections} sections have coverage warnings.`}
              {r.sef.warnings.length > 0 && (
                <ul className={s.warnings}>
                  {r.sef.warnings.slice(0, 6).map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            'No self-evaluation yet.'
          )}
        </dd>
        <dt>Verdicts</dt>
        <dd>
          {r.verdicts.length === 0 ? (
            'No revisit or monitoring verdicts recorded.'
          ) : (
            <ul className={s.warnings}>
              {r.verdicts.map((v) => (
                <li key={v.eventId}>
                  <RouteLink to={`/inspections/${v.eventId}`}>{v.title}</RouteLink>: {v.sentence}.
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Findings still open</dt>
        <dd>
          {r.findings.length === 0 ? (
            'None: every finding that needed a plan has a positive verdict.'
          ) : (
            <ul className={s.warnings}>
              {r.findings.map((f) => (
                <li key={f.findingId}>
                  <RouteLink to={`/findings/${f.findingId}`}>{`${f.reference ? `${f.reference} ` : ''}${f.title}`}</RouteLink> ({f.eventTitle}):{' '}
                  {f.latestVerdict ? `${f.latestVerdict.label}, ${f.latestVerdict.eventTitle} ${ukDate(f.latestVerdict.on)}` : 'no verdict since the inspection'}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Next review</dt>
        <dd>
          {r.nextReviewOn
            ? `${ukDate(r.nextReviewOn)} (${r.daysToNextReview != null && r.daysToNextReview >= 0 ? `in ${plural(r.daysToNextReview, 'day')}` : `passed as at ${ukDate(asOf)}`}); evidence is usually due two weeks before.`
            : 'Not set on this plan.'}
        </dd>
        {r.inspectionWeek && (
          <>
            <dt>Inspection under way</dt>
            <dd>
              <RouteLink to={`/inspections/${r.inspectionWeek.eventId}`}>{r.inspectionWeek.title}</RouteLink>
              {r.inspectionWeek.notifiedOn ? `, notified ${ukDate(r.inspectionWeek.notifiedOn)}` : ''}. {r.inspectionWeek.position}
            </dd>
          </>
        )}
      </dl>
    </Section>
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
      <EmptyState title="No approved or published plan to follow yet">
        Record the inspection and its findings under <RouteLink to="/inspections">Inspections</RouteLink> (where you can also bring in the published letter or report, with its findings), then create the plan that answers them under{' '}
        <RouteLink to="/plans">Action plans</RouteLink> (or <RouteLink to={PLAN_SHEET_IMPORT_PATH}>import the plan you already keep in a spreadsheet</RouteLink>). The Overview follows the approved or published plan; to follow a draft, choose it above.
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
          <span className={s.big}>{data.indicatorsOffTarget.length}</span> indicators off target or out of date
        </div>
        <div className={s.card}>
          <span className={s.big}>{gaps === null ? '…' : gaps.length}</span> evidence coverage gaps
        </div>
        <div className={s.card}>
          <span className={s.big}>{data.plan.nextReviewOn ? ukDate(data.plan.nextReviewOn) : 'Not set'}</span> next review
        </div>
      </div>

      {data.readiness && <ReadinessPanel readiness={data.readiness} asOf={data.asOf} />}

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

      <Section title="Indicators off target or out of date">
        {data.indicatorsOffTarget.length === 0 ? (
          <EmptyState title="No indicator is off target or out of date.">
            Indicators without a target or a latest value are not counted. See <RouteLink to="/indicators">Indicators</RouteLink>.
          </EmptyState>
        ) : (
          <DataTable
            caption="Indicators off target or out of date"
            rows={data.indicatorsOffTarget}
            rowKey={(i) => i.indicatorId}
            columns={[
              { header: 'Indicator', rowHeader: true, cell: (i) => <RouteLink to={`/indicators/${i.indicatorId}`}>{`${i.code ? `${i.code} ` : ''}${i.title}`}</RouteLink> },
              { header: 'Where it stands', cell: (i) => i.sentence },
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
  const { client, changed } = useApi();
  const plans = useQuery('plan:list', { limit: 500 });
  const overview = useQuery('overview:get', {});
  const [problem, setProblem] = useState<string | null>(null);
  const data = overview.status === 'ok' ? overview.data : null;
  // The choice is kept in the workbook (overview:choosePlan), so it survives navigation and reopening.
  const choose = (value: string) => {
    setProblem(null);
    client.call('overview:choosePlan', { planId: value ? Number(value) : null }).then(
      () => changed(),
      (e: unknown) => setProblem(toApiError(e).message),
    );
  };
  return (
    <Page title="Overview" subtitle={data?.plan ? `${data.plan.title}, as at ${ukDate(data.asOf)}` : undefined}>
      {plans.status === 'ok' && plans.data.items.length > 0 && (
        <Field
          label="Plan the Overview follows"
          hint="Kept in this workbook. By default, the approved or published plan: a new draft never replaces it."
          className={s.planPick}
          validationMessage={problem ?? undefined}
        >
          <Select value={data?.plan?.chosenByUser ? String(data.plan.id) : ''} onChange={(_, d) => choose(d.value)}>
            <option value="">The approved or published plan (default)</option>
            {plans.data.items.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.title} (${label(p.status).toLowerCase()})`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <QueryView query={overview} label="Working out the roll-up…">
        {(d) => <OverviewBody data={d} />}
      </QueryView>
    </Page>
  );
}
