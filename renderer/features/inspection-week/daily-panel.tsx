/** Today's outstanding view and the one-page daily summary (Word). */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate } from '../../../electron/contract/format';
import type { SaveFile } from './evidence-pack-panel';
import { asApiError, dateInput, Notice, Show, ukDateTime, useLoad, type WeekPanelProps } from './week-shared';

const URGENCY_WORDS = { overdue: 'Overdue', due_today: 'Due today', due_later: 'Due later', no_due_date: 'No due date' } as const;

export function DailyPanel({ client, eventId, version, saveFile }: WeekPanelProps & { saveFile: SaveFile }) {
  // Another day's view and summary (issue #15: the backend took a day; the screen only showed today).
  const [dayText, setDayText] = useState('');
  const day = dayText.trim() ? (dateInput(dayText) ?? undefined) : undefined;
  const dayInvalid = dayText.trim() !== '' && day === undefined;
  const loaded = useLoad(client, 'week:outstanding', day ? { eventId, on: day } : { eventId }, version);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await client.call('week:dailySummary', day ? { eventId, on: day } : { eventId });
      const problem = await saveFile(file);
      setMessage(problem ? { ok: false, text: problem } : { ok: true, text: `Saved ${file.fileName}.` });
    } catch (e) {
      setMessage({ ok: false, text: asApiError(e).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
    <Field label="Day" hint="Empty for today; or another day such as 25/11/2026" validationMessage={dayInvalid ? 'Enter the day as day/month/year, such as 25/11/2026.' : undefined} style={{ maxWidth: '20rem', marginBottom: 8 }}>
      <Input value={dayText} onChange={(_, d) => setDayText(d.value)} inputMode="numeric" />
    </Field>
    <Show loaded={loaded} label="the day's outstanding work">
      {(v) => (
        <>
          <p>
            <strong>
              {ukDate(v.on)}: {v.counts.requestsOutstanding} request{v.counts.requestsOutstanding === 1 ? '' : 's'} outstanding ({v.counts.requestsOverdue} overdue),{' '}
              {v.counts.answeredToday} answered today, {v.counts.infoOutstanding} information request item{v.counts.infoOutstanding === 1 ? '' : 's'} outstanding.
            </strong>
          </p>
          {v.requests.length > 0 && (
            <ul aria-label="Requests outstanding">
              {v.requests.map((r) => (
                <li key={r.id}>
                  {URGENCY_WORDS[r.urgency]}: {r.reference} {r.request}
                  {r.dueAt ? ` (due ${ukDateTime(r.dueAt)})` : ''}
                </li>
              ))}
            </ul>
          )}
          {v.trackedChildren.length > 0 && (
            <p>
              Tracking documents still due for: {v.trackedChildren.map((c) => `${c.pseudonym}${c.documentsDueOn ? ` (by ${ukDate(c.documentsDueOn)})` : ''}`).join(', ')}.
            </p>
          )}
          <Button onClick={download} disabled={busy}>
            {busy ? 'Building the summary…' : 'Download daily summary (Word)'}
          </Button>
          {message && <Notice intent={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
        </>
      )}
    </Show>
    </>
  );
}
