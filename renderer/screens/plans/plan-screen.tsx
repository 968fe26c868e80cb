/** One plan: its details, priorities and their actions, and the plan's exports. */
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../electron/contract/channels';
import { ACTION_STATUSES, label, type ActionStatus } from '../../../electron/contract/enums';
import { parseUkDate, ukDate } from '../../../electron/contract/format';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { planTypeLabel, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import type { Option } from '../../components/form-fields';
import { notifySaved } from '../../components/notices';
import { usePeopleOptions } from '../../components/use-options';
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

/** The actions tables of one screen share these widths, so their columns line up (issue #15). */
const ACTION_COLUMNS = { lead: '13rem', due: '11rem', status: '13rem', rag: '8rem', least: '52rem' };

/**
 * Saves one field of an action from its row (issue #15: status, due date and lead change in the
 * list, where an officer reviewing a plan expects to change them). The version each save returns
 * is kept, so two quick changes to one row are not refused as a conflict with each other.
 */
function useRowSave(a: Action, versions: Map<number, number>) {
  const { client, changed } = useApi();
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: Omit<ChannelInput<'action:update'>, 'id' | 'expectedVersion'>, said: string): Promise<boolean> => {
    try {
      const saved = await client.call('action:update', { id: a.id, expectedVersion: Math.max(a.version, versions.get(a.id) ?? 0), ...patch });
      versions.set(a.id, saved.version);
      setError(null);
      changed();
      notifySaved(said);
      return true;
    } catch (e) {
      const problem = toApiError(e);
      setError(problem.issues?.[0]?.message ?? problem.message);
      return false;
    }
  };
  return { error, save };
}

/** A small select in a cell: saves on change, puts the old value back and says why if refused. */
function SelectCell({
  a,
  versions,
  name,
  value,
  options: known,
  field,
  valueLabel,
}: {
  a: Action;
  versions: Map<number, number>;
  name: string;
  value: string;
  options: Option[];
  field: 'status' | 'leadPersonId';
  /** The current value's words, shown while the list of choices is still loading. */
  valueLabel?: string | null;
}) {
  const { error, save } = useRowSave(a, versions);
  // Until the choices have loaded (the people list after a reload), the current value is still a
  // choice, so the select shows it rather than falling back to the first option ("No lead").
  const options = value && valueLabel && !known.some((o) => o.value === value) ? [...known, { value, label: valueLabel }] : known;
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <>
      <span data-print="only">{options.find((o) => o.value === shown)?.label ?? ''}</span>
      <Field size="small" validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Select
          size="small"
          aria-label={`${name} of action ${a.reference}`}
          value={shown}
          onChange={(_, d) => {
            setShown(d.value);
            const words = options.find((o) => o.value === d.value)?.label ?? d.value;
            void save(field === 'status' ? { status: d.value as ActionStatus } : { leadPersonId: d.value ? Number(d.value) : null }, `${name.toLowerCase()} of action ${a.reference} is now ${words}`).then(
              (ok) => ok || setShown(value),
            );
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

/** The due date in a cell: saved when the officer leaves the box or presses Enter; Escape puts it back. */
function DueCell({ a, versions }: { a: Action; versions: Map<number, number> }) {
  const { error, save } = useRowSave(a, versions);
  const [text, setText] = useState(ukDate(a.dueOn));
  const [typo, setTypo] = useState<string | null>(null);
  useEffect(() => setText(ukDate(a.dueOn)), [a.dueOn]);
  // A revised date is changed with its reason on the action's page: the list shows it as it is.
  if (a.revisedDueOn) return <>{dueText(a)}</>;
  const commit = () => {
    if (text.trim() === ukDate(a.dueOn)) return setTypo(null);
    const iso = text.trim() ? parseUkDate(text) : null;
    if (text.trim() && !iso) return setTypo('Enter the date as day/month/year, such as 22/11/2026.');
    setTypo(null);
    void save({ dueOn: iso }, `action ${a.reference} is now due ${iso ? ukDate(iso) : 'with no date'}`);
  };
  const message = typo ?? error;
  return (
    <>
      <span data-print="only">{ukDate(a.dueOn)}</span>
      <Field size="small" validationMessage={message} validationState={message ? 'error' : 'none'}>
        <Input
          size="small"
          aria-label={`Due date of action ${a.reference}`}
          value={text}
          inputMode="numeric"
          onChange={(_, d) => setText(d.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(ukDate(a.dueOn));
              setTypo(null);
            }
          }}
        />
      </Field>
    </>
  );
}

export function ActionsTable({ actions, caption }: { actions: Action[]; caption: string }) {
  const { readOnly } = useWorkbook();
  const people = usePeopleOptions();
  const versions = useRef(new Map<number, number>()).current;
  const statuses = ACTION_STATUSES.map((x) => ({ value: x, label: label(x) }));
  const leads = [{ value: '', label: 'No lead' }, ...people];
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={actions}
      rowKey={(a) => a.id}
      fixedWidths={ACTION_COLUMNS.least}
      columns={[
        { header: 'Action', rowHeader: true, cell: (a) => <RouteLink to={`/actions/${a.id}`}>{`${a.reference} ${a.what}`}</RouteLink> },
        {
          header: 'Lead',
          width: ACTION_COLUMNS.lead,
          cell: (a) => (readOnly ? (a.leadName ?? '–') : <SelectCell a={a} versions={versions} name="Lead" field="leadPersonId" value={a.leadPersonId === null ? '' : String(a.leadPersonId)} valueLabel={a.leadName} options={leads} />),
        },
        { header: 'Due', width: ACTION_COLUMNS.due, cell: (a) => (readOnly ? dueText(a) : <DueCell a={a} versions={versions} />) },
        {
          header: 'Status',
          width: ACTION_COLUMNS.status,
          cell: (a) => (readOnly ? label(a.status) : <SelectCell a={a} versions={versions} name="Status" field="status" value={a.status} options={statuses} />),
        },
        { header: 'RAG', width: ACTION_COLUMNS.rag, cell: (a) => <RagBadge rag={a.rag} /> },
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
