/** Create or edit an action plan (WSOA, APP, priority action plan, improvement plan). */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { label, PLAN_STATUSES, REVIEW_CADENCES } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { dateInput, idInput, useForm } from '../../api/use-form';
import { useWorkbook } from '../../app/workbook-context';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';

type Plan = ChannelOutput<'plan:get'>;

export function PlanForm({ plan, onSaved, onCancel }: { plan?: Plan; onSaved?(p: Plan): void; onCancel?(): void }) {
  const { reference } = useWorkbook();
  const events = useQuery('event:list', { limit: 500 });
  const form = useForm({
    channel: plan ? 'plan:update' : 'plan:create',
    initial: {
      type: plan?.type ?? reference.planTypes[0]?.id ?? '',
      title: plan?.title ?? '',
      status: plan?.status ?? 'draft',
      eventId: plan?.eventId ? String(plan.eventId) : '',
      approver: plan?.approver ?? '',
      startsOn: ukDate(plan?.startsOn),
      endsOn: ukDate(plan?.endsOn),
      reviewCadence: plan?.reviewCadence ?? 'quarterly',
      nextReviewOn: ukDate(plan?.nextReviewOn),
    },
    resetAfterSave: !plan,
    toInput: (v) => ({
      ...(plan ? { id: plan.id, expectedVersion: plan.version } : {}),
      type: v.type,
      title: v.title,
      status: v.status,
      eventId: idInput(v.eventId),
      approver: v.approver,
      startsOn: dateInput(v.startsOn),
      endsOn: dateInput(v.endsOn),
      reviewCadence: v.reviewCadence,
      nextReviewOn: dateInput(v.nextReviewOn),
    }),
    onSaved: (p) => onSaved?.(p as Plan),
  });
  return (
    <FormShell form={form} label={plan ? 'Edit the plan' : 'Create a plan'} saveLabel={plan ? 'Save changes' : 'Create plan'} onCancel={onCancel}>
      <TextField form={form} name="title" label="Plan title" hint="For example, Written Statement of Action 2019" required />
      <FieldRow>
        <SelectField form={form} name="type" label="Plan type" options={reference.planTypes.map((t) => ({ value: t.id, label: t.name }))} />
        <SelectField form={form} name="status" label="Plan status" options={PLAN_STATUSES.map((s) => ({ value: s, label: label(s) }))} />
        <SelectField form={form} name="eventId" label="Responds to" emptyLabel="No inspection event" options={events.status === 'ok' ? events.data.items.map((e) => ({ value: String(e.id), label: e.title })) : []} />
      </FieldRow>
      <FieldRow>
        <DateField form={form} name="startsOn" label="Start date" />
        <DateField form={form} name="endsOn" label="End date" />
        <SelectField form={form} name="reviewCadence" label="Review cadence" options={REVIEW_CADENCES.map((c) => ({ value: c, label: label(c) }))} />
        <DateField form={form} name="nextReviewOn" label="Next review" />
      </FieldRow>
      <TextField form={form} name="approver" label="Approver" hint="For example, Ofsted and CQC (fit for purpose)" />
    </FormShell>
  );
}
