/** Record or edit an inspection event (full inspection, revisit, monitoring…). */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { EVENT_KINDS, label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { dateInput, useForm } from '../../api/use-form';
import { useWorkbook } from '../../app/workbook-context';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';

type Event = ChannelOutput<'event:get'>;

export function EventForm({ event, onSaved, onCancel }: { event?: Event; onSaved?(e: Event): void; onCancel?(): void }) {
  const { reference, area } = useWorkbook();
  const initial = {
    kind: event?.kind ?? 'full_inspection',
    frameworkId: event?.frameworkId ?? area.defaultFrameworkId ?? reference.frameworks[0]?.id ?? '',
    title: event?.title ?? '',
    notifiedOn: ukDate(event?.notifiedOn),
    onsiteStartOn: ukDate(event?.onsiteStartOn),
    onsiteEndOn: ukDate(event?.onsiteEndOn),
    publishedOn: ukDate(event?.publishedOn),
    leadInspector: event?.leadInspector ?? '',
    outcome: event?.outcome ?? '',
    summary: event?.summary ?? '',
  };
  const form = useForm({
    channel: event ? 'event:update' : 'event:create',
    initial,
    resetAfterSave: !event,
    toInput: (v) => ({
      ...(event ? { id: event.id, expectedVersion: event.version } : {}),
      kind: v.kind,
      frameworkId: v.frameworkId,
      title: v.title,
      notifiedOn: dateInput(v.notifiedOn),
      onsiteStartOn: dateInput(v.onsiteStartOn),
      onsiteEndOn: dateInput(v.onsiteEndOn),
      publishedOn: dateInput(v.publishedOn),
      leadInspector: v.leadInspector,
      outcome: v.outcome || null,
      summary: v.summary,
    }),
    onSaved: (e) => onSaved?.(e as Event),
  });
  const framework = reference.frameworks.find((f) => f.id === form.values.frameworkId);
  return (
    <FormShell form={form} label={event ? 'Edit the inspection' : 'Record an inspection'} saveLabel={event ? 'Save changes' : 'Record inspection'} onCancel={onCancel}>
      <TextField form={form} name="title" label="Title" hint="For example, Joint local area SEND inspection, March 2019" required />
      <FieldRow>
        <SelectField form={form} name="kind" label="Type of event" options={EVENT_KINDS.map((k) => ({ value: k, label: label(k) }))} />
        <SelectField form={form} name="frameworkId" label="Framework" options={reference.frameworks.map((f) => ({ value: f.id, label: f.name }))} />
      </FieldRow>
      <FieldRow>
        <DateField form={form} name="notifiedOn" label="Date notified" />
        <DateField form={form} name="onsiteStartOn" label="On-site start" />
        <DateField form={form} name="onsiteEndOn" label="On-site end" />
        <DateField form={form} name="publishedOn" label="Report published" />
      </FieldRow>
      <FieldRow>
        <TextField form={form} name="leadInspector" label="Lead inspector" />
        {framework && framework.outcomes.length > 0 && (
          <SelectField form={form} name="outcome" label={`${framework.terminology.outcome[0]?.toUpperCase() ?? ''}${framework.terminology.outcome.slice(1)}`} emptyLabel="Not known yet" options={framework.outcomes.map((o) => ({ value: o.id, label: o.label }))} />
        )}
      </FieldRow>
      <TextField form={form} name="summary" label="Summary" multiline />
    </FormShell>
  );
}
