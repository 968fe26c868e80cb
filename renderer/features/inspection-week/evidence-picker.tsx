/** Choose evidence items to supply: a filter box and checkboxes (keyboard and screen-reader friendly). */
import { Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Client } from '../../../electron/contract/client';
import { Show, useLoad } from './week-shared';

const useStyles = makeStyles({ list: { maxHeight: '12rem', overflowY: 'auto', display: 'grid', padding: tokens.spacingVerticalXS } });

export function EvidencePicker({ client, version, chosen, onChange }: { client: Client; version: number; chosen: number[]; onChange(ids: number[]): void }) {
  const s = useStyles();
  const [filter, setFilter] = useState('');
  const loaded = useLoad(client, 'evidence:list', { sort: 'reference', limit: 500 }, version);
  return (
    <Show loaded={loaded} label="evidence">
      {(page) => {
        const f = filter.trim().toLowerCase();
        const shown = page.items.filter((e) => !f || `${e.reference} ${e.title}`.toLowerCase().includes(f)).slice(0, 30);
        return (
          <fieldset>
            <legend>Evidence supplied</legend>
            <Field label="Find evidence">
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
