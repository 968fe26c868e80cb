/** Case sampling themes with the samples requested and supplied. */
import { Button, Field, Input, SpinButton, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { notify } from '../../components/notices';
import { EditRowButton, WeekDeleteButton, WeekEditForm } from './week-edit';
import { Notice, Show, useLoad, write, type WeekPanelProps } from './week-shared';

/** A typed count; anything else goes through as NaN so the contract explains it. */
const count = (text: string | undefined) => (String(text ?? '').trim() === '' ? 0 : Number(text));

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { paddingLeft: tokens.spacingHorizontalL },
});

export function CaseSamplingPanel({ client, eventId, version, changed }: WeekPanelProps) {
  const s = useStyles();
  const loaded = useLoad(client, 'caseTheme:list', { eventId }, version);
  const [theme, setTheme] = useState('');
  const [requested, setRequested] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);

  const add = async () => {
    const problem = await write(() => client.call('caseTheme:create', { eventId, theme, samplesRequested: requested }), changed);
    setError(problem?.message ?? null);
    if (!problem) {
      setTheme('');
      setRequested(0);
    }
  };
  const supplied = (id: number, theme: string, samplesSupplied: number) =>
    write(() => client.call('caseTheme:update', { id, samplesSupplied }), changed).then((p) => {
      setError(p?.message ?? null);
      if (!p) notify(`Saved: ${samplesSupplied} sample${samplesSupplied === 1 ? '' : 's'} supplied for ${theme}.`);
    });

  return (
    <>
      <div className={s.form}>
        <Field label="Theme" required hint="For example: quality of EHC plans">
          <Input value={theme} onChange={(_, d) => setTheme(d.value)} />
        </Field>
        <Field label="Samples requested">
          <SpinButton min={0} value={requested} onChange={(_, d) => setRequested(Number(d.value ?? d.displayValue ?? 0) || 0)} />
        </Field>
        <Button appearance="primary" onClick={add}>
          Add theme
        </Button>
      </div>
      {error && <Notice intent="error">{error}</Notice>}
      <Show loaded={loaded} label="case sampling">
        {(rows) =>
          rows.length === 0 ? (
            <p>No case sampling themes yet.</p>
          ) : (
            <ul className={s.list}>
              {rows.map((t) => (
                <li key={t.id}>
                  <strong>{t.theme}</strong>: {t.progress}{' '}
                  {t.samplesSupplied < t.samplesRequested && (
                    // The accessible name starts with the visible words (WCAG 2.5.3 label in name).
                    <Button size="small" onClick={() => supplied(t.id, t.theme, t.samplesSupplied + 1)} aria-label={`One more supplied for ${t.theme}`}>
                      One more supplied
                    </Button>
                  )}{' '}
                  {editing !== t.id && <EditRowButton what={t.theme} onClick={() => setEditing(t.id)} />}{' '}
                  <WeekDeleteButton client={client} changed={changed} channel="caseTheme:delete" id={t.id} what={`theme ${t.theme}`} />
                  {editing === t.id && (
                    <WeekEditForm
                      label={`Edit ${t.theme}`}
                      fields={[
                        { name: 'theme', label: 'Theme', required: true },
                        { name: 'samplesRequested', label: 'Samples requested' },
                        { name: 'samplesSupplied', label: 'Samples supplied' },
                        { name: 'notes', label: 'Notes', kind: 'textarea' },
                      ]}
                      initial={{ theme: t.theme, samplesRequested: String(t.samplesRequested), samplesSupplied: String(t.samplesSupplied), notes: t.notes }}
                      save={(v) =>
                        client
                          .call('caseTheme:update', { id: t.id, expectedVersion: t.version, theme: v.theme, samplesRequested: count(v.samplesRequested), samplesSupplied: count(v.samplesSupplied), notes: v.notes })
                          .then(changed)
                      }
                      onDone={() => setEditing(null)}
                    />
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </>
  );
}
