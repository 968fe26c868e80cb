/** Notification date in, timeline out: today's position, what is due next, every key date. */
import { Badge, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate } from '../../../electron/contract/format';
import { dateInput, Notice, Show, useLoad, write, type WeekPanelProps } from './week-shared';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { listStyle: 'none', padding: 0, margin: `${tokens.spacingVerticalM} 0`, display: 'grid', gap: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: '7rem 14rem 1fr', gap: tokens.spacingHorizontalM, alignItems: 'baseline' },
  past: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground2 },
});

const STATE_WORDS = { past: 'Done', today: 'Today', next: 'Next', later: '', undated: 'Not dated yet' } as const;

export function TimelinePanel({ client, eventId, version, changed }: WeekPanelProps) {
  const s = useStyles();
  const loaded = useLoad(client, 'week:timeline', { eventId }, version);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const iso = dateInput(text);
    if (!iso) {
      setError('Enter the date Ofsted called, such as 16/11/2026.');
      return;
    }
    const problem = await write(() => client.call('week:notify', { eventId, notifiedOn: iso }), changed);
    setError(problem?.message ?? null);
  };

  return (
    <Show loaded={loaded} label="the timeline">
      {(tl) => (
        <>
          <div className={s.form}>
            <Field label="Date Ofsted called (notification)" validationMessage={error ?? undefined} hint="For example 16/11/2026">
              <Input value={text} onChange={(_, d) => setText(d.value)} placeholder={tl.notifiedOn ? ukDate(tl.notifiedOn) : 'dd/mm/yyyy'} />
            </Field>
            <Button appearance="primary" onClick={save}>
              {tl.notifiedOn ? 'Change notification date' : 'Lay out the timeline'}
            </Button>
          </div>
          <p role="status">
            <strong>{tl.position}</strong>
            {tl.next && tl.next.date && (
              <>
                {' '}
                Next: {tl.next.label} on {ukDate(tl.next.date)}.
              </>
            )}
          </p>
          {tl.warnings.map((w) => (
            <Notice key={w} intent="warning">
              {w}
            </Notice>
          ))}
          {tl.entries.length > 0 && (
            <ol className={s.list} aria-label="Inspection timeline">
              {tl.entries.map((e) => (
                <li key={e.key} className={`${s.item} ${e.state === 'past' ? s.past : ''}`}>
                  <span>{e.date ? ukDate(e.date) : '—'}</span>
                  <span>
                    {e.label} {STATE_WORDS[e.state] && <Badge appearance={e.state === 'next' || e.state === 'today' ? 'filled' : 'outline'}>{STATE_WORDS[e.state]}</Badge>}
                  </span>
                  <span className={s.note}>
                    {e.workingDay !== null ? `Working day ${e.workingDay}. ` : ''}
                    {e.note}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </Show>
  );
}
