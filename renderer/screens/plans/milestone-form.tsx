/** Add or edit a milestone of an action (its status feeds the roll-up and the derived RAG). */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label, MILESTONE_STATUSES } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { dateInput, useForm } from '../../api/use-form';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';

type Milestone = ChannelOutput<'milestone:get'>;

export function MilestoneForm({ actionId, milestone, onSaved, onCancel }: { actionId: number; milestone?: Milestone; onSaved?(): void; onCancel?(): void }) {
  const form = useForm({
    channel: milestone ? 'milestone:update' : 'milestone:create',
    initial: {
      title: milestone?.title ?? '',
      dueOn: ukDate(milestone?.dueOn),
      periodLabel: milestone?.periodLabel ?? '',
      status: milestone?.status ?? 'not_yet_due',
      achievedOn: ukDate(milestone?.achievedOn),
    },
    resetAfterSave: !milestone,
    toInput: (v) => ({
      ...(milestone ? { id: milestone.id, expectedVersion: milestone.version } : { actionId }),
      title: v.title,
      dueOn: dateInput(v.dueOn),
      periodLabel: v.periodLabel,
      status: v.status,
      achievedOn: dateInput(v.achievedOn),
    }),
    onSaved: () => onSaved?.(),
  });
  return (
    <FormShell form={form} label={milestone ? 'Edit the milestone' : 'Add a milestone'} saveLabel={milestone ? 'Save milestone' : 'Add milestone'} onCancel={onCancel}>
      <TextField form={form} name="title" label="Milestone" required />
      <FieldRow>
        <DateField form={form} name="dueOn" label="Due date" />
        <TextField form={form} name="periodLabel" label="Period" hint="For example, Q3 2020/21" />
        <SelectField form={form} name="status" label="Milestone status" options={MILESTONE_STATUSES.map((s) => ({ value: s, label: label(s) }))} />
        <DateField form={form} name="achievedOn" label="Date achieved" />
      </FieldRow>
    </FormShell>
  );
}
