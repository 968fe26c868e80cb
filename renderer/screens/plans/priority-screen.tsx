/** One priority: the findings it answers, its actions, and the evidence for it (impact first). */
import { Button, Switch } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label } from '../../../electron/contract/enums';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { findingTypeLabel, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { EvidenceLinksPanel, LevelBadge } from '../../components/evidence-links-panel';
import { Page, Section } from '../../components/page';
import { DeleteButton, HistoryButton } from '../../components/record-actions';
import { EmptyState, ErrorState, Loading, QueryView } from '../../components/states';
import { ActionForm } from './action-form';
import { ActionsTable } from './plan-screen';
import { PriorityForm } from './priority-form';

type Link = ChannelOutput<'evidence:links'>[number];

/** Evidence cited by any of the priority's actions, so "what shows impact for priority 3?" is one click. */
function ActionsEvidence({ actions }: { actions: ChannelOutput<'action:list'>['items'] }) {
  const { client, changes } = useApi();
  const [rows, setRows] = useState<(Link & { actionRef: string })[] | null>(null);
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  const [impactOnly, setImpactOnly] = useState(true);
  const ids = actions.map((a) => a.id).join(',');
  useEffect(() => {
    let live = true;
    Promise.all(actions.map((a) => client.call('evidence:links', { target: { type: 'action', id: a.id } }).then((ls) => ls.map((l) => ({ ...l, actionRef: a.reference })))))
      .then((all) => live && setRows(all.flat()))
      .catch((e: unknown) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
    // `ids` stands for the actions array (a new array each render); reload after any write.
  }, [client, ids, changes]);
  if (error) return <ErrorState error={error} />;
  if (!rows) return <Loading label="Gathering evidence…" />;
  const shown = impactOnly ? rows.filter((r) => r.evidenceLevel === 'impact') : rows;
  return (
    <>
      <Switch checked={impactOnly} onChange={(_, d) => setImpactOnly(d.checked)} label="Impact evidence only" />
      {shown.length === 0 ? (
        <EmptyState title={impactOnly ? 'No impact evidence is linked to these actions yet' : 'No evidence is linked to these actions yet'}>
          Open an action and choose “Link evidence”. Impact evidence shows the difference made for children, young people and families.
        </EmptyState>
      ) : (
        <DataTable
          caption="Evidence linked to this priority's actions"
          captionHidden
          rows={shown}
          rowKey={(l) => l.id}
          columns={[
            { header: 'Evidence', rowHeader: true, cell: (l) => <RouteLink to={`/evidence/${l.evidenceId}`}>{`${l.evidenceReference} ${l.evidenceTitle}`}</RouteLink> },
            { header: 'Level', cell: (l) => <LevelBadge level={l.evidenceLevel} /> },
            { header: 'Kind', cell: (l) => label(l.evidenceKind) },
            { header: 'Action', cell: (l) => <RouteLink to={`/actions/${l.target.id}`}>{l.actionRef}</RouteLink> },
          ]}
        />
      )}
    </>
  );
}

export default function PriorityScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const { reference, readOnly } = useWorkbook();
  const priority = useQuery('priority:get', { id });
  const plan = useQuery('plan:get', priority.status === 'ok' ? { id: priority.data.planId } : null);
  const actions = useQuery('action:list', { priorityId: id, limit: 500 });
  const findings = useQuery('finding:list', { limit: 500 });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <QueryView query={priority}>
      {(p) => (
        <Page
          title={`Priority ${p.reference}: ${p.title}`}
          subtitle={plan.status === 'ok' ? plan.data.title : undefined}
          crumbs={[{ label: 'Action plans', to: '/plans' }, ...(plan.status === 'ok' ? [{ label: plan.data.title, to: `/plans/${plan.data.id}` }] : [])]}
          actions={
            <>
              {!readOnly && !editing && <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>Edit</Button>}
              <HistoryButton entity="priority" id={p.id} />
              <DeleteButton channel="priority:delete" id={p.id} what="this priority with its actions and milestones" after={`/plans/${p.planId}`} />
            </>
          }
        >
          {editing ? (
            <Section title="Edit the priority">
              <PriorityForm planId={p.planId} priority={p} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
            </Section>
          ) : (
            <Section title="Findings it answers">
              {p.description && <p>{p.description}</p>}
              {p.findingIds.length === 0 ? (
                <p>Not linked to a finding yet. Choose “Edit” to tick the findings it answers.</p>
              ) : (
                <ul>
                  {findings.status === 'ok' &&
                    findings.data.items
                      .filter((f) => p.findingIds.includes(f.id))
                      .map((f) => (
                        <li key={f.id}>
                          <RouteLink to={`/findings/${f.id}`}>{`${f.reference ? `${f.reference} ` : ''}${f.title}`}</RouteLink> ({findingTypeLabel(reference, f.type)})
                        </li>
                      ))}
                </ul>
              )}
            </Section>
          )}
          <Section title="Actions" actions={!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Add an action</Button>}>
            {adding && <ActionForm priorityId={p.id} onSaved={() => setAdding(false)} onCancel={() => setAdding(false)} />}
            <QueryView query={actions}>
              {(a) => (a.items.length === 0 ? <EmptyState title="No actions yet">Choose “Add an action” to record what will be done, by whom and by when.</EmptyState> : <ActionsTable actions={a.items} caption="Actions" />)}
            </QueryView>
          </Section>
          <Section title="Evidence from its actions">
            <QueryView query={actions}>{(a) => <ActionsEvidence actions={a.items} />}</QueryView>
          </Section>
          <EvidenceLinksPanel target={{ type: 'priority', id: p.id }} title="Evidence linked to the priority" />
        </Page>
      )}
    </QueryView>
  );
}
