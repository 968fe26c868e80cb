/** One evidence item: its details, what it is linked to (add links from here too), and feature panels (e.g. files). */
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { Edit20Regular, Link20Regular } from '@fluentui/react-icons';
import { Suspense, useState } from 'react';
import { label, LINK_TARGETS, type LinkTarget } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useApi, useQuery } from '../../api/api-context';
import { idInput, useForm } from '../../api/use-form';
import { evidenceItemPanels } from '../../app/extensions';
import { recordPath } from '../../app/record-paths';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { LevelBadge } from '../../components/evidence-links-panel';
import { FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { DeleteButton, HistoryButton, UnlinkButton } from '../../components/record-actions';
import { EmptyState, Loading, QueryView } from '../../components/states';
import { EvidenceForm } from './evidence-form';
import { TARGET_LABELS, useTargetOptions } from './link-target-options';

export function targetPath(type: LinkTarget, id: number): string | null {
  // Milestones open on their action's page, which needs the action id: no page of their own here.
  return type === 'milestone' ? null : recordPath(type, id);
}

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, '& dt': { fontWeight: tokens.fontWeightSemibold }, '& dd': { margin: 0, whiteSpace: 'pre-wrap' } },
  picker: { padding: tokens.spacingHorizontalL, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, marginBottom: tokens.spacingVerticalM },
});

function LinkToForm({ evidenceId, onDone }: { evidenceId: number; onDone(): void }) {
  const s = useStyles();
  const form = useForm({
    channel: 'evidence:link',
    initial: { type: 'action', sefId: '', targetId: '', note: '' },
    resetAfterSave: true,
    toInput: (v) => ({ evidenceId, target: { type: v.type, id: idInput(v.targetId) }, note: v.note }),
    fieldOf: (p) => (p.startsWith('target') ? 'targetId' : p),
    onSaved: onDone,
  });
  const { options, sefs } = useTargetOptions(String(form.values.type), String(form.values.sefId));
  return (
    <div className={s.picker}>
      <FormShell form={form} label="Link to an item" saveLabel="Link" onCancel={onDone}>
        <SelectField form={form} name="type" label="What to link to" options={LINK_TARGETS.map((t) => ({ value: t, label: TARGET_LABELS[t] }))} />
        {form.values.type === 'sefSection' && <SelectField form={form} name="sefId" label="Self-evaluation version" emptyLabel="Choose a version" options={sefs} />}
        <SelectField form={form} name="targetId" label="Item" required emptyLabel={options.length ? 'Choose an item' : 'Nothing to choose yet'} options={options} />
        <TextField form={form} name="note" label="Note (optional)" />
      </FormShell>
    </div>
  );
}

export default function EvidenceItemScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const s = useStyles();
  const { client } = useApi();
  const { readOnly } = useWorkbook();
  const item = useQuery('evidence:get', { id });
  const links = useQuery('evidence:links', { evidenceId: id });
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  return (
    <QueryView query={item}>
      {(e) => (
        <Page
          title={`${e.reference} ${e.title}`}
          subtitle={
            <>
              {label(e.kind)} · <LevelBadge level={e.level} /> {e.containsPersonalData && <Badge appearance="outline" color="danger">Contains personal data</Badge>}
            </>
          }
          crumbs={[{ label: 'Evidence library', to: '/evidence' }]}
          actions={
            <>
              {!readOnly && !editing && <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>Edit</Button>}
              <HistoryButton entity="evidence" id={e.id} />
              <DeleteButton channel="evidence:delete" id={e.id} what="this evidence item and its links" after="/evidence" />
            </>
          }
        >
          <Section title="Details">
            {editing ? (
              <EvidenceForm evidence={e} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
            ) : (
              <dl className={s.facts}>
                <dt>Summary</dt>
                <dd>{e.summary || '–'}</dd>
                <dt>Owner</dt>
                <dd>{e.ownerName ?? '–'}</dd>
                <dt>Evidences</dt>
                <dd>{e.effectiveFrom ? `${ukDate(e.effectiveFrom)}${e.effectiveTo ? ` to ${ukDate(e.effectiveTo)}` : ' onwards'}` : 'No dates given'}</dd>
                <dt>Added</dt>
                <dd>{ukDate(e.addedOn)}</dd>
                <dt>Location</dt>
                <dd>{e.location || '–'}</dd>
              </dl>
            )}
          </Section>
          <Section title="Linked to" actions={!readOnly && !linking && <Button icon={<Link20Regular />} onClick={() => setLinking(true)}>Link to an item</Button>}>
            {linking && <LinkToForm evidenceId={e.id} onDone={() => setLinking(false)} />}
            <QueryView query={links}>
              {(rows) =>
                rows.length === 0 ? (
                  <EmptyState title="Not linked to anything yet">Choose “Link to an item” to cite it for a finding, action, milestone, indicator or self-evaluation section.</EmptyState>
                ) : (
                  <DataTable
                    caption="Links"
                    captionHidden
                    rows={rows}
                    rowKey={(l) => l.id}
                    columns={[
                      { header: 'Item', rowHeader: true, cell: (l) => { const to = targetPath(l.target.type, l.target.id); return to ? <RouteLink to={to}>{l.targetLabel}</RouteLink> : l.targetLabel; } },
                      { header: 'Type', cell: (l) => TARGET_LABELS[l.target.type] },
                      { header: 'Note', cell: (l) => l.note || '–' },
                      ...(readOnly
                        ? []
                        : [
                            {
                              header: 'Unlink',
                              cell: (l: (typeof rows)[number]) => (
                                <UnlinkButton
                                  what={l.targetLabel}
                                  unlink={() => client.call('evidence:unlink', { evidenceId: id, target: l.target })}
                                  relink={() => client.call('evidence:link', { evidenceId: id, target: l.target, note: l.note })}
                                />
                              ),
                            },
                          ]),
                    ]}
                  />
                )
              }
            </QueryView>
          </Section>
          {evidenceItemPanels.map((p) => (
            <Section key={p.id} title={p.title}>
              <Suspense fallback={<Loading />}>
                <p.component evidenceId={e.id} readOnly={readOnly} />
              </Suspense>
            </Section>
          ))}
        </Page>
      )}
    </QueryView>
  );
}
