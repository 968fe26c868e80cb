/** Record or edit a finding from an outcome letter (strength, significant weakness, area for priority action…) and the partners who own it. */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { useForm } from '../../api/use-form';
import { frameworkOf, useWorkbook } from '../../app/workbook-context';
import { CheckboxGroupField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { usePartnerOptions } from '../../components/use-options';

type Finding = ChannelOutput<'finding:get'>;

export function FindingForm({ eventId, frameworkId, finding, onSaved, onCancel }: { eventId: number; frameworkId: string; finding?: Finding; onSaved?(f: Finding): void; onCancel?(): void }) {
  const { reference } = useWorkbook();
  const partners = usePartnerOptions();
  const types = frameworkOf(reference, frameworkId)?.findingTypes ?? [];
  const initial = { type: finding?.type ?? types[types.length - 1]?.id ?? '', reference: finding?.reference ?? '', title: finding?.title ?? '', text: finding?.text ?? '', partnerIds: (finding?.partnerIds ?? []).map(String) };
  const form = useForm({
    channel: finding ? 'finding:update' : 'finding:create',
    initial,
    resetAfterSave: !finding,
    toInput: (v) => ({ ...(finding ? { id: finding.id, expectedVersion: finding.version } : { eventId }), type: v.type, reference: v.reference, title: v.title, text: v.text, partnerIds: v.partnerIds.map(Number) }),
    onSaved: (f) => onSaved?.(f as Finding),
  });
  return (
    <FormShell form={form} label={finding ? 'Edit the finding' : 'Add a finding'} saveLabel={finding ? 'Save changes' : 'Add finding'} onCancel={onCancel}>
      <FieldRow>
        <SelectField form={form} name="type" label="Finding type" required options={types.map((t) => ({ value: t.id, label: t.label }))} />
        <TextField form={form} name="reference" label="Reference" hint="For example, SW1 or APA2" />
      </FieldRow>
      <TextField form={form} name="title" label="Short title" required />
      <TextField form={form} name="text" label="Verbatim text" hint="Copy the wording from the report." multiline rows={5} />
      <CheckboxGroupField form={form} name="partnerIds" label="Partners who own it" hint="Tick each partner responsible for putting this right." options={partners} emptyText="No partners recorded yet: add them under Settings." />
    </FormShell>
  );
}
