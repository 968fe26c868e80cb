/** One indicator: trend chart with target and comparators, the same data as a table, values per period and targets. */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { Suspense, lazy, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { GEOGRAPHIES, label } from '../../../electron/contract/enums';
import { dateInput, numberInput, useForm } from '../../api/use-form';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { EvidenceLinksPanel } from '../../components/evidence-links-panel';
import { CheckboxField, DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { notifySaved } from '../../components/notices';
import { DeleteButton, HistoryButton, RowDeleteButton, UnlinkButton } from '../../components/record-actions';
import { IndicatorValuesList } from '../../features/record-tools/indicator-values-list';
import { EmptyState, ErrorState, Loading, QueryView } from '../../components/states';
import { IndicatorForm } from './indicator-form';
import { formatValue } from './indicators-screen';
import type { Geo, TrendRow } from './trend-chart';

const useStyles = makeStyles({
  rowActions: { display: 'inline-flex', gap: tokens.spacingHorizontalS },
  linkRow: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap', marginTop: tokens.spacingVerticalM },
});

const TrendChart = lazy(() => import('./trend-chart'));

type Value = ChannelOutput<'value:list'>['items'][number];
type Target = ChannelOutput<'target:list'>[number];

export function trendRows(values: Value[], targets: Target[]): TrendRow[] {
  const byPeriod = new Map<string, { start: string; row: TrendRow }>();
  for (const v of values) {
    const entry = byPeriod.get(v.periodLabel) ?? { start: v.periodStart, row: { period: v.periodLabel, time: null, provisional: {} } };
    (entry.row as unknown as Record<string, number | string>)[v.geography] = v.value;
    if (v.provisional) entry.row.provisional[v.geography as Geo] = true;
    if (v.periodStart < entry.start) entry.start = v.periodStart;
    byPeriod.set(v.periodLabel, entry);
  }
  for (const t of targets) {
    const entry = byPeriod.get(t.periodLabel) ?? { start: '9999', row: { period: t.periodLabel, time: null, provisional: {} } };
    entry.row.target = t.targetValue;
    byPeriod.set(t.periodLabel, entry);
  }
  return [...byPeriod.values()]
    .sort((a, b) => a.start.localeCompare(b.start) || a.row.period.localeCompare(b.row.period))
    .map((e) => ({ ...e.row, time: e.start === '9999' ? null : Date.parse(`${e.start}T00:00:00Z`) }));
}

/** A value in the table, marked when provisional. */
function cellValue(r: TrendRow, geo: Geo, unit: string): string {
  const v = r[geo];
  if (v === undefined) return '–';
  return `${formatValue(v, unit)}${r.provisional[geo] ? ' (provisional)' : ''}`;
}

function ValueForm({ indicatorId, onDone }: { indicatorId: number; onDone(): void }) {
  const form = useForm({
    channel: 'value:set',
    initial: { periodLabel: '', periodStart: '', geography: 'local', value: '', provisional: false as boolean, sourceNote: '' },
    resetAfterSave: true,
    toInput: (v) => ({
      indicatorId,
      periodLabel: v.periodLabel,
      periodStart: dateInput(v.periodStart) ?? '',
      geography: v.geography,
      value: numberInput(v.value) ?? undefined,
      provisional: v.provisional === true,
      sourceNote: v.sourceNote,
    }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label="Add a value" saveLabel="Save value" onCancel={onDone}>
      <FieldRow>
        <TextField form={form} name="periodLabel" label="Period" hint="For example, 2023/24" required />
        <DateField form={form} name="periodStart" label="Period start" required />
        <SelectField form={form} name="geography" label="Geography" options={GEOGRAPHIES.map((g) => ({ value: g, label: label(g) }))} />
        <TextField form={form} name="value" label="Value" required />
      </FieldRow>
      <CheckboxField form={form} name="provisional" label="Provisional figure" />
      <TextField form={form} name="sourceNote" label="Source note" />
    </FormShell>
  );
}

function TargetForm({ indicatorId, target, onDone }: { indicatorId: number; target?: Target; onDone(): void }) {
  const form = useForm({
    channel: target ? 'target:update' : 'target:create',
    initial: { periodLabel: target?.periodLabel ?? '', targetValue: target ? String(target.targetValue) : '', note: target?.note ?? '' },
    resetAfterSave: !target,
    toInput: (v) => ({
      ...(target ? { id: target.id, expectedVersion: target.version } : { indicatorId }),
      periodLabel: v.periodLabel,
      targetValue: numberInput(v.targetValue) ?? undefined,
      note: v.note,
    }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label={target ? `Edit the target for ${target.periodLabel}` : 'Add a target'} saveLabel={target ? 'Save changes' : 'Save target'} onCancel={onDone}>
      <FieldRow>
        <TextField form={form} name="periodLabel" label="Period" required />
        <TextField form={form} name="targetValue" label="Target" required />
        <TextField form={form} name="note" label="Note" />
      </FieldRow>
    </FormShell>
  );
}

function TargetsTable({ targets, unit, readOnly }: { targets: Target[]; unit: string; readOnly: boolean }) {
  const s = useStyles();
  const [editing, setEditing] = useState<number | null>(null);
  const shown = targets.find((t) => t.id === editing);
  return (
    <>
      {shown && <TargetForm indicatorId={shown.indicatorId} target={shown} onDone={() => setEditing(null)} />}
      <DataTable
        caption="Targets"
        captionHidden
        rows={targets}
        rowKey={(x) => x.id}
        columns={[
          { header: 'Period', rowHeader: true, cell: (x) => x.periodLabel },
          { header: 'Target', cell: (x) => formatValue(x.targetValue, unit) },
          { header: 'Note', cell: (x) => x.note || '–' },
          ...(readOnly
            ? []
            : [
                {
                  header: 'Change',
                  cell: (x: Target) => (
                    <span className={s.rowActions}>
                      <Button size="small" icon={<Edit20Regular />} onClick={() => setEditing(x.id)} aria-label={`Edit the target for ${x.periodLabel}`} disabled={editing === x.id}>
                        Edit
                      </Button>
                      <RowDeleteButton channel="target:delete" id={x.id} what={`the target for ${x.periodLabel}`} />
                    </span>
                  ),
                },
              ]),
        ]}
      />
    </>
  );
}

/**
 * The plans that track this indicator (issue #17): a plan's progress report and KPIs sheet show the
 * indicators linked to it, or every indicator when none is.
 */
function TrackingPlans({ indicatorId }: { indicatorId: number }) {
  const s = useStyles();
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const links = useQuery('plan:indicators', { indicatorId });
  const plans = useQuery('plan:list', { limit: 500 });
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  const all = plans.status === 'ok' ? plans.data.items : [];
  const linkedIds = new Set(links.status === 'ok' ? links.data.map((l) => l.planId) : []);
  const linked = all.filter((p) => linkedIds.has(p.id));
  const link = async () => {
    setProblem(null);
    try {
      const plan = all.find((p) => p.id === Number(chosen));
      await client.call('plan:linkIndicator', { planId: Number(chosen), indicatorId });
      setChosen('');
      changed();
      notifySaved(plan ? `linked to ${plan.title}` : undefined);
    } catch (e) {
      setProblem(toApiError(e));
    }
  };
  return (
    <Section title="Plans tracking this indicator">
      {problem && <ErrorState error={problem} />}
      <QueryView query={plans} label="Loading plans…">
        {() => (
          <QueryView query={links} label="Loading plans…">
            {() =>
              linked.length === 0 ? (
                <p>No plan tracks this indicator yet. A plan’s progress report shows the indicators linked to it, or all of them when it has none.</p>
              ) : (
                <ul>
                  {linked.map((p) => (
                    <li key={p.id}>
                      <RouteLink to={`/plans/${p.id}`}>{p.title}</RouteLink>{' '}
                      <UnlinkButton
                        what={p.title}
                        unlink={() => client.call('plan:unlinkIndicator', { planId: p.id, indicatorId })}
                        relink={() => client.call('plan:linkIndicator', { planId: p.id, indicatorId })}
                      />
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryView>
        )}
      </QueryView>
      {!readOnly && (
        <div className={s.linkRow}>
          <Field label="Plan to link">
            <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
              <option value="">Choose a plan</option>
              {all.filter((p) => !linkedIds.has(p.id)).map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </Select>
          </Field>
          <Button disabled={!chosen} onClick={() => void link()}>Link to a plan</Button>
        </div>
      )}
    </Section>
  );
}

export default function IndicatorScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const { readOnly } = useWorkbook();
  const indicator = useQuery('indicator:get', { id });
  const values = useQuery('value:list', { indicatorId: id, limit: 500 });
  const targets = useQuery('target:list', { indicatorId: id });
  const status = useQuery('indicator:status', { indicatorId: id });
  const [editing, setEditing] = useState(false);
  const [addingValue, setAddingValue] = useState(false);
  const [addingTarget, setAddingTarget] = useState(false);
  return (
    <QueryView query={indicator}>
      {(i) => {
        const rows = values.status === 'ok' && targets.status === 'ok' ? trendRows(values.data.items, targets.data) : [];
        return (
          <Page
            title={`${i.code ? `${i.code} ` : ''}${i.title}`}
            subtitle={`${label(i.polarity)} · ${label(i.periodType)}${i.source ? ` · Source: ${i.source}` : ''}`}
            crumbs={[{ label: 'Indicators', to: '/indicators' }]}
            actions={
              <>
                {!readOnly && !editing && <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>Edit</Button>}
                <HistoryButton entity="indicator" id={i.id} />
                <DeleteButton channel="indicator:delete" id={i.id} what="this indicator with its values and targets" after="/indicators" />
              </>
            }
          >
            {editing ? (
              <Section title="Edit the indicator">
                <IndicatorForm indicator={i} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
              </Section>
            ) : (
              i.definition && <p>{i.definition}</p>
            )}
            {status.status === 'ok' && status.data[0] && (
              <Section title="Where it stands">
                <p>{status.data[0].sentence}</p>
              </Section>
            )}
            <Section title="Trend">
              {rows.length === 0 ? (
                <EmptyState title="No values yet">Choose “Add a value” below for each period, for the local area and for England, the region and statistical neighbours.</EmptyState>
              ) : (
                <>
                  <Suspense fallback={<Loading label="Drawing the chart…" />}>
                    <TrendChart rows={rows} unit={i.unit} />
                  </Suspense>
                  <DataTable
                    caption="Values by period (the data in the chart)"
                    rows={rows}
                    rowKey={(r) => r.period}
                    columns={[
                      { header: 'Period', rowHeader: true, cell: (r) => r.period },
                      { header: 'Local area', cell: (r) => cellValue(r, 'local', i.unit) },
                      { header: 'Target', cell: (r) => formatValue(r.target ?? null, i.unit) },
                      { header: 'England', cell: (r) => cellValue(r, 'england', i.unit) },
                      { header: 'Region', cell: (r) => cellValue(r, 'region', i.unit) },
                      { header: 'Statistical neighbours', cell: (r) => cellValue(r, 'statistical_neighbours', i.unit) },
                    ]}
                  />
                  <IndicatorValuesList indicatorId={i.id} unit={i.unit} />
                </>
              )}
            </Section>
            {!readOnly && (
              <Section
                title="Add values and targets"
                actions={
                  <>
                    {!addingValue && <Button icon={<Add20Regular />} onClick={() => setAddingValue(true)}>Add a value</Button>}
                    {!addingTarget && <Button icon={<Add20Regular />} onClick={() => setAddingTarget(true)}>Add a target</Button>}
                  </>
                }
              >
                {addingValue && <ValueForm indicatorId={i.id} onDone={() => setAddingValue(false)} />}
                {addingTarget && <TargetForm indicatorId={i.id} onDone={() => setAddingTarget(false)} />}
                {!addingValue && !addingTarget && <p>Adding a value for a period and geography that already has one replaces it (the old value stays in the history).</p>}
              </Section>
            )}
            <QueryView query={targets}>
              {(t) =>
                t.length > 0 ? (
                  <Section title="Targets">
                    <TargetsTable targets={t} unit={i.unit} readOnly={readOnly} />
                  </Section>
                ) : null
              }
            </QueryView>
            <TrackingPlans indicatorId={i.id} />
            <EvidenceLinksPanel target={{ type: 'indicator', id: i.id }} />
          </Page>
        );
      }}
    </QueryView>
  );
}
