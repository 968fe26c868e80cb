/** The search results page: the same search with filters by type, kind, level and date. */
import { Checkbox, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Client } from '../../../electron/contract/client';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS, label } from '../../../electron/contract/enums';
import { parseUkDate } from '../../../electron/contract/format';
import { SEARCH_TYPES, SEARCH_TYPE_LABELS, type SearchType } from '../../../electron/contract/groups/files';
import { pathOf } from './destinations';
import { SearchResultList } from './search-result-list';
import { useSearch, type SearchRequest } from './use-search';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(200px, 260px) 1fr', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  filters: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  types: { display: 'flex', flexDirection: 'column', border: 'none', padding: 0, margin: 0 },
  status: { display: 'block', marginBottom: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

export interface SearchPageProps {
  client: Client;
  navigate: (path: string) => void;
  initialQuery?: string;
}

export function SearchPage({ client, navigate, initialQuery = '' }: SearchPageProps) {
  const s = useStyles();
  const [q, setQ] = useState(initialQuery);
  const [types, setTypes] = useState<SearchType[]>([]);
  const [kind, setKind] = useState<string>('');
  const [level, setLevel] = useState<string>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromIso = from ? parseUkDate(from) : null;
  const toIso = to ? parseUkDate(to) : null;
  const request: SearchRequest = {
    q,
    limit: 50,
    ...(types.length ? { types } : {}),
    ...(kind ? { kind: kind as SearchRequest['kind'] } : {}),
    ...(level ? { level: level as SearchRequest['level'] } : {}),
    ...(fromIso ? { from: fromIso } : {}),
    ...(toIso ? { to: toIso } : {}),
  };
  const { output, error, busy } = useSearch(client, request, 200);
  const toggle = (t: SearchType, on: boolean) => setTypes((ts) => (on ? [...ts, t] : ts.filter((x) => x !== t)));
  const count = (t: SearchType) => output?.counts[t] ?? 0;
  const status =
    error ??
    output?.notice ??
    (output
      ? output.total === 0
        ? `Nothing found for “${q}”. Try fewer or shorter words.`
        : `${output.total.toLocaleString('en-GB')}${output.moreThanTotal ? '+' : ''} result${output.total === 1 ? '' : 's'}${output.total > output.results.length ? `, showing the best ${output.results.length}` : ''}.`
      : busy
        ? 'Searching…'
        : 'Type what you are looking for: words from titles, summaries, narratives or inside attached files.');

  return (
    <div className={s.layout}>
      <div className={s.filters}>
        <fieldset className={s.types}>
          <legend>
            <Text weight="semibold">Show</Text>
          </legend>
          {SEARCH_TYPES.map((t) => (
            <Checkbox key={t} checked={types.includes(t)} onChange={(_e, d) => toggle(t, Boolean(d.checked))} label={`${SEARCH_TYPE_LABELS[t]}${output ? ` (${count(t)})` : ''}`} />
          ))}
        </fieldset>
        <Field label="Kind of evidence">
          <Dropdown value={kind ? label(kind) : 'Any'} selectedOptions={[kind]} onOptionSelect={(_e, d) => setKind(d.optionValue ?? '')}>
            <Option value="">Any</Option>
            {EVIDENCE_KINDS.map((k) => (
              <Option key={k} value={k}>
                {label(k)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Level">
          <Dropdown value={level ? label(level) : 'Any'} selectedOptions={[level]} onOptionSelect={(_e, d) => setLevel(d.optionValue ?? '')}>
            <Option value="">Any</Option>
            {EVIDENCE_LEVELS.map((l) => (
              <Option key={l} value={l}>
                {label(l)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="From" hint="For example 01/09/2023" validationMessage={from && !fromIso ? 'Enter a date such as 01/09/2023.' : undefined}>
          <Input value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label="To" validationMessage={to && !toIso ? 'Enter a date such as 31/08/2024.' : undefined}>
          <Input value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
      </div>
      <div>
        <Field label="Search the workbook">
          <Input value={q} onChange={(_e, d) => setQ(d.value)} contentBefore={<Search20Regular />} type="search" />
        </Field>
        <Text role="status" className={s.status}>
          {status}
        </Text>
        {output && <SearchResultList results={output.results} onOpen={(r) => navigate(pathOf(r))} />}
      </div>
    </div>
  );
}
