/** Evidence linked to one item (finding, priority, action, milestone, indicator, SEF section), with link and unlink. */
import { Badge, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Link20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { LinkTarget } from '../../electron/contract/enums';
import { label } from '../../electron/contract/enums';
import { useApi, useQuery } from '../api/api-context';
import { idInput, useForm } from '../api/use-form';
import { RouteLink } from '../app/router';
import { useWorkbook } from '../app/workbook-context';
import { DataTable } from './data-table';
import { FormShell, SelectField, TextField } from './form-fields';
import { Section } from './page';
import { UnlinkButton } from './record-actions';
import { useDebouncedValue } from './use-debounced-value';
import { EmptyState, QueryView } from './states';

const useStyles = makeStyles({ picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 } });

export function LevelBadge({ level }: { level: string }) {
  return (
    <Badge appearance={level === 'impact' ? 'filled' : level === 'output' ? 'tint' : 'outline'} color={level === 'impact' ? 'success' : 'informative'}>
      {label(level)}
    </Badge>
  );
}

function LinkEvidenceForm({ target, onDone }: { target: { type: LinkTarget; id: number }; onDone(): void }) {
  const s = useStyles();
  const [search, setSearch] = useState('');
  const typed = useDebouncedValue(search.trim());
  const found = useQuery('evidence:list', { search: typed || undefined, limit: 50, sort: 'added' });
  const form = useForm({
    channel: 'evidence:link',
    initial: { evidenceId: '', note: '' },
    toInput: (v) => ({ evidenceId: idInput(v.evidenceId), target, note: v.note }),
    fieldOf: (p) => (p.startsWith('evidenceId') || p.startsWith('target') ? 'evidenceId' : p),
    resetAfterSave: true,
    onSaved: onDone,
  });
  const options = found.status === 'ok' ? found.data.items.map((e) => ({ value: String(e.id), label: `${e.reference} ${e.title} (${label(e.level)})` })) : [];
  return (
    <div className={s.picker}>
      <Field label="Find evidence" hint="Type the start of words in a title or summary, or a reference, then choose it below.">
        <Input type="search" value={search} onChange={(_, d) => setSearch(d.value)} />
      </Field>
      <FormShell form={form} label="Link evidence" saveLabel="Link evidence" onCancel={onDone}>
        <SelectField form={form} name="evidenceId" label="Evidence item" required emptyLabel={found.status === 'loading' ? 'Searching…' : options.length ? 'Choose an item' : 'No matching evidence'} options={options} />
        <TextField form={form} name="note" label="Note (optional)" hint="What this evidence shows for this item." />
      </FormShell>
    </div>
  );
}

export function EvidenceLinksPanel({ target, title = 'Evidence', intro }: { target: { type: LinkTarget; id: number }; title?: string; intro?: string }) {
  const { client } = useApi();
  const { readOnly } = useWorkbook();
  const links = useQuery('evidence:links', { target });
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title={title}
      id={`evidence-${target.type}-${target.id}`}
      actions={!readOnly && !adding && <Button icon={<Link20Regular />} onClick={() => setAdding(true)}>Link evidence</Button>}
    >
      {intro && <p>{intro}</p>}
      {adding && <LinkEvidenceForm target={target} onDone={() => setAdding(false)} />}
      <QueryView query={links}>
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No evidence linked yet">Choose “Link evidence” to cite items from the evidence library. Aim for impact evidence and the voice of children, young people and families.</EmptyState>
          ) : (
            <DataTable
              caption={`${title} linked`}
              captionHidden
              rows={rows}
              rowKey={(l) => l.id}
              columns={[
                { header: 'Evidence', rowHeader: true, cell: (l) => <RouteLink to={`/evidence/${l.evidenceId}`}>{`${l.evidenceReference} ${l.evidenceTitle}`}</RouteLink> },
                { header: 'Level', cell: (l) => <LevelBadge level={l.evidenceLevel} /> },
                { header: 'Kind', cell: (l) => label(l.evidenceKind) },
                { header: 'Note', cell: (l) => l.note || '–' },
                ...(readOnly ? [] : [{ header: 'Unlink', cell: (l: (typeof rows)[number]) => (
                          <UnlinkButton
                            what={`${l.evidenceReference} ${l.evidenceTitle}`}
                            unlink={() => client.call('evidence:unlink', { evidenceId: l.evidenceId, target })}
                            relink={() => client.call('evidence:link', { evidenceId: l.evidenceId, target, note: l.note })}
                          />
                        ) }]),
              ]}
            />
          )
        }
      </QueryView>
    </Section>
  );
}
