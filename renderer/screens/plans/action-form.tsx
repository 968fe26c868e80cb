/** Add or edit an action: what, how, who, when, and how success is measured. */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { ACTION_STATUSES, label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { dateInput, idInput, useForm } from '../../api/use-form';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { usePartnerOptions, usePeopleOptions } from '../../components/use-options';

type Action = ChannelOutput<'action:get'>;

export function ActionForm({ priorityId, action, onSaved, onCancel }: { priorityId: number; action?: Action; onSaved?(a: Action): void; onCancel?(): void }) {
  const people = usePeopleOptions();
  const partners = usePartnerOptions();
  const form = useForm({
    channel: action ? 'action:update' : 'action:create',
    initial: {
      reference: action?.reference ?? '',
      what: action?.what ?? '',
      how: action?.how ?? '',
      leadPersonId: action?.leadPersonId ? String(action.leadPersonId) : '',
      sroPersonId: action?.sroPersonId ? String(action.sroPersonId) : '',
      partnerId: action?.partnerId ? String(action.partnerId) : '',
      startsOn: ukDate(action?.startsOn),
      dueOn: ukDate(action?.dueOn),
      status: action?.status ?? 'not_started',
      successMeasures: action?.successMeasures ?? '',
      referencesText: action?.referencesText ?? '',
    },
    resetAfterSave: !action,
    toInput: (v) => ({
      ...(action ? { id: action.id, expectedVersion: action.version } : { priorityId }),
      reference: v.reference,
      what: v.what,
      how: v.how,
      leadPersonId: idInput(v.leadPersonId),
      sroPersonId: idInput(v.sroPersonId),
      partnerId: idInput(v.partnerId),
      startsOn: dateInput(v.startsOn),
      dueOn: dateInput(v.dueOn),
      status: v.status,
      successMeasures: v.successMeasures,
      referencesText: v.referencesText,
    }),
    onSaved: (a) => onSaved?.(a as Action),
  });
  return (
    <FormShell form={form} label={action ? 'Edit the action' : 'Add an action'} saveLabel={action ? 'Save changes' : 'Add action'} onCancel={onCancel}>
      <FieldRow>
        <TextField form={form} name="reference" label="Action reference" hint="For example, 1.1" required />
        <SelectField form={form} name="status" label="Status" options={ACTION_STATUSES.map((s) => ({ value: s, label: label(s) }))} />
      </FieldRow>
      <TextField form={form} name="what" label="What we will do" required multiline rows={2} />
      <TextField form={form} name="how" label="How we will do it" multiline rows={3} />
      <FieldRow>
        <SelectField form={form} name="leadPersonId" label="Lead officer" emptyLabel="No lead yet" options={people} />
        <SelectField form={form} name="sroPersonId" label="Senior responsible officer" emptyLabel="None" options={people} />
        <SelectField form={form} name="partnerId" label="Partner" emptyLabel="None" options={partners} />
      </FieldRow>
      <FieldRow>
        <DateField form={form} name="startsOn" label="Start date" />
        <DateField form={form} name="dueOn" label="Due date" hint={action ? 'To move a due date, use “Revise the due date” so the reason is kept.' : 'For example, 22/11/2026'} disabled={!!action} />
      </FieldRow>
      <TextField form={form} name="successMeasures" label="Success measures" hint="How we will monitor success." multiline rows={3} />
      <TextField form={form} name="referencesText" label="References" hint="For example, Written Statement of Action, ASW4.1" />
    </FormShell>
  );
}
