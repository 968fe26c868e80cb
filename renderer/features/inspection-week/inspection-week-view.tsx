/**
 * The Inspection week screen's content for one inspection event, self-contained: it takes a
 * typed client and a way to save files, so it runs over any transport (and in tests over dispatch).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState, type ReactNode } from 'react';
import type { Client } from '../../../electron/contract/client';
import { CaseSamplingPanel } from './case-sampling-panel';
import { DailyPanel } from './daily-panel';
import { EvidencePackPanel, type SaveFile } from './evidence-pack-panel';
import { InfoRequestPanel } from './info-request-panel';
import { RequestsLogPanel } from './requests-log-panel';
import { TimelinePanel } from './timeline-panel';
import { TrackedChildrenPanel } from './tracked-children-panel';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalM}` },
});

export function InspectionWeekView({ client, eventId, saveFile, onChanged }: { client: Client; eventId: number; saveFile: SaveFile; onChanged?: () => void }) {
  const s = useStyles();
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    onChanged?.();
  }, [onChanged]);
  const props = { client, eventId, version, changed };
  const section = (id: string, title: string, body: ReactNode) => (
    <section className={s.section} aria-labelledby={id}>
      <h2 id={id} className={s.h2}>
        {title}
      </h2>
      {body}
    </section>
  );
  return (
    <>
      {section('week-timeline', 'Timeline', <TimelinePanel {...props} />)}
      {section('week-today', 'Today', <DailyPanel {...props} saveFile={saveFile} />)}
      {section('week-requests', 'Requests from inspectors', <RequestsLogPanel {...props} />)}
      {section('week-info', 'Information request', <InfoRequestPanel {...props} />)}
      {section('week-children', 'Tracked children', <TrackedChildrenPanel {...props} />)}
      {section('week-sampling', 'Case sampling', <CaseSamplingPanel {...props} />)}
      {section('week-pack', 'Evidence pack', <EvidencePackPanel client={client} saveFile={saveFile} />)}
    </>
  );
}
