/** One finding: its words, later assessments (e.g. revisit verdicts), the priorities and actions answering it, and its evidence. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { dateInput, idInput, useForm } from '../../api/use-form';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { assessmentResultLabel, findingTypeLabel, frameworkOf, useWorkbook } from '../../app/workbook-context';
import { DataTable, RowButtons } from '../../components/data-table';
import { EvidenceLinksPanel } from '../../components/evidence-links-panel';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { RagBadge } from '../../components/rag-badge';
import { DeleteButton, HistoryButton, RowDeleteButton } from '../../components/record-actions';
import { EmptyState, QueryView } from '../../components/states';
import { eventVerdictDate } from './bulk-verdicts';
import { FindingForm } from './finding-form';

const useStyles = makeStyles({ text: { whiteSpace: 'pre-wrap', backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderLeft: `4px solid ${tokens.colorBrandStroke1}`, margin: 0 } });

type Finding = ChannelOutput<'finding:get'>;

type Assessment = ChannelOutput<'assessment:list'>['items'][number];

/** Adds a verdict, or corrects one (issue #15: a mistaken verdict could not be fixed). */
function AssessmentForm({ finding, frameworkId, assessment, onDone }: { finding: Finding; frameworkId: string; assessment?: Assessment; onDone(): void }) {
  const { reference } = useWorkbook();
  const events = useQuery('event:list', { limit: 500 });
  const results = frameworkOf(reference, frameworkId)?.assessmentResults ?? [];
  const initial = {
    result: assessment?.result ?? results[0]?.id ?? '',
    eventId: assessment?.eventId == null ? '' : String(assessment.eventId),
    assessedOn: assessment ? ukDate(assessment.assessedOn) : '',
    commentary: assessment?.commentary ?? '',
  };
  const toCommon = (v: typeof initial) => ({ result: v.result, eventId: idInput(v.eventId), assessedOn: dateInput(v.assessedOn) ?? '', commentary: v.commentary });
  const createForm = useForm({
    channel: 'assessment:create',
    initial,
    resetAfterSave: true,
    toInput: (v) => ({ findingId: finding.id, ...toCommon(v) }),
    onSaved: onDone,
  });
  const updateForm = useForm({
    channel: 'assessment:update',
    initial,
    toInput: (v) => ({ id: assessment?.id ?? 0, expectedVersion: assessment?.version, ...toCommon(v) }),
    onSaved: onDone,
  });
  const form = assessment ? updateForm : createForm;
  const eventOptions = events.status === 'ok' ? events.data.items.map((e) => ({ value: String(e.id), label: e.title })) : [];
  const chooseEvent = (value: string) => {
    form.set('eventId', value);
    // Choosing the revisit fills in its date when none is typed yet.
    const ev = events.status === 'ok' ? events.data.items.find((e) => String(e.id) === value) : undefined;
    const date = ev ? eventVerdictDate(ev) : null;
    if (date && String(form.values.assessedOn).trim() === '') form.set('assessedOn', ukDate(date));
  };
  return (
    <FormShell form={form} label={assessment ? 'Correct this assessment' : 'Add an assessment'} saveLabel={assessment ? 'Save assessment' : 'Add assessment'} onCancel={onDone}>
      <FieldRow>
        <SelectField form={form} name="result" label="Result" required options={results.map((r) => ({ value: r.id, label: r.label }))} />
        <SelectField form={{ ...form, set: (n, v) => (n === 'eventId' ? chooseEvent(String(v)) : form.set(n, v)) }} name="eventId" label="Assessed at" emptyLabel="Not tied to an event" options={eventOptions} />
        <DateField form={form} name="assessedOn" label="Date assessed" required />
      </FieldRow>
      <TextField form={form} name="commentary" label="Commentary" multiline />
    </FormShell>
  );
}

function Answering({ findingId }: { findingId: number }) {
  const priorities = useQuery('priority:list', { limit: 500 });
  const actions = useQuery('action:list', { limit: 500 });
  return (
    <QueryView query={priorities}>
      {(p) => {
        const answering = p.items.filter((x) => x.findingIds.includes(findingId));
        if (answering.length === 0) {
          return <EmptyState title="No priority answers this finding yet">Open the action plan, add or edit a priority and choose this finding under “Findings it answers”.</EmptyState>;
        }
        const ids = new Set(answering.map((x) => x.id));
        const acts = actions.status === 'ok' ? actions.data.items.filter((a) => ids.has(a.priorityId)) : [];
        return (
          <>
            <ul>
              {answering.map((x) => (
                <li key={x.id}>
                  <RouteLink to={`/priorities/${x.id}`}>{`Priority ${x.reference}: ${x.title}`}</RouteLink>
                </li>
              ))}
            </ul>
            {acts.length > 0 && (
              <DataTable
                caption="Actions answering this finding"
                rows={acts}
                rowKey={(a) => a.id}
                columns={[
                  { header: 'Action', rowHeader: true, cell: (a) => <RouteLink to={`/actions/${a.id}`}>{`${a.reference} ${a.what}`}</RouteLink> },
                  { header: 'Lead', cell: (a) => a.leadName ?? '–' },
                  { header: 'Status', cell: (a) => label(a.status) },
                  { header: 'RAG', cell: (a) => <RagBadge rag={a.rag} /> },
                ]}
              />
            )}
          </>
        );
      }}
    </QueryView>
  );
}

