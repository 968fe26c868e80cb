/** Route wrapper: picks the inspection event (?event=ID, else the latest) and wires the app's client and file saving. */
import { Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import type { ScreenProps } from '../../app/route-types';
import { Page } from '../../components/page';
import { platform } from '../../platform';
import { InspectionWeekView } from './inspection-week-view';
import { Show, useLoad } from './week-shared';

export default function InspectionWeekScreen({ query }: ScreenProps) {
  const { client, changes, changed } = useApi();
  const events = useLoad(client, 'event:list', { limit: 100 }, changes);
  const [chosen, setChosen] = useState<number | null>(query.get('event') ? Number(query.get('event')) : null);
  return (
    <Page title="Inspection week" subtitle="From the notification call to final feedback: timeline, requests, tracked children and the evidence pack.">
      <Show loaded={events} label="inspection events">
        {(page) => {
          if (page.items.length === 0) return <p>Add an inspection event under Inspections first, then come back here when the call comes.</p>;
          const eventId = chosen && page.items.some((e) => e.id === chosen) ? chosen : page.items[0]!.id;
          return (
            <>
              <Field label="Inspection">
                <Select value={String(eventId)} onChange={(_, d) => setChosen(Number(d.value))}>
                  {page.items.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.title}
                    </option>
                  ))}
                </Select>
              </Field>
              <InspectionWeekView key={eventId} client={client} eventId={eventId} saveFile={(f) => platform.saveFile(f)} onChanged={changed} />
            </>
          );
        }}
      </Show>
    </Page>
  );
}
