/** Inspections: every inspection event (inspections, revisits, monitoring, reviews) and how many findings each has. */
import { Button } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { navigate, RouteLink } from '../../app/router';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { Page, Section } from '../../components/page';
import { EmptyState, QueryView } from '../../components/states';
import { EventForm } from './event-form';
import { LetterImportSection } from '../../features/letter-import/letter-import';

export default function EventsScreen() {
  const { readOnly } = useWorkbook();
  const events = useQuery('event:list', { limit: 500 });
  const [adding, setAdding] = useState(false);
  return (
    <Page
      title="Inspections"
      subtitle="Inspections, revisits, monitoring visits and reviews, with what inspectors found."
      actions={!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Record an inspection</Button>}
    >
      {adding && (
        <Section title="Record an inspection">
          <EventForm onSaved={(e) => navigate(`/inspections/${e.id}`, { force: true })} onCancel={() => setAdding(false)} />
        </Section>
      )}
      {!adding && <LetterImportSection />}
      <QueryView query={events}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No inspections recorded yet">Choose “Record an inspection” to add the last inspection and then its findings from the outcome letter.</EmptyState>
          ) : (
            <DataTable
              caption="Inspection events"
              rows={[...data.items].sort((a, b) => (b.publishedOn ?? b.onsiteStartOn ?? '').localeCompare(a.publishedOn ?? a.onsiteStartOn ?? ''))}
              rowKey={(e) => e.id}
              columns={[
                { header: 'Event', rowHeader: true, cell: (e) => <RouteLink to={`/inspections/${e.id}`}>{e.title}</RouteLink> },
                { header: 'Type', cell: (e) => label(e.kind) },
                { header: 'On site', cell: (e) => (e.onsiteStartOn ? `${ukDate(e.onsiteStartOn)}${e.onsiteEndOn ? ` to ${ukDate(e.onsiteEndOn)}` : ''}` : '–') },
                { header: 'Published', cell: (e) => ukDate(e.publishedOn) || '–' },
                { header: 'Findings', numeric: true, cell: (e) => e.findingCount },
                { header: 'Verdicts', cell: (e) => e.verdicts?.sentence ?? '–' },
              ]}
            />
          )
        }
      </QueryView>
    </Page>
  );
}