function OwningPartners({ partnerIds }: { partnerIds: number[] }) {
  const partners = useQuery('partner:list', { limit: 500 });
  if (partnerIds.length === 0) return <p>No partner chosen yet. Choose Edit to say which partners own this finding.</p>;
  return (
    <QueryView query={partners}>
      {(p) => (
        <ul aria-label="Partners who own this finding">
          {partnerIds.map((pid) => (
            <li key={pid}>{p.items.find((x) => x.id === pid)?.name ?? 'A partner now in the Bin'}</li>
          ))}
        </ul>
      )}
    </QueryView>
  );
}

export default function FindingScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const s = useStyles();
  const { reference, readOnly } = useWorkbook();
  const finding = useQuery('finding:get', { id });
  const event = useQuery('event:get', finding.status === 'ok' ? { id: finding.data.eventId } : null);
  const assessments = useQuery('assessment:list', { findingId: id, limit: 500 });
  const [editing, setEditing] = useState(false);
  const [assessing, setAssessing] = useState(false);
  const [correcting, setCorrecting] = useState<number | null>(null);
  return (
    <QueryView query={finding}>
      {(f) => {
        const frameworkId = event.status === 'ok' ? event.data.frameworkId : '';
        return (
          <Page
            title={`${f.reference ? `${f.reference} ` : ''}${f.title}`}
            subtitle={findingTypeLabel(reference, f.type)}
            crumbs={[{ label: 'Inspections', to: '/inspections' }, ...(event.status === 'ok' ? [{ label: event.data.title, to: `/inspections/${event.data.id}` }] : [])]}
            actions={
              <>
                {!readOnly && !editing && <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>Edit</Button>}
                <HistoryButton entity="finding" id={f.id} />
                <DeleteButton channel="finding:delete" id={f.id} what="this finding" after={`/inspections/${f.eventId}`} />
              </>
            }
          >
            <Section title="What inspectors said">
              {editing && frameworkId ? (
                <FindingForm eventId={f.eventId} frameworkId={frameworkId} finding={f} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
              ) : (
                <blockquote className={s.text}>{f.text || 'The verbatim text has not been recorded.'}</blockquote>
              )}
            </Section>
            <Section title="Partners who own it">
              <OwningPartners partnerIds={f.partnerIds} />
            </Section>
            <Section title="Later assessments" actions={!readOnly && !assessing && frameworkId && <Button icon={<Add20Regular />} onClick={() => setAssessing(true)}>Add an assessment</Button>}>
              {assessing && <AssessmentForm finding={f} frameworkId={frameworkId} onDone={() => setAssessing(false)} />}
              <QueryView query={assessments}>
                {(a) =>
                  a.items.length === 0 ? (
                    <EmptyState title="Not assessed since">Add the verdict when a revisit or monitoring inspection judges this finding.</EmptyState>
                  ) : (
                    <>
                      {a.items.filter((x) => x.id === correcting).map((x) => (
                        <AssessmentForm key={`${x.id}-${x.version}`} finding={f} frameworkId={frameworkId} assessment={x} onDone={() => setCorrecting(null)} />
                      ))}
                      <DataTable
                        caption="Assessments"
                        captionHidden
                        rows={[...a.items].sort((x, y) => y.assessedOn.localeCompare(x.assessedOn))}
                        rowKey={(x) => x.id}
                        columns={[
                          { header: 'Date', rowHeader: true, cell: (x) => ukDate(x.assessedOn) },
                          { header: 'Result', cell: (x) => assessmentResultLabel(reference, x.result) },
                          { header: 'Commentary', cell: (x) => x.commentary || '–' },
                          ...(readOnly || !frameworkId
                            ? []
                            : [
                                {
                                  header: 'Change',
                                  cell: (x: Assessment) => (
                                    <RowButtons>
                                      <Button size="small" icon={<Edit20Regular />} aria-label={`Correct the assessment of ${ukDate(x.assessedOn)}`} onClick={() => setCorrecting(x.id)}>
                                        Correct
                                      </Button>
                                      <RowDeleteButton channel="assessment:delete" id={x.id} what={`the assessment of ${ukDate(x.assessedOn)}`} />
                                    </RowButtons>
                                  ),
                                },
                              ]),
                        ]}
                      />
                    </>
                  )
                }
              </QueryView>
            </Section>
            <Section title="Priorities and actions answering it">
              <Answering findingId={f.id} />
            </Section>
            <EvidenceLinksPanel target={{ type: 'finding', id: f.id }} />
          </Page>
        );
      }}
    </QueryView>
  );
}
