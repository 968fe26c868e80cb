/** Choose evidence items to supply: a filter box and checkboxes (keyboard and screen-reader friendly). */
import { Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Client } from '../../../electron/contract/client';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { Show, useLoad } from './week-shared';

const useStyles = makeStyles({ list: { maxHeight: '12rem', overflowY: 'auto', display: 'grid', padding: tokens.spacingVerticalXS } });

export function EvidencePicker({ client, version, chosen, onChange }: { client: Client; version: number; chosen: number[]; onChange(ids: number[]): void }) {
  const s = useStyles();
  const [filter, setFilter] = useState('');
  // Asked of the workbook once typing pauses (issue #17): filtering the first 500 items here could
  // never find an older item in a large workbook, and a request per keystroke queued behind itself.
  const typed = useDebouncedValue(filter.trim());
  const loaded = useLoad(client, 'evidence:list', { search: typed || undefined, sort: 'added', limit: 30 }, version);
  return (
    <Show loaded={loaded} label="evidence">
      {(page) => {
        const shown = page.items;
        return (
          <fieldset>
            <legend>Evidence supplied</legend>
            <Field label="Find evidence" hint={chosen.length ? `${chosen.length} chosen. Type the start of a word or a reference to find more.` : 'Type the start of a word or a reference.'}>
              <Input value={filter} onChange={(_, d) => setFilter(d.value)} />
            </Field>
            <div className={s.list}>
              {shown.length === 0 && <span>No evidence matches.</span>}
              {shown.map((e) => (
                <Checkbox
                  key={e.id}
                  label={`${e.reference} ${e.title}`}
                  checked={chosen.includes(e.id)}
                  onChange={(_, d) => onChange(d.checked ? [...chosen, e.id] : chosen.filter((id) => id !== e.id))}
                />
              ))}
            </div>
          </fieldset>
        );
      }}
    </Show>
  );
}
