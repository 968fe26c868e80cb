/**
 * Add a dated progress update (append-only: earlier updates are never overwritten). A correction is
 * a new update that supersedes the mistaken one: the old one stays in history, marked superseded.
 */
import type { ChannelOutput } from '../../../electron/contract/channels';
import { ACTION_STATUSES, label, RAG_CODES } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { dateInput, idInput, useForm } from '../../api/use-form';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { todayUk } from '../../components/today';

type Action = ChannelOutput<'action:get'>;
type Milestone = ChannelOutput<'milestone:get'>;
type Update = ChannelOutput<'progress:list'>['items'][number];

export function ProgressForm({ action, milestones, corrects, onSaved, onCancel }: { action: Action; milestones: Milestone[]; corrects?: Update; onSaved?(): void; onCancel?(): void }) {
  const form = useForm({
    channel: 'progress:create',
    initial: corrects
      ? {
          reportedOn: ukDate(corrects.reportedOn),
          periodLabel: corrects.periodLabel,
          status: corrects.status,
          rag: corrects.rag ?? '',
          milestoneId: corrects.milestoneId === null ? '' : String(corrects.milestoneId),
          highlights: corrects.highlights,
          issues: corrects.issues,
          mitigation: corrects.mitigation,
        }
      : { reportedOn: todayUk(), periodLabel: '', status: action.status, rag: '', milestoneId: '', highlights: '', issues: '', mitigation: '' },
    resetAfterSave: true,
    toInput: (v) => ({
      actionId: action.id,
      reportedOn: dateInput(v.reportedOn) ?? '',
      periodLabel: v.periodLabel,
      status: v.status,
      rag: v.rag || null,
      milestoneId: idInput(v.milestoneId),
      highlights: v.highlights,
      issues: v.issues,
      mitigation: v.mitigation,
      supersedesId: corrects?.id ?? null,
    }),
    onSaved: () => onSaved?.(),
  });
  return (
    <FormShell form={form} label={corrects ? `Correct the update of ${ukDate(corrects.reportedOn)}` : 'Add a progress update'} saveLabel={corrects ? 'Save correction' : 'Add update'} onCancel={onCancel}>
      <FieldRow>
        <DateField form={form} name="reportedOn" label="Date of the update" required />
        <TextField form={form} name="periodLabel" label="Reporting period" hint="For example, November 2020" />
        <SelectField form={form} name="status" label="Status" options={ACTION_STATUSES.map((s) => ({ value: s, label: label(s) }))} />
        <SelectField form={form} name="rag" label="RAG" emptyLabel="Not given" options={RAG_CODES.map((r) => ({ value: r, label: label(r) }))} />
      </FieldRow>
      {milestones.length > 0 && <SelectField form={form} name="milestoneId" label="About a milestone" emptyLabel="The action as a whole" options={milestones.map((m) => ({ value: String(m.id), label: m.title }))} />}
      <TextField form={form} name="highlights" label="Highlights" multiline rows={3} />
      <TextField form={form} name="issues" label="Issues" multiline rows={3} />
      <TextField form={form} name="mitigation" label="Mitigation" multiline rows={2} />
    </FormShell>
  );
}
