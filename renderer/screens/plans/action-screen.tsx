/**
 * One action: who and when, its RAG (derived, with the reason, or overridden with a reason), its
 * milestones, its dated progress updates as a timeline, and its evidence.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label, RAG_CODES } from '../../../electron/contract/enums';
import { inPlan, ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { dateInput, useForm } from '../../api/use-form';
import type { ScreenProps } from '../../app/route-types';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable, RowButtons } from '../../components/data-table';
import { EvidenceLinksPanel } from '../../components/evidence-links-panel';
import { DateField, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { RagBadge } from '../../components/rag-badge';
import { DeleteButton, HistoryButton, RowDeleteButton } from '../../components/record-actions';
import { EmptyState, QueryView } from '../../components/states';
import { ActionForm } from './action-form';
import { MilestoneForm } from './milestone-form';
import { dueText } from './plan-screen';
import { ProgressForm } from './progress-form';

type Action = ChannelOutput<'action:get'>;

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, '& dt': { fontWeight: tokens.fontWeightSemibold }, '& dd': { margin: 0, whiteSpace: 'pre-wrap' } },
  timeline: { listStyle: 'none', margin: 0, padding: 0, borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
  entry: { position: 'relative', margin: `0 0 ${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  entryHead: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  h4: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
  para: { margin: 0, whiteSpace: 'pre-wrap' },
  ragLine: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  superseded: { opacity: 0.8, border: `1px dashed ${tokens.colorNeutralStroke1}` },
  twoForms: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: tokens.spacingHorizontalXXL },
});

function ReviseDueForm({ action }: { action: Action }) {
  const form = useForm({
    channel: 'action:update',
    initial: { revisedDueOn: ukDate(action.revisedDueOn), revisedDueReason: action.revisedDueReason },
    toInput: (v) => ({ id: action.id, expectedVersion: action.version, revisedDueOn: dateInput(v.revisedDueOn), revisedDueReason: v.revisedDueReason }),
    check: (v) => (String(v.revisedDueOn).trim() && !String(v.revisedDueReason).trim() ? { revisedDueReason: 'Give the reason for the new date and who approved it.' } : {}),
  });
  return (
    <FormShell form={form} label="Revise the due date" saveLabel="Save revised date">
      <DateField form={form} name="revisedDueOn" label="Revised due date" hint={`Originally due ${ukDate(action.dueOn) || 'with no date'}. For example, 22/11/2026`} />
      <TextField form={form} name="revisedDueReason" label="Reason for the revised date" hint="Why it moved and who approved it (for example, the SEND Improvement Board)." multiline rows={2} />
    </FormShell>
  );
}

function RagOverrideForm({ action }: { action: Action }) {
  const form = useForm({
    channel: 'action:update',
    initial: { ragOverride: action.ragOverride ?? '', ragOverrideReason: action.ragOverrideReason },
    toInput: (v) => ({ id: action.id, expectedVersion: action.version, ragOverride: v.ragOverride || null, ragOverrideReason: v.ragOverride ? v.ragOverrideReason : '' }),
    check: (v) => (v.ragOverride && !String(v.ragOverrideReason).trim() ? { ragOverrideReason: 'Give the reason for overriding the RAG.' } : {}),
  });
  return (
    <FormShell form={form} label="Override the RAG" saveLabel="Save RAG">
      <SelectField form={form} name="ragOverride" label="RAG shown" emptyLabel={`Use the derived RAG (${label(action.ragDerived)})`} options={RAG_CODES.map((r) => ({ value: r, label: label(r) }))} />
      <TextField form={form} name="ragOverrideReason" label="Reason for overriding the RAG" multiline rows={2} disabled={!form.values.ragOverride} />
    </FormShell>
  );
}

export default function ActionScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const s = useStyles();
  const { readOnly } = useWorkbook();
  const action = useQuery('action:get', { id });
  const priority = useQuery('priority:get', action.status === 'ok' ? { id: action.data.priorityId } : null);
  // Action and priority numbers repeat between plans: the page names its plan (issue #15).
  const plan = useQuery('plan:get', action.status === 'ok' ? { id: action.data.planId } : null);
  const planTitle = plan.status === 'ok' ? plan.data.title : null;
  const milestones = useQuery('milestone:list', { actionId: id, limit: 500 });
  const progress = useQuery('progress:list', { actionId: id, limit: 500 });
  const [editing, setEditing] = useState(false);
  const [addingMilestone, setAddingMilestone] = useState(false);
  const [editingMilestone, setEditingMilestone] = useState<number | null>(null);
  const [addingUpdate, setAddingUpdate] = useState(false);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const ms = milestones.status === 'ok' ? milestones.data.items : [];

  return (
    <QueryView query={action}>
      {(a) => (
        <Page
          title={`Action ${a.reference}: ${a.what}`}
          subtitle={priority.status === 'ok' ? inPlan(`Priority ${priority.data.reference}: ${priority.data.title}`, planTitle) : undefined}
          crumbs={[
            { label: 'Action plans', to: '/plans' },
            { label: planTitle ?? 'Plan', to: `/plans/${a.planId}` },
            ...(priority.status === 'ok' ? [{ label: `Priority ${priority.data.reference}`, to: `/priorities/${priority.data.id}` }] : []),
          ]}
          actions={
            <>
              {!readOnly && !editing && <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>Edit</Button>}
              <HistoryButton entity="action" id={a.id} />
              <DeleteButton channel="action:delete" id={a.id} what="this action with its milestones and updates" after={`/priorities/${a.priorityId}`} />
            </>
          }
        >
          <Section title="Summary">
            {editing ? (
              <ActionForm priorityId={a.priorityId} action={a} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
            ) : (
              <dl className={s.facts}>
                <dt>RAG</dt>
                <dd>
                  <span className={s.ragLine}>
                    <RagBadge rag={a.rag} />
                    {/* The RAG, its reason and which source won come from the one actionRag rule (issue #13). */}
                    <span>
                      {a.ragReason} {a.ragSourceWords}
                    </span>
                  </span>
                </dd>
                <dt>Status</dt>
                <dd>{label(a.status)}</dd>
                <dt>Lead officer</dt>
                <dd>{a.leadName ?? 'No lead yet'}</dd>
                <dt>Senior responsible officer</dt>
                <dd>{a.sroName ?? '–'}</dd>
                <dt>Partner</dt>
                <dd>{a.partnerName ?? '–'}</dd>
                <dt>Start</dt>
                <dd>{ukDate(a.startsOn) || '–'}</dd>
                <dt>Due</dt>
                <dd>
                  {dueText(a)}
                  {a.revisedDueReason && ` – ${a.revisedDueReason}`}
                </dd>
                <dt>How we will do it</dt>
                <dd>{a.how || '–'}</dd>
                <dt>Success measures</dt>
                <dd>{a.successMeasures || '–'}</dd>
                <dt>References</dt>
                <dd>{a.referencesText || '–'}</dd>
              </dl>
            )}
          </Section>

          {!readOnly && (
            <Section title="Dates and RAG">
              <div className={s.twoForms}>
                <ReviseDueForm key={`due-${a.version}`} action={a} />
                <RagOverrideForm key={`rag-${a.version}`} action={a} />
              </div>
            </Section>
          )}

          <Section title="Milestones" actions={!readOnly && !addingMilestone && <Button icon={<Add20Regular />} onClick={() => setAddingMilestone(true)}>Add a milestone</Button>}>
            {addingMilestone && <MilestoneForm actionId={a.id} onSaved={() => setAddingMilestone(false)} onCancel={() => setAddingMilestone(false)} />}
            <QueryView query={milestones}>
              {(m) =>
                m.items.length === 0 ? (
                  <EmptyState title="No milestones yet">Choose “Add a milestone” for each step DfE and NHS England advisers will check.</EmptyState>
                ) : (
                  <DataTable
                    caption="Milestones"
                    captionHidden
                    rows={m.items}
                    rowKey={(x) => x.id}
                    columns={[
                      { header: 'Milestone', rowHeader: true, sortValue: (x) => x.title, cell: (x) => x.title },
                      { header: 'Due', sortValue: (x) => x.dueOn, cell: (x) => ukDate(x.dueOn) || '–' },
                      { header: 'Period', cell: (x) => x.periodLabel || '–' },
                      // The effective state (milestoneState): overdue shows as overdue, not as the stored "not yet due".
                      { header: 'Status', cell: (x) => `${label(x.state ?? x.status)}${x.achievedOn ? ` (${ukDate(x.achievedOn)})` : ''}` },
                      ...(readOnly
                        ? []
                        : [
                            {
                              header: 'Change',
                              cell: (x: (typeof m.items)[number]) => (
                                <RowButtons>
                                  <Button size="small" icon={<Edit20Regular />} aria-label={`Edit milestone ${x.title}`} onClick={() => setEditingMilestone(x.id)}>
                                    Edit
                                  </Button>
                                  <RowDeleteButton channel="milestone:delete" id={x.id} what={`milestone ${x.title}`} />
                                </RowButtons>
                              ),
                            },
                          ]),
                    ]}
                  />
                )
              }
            </QueryView>
            {editingMilestone !== null && ms.find((x) => x.id === editingMilestone) && (
              <MilestoneForm key={editingMilestone} actionId={a.id} milestone={ms.find((x) => x.id === editingMilestone)} onSaved={() => setEditingMilestone(null)} onCancel={() => setEditingMilestone(null)} />
            )}
          </Section>

          <Section title="Progress updates" actions={!readOnly && !addingUpdate && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAddingUpdate(true)}>Add a progress update</Button>}>
            {addingUpdate && <ProgressForm action={a} milestones={ms} onSaved={() => setAddingUpdate(false)} onCancel={() => setAddingUpdate(false)} />}
            <QueryView query={progress}>
              {(p) =>
                p.items.length === 0 ? (
                  <EmptyState title="No progress updates yet">Add an update at each reporting period: highlights, issues and mitigation. Updates are kept in date order and never overwritten.</EmptyState>
                ) : (
                  <ol className={s.timeline} aria-label="Progress updates, newest first">
                    {[...p.items]
                      .sort((x, y) => y.reportedOn.localeCompare(x.reportedOn) || y.id - x.id)
                      .map((u) => (
                        <li key={u.id} className={mergeClasses(s.entry, u.supersededById !== null && s.superseded)}>
                          <h3 className={s.entryHead}>
                            <span>{ukDate(u.reportedOn)}</span>
                            {u.supersededById !== null && <span>(corrected by a later update; no longer counts)</span>}
                            {u.supersedesId !== null && <span>(a correction)</span>}
                            {u.periodLabel && <span>{u.periodLabel}</span>}
                            <span>{label(u.status)}</span>
                            {u.rag && <RagBadge rag={u.rag} />}
                          </h3>
                          {u.milestoneId && <p className={s.para}>About: {ms.find((x) => x.id === u.milestoneId)?.title ?? 'a milestone'}</p>}
                          {u.highlights && (
                            <>
                              <h4 className={s.h4}>Highlights</h4>
                              <p className={s.para}>{u.highlights}</p>
                            </>
                          )}
                          {u.issues && (
                            <>
                              <h4 className={s.h4}>Issues</h4>
                              <p className={s.para}>{u.issues}</p>
                            </>
                          )}
                          {u.mitigation && (
                            <>
                              <h4 className={s.h4}>Mitigation</h4>
                              <p className={s.para}>{u.mitigation}</p>
                            </>
                          )}
                          <p className={s.para} style={{ color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalS }}>
                            By {u.author || 'unknown'}
                          </p>
                          {!readOnly && (
                            <RowButtons>
                              {u.supersededById === null && correcting !== u.id && (
                                <Button size="small" icon={<Edit20Regular />} aria-label={`Correct the update of ${ukDate(u.reportedOn)}`} onClick={() => setCorrecting(u.id)}>
                                  Correct
                                </Button>
                              )}
                              <RowDeleteButton channel="progress:delete" id={u.id} what={`the update of ${ukDate(u.reportedOn)}`} />
                            </RowButtons>
                          )}
                          {correcting === u.id && (
                            <ProgressForm action={a} milestones={ms} corrects={u} onSaved={() => setCorrecting(null)} onCancel={() => setCorrecting(null)} />
                          )}
                        </li>
                      ))}
                  </ol>
                )
              }
            </QueryView>
          </Section>

          <EvidenceLinksPanel target={{ type: 'action', id: a.id }} />
        </Page>
      )}
    </QueryView>
  );
}
