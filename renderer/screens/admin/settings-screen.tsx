/** Settings: the area profile (name, ICB, region, neighbours), protective marking, author name, status key, partners and people. */
import { Button } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label, PARTNER_KINDS } from '../../../electron/contract/enums';
import { useQuery } from '../../api/api-context';
import { idInput, useForm } from '../../api/use-form';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable, RowButtons } from '../../components/data-table';
import { RowDeleteButton } from '../../components/record-actions';
import { FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { EmptyState, QueryView } from '../../components/states';
import { usePartnerOptions } from '../../components/use-options';

type Area = ChannelOutput<'area:get'>;

function AreaForm({ area }: { area: Area }) {
  const { reference } = useWorkbook();
  const form = useForm({
    channel: 'area:update',
    initial: {
      areaName: area.areaName,
      laCode: area.laCode,
      icb: area.icb,
      region: area.region,
      statisticalNeighbours: area.statisticalNeighbours.join('\n'),
      protectiveMarking: area.protectiveMarking,
      authorName: area.authorName,
      statusKeyId: area.statusKeyId,
      defaultFrameworkId: area.defaultFrameworkId,
    },
    toInput: (v) => ({
      expectedVersion: area.version,
      areaName: v.areaName,
      laCode: v.laCode,
      icb: v.icb,
      region: v.region,
      statisticalNeighbours: String(v.statisticalNeighbours).split('\n').map((x) => x.trim()).filter(Boolean),
      protectiveMarking: v.protectiveMarking,
      authorName: v.authorName,
      statusKeyId: v.statusKeyId,
      defaultFrameworkId: v.defaultFrameworkId,
    }),
    // The banner, RAG colours and defaults come from the profile: reload the app's view of it.
    onSaved: () => window.location.reload(),
  });
  return (
    <FormShell form={form} label="Area profile" saveLabel="Save settings">
      <FieldRow>
        <TextField form={form} name="areaName" label="Local area name" />
        <TextField form={form} name="laCode" label="LA code" />
      </FieldRow>
      <FieldRow>
        <TextField form={form} name="icb" label="Integrated care board" />
        <TextField form={form} name="region" label="Region" />
      </FieldRow>
      <TextField form={form} name="statisticalNeighbours" label="Statistical neighbours" hint="One area per line." multiline rows={4} />
      <FieldRow>
        <TextField form={form} name="protectiveMarking" label="Protective marking" hint="Shown on screen and on every export, for example OFFICIAL-SENSITIVE." />
        <TextField form={form} name="authorName" label="Your name" hint="Recorded against your changes and progress updates." />
      </FieldRow>
      <FieldRow>
        <SelectField form={form} name="statusKeyId" label="Status key (RAG)" options={reference.statusKeys.map((k) => ({ value: k.id, label: k.name }))} />
        <SelectField form={form} name="defaultFrameworkId" label="Framework" options={reference.frameworks.map((f) => ({ value: f.id, label: f.name }))} />
      </FieldRow>
    </FormShell>
  );
}

type Partner = ChannelOutput<'partner:list'>['items'][number];
type Person = ChannelOutput<'person:list'>['items'][number];

function PartnerForm({ onDone }: { onDone(): void }) {
  const form = useForm({ channel: 'partner:create', initial: { name: '', kind: 'council', notes: '' }, resetAfterSave: true, toInput: (v) => v, onSaved: onDone });
  return (
    <FormShell form={form} label="Add a partner" saveLabel="Add partner" onCancel={onDone}>
      <FieldRow>
        <TextField form={form} name="name" label="Partner name" required />
        <SelectField form={form} name="kind" label="Partner type" options={PARTNER_KINDS.map((k) => ({ value: k, label: label(k) }))} />
      </FieldRow>
    </FormShell>
  );
}

/** Correcting a partner's name or type (issue #15: a typo could not be fixed). */
function PartnerEditForm({ partner, onDone }: { partner: Partner; onDone(): void }) {
  const form = useForm({
    channel: 'partner:update',
    initial: { name: partner.name, kind: partner.kind, notes: partner.notes },
    toInput: (v) => ({ id: partner.id, expectedVersion: partner.version, name: v.name, kind: v.kind, notes: v.notes }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label={`Edit partner ${partner.name}`} saveLabel="Save partner" onCancel={onDone}>
      <FieldRow>
        <TextField form={form} name="name" label="Partner name" required />
        <SelectField form={form} name="kind" label="Partner type" options={PARTNER_KINDS.map((k) => ({ value: k, label: label(k) }))} />
      </FieldRow>
      <TextField form={form} name="notes" label="Notes" multiline rows={2} />
    </FormShell>
  );
}

function PersonEditForm({ person, onDone }: { person: Person; onDone(): void }) {
  const partners = usePartnerOptions();
  const form = useForm({
    channel: 'person:update',
    initial: { name: person.name, role: person.role, partnerId: person.partnerId === null ? '' : String(person.partnerId), email: person.email },
    toInput: (v) => ({ id: person.id, expectedVersion: person.version, name: v.name, role: v.role, partnerId: idInput(v.partnerId), email: v.email }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label={`Edit ${person.name}`} saveLabel="Save person" onCancel={onDone}>
      <FieldRow>
        <TextField form={form} name="name" label="Name" required />
        <TextField form={form} name="role" label="Role" hint="For example, Head of SEND" />
      </FieldRow>
      <FieldRow>
        <SelectField form={form} name="partnerId" label="Partner" emptyLabel="None" options={partners} />
        <TextField form={form} name="email" label="Email" />
      </FieldRow>
    </FormShell>
  );
}

function PersonForm({ onDone }: { onDone(): void }) {
  const partners = usePartnerOptions();
  const form = useForm({
    channel: 'person:create',
    initial: { name: '', role: '', partnerId: '', email: '' },
    resetAfterSave: true,
    toInput: (v) => ({ name: v.name, role: v.role, partnerId: idInput(v.partnerId), email: v.email }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label="Add a person" saveLabel="Add person" onCancel={onDone}>
      <FieldRow>
        <TextField form={form} name="name" label="Name" required />
        <TextField form={form} name="role" label="Role" hint="For example, Head of SEND" />
      </FieldRow>
      <FieldRow>
        <SelectField form={form} name="partnerId" label="Partner" emptyLabel="None" options={partners} />
        <TextField form={form} name="email" label="Email" />
      </FieldRow>
    </FormShell>
  );
}

export default function SettingsScreen() {
  const { readOnly } = useWorkbook();
  const area = useQuery('area:get', {});
  const partners = useQuery('partner:list', { limit: 500 });
  const people = useQuery('person:list', { limit: 500 });
  const [addingPartner, setAddingPartner] = useState(false);
  const [addingPerson, setAddingPerson] = useState(false);
  const [editingPartner, setEditingPartner] = useState<number | null>(null);
  const [editingPerson, setEditingPerson] = useState<number | null>(null);
  return (
    <Page title="Settings" subtitle="About the local area partnership and this workbook.">
      <Section title="Area profile">
        <QueryView query={area}>{(a) => <AreaForm key={a.version} area={a} />}</QueryView>
      </Section>
      <Section title="Partners" actions={!readOnly && !addingPartner && <Button icon={<Add20Regular />} onClick={() => setAddingPartner(true)}>Add a partner</Button>}>
        {addingPartner && <PartnerForm onDone={() => setAddingPartner(false)} />}
        <QueryView query={partners}>
          {(p) =>
            p.items.length === 0 ? (
              <EmptyState title="No partners yet">Add the council, the ICB, the parent carer forum and other partners.</EmptyState>
            ) : (
              <>
                {p.items.filter((x) => x.id === editingPartner).map((x) => (
                  <PartnerEditForm key={`${x.id}-${x.version}`} partner={x} onDone={() => setEditingPartner(null)} />
                ))}
                <DataTable
                  caption="Partners"
                  captionHidden
                  rows={p.items}
                  rowKey={(x) => x.id}
                  columns={[
                    { header: 'Partner', rowHeader: true, sortValue: (x) => x.name, cell: (x) => x.name },
                    { header: 'Type', sortValue: (x) => label(x.kind), cell: (x) => label(x.kind) },
                    ...(readOnly
                      ? []
                      : [
                          {
                            header: 'Change',
                            cell: (x: Partner) => (
                              <RowButtons>
                                <Button size="small" icon={<Edit20Regular />} aria-label={`Edit ${x.name}`} onClick={() => setEditingPartner(x.id)}>
                                  Edit
                                </Button>
                                <RowDeleteButton channel="partner:delete" id={x.id} what={`partner ${x.name}`} />
                              </RowButtons>
                            ),
                          },
                        ]),
                  ]}
                />
              </>
            )
          }
        </QueryView>
      </Section>
      <Section title="People" actions={!readOnly && !addingPerson && <Button icon={<Add20Regular />} onClick={() => setAddingPerson(true)}>Add a person</Button>}>
        {addingPerson && <PersonForm onDone={() => setAddingPerson(false)} />}
        <QueryView query={people}>
          {(p) =>
            p.items.length === 0 ? (
              <EmptyState title="No people yet">Add the officers who lead actions and own evidence, so you can choose them as leads and owners.</EmptyState>
            ) : (
              <>
                {p.items.filter((x) => x.id === editingPerson).map((x) => (
                  <PersonEditForm key={`${x.id}-${x.version}`} person={x} onDone={() => setEditingPerson(null)} />
                ))}
                <DataTable
                  caption="People"
                  captionHidden
                  rows={p.items}
                  rowKey={(x) => x.id}
                  columns={[
                    { header: 'Name', rowHeader: true, sortValue: (x) => x.name, cell: (x) => x.name },
                    { header: 'Role', sortValue: (x) => x.role, cell: (x) => x.role || '–' },
                    { header: 'Partner', sortValue: (x) => x.partnerName, cell: (x) => x.partnerName ?? '–' },
                    { header: 'Email', cell: (x) => x.email || '–' },
                    ...(readOnly
                      ? []
                      : [
                          {
                            header: 'Change',
                            cell: (x: Person) => (
                              <RowButtons>
                                <Button size="small" icon={<Edit20Regular />} aria-label={`Edit ${x.name}`} onClick={() => setEditingPerson(x.id)}>
                                  Edit
                                </Button>
                                <RowDeleteButton channel="person:delete" id={x.id} what={x.name} />
                              </RowButtons>
                            ),
                          },
                        ]),
                  ]}
                />
              </>
            )
          }
        </QueryView>
      </Section>
    </Page>
  );
}
