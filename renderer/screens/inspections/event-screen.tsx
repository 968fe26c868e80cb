/** One inspection event: its details and its findings. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular, TaskListSquareLtr20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { assessmentResultLabel, findingTypeLabel, frameworkOf, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { Page, Section } from '../../components/page';
import { DeleteButton, HistoryButton } from '../../components/record-actions';
import { EmptyState, QueryView } from '../../components/states';
import { BulkVerdicts } from './bulk-verdicts';
import { EventForm } from './event-form';
import { FindingForm } from './finding-form';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, '& dt': { fontWeight: tokens.fontWeightSemibold } },
  text: { whiteSpace: 'pre-wrap' },
});

export default function EventScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const s = useStyles();
  const { reference, readOnly } = useWorkbook();
  const event = useQuery('event:get', { id });
  const findings = useQuery('finding:list', { eventId: id, limit: 500 });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [judging, setJudging] = useState(false);
  return (
    <QueryView query={event}>
      {(e) => {
        const framework = frameworkOf(reference, e.frameworkId);
        return (
          <Page
            title={e.title}
            subtitle={`${label(e.kind)} · ${framework?.shortName ?? e.frameworkId}`}
            crumbs={[{ label: 'Inspections', to: '/inspections' }]}
            actions={
              <>
                {!readOnly && !editing && <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>Edit</Button>}
                <HistoryButton entity="event" id={e.id} />
                <DeleteButton channel="event:delete" id={e.id} what="this inspection and its findings" after="/inspections" />
              </>
            }
          >
            <Section title="Details">
              {editing ? (
                <EventForm event={e} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
              ) : (
                <dl className={s.facts}>
                  <dt>Date notified</dt>
                  <dd>{ukDate(e.notifiedOn) || '–'}</dd>
                  <dt>On site</dt>
                  <dd>{e.onsiteStartOn ? `${ukDate(e.onsiteStartOn)}${e.onsiteEndOn ? ` to ${ukDate(e.onsiteEndOn)}` : ''}` : '–'}</dd>
                  <dt>Report published</dt>
                  <dd>{ukDate(e.publishedOn) || '–'}</dd>
                  <dt>Lead inspector</dt>
                  <dd>{e.leadInspector || '–'}</dd>
                  {framework && framework.outcomes.length > 0 && (
                    <>
                      <dt>Outcome</dt>
                      <dd>{framework.outcomes.find((o) => o.id === e.outcome)?.verbatim ?? 'Not recorded'}</dd>
                    </>
                  )}
                  <dt>Summary</dt>
                  <dd className={s.text}>{e.summary || '–'}</dd>
                </dl>
              )}
            </Section>
            {e.kind !== 'full_inspection' && (
              <Section title="Verdicts given at this event" actions={!readOnly && !judging && <Button icon={<TaskListSquareLtr20Regular />} onClick={() => setJudging(true)}>Enter verdicts</Button>}>
                {judging ? (
                  <BulkVerdicts event={e} onDone={() => setJudging(false)} />
                ) : e.verdicts?.sentence ? (
                  <>
                    <p className={s.text}>
                      <strong>{e.verdicts.sentence}.</strong>
                    </p>
                    <p>{e.verdicts.counts.map((c) => `${c.label}: ${c.count}`).join(' · ')}</p>
                  </>
                ) : (
                  <p>Enter the verdict on each finding this {label(e.kind).toLowerCase()} judged, in one table.</p>
                )}
              </Section>
            )}
            <Section title="Findings" actions={!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Add a finding</Button>}>
              {adding && <FindingForm eventId={e.id} frameworkId={e.frameworkId} onCancel={() => setAdding(false)} onSaved={() => setAdding(false)} />}
              <QueryView query={findings}>
                {(f) =>
                  f.items.length === 0 ? (
                    e.verdicts?.sentence ? (
                      <EmptyState title={`This ${label(e.kind).toLowerCase()} judged earlier findings and recorded no new ones`}>Its verdicts are summarised above. Choose “Add a finding” only for a new finding in its report.</EmptyState>
                    ) : (
                      <EmptyState title="No findings recorded for this event">Choose “Add a finding” and copy each strength and weakness from the report.</EmptyState>
                    )
                  ) : (
                    <DataTable
                      caption="Findings"
                      captionHidden
                      rows={f.items}
                      rowKey={(x) => x.id}
                      columns={[
                        { header: 'Finding', rowHeader: true, cell: (x) => <RouteLink to={`/findings/${x.id}`}>{`${x.reference ? `${x.reference} ` : ''}${x.title}`}</RouteLink> },
                        { header: 'Type', cell: (x) => findingTypeLabel(reference, x.type) },
                        { header: 'Latest assessment', cell: (x) => (x.latestAssessment ? `${assessmentResultLabel(reference, x.latestAssessment.result)} (${ukDate(x.latestAssessment.assessedOn)})` : '–') },
                      ]}
                    />
                  )
                }
              </QueryView>
            </Section>
          </Page>
        );
      }}
    </QueryView>
  );
}
