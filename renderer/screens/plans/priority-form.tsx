/** Add or edit a priority (usually one per weakness), and choose the findings it answers. */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { useQuery } from '../../api/api-context';
import { idInput, useForm } from '../../api/use-form';
import { findingTypeLabel, useWorkbook } from '../../app/workbook-context';
import { CheckboxGroupField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { usePeopleOptions } from '../../components/use-options';

type Priority = ChannelOutput<'priority:get'>;

export function PriorityForm({ planId, priority, onSaved, onCancel }: { planId: number; priority?: Priority; onSaved?(p: Priority): void; onCancel?(): void }) {
  const { reference } = useWorkbook();
  const people = usePeopleOptions();
  const findings = useQuery('finding:list', { limit: 500 });
  const form = useForm({
    channel: priority ? 'priority:update' : 'priority:create',
    initial: {
      reference: priority?.reference ?? '',
      title: priority?.title ?? '',
      description: priority?.description ?? '',
      leadPersonId: priority?.leadPersonId ? String(priority.leadPersonId) : '',
      findingIds: (priority?.findingIds ?? []).map(String),
    },
    resetAfterSave: !priority,
    toInput: (v) => ({
      ...(priority ? { id: priority.id, expectedVersion: priority.version } : { planId }),
      reference: v.reference,
      title: v.title,
      description: v.description,
      leadPersonId: idInput(v.leadPersonId),
      findingIds: (v.findingIds as string[]).map(Number),
    }),
    onSaved: (p) => onSaved?.(p as Priority),
  });
  return (
    <FormShell form={form} label={priority ? 'Edit the priority' : 'Add a priority'} saveLabel={priority ? 'Save changes' : 'Add priority'} onCancel={onCancel}>
      <FieldRow>
        <TextField form={form} name="reference" label="Priority reference" hint="For example, 1 or ASW1" required />
        <SelectField form={form} name="leadPersonId" label="Lead" emptyLabel="No lead yet" options={people} />
      </FieldRow>
      <TextField form={form} name="title" label="Priority title" required />
      <TextField form={form} name="description" label="Description" multiline rows={3} />
      <CheckboxGroupField
        form={form}
        name="findingIds"
        label="Findings it answers"
        hint="Tick the weaknesses or areas for improvement this priority addresses."
        boxed
        emptyText={findings.status === 'ok' ? 'No findings recorded yet.' : 'Loading the findings…'}
        options={findings.status === 'ok' ? findings.data.items.map((f) => ({ value: String(f.id), label: `${f.reference ? `${f.reference} ` : ''}${f.title} (${findingTypeLabel(reference, f.type)})` })) : []}
      />
    </FormShell>
  );
}
