/** Case sampling themes with the samples requested and supplied. */
import { Button, Field, Input, SpinButton, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Notice, Show, useLoad, write, type WeekPanelProps } from './week-shared';

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

  const add = async () => {
    const problem = await write(() => client.call('caseTheme:create', { eventId, theme, samplesRequested: requested }), changed);
    setError(problem?.message ?? null);
    if (!problem) {
      setTheme('');
      setRequested(0);
    }
  };
  const supplied = (id: number, samplesSupplied: number) => write(() => client.call('caseTheme:update', { id, samplesSupplied }), changed).then((p) => setError(p?.message ?? null));

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
                    <Button size="small" onClick={() => supplied(t.id, t.samplesSupplied + 1)} aria-label={`Record one more sample supplied for ${t.theme}`}>
                      One more supplied
                    </Button>
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
