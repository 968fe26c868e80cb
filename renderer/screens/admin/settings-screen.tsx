/** Settings: the area profile (name, ICB, region, neighbours), protective marking, author name, status key, partners and people. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label, PARTNER_KINDS } from '../../../electron/contract/enums';
import { NEIGHBOURS_HINT, neighboursNotCodes } from '../../../electron/contract/la-code';
import { useQuery } from '../../api/api-context';
import { idInput, useForm, type Form } from '../../api/use-form';
import { useWorkbook } from '../../app/workbook-context';
import { FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { QueryView } from '../../components/states';
import { usePartnerOptions } from '../../components/use-options';
import { RecordListSection } from './record-list-section';

type Area = ChannelOutput<'area:get'>;

/** Neighbours one a line, as the first-run set-up reads them. */
function neighbourLines(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function AreaForm({ area }: { area: Area }) {
  const { reference } = useWorkbook();
  const heldNeighbours = area.statisticalNeighbours.join('\n');
  // Workbooks made before neighbours had to be LA codes may hold names: shown, kept, and asked for as codes.
  const names = neighboursNotCodes(area.statisticalNeighbours);
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
      // Sent only when changed, so other settings can be saved while names still wait to be replaced.
      ...(String(v.statisticalNeighbours) === heldNeighbours ? {} : { statisticalNeighbours: neighbourLines(String(v.statisticalNeighbours)) }),
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
      {names.length > 0 && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            Statistical neighbours are now kept by LA code, so the national statistics import can find them. This workbook lists {names.length === 1 ? 'one' : names.length} by
            name: {names.map((n) => `“${n}”`).join(', ')}. Replace each with its LA code (for example 801 or E06000023) and save. Until then they are kept as they are.
          </MessageBarBody>
        </MessageBar>
      )}
      <TextField form={form} name="statisticalNeighbours" label="Statistical neighbours" hint={NEIGHBOURS_HINT} multiline rows={4} />
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

/** A partner's name and type, the same when adding and when correcting. */
function PartnerFields({ form }: { form: Form<{ name: string; kind: string; notes: string }> }) {
  return (
    <FieldRow>
      <TextField form={form} name="name" label="Partner name" required />
      <SelectField form={form} name="kind" label="Partner type" options={PARTNER_KINDS.map((k) => ({ value: k, label: label(k) }))} />
    </FieldRow>
  );
}

function PartnerForm({ onDone }: { onDone(): void }) {
  const form = useForm({ channel: 'partner:create', initial: { name: '', kind: 'council', notes: '' }, resetAfterSave: true, toInput: (v) => v, onSaved: onDone });
  return (
    <FormShell form={form} label="Add a partner" saveLabel="Add partner" onCancel={onDone}>
      <PartnerFields form={form} />
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
      <PartnerFields form={form} />
      <TextField form={form} name="notes" label="Notes" multiline rows={2} />
    </FormShell>
  );
}

/** A person's fields, the same when adding and when correcting. */
function PersonFields({ form }: { form: Form<{ name: string; role: string; partnerId: string; email: string }> }) {
  const partners = usePartnerOptions();
  return (
    <>
      <FieldRow>
        <TextField form={form} name="name" label="Name" required />
        <TextField form={form} name="role" label="Role" hint="For example, Head of SEND" />
      </FieldRow>
      <FieldRow>
        <SelectField form={form} name="partnerId" label="Partner" emptyLabel="None" options={partners} />
        <TextField form={form} name="email" label="Email" />
      </FieldRow>
    </>
  );
}

function PersonEditForm({ person, onDone }: { person: Person; onDone(): void }) {
  const form = useForm({
    channel: 'person:update',
    initial: { name: person.name, role: person.role, partnerId: person.partnerId === null ? '' : String(person.partnerId), email: person.email },
    toInput: (v) => ({ id: person.id, expectedVersion: person.version, name: v.name, role: v.role, partnerId: idInput(v.partnerId), email: v.email }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label={`Edit ${person.name}`} saveLabel="Save person" onCancel={onDone}>
      <PersonFields form={form} />
    </FormShell>
  );
}

function PersonForm({ onDone }: { onDone(): void }) {
  const form = useForm({
    channel: 'person:create',
    initial: { name: '', role: '', partnerId: '', email: '' },
    resetAfterSave: true,
    toInput: (v) => ({ name: v.name, role: v.role, partnerId: idInput(v.partnerId), email: v.email }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label="Add a person" saveLabel="Add person" onCancel={onDone}>
      <PersonFields form={form} />
    </FormShell>
  );
}

export default function SettingsScreen() {
  const area = useQuery('area:get', {});
  const partners = useQuery('partner:list', { limit: 500 });
  const people = useQuery('person:list', { limit: 500 });
  return (
    <Page title="Settings" subtitle="About the local area partnership and this workbook.">
      <Section title="Area profile">
        <QueryView query={area}>{(a) => <AreaForm key={a.version} area={a} />}</QueryView>
      </Section>
      <RecordListSection<Partner>
        title="Partners"
        addLabel="Add a partner"
        empty={{ title: 'No partners yet', text: 'Add the council, the ICB, the parent carer forum and other partners.' }}
        query={partners}
        columns={[
          { header: 'Partner', rowHeader: true, sortValue: (x) => x.name, cell: (x) => x.name },
          { header: 'Type', sortValue: (x) => label(x.kind), cell: (x) => label(x.kind) },
        ]}
        deleteChannel="partner:delete"
        binnedAs={(x) => `partner ${x.name}`}
        addForm={(done) => <PartnerForm onDone={done} />}
        editForm={(x, done) => <PartnerEditForm partner={x} onDone={done} />}
      />
      <RecordListSection<Person>
        title="People"
        addLabel="Add a person"
        empty={{ title: 'No people yet', text: 'Add the officers who lead actions and own evidence, so you can choose them as leads and owners.' }}
        query={people}
        columns={[
          { header: 'Name', rowHeader: true, sortValue: (x) => x.name, cell: (x) => x.name },
          { header: 'Role', sortValue: (x) => x.role, cell: (x) => x.role || '–' },
          { header: 'Partner', sortValue: (x) => x.partnerName, cell: (x) => x.partnerName ?? '–' },
          { header: 'Email', cell: (x) => x.email || '–' },
        ]}
        deleteChannel="person:delete"
        binnedAs={(x) => x.name}
        addForm={(done) => <PersonForm onDone={done} />}
        editForm={(x, done) => <PersonEditForm person={x} onDone={done} />}
      />
    </Page>
  );
}
