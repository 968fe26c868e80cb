/** Add or edit an evidence item: what it is, its level (activity / output / impact), dates, owner, personal data. */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS, label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { dateInput, idInput, useForm } from '../../api/use-form';
import { CheckboxField, DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { usePeopleOptions } from '../../components/use-options';

type Evidence = ChannelOutput<'evidence:get'>;

export function EvidenceForm({ evidence, onSaved, onCancel }: { evidence?: Evidence; onSaved?(e: Evidence): void; onCancel?(): void }) {
  const people = usePeopleOptions();
  const form = useForm({
    channel: evidence ? 'evidence:update' : 'evidence:create',
    initial: {
      title: evidence?.title ?? '',
      kind: evidence?.kind ?? 'document',
      level: evidence?.level ?? 'activity',
      summary: evidence?.summary ?? '',
      ownerPersonId: evidence?.ownerPersonId ? String(evidence.ownerPersonId) : '',
      effectiveFrom: ukDate(evidence?.effectiveFrom),
      effectiveTo: ukDate(evidence?.effectiveTo),
      location: evidence?.location ?? '',
      containsPersonalData: evidence?.containsPersonalData ?? false,
    },
    resetAfterSave: !evidence,
    toInput: (v) => ({
      ...(evidence ? { id: evidence.id, expectedVersion: evidence.version } : {}),
      title: v.title,
      kind: v.kind,
      level: v.level,
      summary: v.summary,
      ownerPersonId: idInput(v.ownerPersonId),
      effectiveFrom: dateInput(v.effectiveFrom),
      effectiveTo: dateInput(v.effectiveTo),
      location: v.location,
      containsPersonalData: v.containsPersonalData === true,
    }),
    onSaved: (e) => onSaved?.(e as Evidence),
  });
  return (
    <FormShell form={form} label={evidence ? 'Edit the evidence item' : 'Add evidence'} saveLabel={evidence ? 'Save changes' : 'Add evidence'} onCancel={onCancel}>
      <TextField form={form} name="title" label="Evidence title" required />
      <FieldRow>
        <SelectField form={form} name="kind" label="Kind of evidence" options={EVIDENCE_KINDS.map((k) => ({ value: k, label: label(k) }))} />
        <SelectField form={form} name="level" label="Level" hint="Impact evidence shows the difference made for children and families." options={EVIDENCE_LEVELS.map((k) => ({ value: k, label: label(k) }))} />
        <SelectField form={form} name="ownerPersonId" label="Owner" emptyLabel="No owner" options={people} />
      </FieldRow>
      <FieldRow>
        <DateField form={form} name="effectiveFrom" label="What it evidences, from" />
        <DateField form={form} name="effectiveTo" label="What it evidences, to" />
      </FieldRow>
      <TextField form={form} name="summary" label="Summary" multiline rows={3} />
      <TextField form={form} name="location" label="Location (link or path)" hint="Where the document is kept, for example a SharePoint link." />
      <CheckboxField form={form} name="containsPersonalData" label="Contains personal data about children, young people or families" />
    </FormShell>
  );
}
